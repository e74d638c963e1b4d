@step-1
Feature: Step 1 - open Remote Desktop Licensing Manager
  The procedure starts in RD Licensing Manager on the license server, which lists the
  servers the administrator can manage with their activation state and ID.

  Scenario: The manager lists the license server with its ID and activation state
    Given the license server "LS-CONTOSO" was activated for "United States"
    When the administrator opens Remote Desktop Licensing Manager
    Then the manager lists "LS-CONTOSO" as activated
    And its License Server ID is shown as 7 groups of 5 letters and digits

  Scenario: A server that has not been activated is listed without an ID
    Given the license server "LS-NEW" has not been activated
    When the administrator opens Remote Desktop Licensing Manager
    Then the manager lists "LS-NEW" as not activated

  Scenario: The manager lists only servers where the credentials are valid
    Given the license server "LS-CONTOSO" was activated for "United States"
    When someone with a wrong password tries to open Remote Desktop Licensing Manager
    Then it is refused because the caller is not signed in

  Scenario: A license server the account is not known on is not listed
    Given the license server "LS-CONTOSO" was activated for "United States"
    And the harness seeds:
      """
      {"licenseServers": [{"name": "LS-ELSEWHERE", "countryRegion": "Canada"}]}
      """
    When the administrator opens Remote Desktop Licensing Manager
    Then RD Licensing Manager lists only "LS-CONTOSO"
