@step-5
Feature: Step 5 - choose to rebuild the license server database
  On the Action Selection page the administrator picks the rebuild; other actions of the
  real wizard are outside what this fake models and are refused plainly.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And the administrator has opened the Manage RDS CALs Wizard
    And the administrator clicks Next

  Scenario: Choosing the rebuild offers the reasons for it
    When the administrator clicks "Rebuild the license server database"
    Then the wizard offers these reasons:
      | The RD Licensing database is corrupt          |
      | The license server was restored from a backup |
      | The license server computer was replaced      |
      | Other                                         |

  Scenario: Next without choosing an action is refused
    When the administrator tries to click Next
    Then it is refused as "no action selected"
    And nothing has changed on the license server

  Scenario: Migrating RDS CALs is not modelled and is refused
    When the administrator tries to click "Migrate RDS CALs from another license server to this license server"
    Then it is refused as "action not modelled"
    And nothing has changed on the license server

  Scenario: An unactivated server cannot be rebuilt by telephone
    Given the license server "LS-NEW" has not been activated
    And its connection method is Telephone
    And the administrator has opened the Manage RDS CALs Wizard
    And the administrator has chosen to rebuild because "Other"
    When the administrator tries to click Next
    Then it is refused as "server not activated"
    And nothing has changed on the license server
