Feature: Faults never lose or half-install RDS CALs
  A license server can fail in the middle of a change and the Clearinghouse line can be
  busy. Every move of the wizard is all or nothing: after a failure the database is
  exactly as it was before the move, and the same move can simply be made again.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |

  @step-7 @caution
  Scenario: A database fault during the deletion leaves every CAL installed
    Given the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page
    And the administrator selects the deletion confirmation check box
    And the RD Licensing database of "LS-CONTOSO" will fail on its 2nd write from now
    When the administrator tries to click Next
    Then it is refused as "database write failed"
    And nothing has changed on the license server
    And the RD Licensing database still holds 2 RDS CAL packs with 19 issued CALs
    And the wizard shows the "Confirm Deletion of RDS CALs" page

  @step-7
  Scenario: Once the fault has passed, the same Next deletes the contents
    Given the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page
    And the administrator selects the deletion confirmation check box
    And the RD Licensing database of "LS-CONTOSO" will fail on its 1st write from now
    And the administrator tries to click Next
    And it is refused as "database write failed"
    When the administrator clicks Next
    Then the RD Licensing database holds no RDS CAL packs and no issued CALs

  @step-10
  Scenario: A database fault during a reinstall installs nothing and the ID stays usable
    Given the administrator has reached the Obtain Client License Key Pack page
    And the administrator has called the Clearinghouse about "Enterprise Agreement 4271956"
    And the RD Licensing database of "LS-CONTOSO" will fail on its 2nd write from now
    When the administrator tries to enter that license key pack ID
    Then it is refused as "database write failed"
    And nothing has changed on the license server
    And the RD Licensing database holds no RDS CAL packs and no issued CALs
    When the administrator clicks Next
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                     | product version     | CAL type | total | available |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250   | 250       |

  @step-9
  Scenario: A busy Clearinghouse line is answered on the next call
    Given the administrator has reached the Obtain Client License Key Pack page
    And the Clearinghouse line for "LS-CONTOSO" is busy the first time
    When the administrator tries to call the Clearinghouse about "Enterprise Agreement 4271956"
    Then it is refused as "clearinghouse line busy"
    And no license key pack ID was issued
    And nothing has changed on the license server
    When the administrator calls the Clearinghouse about "Enterprise Agreement 4271956"
    Then the representative gives a 35-character license key pack ID for 250 CALs
    And exactly 1 license key pack ID was issued

  @step-3
  Scenario: A slow license server still completes the rebuild
    Given answers about "LS-CONTOSO" take 20 ms
    When the administrator rebuilds the database by telephone, reinstalling every purchase
    Then the event log records event 88
    And the installed CALs equal the purchase records

  @step-10
  Scenario: A fault planned for a later write leaves the writes before it alone
    Given the administrator has reached the Obtain Client License Key Pack page
    And the administrator has called the Clearinghouse about "Enterprise Agreement 4271956"
    And the RD Licensing database of "LS-CONTOSO" will fail on its 3rd write from now
    When the administrator enters that license key pack ID and clicks Next
    Then the RD Licensing database holds 1 RDS CAL pack with 0 issued CALs

  @step-7
  Scenario: Cleared faults fire no more
    Given the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page
    And the administrator selects the deletion confirmation check box
    And the RD Licensing database of "LS-CONTOSO" will fail on its 1st write from now
    When the faults planned for "LS-CONTOSO" are cleared
    And the administrator clicks Next
    Then the RD Licensing database holds no RDS CAL packs and no issued CALs
