@step-10
Feature: Step 10 - enter the license key pack ID to reinstall the CALs
  The ID the representative read out goes into the boxes of the Obtain Client License Key
  Pack page; Next reinstalls exactly the CALs of that purchase. A wrong ID is refused
  with a reason and reinstalls nothing.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  | 12     |
    And the administrator has reached the Obtain Client License Key Pack page
    And the administrator has called the Clearinghouse about "Enterprise Agreement 4271956"

  Rule: A correct ID reinstalls the purchase's CALs

    Scenario: The CALs are back in the database, none of them issued
      When the administrator enters that license key pack ID and clicks Next
      Then the RD Licensing database holds exactly these RDS CAL packs:
        | purchase                     | product version     | CAL type | total | available |
        | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250   | 250       |

    Scenario: The whole ID may be pasted into the first box
      When the administrator pastes that license key pack ID into the first box and clicks Next
      Then the RD Licensing database holds exactly these RDS CAL packs:
        | purchase                     | product version     | CAL type | total | available |
        | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250   | 250       |

    Scenario: The rest of the ID may be pasted into a later box
      When the administrator types the first 2 groups of that license key pack ID, pastes the rest into the next box and clicks Next
      Then the RD Licensing database holds exactly these RDS CAL packs:
        | purchase                     | product version     | CAL type | total | available |
        | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250   | 250       |

    Scenario: The ID may be typed in lower case and without the hyphens
      When the administrator enters that license key pack ID in lower case without hyphens and clicks Next
      Then the RD Licensing database still holds 1 RDS CAL pack

    Scenario Outline: The ID may be typed <form>
      When the administrator enters that license key pack ID <form> and clicks Next
      Then the RD Licensing database still holds 1 RDS CAL pack

      Examples:
        | form                           |
        | in lower case                  |
        | with spaces between the groups |
        | without hyphens                |

  Rule: A wrong ID is refused and reinstalls nothing

    Scenario: An ID with one mistyped character is refused as a typing error
      When the administrator tries to enter that license key pack ID with one character mistyped
      Then it is refused as "key pack id typing error"
      And nothing has changed on the license server

    Scenario: An ID that is too short is refused
      When the administrator tries to enter the license key pack ID "ABCDE-12345"
      Then it is refused as "invalid key pack id"
      And the reason given mentions "35 letters and digits"
      And nothing has changed on the license server

    Scenario: An ID issued for another license server is refused
      Given the license server "LS-FABRIKAM" was activated for "United States"
      And these purchases are on record but not installed:
        | purchase               | product version     | CAL type   | CALs |
        | Select License 5550123 | Windows Server 2019 | Per Device | 40   |
      And the Clearinghouse gave "LS-FABRIKAM" a license key pack ID for "Select License 5550123"
      When the administrator tries to enter that license key pack ID on "LS-CONTOSO"
      Then it is refused as "key pack id for another server"
      And the reason given mentions the License Server ID of "LS-CONTOSO"
      And nothing has changed on the license server

    Scenario: An ID that has already been used is refused
      Given the administrator enters that license key pack ID and clicks Next
      And the administrator clicks "Continue reinstalling additional RDS CALs"
      And the administrator clicks Next
      When the administrator tries to enter that license key pack ID again
      Then it is refused as "key pack id already used"
      And nothing has changed on the license server
      And the RD Licensing database still holds 1 RDS CAL pack

    Scenario: A second ID for a purchase that is already reinstalled is refused
      Given the administrator enters that license key pack ID and clicks Next
      And the administrator clicks "Continue reinstalling additional RDS CALs"
      And the administrator clicks Next
      And the administrator has called the Clearinghouse about "Enterprise Agreement 4271956"
      When the administrator tries to enter that license key pack ID
      Then it is refused as "purchase already reinstalled"
      And the RD Licensing database still holds 1 RDS CAL pack

    Scenario: Next with the boxes empty is refused
      When the administrator tries to click Next
      Then it is refused as "no key pack id"
      And nothing has changed on the license server

    # The page answers in place; a screen reader reads the refusal only if the focus goes to it.
    @browser-only
    Scenario: A refused ID is announced, and the focus is on the refusal
      When the administrator tries to enter that license key pack ID with one character mistyped
      Then it is refused as "key pack id typing error"
      And the refusal is announced and has the focus

    @browser-only
    Scenario: Next with the boxes empty is announced as refused, and the focus is on the refusal
      When the administrator tries to click Next
      Then it is refused as "no key pack id"
      And the refusal is announced and has the focus

    Scenario Outline: An ID <what> is refused as not one the Clearinghouse issues
      When the administrator tries to enter the license key pack ID "<typed>"
      Then it is refused as "invalid key pack id"
      And the reason given mentions "<mentions>"
      And nothing has changed on the license server

      Examples:
        | what                                         | typed                                     | mentions                                                 |
        | with a character that is no letter nor digit | ABCDE-12345-ABCDE-12345-ABCDE-12345-ABCD! | only letters A-Z and digits                              |
        | of a layout the Clearinghouse never uses     | 947U0-01400-00010-001AA-AAAAA-AAAAA-AAAAM | is not a license key pack ID issued by the Clearinghouse |
        | for a pack of no CALs at all                 | 147U0-00000-00010-001AA-AAAAA-AAAAA-AAAA3 | is not a license key pack ID issued by the Clearinghouse |
        | for a CAL type that does not exist           | 147X0-01400-00010-001AA-AAAAA-AAAAA-AAAAO | is not a license key pack ID issued by the Clearinghouse |
        | for a licensing program that does not exist  | 1Z7U0-01400-00010-001AA-AAAAA-AAAAA-AAAA3 | is not a license key pack ID issued by the Clearinghouse |
        | for a product version that does not exist    | 141U0-01400-00010-001AA-AAAAA-AAAAA-AAAA0 | is not a license key pack ID issued by the Clearinghouse |

      # Seven boxes of five hold 35 characters: no person can type a 36th on the page.
      @api-only
      Examples: beyond what the boxes hold
        | what                   | typed                                      | mentions |
        | one character too long | ABCDE-12345-ABCDE-12345-ABCDE-12345-ABCDE1 | has 36   |
