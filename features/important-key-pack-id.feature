@important-key-pack-id
Feature: Keep a copy of each license key pack ID
  The procedure advises keeping every license key pack ID: it is what the Clearinghouse
  needs to help recover the CALs later. The fake keeps them retrievable after the rebuild.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |
    And the administrator has finished the rebuild

  Scenario: The event log holds the license key pack ID of every reinstalled pack
    Then the event log records the license key pack ID of each reinstalled pack
    And the installed packs carry the same license key pack IDs

  Scenario: The Clearinghouse finds the purchase from a retained license key pack ID
    When the administrator asks the Clearinghouse about the first license key pack ID kept
    Then the Clearinghouse names "LS-CONTOSO" and the purchase "Enterprise Agreement 4271956"

  # The help is checked against the purchases the scenario described: their program information
  # and their CALs, not against what the Clearinghouse said when it issued the ID.
  Scenario: The Clearinghouse names the purchase and the CALs of each retained license key pack ID
    When the administrator asks the Clearinghouse about each license key pack ID kept
    Then the Clearinghouse names "LS-CONTOSO" and these purchases, in the order kept:
      | purchase                              |
      | Enterprise Agreement 4271956          |
      | Open License 83920147 QX7R2M9KD4L8T1B |

  Scenario: The Clearinghouse finds the purchase of the second retained license key pack ID
    When the administrator asks the Clearinghouse about the second license key pack ID kept
    Then the Clearinghouse names "LS-CONTOSO" and the purchase "Open License 83920147 QX7R2M9KD4L8T1B" of 50 CALs

  # Each question's answer replaces the one before: the check reads the latest. The ID asked
  # about second is the one the rebuild kept for the Open License purchase (the fake's IDs are
  # the same on every run), pasted as a person pastes an ID from their notes.
  Scenario: After a second question the check reads its answer, not the first one's
    When the administrator asks the Clearinghouse about the first license key pack ID kept
    And the administrator tries to ask the Clearinghouse about "116D0-01E00-00020-002OW-5D9EX-6B9HY-B3AKB"
    Then the Clearinghouse names "LS-CONTOSO" and the purchase "Open License 83920147 QX7R2M9KD4L8T1B"

  Scenario: An ID the Clearinghouse never issued gets no help
    When the administrator tries to ask the Clearinghouse about "00000-00000-00000-00000-00000-00000-00000"
    Then it is refused as "unknown license key pack id"
