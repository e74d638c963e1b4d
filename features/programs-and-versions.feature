@caution
Feature: Every licensing program and product version comes back as it was bought
  The caution says the purchase documents bring the deleted CALs back. That holds for each of
  the licensing programs RDS CALs are sold under and for each product version: the pack comes
  back with its program, product version, CAL type and number of CALs, as RD Licensing Manager
  shows them.

  Scenario Outline: A pack of <version> bought under <program> comes back as it was
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase   | product version | CAL type   | CALs | issued |
      | <purchase> | <version>       | <CAL type> | 20   | 3      |
    When the administrator rebuilds the database by telephone, reinstalling every purchase
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase   | product version | CAL type   | total | available |
      | <purchase> | <version>       | <CAL type> | 20    | 20        |
    And the installed CALs equal the purchase records
    And the event log records event 9001 as Information
    And the event log records event 9001 saying "<logged as>"

    Examples:
      | program                               | purchase                                                     | version                | CAL type   | logged as                                                                          |
      | a retail license pack                 | License Pack (Retail Purchase) 7QK2M-9RD4X-H8TB3-LC6WP-N5FJ4 | Windows Server 2008    | Per Device | 20 RDS Per Device CALs for Windows Server 2008 (License Pack (Retail Purchase))    |
      | Open License                          | Open License 83920147 QX7R2M9KD4L8T1B                        | Windows Server 2008 R2 | Per User   | 20 RDS Per User CALs for Windows Server 2008 R2 (Open License)                     |
      | Select License                        | Select License 5123456                                       | Windows Server 2012    | Per Device | 20 RDS Per Device CALs for Windows Server 2012 (Select License)                    |
      | an Enterprise Agreement               | Enterprise Agreement 4271956                                 | Windows Server 2016    | Per User   | 20 RDS Per User CALs for Windows Server 2016 (Enterprise Agreement)                |
      | a Campus Agreement                    | Campus Agreement 6123456                                     | Windows Server 2019    | Per Device | 20 RDS Per Device CALs for Windows Server 2019 (Campus Agreement)                  |
      | a School Agreement                    | School Agreement 7123456                                     | Windows Server 2022    | Per User   | 20 RDS Per User CALs for Windows Server 2022 (School Agreement)                    |
      | a Services Provider License Agreement | Services Provider License Agreement 7001234                  | Windows Server 2025    | Per User   | 20 RDS Per User CALs for Windows Server 2025 (Services Provider License Agreement) |
      | another agreement                     | Other agreement 8123456                                      | Windows Server 2022    | Per Device | 20 RDS Per Device CALs for Windows Server 2022 (Other agreement)                   |

  Scenario: A pack of a single CAL comes back too
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 1    | 1      |
    When the administrator rebuilds the database by telephone, reinstalling every purchase
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                     | product version     | CAL type | total | available |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 1     | 1         |

  # One agreement often covers several products: each purchase comes back, found by its number,
  # product version and CAL type, and the scenario names them apart by those.
  Scenario: Two purchases under one Enterprise Agreement both come back
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User   | 250  | 12     |
      | Enterprise Agreement 4271956 | Windows Server 2019 | Per Device | 60   | 5      |
    When the administrator rebuilds the database by telephone, reinstalling every purchase
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                                                      | product version     | CAL type   | total | available |
      | Enterprise Agreement 4271956, Windows Server 2022, Per User   | Windows Server 2022 | Per User   | 250   | 250       |
      | Enterprise Agreement 4271956, Windows Server 2019, Per Device | Windows Server 2019 | Per Device | 60    | 60        |
    And the installed CALs equal the purchase records
