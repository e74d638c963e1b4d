@note-one-pack
Feature: RDS CALs come back one pack at a time
  Each pass through the Obtain Client License Key Pack page reinstalls one pack, and after
  each the wizard asks whether to reinstall another.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |
      | Select License 5550123                | Windows Server 2016 | Per User   | 40   | 0      |
    And the administrator has reached the Obtain Client License Key Pack page

  Scenario: Three packs are reinstalled one after the other
    When the administrator reinstalls the pack of "Enterprise Agreement 4271956"
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                     | product version     | CAL type | total | available |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250   | 250       |
    And the wizard asks whether to reinstall another pack
    When the administrator continues with the pack of "Open License 83920147 QX7R2M9KD4L8T1B"
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                              | product version     | CAL type   | total | available |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250   | 250       |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50    | 50        |
    And the wizard asks whether to reinstall another pack
    When the administrator continues with the pack of "Select License 5550123"
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                              | product version     | CAL type   | total | available |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250   | 250       |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50    | 50        |
      | Select License 5550123                | Windows Server 2016 | Per User   | 40    | 40        |
    And the wizard asks whether to reinstall another pack

  # Seven boxes of five characters cannot hold two IDs: on the page this refusal cannot happen.
  @api-only
  Scenario: Two license key pack IDs entered at once are refused
    Given the administrator has called the Clearinghouse about "Enterprise Agreement 4271956"
    And the administrator has called the Clearinghouse about "Select License 5550123"
    When the administrator tries to enter both license key pack IDs at once
    Then it is refused as "one key pack at a time"
    And the reason given mentions "That is 2 license key pack IDs"
    And nothing has changed on the license server

  Scenario: The wizard asks again after every pack
    When the administrator reinstalls the pack of "Select License 5550123"
    Then the wizard asks whether to reinstall another pack
    And the wizard counts 1 pack reinstalled

  Scenario: The ID of an earlier call is entered by naming its purchase
    Given the administrator has called the Clearinghouse about "Enterprise Agreement 4271956"
    And the administrator has called the Clearinghouse about "Select License 5550123"
    When the administrator enters the license key pack ID for "Enterprise Agreement 4271956" and clicks Next
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                     | product version     | CAL type | total | available |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250   | 250       |
    And the wizard asks whether to reinstall another pack

  Scenario: The packs reinstalled may be listed in any order, with the set-up's column names
    Given the administrator has reinstalled the pack of "Enterprise Agreement 4271956"
    When the administrator continues with the pack of "Select License 5550123"
    Then the RD Licensing database holds exactly these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | available |
      | Select License 5550123       | Windows Server 2016 | Per User | 40   | 40        |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  | 250       |
    And the RD Licensing database holds exactly these RDS CAL packs in this order:
      | purchase                     | product version     | CAL type | total | available |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250   | 250       |
      | Select License 5550123       | Windows Server 2016 | Per User | 40    | 40        |
