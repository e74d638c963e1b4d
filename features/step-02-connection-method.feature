@step-2
Feature: Step 2 - the connection method must be Telephone
  A telephone rebuild only makes sense when the server's connection method (Properties,
  Connection Method tab) is Telephone; the administrator checks it and changes it if needed.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  | 12     |

  Scenario: The administrator changes the connection method to Telephone
    Given its connection method is Automatic connection
    When the administrator sets the connection method to Telephone
    Then the Properties of the license server show the connection method Telephone

  # Read from Properties themselves (in the browser profile, the Connection Method tab's list).
  Scenario Outline: Properties show the connection method the server has: <method>
    Given its connection method is <method>
    When the administrator opens Remote Desktop Licensing Manager
    Then the Properties of the license server show the connection method <method>

    Examples:
      | method               |
      | Automatic connection |
      | Web Browser          |
      | Telephone            |

  Scenario Outline: A rebuild is not started while the connection method is <method>
    Given its connection method is <method>
    And the administrator has opened the Manage RDS CALs Wizard
    And the administrator has chosen to rebuild because "The RD Licensing database is corrupt"
    When the administrator tries to click Next
    Then it is refused as "connection method not telephone"
    And the reason given mentions "Telephone"
    And nothing has changed on the license server
    And the RD Licensing database still holds 1 RDS CAL pack

    Examples:
      | method               |
      | Automatic connection |
      | Web Browser          |

  Scenario: The connection method cannot change while the wizard is open
    Given its connection method is Telephone
    And the administrator has opened the Manage RDS CALs Wizard
    When the administrator tries to set the connection method to Web Browser
    Then it is refused as "wizard open"
    And nothing has changed on the license server

  # The drop-down offers only the three methods: no person can send another one.
  @api-only
  Scenario: An unknown connection method is refused
    When the administrator tries to set the connection method to "Fax"
    Then it is refused as "invalid request"
    And nothing has changed on the license server
