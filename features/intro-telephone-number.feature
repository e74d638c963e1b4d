@intro-telephone-number
Feature: The Clearinghouse number follows the country/region chosen at activation
  The telephone rebuild means talking to a Clearinghouse representative. Which number to
  call is decided by the country/region picked in the Activate Server Wizard, and the
  Manage RDS CALs Wizard displays it, so an administrator never has to look it up.

  Rule: The wizard shows the number for the server's country/region

    Scenario Outline: The number shown depends on where the server was activated
      Given the license server "LS-BRANCH" was activated for "<country/region>"
      And its connection method is Telephone
      When the administrator goes through the wizard to the Obtain Client License Key Pack page
      Then the page shows the Clearinghouse number for "<country/region>", "<number>"

      Examples:
        | country/region | number           |
        | United States  | +1 555 0100      |
        | United Kingdom | +44 1632 960 001 |
        | Germany        | +49 30 23125 001 |

  Rule: Only the number that is shown gets an answer for this server

    Scenario: Calling another country's line is turned away
      Given the license server "LS-CONTOSO" was activated for "United States"
      And its connection method is Telephone
      And these purchases are on record but not installed:
        | purchase                     | product version     | CAL type | CALs |
        | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  |
      And the administrator has reached the Obtain Client License Key Pack page
      When the administrator tries to call "+44 1632 960 001" about "Enterprise Agreement 4271956"
      Then it is refused as "wrong country line"
      And the reason given mentions "+1 555 0100"
      And nothing has changed on the license server

    Scenario: The number shown may be dialled with or without its spaces and punctuation
      Given the license server "LS-CONTOSO" was activated for "United States"
      And its connection method is Telephone
      And these purchases are on record but not installed:
        | purchase                     | product version     | CAL type | CALs |
        | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  |
      And the administrator has reached the Obtain Client License Key Pack page
      When the administrator calls "+1 (555) 01-00" about "Enterprise Agreement 4271956"
      Then the representative gives a license key pack ID for 250 "Per User" CALs of "Windows Server 2022"
