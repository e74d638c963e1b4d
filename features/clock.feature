Feature: The fake's clock decides event times and key pack expiry
  Scenarios set the fake's clock instead of waiting, so timestamps in the event log and
  the expiry of month-by-month CALs are exactly what the scenario says.

  Background:
    Given the clock reads "2026-03-02T09:00:00Z"
    And the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And these purchases are on record but not installed:
      | purchase                                    | product version     | CAL type | CALs |
      | Enterprise Agreement 4271956                | Windows Server 2022 | Per User | 250  |
      | Services Provider License Agreement 7001234 | Windows Server 2022 | Per User | 75   |
    And the administrator has reached the Obtain Client License Key Pack page

  @important-key-pack-id
  Scenario: Each reinstalled pack is logged with the time it was reinstalled
    When the administrator reinstalls the pack of "Enterprise Agreement 4271956"
    And 5 minutes pass
    And the administrator continues with the pack of "Services Provider License Agreement 7001234"
    Then the event for the pack of "Enterprise Agreement 4271956" is dated "2026-03-02T09:00:00Z"
    And the event for the pack of "Services Provider License Agreement 7001234" is dated "2026-03-02T09:05:00Z"

  @step-10
  Scenario: A services provider pack expires 30 days after it is reinstalled
    When the administrator reinstalls the pack of "Services Provider License Agreement 7001234"
    And 29 days pass
    Then the pack of "Services Provider License Agreement 7001234" has not expired
    When 1 days pass
    Then the pack of "Services Provider License Agreement 7001234" has expired

  # What RD Licensing Manager shows: the server's page marks the pack, the key packs answer flags it.
  @step-10
  Scenario: RD Licensing Manager shows a services provider pack as expired 30 days after it is reinstalled
    When the administrator reinstalls the pack of "Services Provider License Agreement 7001234"
    And 29 days pass
    Then RD Licensing Manager shows the pack of "Services Provider License Agreement 7001234" as not expired
    When 1 days pass
    Then RD Licensing Manager shows the pack of "Services Provider License Agreement 7001234" as expired

  @step-10
  Scenario: An agreement pack does not expire
    When the administrator reinstalls the pack of "Enterprise Agreement 4271956"
    And 400 days pass
    Then the pack of "Enterprise Agreement 4271956" has not expired
    And RD Licensing Manager shows the pack of "Enterprise Agreement 4271956" as not expired
