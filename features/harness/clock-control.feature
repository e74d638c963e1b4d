@harness
Feature: The harness's clock stays within the dates the fake can show
  Event dates and key pack expiry are written with four-digit years from 1970 on. The clock
  can be set or moved to any instant in that range and to none outside it; a refused change
  leaves the clock as it was. Until a scenario sets it, the clock runs with the computer's.

  Scenario: Until it is set, the clock runs, and time passing moves it ahead
    When 2 days pass
    Then the clock runs 2 days ahead of the computer's

  Scenario: Time passing twice moves a running clock by both stretches
    When 1 days pass
    And 2 days pass
    Then the clock runs 3 days ahead of the computer's

  Scenario: Once set, the clock stands still
    Given the clock reads "2026-03-02T09:00:00Z"
    When 5 minutes pass
    Then the clock reads "2026-03-02T09:05:00Z" and stands still

  Scenario Outline: The clock can be set to <when>
    When the harness tries to set the clock to "<instant>"
    Then the clock reads "<instant>" and stands still

    Examples:
      | when              | instant                  |
      | the first instant | 1970-01-01T00:00:00.000Z |
      | the last instant  | 9999-12-31T23:59:59.999Z |

  Scenario Outline: Setting the clock to <when> is refused and changes nothing
    Given the clock reads "2026-03-02T09:00:00Z"
    When the harness tries to set the clock to "<instant>"
    Then it is refused as "clock out of range"
    And the reason given mentions "between 1970-01-01 and 9999-12-31"
    And the clock reads "2026-03-02T09:00:00Z" and stands still

    Examples:
      | when        | instant                  |
      | before 1970 | 1969-12-31T23:59:59.999Z |

  Scenario: Moving the clock past the year 9999 is refused whole
    Given the clock reads "9999-12-30T00:00:00Z"
    When the harness tries to move the clock on by 2 days
    Then it is refused as "clock out of range"
    And the clock reads "9999-12-30T00:00:00Z" and stands still
