@step-7
Feature: Step 7 - confirm the deletion of the installed RDS CALs
  The check box on the Confirm Deletion of RDS CALs page is the last safeguard: without
  it ticked nothing is deleted, and the wizard can still be left without harm.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |
    And the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page

  Rule: Nothing is deleted unless the check box is ticked

    Scenario: Next with the check box clear is refused
      When the administrator tries to click Next
      Then it is refused as "deletion not confirmed"
      And the reason given mentions "nothing has been deleted"
      And nothing has changed on the license server
      And the RD Licensing database still holds 2 RDS CAL packs

    # The page answers in place; a screen reader reads the refusal only if the focus goes to it.
    @browser-only
    Scenario: Next with the check box clear is announced as refused, and the focus is on the refusal
      When the administrator tries to click Next
      Then it is refused as "deletion not confirmed"
      And the refusal is announced and has the focus

    Scenario: Nothing has been deleted yet, so the wizard counts no packs reinstalled
      Then the wizard shows no count of packs reinstalled

    Scenario: Ticking and then clearing the check box is the same as never ticking it
      Given the administrator selects the deletion confirmation check box
      And the administrator clears the deletion confirmation check box
      When the administrator tries to click Next
      Then it is refused as "deletion not confirmed"
      And the RD Licensing database still holds 2 RDS CAL packs

    Scenario: Cancelling before the confirmation deletes nothing
      Given the administrator selects the deletion confirmation check box
      When the administrator clicks Cancel
      Then the Manage RDS CALs Wizard is closed
      And the RD Licensing database still holds 2 RDS CAL packs with 19 issued CALs

    Scenario: Going back from the confirmation page deletes nothing
      When the administrator clicks Back
      Then the wizard shows the "Action Selection" page
      And the RD Licensing database still holds 2 RDS CAL packs

  Rule: Ticking the check box and clicking Next deletes the database contents

    Scenario: The deletion happens when the confirmed page is left
      Given the administrator selects the deletion confirmation check box
      When the administrator clicks Next
      Then the RD Licensing database holds no RDS CAL packs and no issued CALs
      And the wizard shows the "Reinstalling RDS CALs" page
