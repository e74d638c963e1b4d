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
      | what                                     | code                      | mentions                    | seed                                                                                                                                                                                                                    |
      | a server name already taken              | license server exists     | ls-contoso                  | {"licenseServers": [{"name": "ls-contoso"}]}                                                                                                                                                                            |
      | a country with no Clearinghouse line     | unknown country region    | Known:                      | {"licenseServers": [{"name": "LS-NOWHERE", "countryRegion": "Atlantis"}]}                                                                                                                                               |
      | a License Server ID with a typing error  | invalid license server id | npm run ids                 | {"licenseServers": [{"name": "LS-TYPO", "licenseServerId": "WMVEL-NE9BU-OKGYF-FNF13-3HLIM-H2Z6L-NXL0Q"}]}                                                                                                               |
      | one License Server ID for two servers    | license server id in use  | LS-FIRST                    | {"licenseServers": [{"name": "LS-FIRST", "licenseServerId": "WMVEL-NE9BU-OKGYF-FNF13-3HLIM-H2Z6L-NXL0P"}, {"name": "LS-SECOND", "licenseServerId": "WMVELNE9BUOKGYFFNF133HLIMH2Z6LNXL0P"}]}                             |
      | a product version that does not exist    | unknown product version   | Windows Server 1999         | {"purchases": [{"information": {"program": "select", "agreementNumber": "4271956"}, "productVersion": "Windows Server 1999", "calType": "perUser", "quantity": 5}]}                                                     |
      | more CALs issued than bought             | too many issued           | Only 5 CALs                 | {"purchases": [{"information": {"program": "select", "agreementNumber": "4271956"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5, "installedOn": "LS-CONTOSO", "issuedCals": 6}]}         |
      | CALs installed on a server not activated | cannot install            | LS-IDLE                     | {"licenseServers": [{"name": "LS-IDLE", "activated": false}], "purchases": [{"information": {"program": "campus", "agreementNumber": "4271956"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5, "installedOn": "LS-IDLE"}]} |
      | a retail license code one character long | invalid license code      | 25 letters and digits       | {"purchases": [{"information": {"program": "retail", "licenseCode": "QX7R2M9KD4L8T1BQX7R2M9KD"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                       |
      | a retail license code with a symbol      | invalid license code      | letters and digits          | {"purchases": [{"information": {"program": "retail", "licenseCode": "QX7R2M9KD4L8T1BQX7R2M9KD!"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                      |
      | an Open License number of nine digits    | invalid license number    | 8 digits                    | {"purchases": [{"information": {"program": "openLicense", "licenseNumber": "839201470", "authorizationNumber": "QX7R2M9KD4L8T1B"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}     |
      | an authorization number too long         | invalid authorization number | 15                       | {"purchases": [{"information": {"program": "openLicense", "licenseNumber": "83920147", "authorizationNumber": "QX7R2M9KD4L8T1BX"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}     |
      | an agreement number of nine digits       | invalid agreement number  | has 7 digits                | {"purchases": [{"information": {"program": "select", "agreementNumber": "427195612"}, "productVersion": "Windows Server 2022", "calType": "perUser", "quantity": 5}]}                                                   |
