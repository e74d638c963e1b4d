@step-3
Feature: Step 3 - start the Manage RDS CALs Wizard on the chosen server
  Selecting the license server and choosing Manage RDS CALs from the Action menu opens the
  wizard for that server only.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone

  Scenario: The wizard opens on its Welcome page
    When the administrator opens the Manage RDS CALs Wizard
    Then the wizard shows the "Welcome to the Manage RDS CALs Wizard" page

  Scenario: A second wizard on the same server is refused
    Given the administrator has opened the Manage RDS CALs Wizard
    When the administrator tries to open the Manage RDS CALs Wizard
    Then it is refused as "wizard already open"
    And nothing has changed on the license server

  Scenario: A wizard on one server leaves another server alone
    Given the license server "LS-FABRIKAM" was activated for "Canada"
    And the administrator has opened the Manage RDS CALs Wizard on "LS-CONTOSO"
    When the administrator opens the Manage RDS CALs Wizard on "LS-FABRIKAM"
    Then the wizard shows the "Welcome to the Manage RDS CALs Wizard" page
    And the Manage RDS CALs Wizard on "LS-CONTOSO" shows the "Welcome to the Manage RDS CALs Wizard" page

  Scenario: The server the wizard was opened on is the one the next steps mean
    Given the license server "LS-FABRIKAM" was activated for "Canada"
    And its connection method is Telephone
    And the administrator has opened the Manage RDS CALs Wizard on "LS-CONTOSO"
    When the administrator clicks Next
    Then the wizard shows the "Action Selection" page

  Scenario: A server that does not exist cannot be selected
    When the administrator tries to open the Manage RDS CALs Wizard on "LS-MISSING"
    Then it is refused as "unknown license server"
