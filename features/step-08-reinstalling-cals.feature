@step-8
Feature: Step 8 - after the deletion, continue from the Reinstalling RDS CALs page
  Once the contents are gone the wizard moves on to reinstalling. There is no way back to
  the CALs that were deleted, only forward through the Clearinghouse.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  | 12     |
    And the administrator has confirmed the deletion of the installed RDS CALs

  Scenario: Next leads to the Obtain Client License Key Pack page
    When the administrator clicks Next
    Then the wizard shows the "Obtain Client License Key Pack" page

  # The count starts with the deletion: 0 is a count, and the page shows it.
  Scenario: From the deletion on, the wizard counts the packs reinstalled, none yet
    Then the wizard counts 0 packs reinstalled
    When the administrator clicks Next
    Then the wizard counts 0 packs reinstalled

  Scenario: Back is not offered once the contents are deleted
    When the administrator tries to click Back
    Then it is refused as "not available on this page"
    And the reason given mentions "already been deleted"
    And nothing has changed on the license server

  Scenario: Cancelling after the deletion leaves the database empty and the rebuild unfinished
    When the administrator clicks Cancel
    Then the Manage RDS CALs Wizard is closed
    And the RD Licensing database holds no RDS CAL packs and no issued CALs
    And the event log records event 9002
    And the event log does not record event 88
