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
  # product version and CAL type, and the scenario names them apart by those: in the compound
  # form "<reference>, <version>, <CAL type>", or by the agreement and the row's own columns.
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
    And the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                     | product version     | CAL type   | total | available |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User   | 250   | 250       |
      | Enterprise Agreement 4271956 | Windows Server 2019 | Per Device | 60    | 60        |
    And the installed CALs equal the purchase records

  # The same two purchases written as a person writes them: the agreement in the purchase column,
  # product version and CAL type in their own columns, and each called about by saying them.
  Scenario: Two purchases under one agreement are told apart by the columns of their row
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User   | 250  | 12     |
      | Enterprise Agreement 4271956 | Windows Server 2019 | Per Device | 60   | 5      |
    And the administrator has reached the Obtain Client License Key Pack page
    When the administrator calls the Clearinghouse about "Enterprise Agreement 4271956", saying "Windows Server 2019" and "Per Device"
    And the administrator enters that license key pack ID and clicks Next
    And the administrator clicks "Continue reinstalling additional RDS CALs"
    And the administrator clicks Next
    And the administrator calls the Clearinghouse about "Enterprise Agreement 4271956", saying "Windows Server 2022" and "Per User"
    And the administrator enters that license key pack ID and clicks Next
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                     | product version     | CAL type   | total | available |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User   | 250   | 250       |
      | Enterprise Agreement 4271956 | Windows Server 2019 | Per Device | 60    | 60        |
    And the installed CALs equal the purchase records

  # Two retail packs alike in everything but their license code. The pack installed is named by
  # the purchase the fake stored for it, so an ID issued for the other purchase fails the table.
  Scenario: Of two look-alike retail purchases, the pack installed is the one called about
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And these purchases are on record but not installed:
      | purchase                                                     | product version     | CAL type   | CALs |
      | License Pack (Retail Purchase) NVEZ2-GG4YT-TKJGN-A16ZF-TITWW | Windows Server 2022 | Per Device | 20   |
      | License Pack (Retail Purchase) 437P4-BP3R8-6LLKZ-DZVC9-JXZNC | Windows Server 2022 | Per Device | 20   |
    And the administrator has reached the Obtain Client License Key Pack page
    When the administrator reinstalls the pack of "License Pack (Retail Purchase) 437P4-BP3R8-6LLKZ-DZVC9-JXZNC"
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                                                     | product version     | CAL type   | total | available |
      | License Pack (Retail Purchase) 437P4-BP3R8-6LLKZ-DZVC9-JXZNC | Windows Server 2022 | Per Device | 20    | 20        |
    And the installed CALs equal the purchase records
    When the administrator asks the Clearinghouse about the first license key pack ID kept
    Then the Clearinghouse names "LS-CONTOSO" and the purchase "License Pack (Retail Purchase) 437P4-BP3R8-6LLKZ-DZVC9-JXZNC"
