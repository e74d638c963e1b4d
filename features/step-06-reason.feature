@step-6
Feature: Step 6 - give a reason for the rebuild
  A reason from the wizard's list is required before the wizard moves on to the
  confirmation of the deletion.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And the administrator has opened the Manage RDS CALs Wizard
    And the administrator clicks Next
    And the administrator clicks "Rebuild the license server database"

  Scenario: With a reason chosen, Next leads to the confirmation page
    When the administrator selects the reason "The license server computer was replaced"
    And the administrator clicks Next
    Then the wizard shows the "Confirm Deletion of RDS CALs" page
    And the wizard has recorded the reason "The license server computer was replaced"

  Scenario: Choosing the reason again on the same page does not move on
    Given the administrator has chosen to rebuild because "The RD Licensing database is corrupt"
    When the administrator selects the reason "Other"
    Then the wizard shows the "Action Selection" page
    And the wizard has recorded the reason "Other"

  Scenario: Next without a reason is refused
    When the administrator tries to click Next
    Then it is refused as "no reason selected"
    And nothing has changed on the license server

  # The reason list offers only its own reasons: no person can send another one.
  @api-only
  Scenario: A reason that is not in the list is refused
    When the administrator tries to select the reason "Because I felt like it"
    Then it is refused as "unknown reason"
    And the reason given mentions "Choose one of: The RD Licensing database is corrupt; The license server was restored from a backup;"
    And nothing has changed on the license server
