@caution
Feature: A rebuild touches only the license server being rebuilt
  The caution speaks of the CALs installed on the license server whose database is rebuilt.
  Another license server in the same place, with CALs of its own, must come out of the
  rebuild exactly as it went in: its packs, its issued CALs, its purchases.

  Background:
    Given the license server "LS-FABRIKAM" was activated for "Canada"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 5550123 | Windows Server 2019 | Per Device | 40   | 9      |
    And the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |

  @step-8
  Scenario: The deletion empties only the database being rebuilt
    Given the administrator has reached the "Reinstalling RDS CALs" page
    Then the RD Licensing database holds no RDS CAL packs and no issued CALs
    And the RD Licensing database of "LS-FABRIKAM" still holds 1 RDS CAL pack with 9 issued CALs

  @step-11
  Scenario: A whole rebuild leaves the other server's packs and issued CALs as they were
    When the administrator rebuilds the database by telephone, reinstalling every purchase
    Then the installed CALs equal the purchase records
    And the RD Licensing database of "LS-FABRIKAM" still holds 1 RDS CAL pack with 9 issued CALs

  @step-9
  Scenario: The other server's purchase is not reissued to the server being rebuilt
    Given the administrator has reached the "Obtain Client License Key Pack" page
    When the administrator tries to call the Clearinghouse about "Enterprise Agreement 5550123"
    Then it is refused as "registered to another server"
    And the reason given mentions "Migrate RDS CALs"
    And the reason given mentions "The CALs of Enterprise Agreement 5550123 are registered to license server"
    And no license key pack ID was issued
    And nothing has changed on the license server

  @step-11
  Scenario: Cancelling after the deletion leaves the other server alone
    Given the administrator has reached the "Obtain Client License Key Pack" page
    When the administrator clicks Cancel
    Then the Manage RDS CALs Wizard was cancelled
    And the RD Licensing database of "LS-FABRIKAM" still holds 1 RDS CAL pack with 9 issued CALs
