@step-11
Feature: Step 11 - reinstall more packs or finish the rebuild
  After each pack the wizard asks whether more CALs are to be reinstalled. Continuing goes
  back to the telephone call; finishing closes the wizard and marks the database rebuilt.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |
    And the administrator has reached the Obtain Client License Key Pack page
    And the administrator has reinstalled the pack of "Enterprise Agreement 4271956"

  Scenario: Continuing leads back to the Obtain Client License Key Pack page
    When the administrator clicks "Continue reinstalling additional RDS CALs"
    And the administrator clicks Next
    Then the wizard shows the "Obtain Client License Key Pack" page

  Scenario: Finishing records the rebuild and closes the wizard
    Given the administrator clicks "Continue reinstalling additional RDS CALs"
    And the administrator clicks Next
    And the administrator has reinstalled the pack of "Open License 83920147 QX7R2M9KD4L8T1B"
    When the administrator clicks "Finish rebuilding the RD Licensing database"
    And the administrator clicks Next
    And the administrator clicks Finish
    Then the Manage RDS CALs Wizard is closed
    And the event log records event 88
    And the installed CALs equal the purchase records

  # The note that the wizard finished is said on its own server's page, once; not on another server's.
  @browser-only
  Scenario: The note that the wizard finished is on its own server's page only
    Given another license server "LS-FABRIKAM" was activated for "United States"
    When the administrator clicks "Finish rebuilding the RD Licensing database"
    And the administrator clicks Next
    And the administrator clicks Finish
    Then the Manage RDS CALs Wizard was finished
    And the page of "LS-FABRIKAM" in RD Licensing Manager says nothing about the Manage RDS CALs Wizard

  Scenario: The finished rebuild is logged once, with the reason chosen
    When the administrator clicks "Finish rebuilding the RD Licensing database"
    And the administrator clicks Next
    And the administrator clicks Finish
    Then event 88 was logged 1 time
    And event 26 was logged 2 times
    And the wizard has recorded the reason chosen on Action Selection

  Scenario: Next without choosing to continue or finish is refused
    When the administrator tries to click Next
    Then it is refused as "no choice"
    And nothing has changed on the license server

  Scenario: Next on the last page is not Finish
    Given the administrator clicks "Finish rebuilding the RD Licensing database"
    And the administrator clicks Next
    When the administrator tries to click Next
    Then it is refused as "not available on this page"
    And the reason given mentions "Finish"
    And nothing has changed on the license server

  Scenario: After finishing, the wizard can be opened again
    Given the administrator finishes the rebuild
    When the administrator opens the Manage RDS CALs Wizard
    Then the wizard shows the "Welcome to the Manage RDS CALs Wizard" page
