@step-4
Feature: Step 4 - leave the Welcome page with Next
  The Welcome page only introduces the wizard; Next leads to the choice of action.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And the administrator has opened the Manage RDS CALs Wizard

  Scenario: Next leads to the Action Selection page
    When the administrator clicks Next
    Then the wizard shows the "Action Selection" page

  Scenario: There is nothing to go back to from the Welcome page
    When the administrator tries to click Back
    Then it is refused as "not available on this page"
    And the reason given mentions "Next, Cancel"
    And nothing has changed on the license server
