@harness
Feature: The harness refuses set-ups that could not exist
  Scenarios describe their world to the fake (license servers, purchases, installed packs).
  A description that no real license server could match is refused whole, with the reason,
  so a scenario never passes on a world that makes no sense.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"

  Scenario Outline: A seed with <what> is refused as "<code>"
    When the harness tries to seed:
      """
      <seed>
      """
    Then it is refused as "<code>"
    And the reason given mentions "<mentions>"
    And nothing has changed on the license server

    Examples:
      | what                                         | code                         | mentions                                                                          | seed                                                                                                                                                                                                                                                       |
      | a server name already taken                  | license server exists        | ls-contoso                                                                        | {"licenseServers": [{"name": "ls-contoso"}]}                                                                                                                                                                                                               |
      | a country with no Clearinghouse line         | unknown country region       | Known: United States, Canada, United Kingdom                                      | {"licenseServers": [{"name": "LS-NOWHERE", "countryRegion": "Atlantis"}]}                                                                                                                                                                                  |
      | a License Server ID with a typing error      | invalid license server id    | npm run ids                                                                       | {"licenseServers": [{"name": "LS-TYPO", "licenseServerId": "WMVEL-NE9BU-OKGYF-FNF13-3HLIM-H2Z6L-NXL0Q"}]}                                                                                                                                                  |
      | a License Server ID one character short      | invalid license server id    | not 35 letters                                                                    | {"licenseServers": [{"name": "LS-SHORT", "licenseServerId": "WMVEL-NE9BU-OKGYF-FNF13-3HLIM-H2Z6L-NXLT"}]}                                                                                                                                                  |
      | one License Server ID for two servers        | license server id in use     | wmvel-ne9bu-okgyf-fnf13-3hlim-h2z6l-nxl0p is already the ID of the license server | {"licenseServers": [{"name": "LS-FIRST", "licenseServerId": "WMVEL-NE9BU-OKGYF-FNF13-3HLIM-H2Z6L-NXL0P"}, {"name": "LS-SECOND", "licenseServerId": "wmvel-ne9bu-okgyf-fnf13-3hlim-h2z6l-nxl0p"}]}                                                          |
      | a product version that does not exist        | unknown product version      | Windows Server 1999                                                               | {"purchases": [{"information": {"program": "select", "agreementNumber": "4271956"}, "productVersion": "Windows Server 1999", "calType": "perUser", "quantity": 5}]}                                                                                        |
      | more CALs issued than bought                 | too many issued              | Only 5 CALs                                                                       | {"purchases": [{"information": {"program": "select", "agreementNumber": "4271956"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5, "installedOn": "LS-CONTOSO", "issuedCals": 6}]}                                          |
      | CALs installed on a server not activated     | cannot install               | LS-IDLE                                                                           | {"licenseServers": [{"name": "LS-IDLE", "activated": false}], "purchases": [{"information": {"program": "campus", "agreementNumber": "4271956"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5, "installedOn": "LS-IDLE"}]} |
      | CALs installed on a server that is not there | cannot install               | LS-NOWHERE                                                                        | {"purchases": [{"information": {"program": "campus", "agreementNumber": "4271956"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5, "installedOn": "LS-NOWHERE"}]}                                                           |
      | a retail license code one character long     | invalid license code         | 25 letters and digits                                                             | {"purchases": [{"information": {"program": "retail", "licenseCode": "QX7R2M9KD4L8T1BQX7R2M9KD"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                                                           |
      | a retail license code with a symbol          | invalid license code         | letters and digits                                                                | {"purchases": [{"information": {"program": "retail", "licenseCode": "QX7R2M9KD4L8T1BQX7R2M9KD!"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                                                          |
      | an Open License number of nine digits        | invalid license number       | 8 digits                                                                          | {"purchases": [{"information": {"program": "openLicense", "licenseNumber": "839201470", "authorizationNumber": "QX7R2M9KD4L8T1B"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                         |
      | an authorization number too long             | invalid authorization number | 15                                                                                | {"purchases": [{"information": {"program": "openLicense", "licenseNumber": "83920147", "authorizationNumber": "QX7R2M9KD4L8T1BX"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                         |
      | an agreement number of nine digits           | invalid agreement number     | has 7 digits                                                                      | {"purchases": [{"information": {"program": "select", "agreementNumber": "427195612"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                                                                      |

  Scenario: Several license servers may wait for activation at once
    Given the license server "LS-NEW-1" has not been activated
    And the license server "LS-NEW-2" has not been activated
    When the administrator opens Remote Desktop Licensing Manager
    Then the manager lists "LS-NEW-1" as not activated
    And the manager lists "LS-NEW-2" as not activated

  # The fake's choice (docs/modelling-choices.md): a seeded per-device CAL is issued for 89 days,
  # a per-user CAL for 60, each to a client named after its kind, its pack and its number.
  Scenario: Issued CALs are seeded as a license server issues them
    Given the clock reads "2026-03-02T09:00:00Z"
    And the license server "LS-BRANCH" was activated for "Canada"
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 2      |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 1      |
    Then the license server has issued these CALs:
      | issued to  | issued at                | expires                  |
      | user-1-1   | 2026-03-02T09:00:00.000Z | 2026-05-01T09:00:00.000Z |
      | user-1-2   | 2026-03-02T09:00:00.000Z | 2026-05-01T09:00:00.000Z |
      | DEVICE-2-1 | 2026-03-02T09:00:00.000Z | 2026-05-30T09:00:00.000Z |

  Scenario: A license server holds at most 10,000 issued CALs
    Given the license server "LS-BUSY" was activated for "United States"
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 1000001 | Windows Server 2022 | Per User | 2500 | 2500   |
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 1000002 | Windows Server 2022 | Per User | 2500 | 2500   |
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 1000003 | Windows Server 2022 | Per User | 2500 | 2500   |
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 1000004 | Windows Server 2022 | Per User | 2500 | 2500   |
    When the harness tries to seed:
      """
      {"purchases": [{"information": {"program": "select", "agreementNumber": "1000005"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5, "installedOn": "LS-BUSY", "issuedCals": 1}]}
      """
    Then it is refused as "too many issued cals"
    And the reason given mentions "LS-BUSY would hold 10001 issued CALs"
    And the RD Licensing database holds 4 RDS CAL packs with 10000 issued CALs
