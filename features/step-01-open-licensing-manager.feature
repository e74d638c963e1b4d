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

  # The figures of each pack as the console shows them: in the browser profile read from the
  # server's page, so a column showing another figure fails as surely as a wrong database.
  Scenario: The manager shows the CALs of each pack still available
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 0      |
    When the administrator opens Remote Desktop Licensing Manager
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                              | product version     | CAL type   | total | available |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250   | 238       |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50    | 50        |
    And the RD Licensing database holds 2 RDS CAL packs with 12 issued CALs
