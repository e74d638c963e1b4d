@harness
Feature: Scenarios never see each other's state
  Each scenario gets its own environment inside the fake (its own license servers,
  databases and Clearinghouse records), so the suite may run in any order and in
  parallel. These scenarios all use the same names and would collide if state leaked.

  Scenario Outline: A scenario sees only the world it described (run <run>)
    Given the license server "LS-SHARED" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                      | product version     | CAL type | CALs   | issued |
      | Enterprise Agreement <number> | Windows Server 2022 | Per User | <CALs> | <run>  |
    When the administrator rebuilds the database by telephone, reinstalling every purchase
    Then RD Licensing Manager lists only "LS-SHARED"
    And the Clearinghouse holds exactly 1 purchase record
    And the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                      | product version     | CAL type | total  | available |
      | Enterprise Agreement <number> | Windows Server 2022 | Per User | <CALs> | <CALs>    |

    Examples:
      | run | number  | CALs |
      | 1   | 1000001 | 11   |
      | 2   | 1000002 | 12   |
      | 3   | 1000003 | 13   |
      | 4   | 1000004 | 14   |
      | 5   | 1000005 | 15   |
      | 6   | 1000006 | 16   |
      | 7   | 1000007 | 17   |
      | 8   | 1000008 | 18   |
      | 9   | 1000009 | 19   |
      | 10  | 1000010 | 20   |
