@harness
Feature: Test authors control the fake
  Reset, fixture files and snapshots let a scenario put the fake in a known state
  without going through the procedure; each acts on the scenario's own environment.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  | 12     |

  Scenario: Reset empties the environment
    When the fake is reset
    Then the license server "LS-CONTOSO" no longer exists
    And the Clearinghouse holds exactly 0 purchase records

  Scenario: A fixture file seeds license servers, accounts, purchases and installed packs
    Given the fake is reset
    When the fixture file "demo" is loaded
    Then the RD Licensing database of "LS-CONTOSO" holds 2 RDS CAL packs with 19 issued CALs
    And the Clearinghouse holds exactly 2 purchase records

  Scenario: Restoring a snapshot undoes a deletion and closes the wizard
    Given a snapshot of the fake is taken
    And the administrator has confirmed the deletion of the installed RDS CALs
    When the snapshot is restored
    Then the RD Licensing database still holds 1 RDS CAL pack with 12 issued CALs
    And no Manage RDS CALs Wizard is open on the license server

  Scenario: Restoring a snapshot takes back the key pack ID the Clearinghouse issued since
    Given a snapshot of the fake is taken
    And the administrator has reached the Obtain Client License Key Pack page
    And the administrator has called the Clearinghouse about "Enterprise Agreement 4271956"
    When the snapshot is restored
    Then the Clearinghouse has no record of issuing that license key pack ID
    And the Clearinghouse holds exactly 1 purchase record
