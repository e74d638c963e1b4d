@caution
Feature: Rebuilding deletes every installed RDS CAL until it is reinstalled
  The caution is the reason this procedure needs care: a rebuild empties the RD Licensing
  database, and only the purchase agreement documentation brings the CALs back.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |

  Rule: Confirming the deletion removes every pack and every issued CAL

    Scenario: The database is empty once the deletion is confirmed
      Given the administrator has opened the Manage RDS CALs Wizard
      When the administrator confirms the deletion of the installed RDS CALs
      Then the RD Licensing database holds no RDS CAL packs and no issued CALs
      And the event log records event 26 for "Windows Server 2022" and for "Windows Server 2019"

    Scenario: Event 26 names each CAL type and product in Microsoft's words
      Given the administrator has opened the Manage RDS CALs Wizard
      When the administrator confirms the deletion of the installed RDS CALs
      Then the event log records event 26 saying exactly "All available Per User RDS CALs for product Windows Server 2022 on license server LS-CONTOSO have been removed. Use RD Licensing Manager to re-register the RDS CALs."
      And the event log records event 26 saying exactly "All available Per Device RDS CALs for product Windows Server 2019 on license server LS-CONTOSO have been removed. Use RD Licensing Manager to re-register the RDS CALs."

  Rule: The purchase records outlive the rebuild

    Scenario: The purchase documentation is enough to get every CAL back
      Given the administrator has confirmed the deletion of the installed RDS CALs
      When the administrator reinstalls every purchase one pack at a time and finishes
      Then the installed CALs equal the purchase records
      And no CAL has been issued from the reinstalled packs

    Scenario: Without the right purchase documentation the CALs cannot come back
      Given the administrator has reached the Obtain Client License Key Pack page
      When the administrator tries to call the Clearinghouse about "Enterprise Agreement 4271957"
      Then it is refused as "no matching purchase"
      And the reason given mentions "purchase agreement documentation"
      And nothing has changed on the license server
