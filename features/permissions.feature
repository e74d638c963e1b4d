@permissions
Feature: Only local administrators can rebuild the RD Licensing database
  The procedure needs membership in the local Administrators group of the license server.
  Anyone else may be signed in, but must not be able to change anything.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                     | product version     | CAL type | CALs | issued |
      | Enterprise Agreement 4271956 | Windows Server 2022 | Per User | 250  | 12     |

  Rule: Callers outside the Administrators group change nothing

    Scenario: A standard user cannot open the Manage RDS CALs Wizard
      When the standard user tries to open the Manage RDS CALs Wizard
      Then it is refused because the caller is not an administrator
      And the reason given mentions "Administrators"
      And the reason given mentions '"jdoe" is a member of: Users.'
      And the reason given mentions "The Manage RDS CALs Wizard needs membership in the local Administrators group on LS-CONTOSO"
      And the reason given mentions 'on LS-CONTOSO; "jdoe" is a member of: Users.'
      And nothing has changed on the license server

    Scenario: A standard user cannot change the connection method
      When the standard user tries to set the connection method to Web Browser
      Then it is refused because the caller is not an administrator
      And the reason given mentions "Changing the connection method needs membership in the local Administrators group"
      And nothing has changed on the license server

    Scenario: A standard user cannot move a wizard that an administrator opened
      Given the administrator has opened the Manage RDS CALs Wizard
      When the standard user tries to click Next
      Then it is refused because the caller is not an administrator
      And the reason given mentions "The Manage RDS CALs Wizard needs membership in the local Administrators group"
      And the reason given mentions "so clicking Next was refused"
      And nothing has changed on the license server

    Scenario: A member of Remote Desktop Users cannot open the Manage RDS CALs Wizard
      When the Remote Desktop user tries to open the Manage RDS CALs Wizard
      Then it is refused because the caller is not an administrator
      And nothing has changed on the license server

    Scenario: After a refused standard user, the administrator's steps act as the administrator
      When the standard user tries to open the Manage RDS CALs Wizard
      Then it is refused because the caller is not an administrator
      When the administrator opens the Manage RDS CALs Wizard
      Then the wizard shows the "Welcome to the Manage RDS CALs Wizard" page

    Scenario: A standard user cannot confirm the deletion of the installed CALs
      Given the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page
      And the administrator selects the deletion confirmation check box
      When the standard user tries to click Next
      Then it is refused because the caller is not an administrator
      And the RD Licensing database still holds 1 RDS CAL pack
      And the wizard shows the "Confirm Deletion of RDS CALs" page

    # Every button after the deletion: a standard user must not abandon, undo or close the
    # administrator's rebuild half-way (the wizard checks who acts on each move, not only on Next).
    # The refusal names the button, so each row proves that its own button was pressed and refused
    # (on the pages too: the wizard's frame keeps its buttons for someone it shows no page to).
    Scenario Outline: A standard user cannot click <button> on the "<page>" page of the administrator's rebuild
      Given the administrator has reached the "<page>" page
      When the standard user tries to click <button>
      Then it is refused because the caller is not an administrator
      And the reason given mentions "so clicking <button> was refused"
      And nothing has changed on the license server

      Examples:
        | page                                  | button |
        | Reinstalling RDS CALs                 | Cancel |
        | Obtain Client License Key Pack        | Cancel |
        | Obtain Client License Key Pack        | Back   |
        | Reinstalling Additional RDS CALs      | Cancel |
        | Reinstalling Additional RDS CALs      | Back   |
        | Completing the Manage RDS CALs Wizard | Cancel |
        | Completing the Manage RDS CALs Wizard | Back   |
        | Completing the Manage RDS CALs Wizard | Finish |

    # The pages show someone outside Administrators none of the wizard's controls but its four
    # buttons (docs/modelling-choices.md), so nobody can work these there: on a page the
    # refusal comes as it opens. Over the API each is refused for itself, naming the control.
    @api-only
    Scenario: A standard user cannot select the deletion confirmation check box of the administrator's wizard
      Given the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page
      When the standard user tries to select the deletion confirmation check box
      Then it is refused because the caller is not an administrator
      And the reason given mentions "so selecting the deletion check box was refused"
      And nothing has changed on the license server

    @api-only
    Scenario: A standard user cannot clear the deletion confirmation check box the administrator selected
      Given the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page
      And the administrator selects the deletion confirmation check box
      When the standard user tries to clear the deletion confirmation check box
      Then it is refused because the caller is not an administrator
      And the reason given mentions "so clearing the deletion check box was refused"
      And nothing has changed on the license server

    @api-only
    Scenario: A standard user cannot choose the action on the administrator's Action Selection page
      Given the administrator has reached the "Action Selection" page
      When the standard user tries to click "Rebuild the license server database"
      Then it is refused because the caller is not an administrator
      And the reason given mentions "so choosing an action was refused"
      And nothing has changed on the license server

  Rule: Requests without valid credentials are turned away

    Scenario Outline: <who> cannot open the wizard
      When <who> tries to open the Manage RDS CALs Wizard
      Then it is refused because the caller is not signed in
      And nothing has changed on the license server

      Examples:
        | who                            |
        | someone without credentials    |
        | someone with a wrong password  |
        | the passwordless administrator |

    # The web pages answer every refused sign-in with their own sign-in page; these reasons
    # are the ones a client of the API reads.
    @api-only
    Scenario Outline: <who> is told over the API what to do about <what>
      When <who> tries to <what>
      Then it is refused because the caller is not signed in
      And the reason given mentions "<reason>"

      Examples:
        | who                            | what                                  | reason                                                      |
        | someone without credentials    | open the Manage RDS CALs Wizard       | Sign in with a local account of LS-CONTOSO                  |
        | someone with a wrong password  | open the Manage RDS CALs Wizard       | user name or password is not correct for LS-CONTOSO         |
        | someone without credentials    | open Remote Desktop Licensing Manager | Sign in with a local account of a license server            |
        | someone with a wrong password  | open Remote Desktop Licensing Manager | user name or password is not correct for any license server |
        | the passwordless administrator | open the Manage RDS CALs Wizard       | blank password cannot sign in over the network              |
        | the passwordless administrator | open Remote Desktop Licensing Manager | blank password cannot sign in over the network              |
        | the passwordless administrator | open the Manage RDS CALs Wizard       | Give the account a password.                                |

    # A caller who cannot sign in learns nothing about which servers exist: an unknown
    # server refuses them exactly as a known one would.
    @api-only
    Scenario: A wrong password on a server that does not exist is refused as on one that does
      When someone with a wrong password tries to open the Manage RDS CALs Wizard on "LS-NOWHERE"
      Then it is refused because the caller is not signed in
      And the reason given mentions "The user name or password is not correct for LS-NOWHERE"

    @api-only
    Scenario: Someone without credentials naming a server that does not exist is asked to sign in, as on one that does
      When someone without credentials tries to open the Manage RDS CALs Wizard on "LS-NOWHERE"
      Then it is refused because the caller is not signed in
      And the reason given mentions "Sign in with a local account of LS-NOWHERE"

    @api-only
    Scenario: An administrator naming a server that does not exist is told so
      Given the harness seeds:
        """
        {"licenseServers": [{"name": "LS-ELSEWHERE", "accounts": [{"userName": "admin", "password": "another-Passw0rd", "groups": ["Administrators"]}]}]}
        """
      When the administrator tries to open the Manage RDS CALs Wizard on "LS-NOWHERE"
      Then it is refused as "unknown license server"
      And the reason given mentions 'There is no license server named "LS-NOWHERE"'

  Rule: The console's sign-in keeps what was typed, and Sign out ends the session

    # The web pages' own: the API has no sessions.
    @browser-only
    Scenario: A refused sign-in keeps the user name typed, and not the password
      When someone tries to sign in to RD Licensing Manager as the administrator with a wrong password
      Then it is refused because the caller is not signed in
      And the sign-in page still holds the administrator's user name, and no password

    # Sign out must close the session on the license server, not only forget the cookie in this browser.
    @browser-only
    Scenario: After Sign out, a copy of the session cookie no longer opens RD Licensing Manager
      Given the administrator signs in to RD Licensing Manager
      And someone copies the administrator's session cookie
      When someone with the copied session cookie opens Remote Desktop Licensing Manager
      Then the manager lists "LS-CONTOSO" as activated
      When the administrator signs out of RD Licensing Manager
      And someone with the copied session cookie tries to open Remote Desktop Licensing Manager
      Then it is refused because the caller is not signed in

  Rule: A member of the Administrators group can complete the procedure

    Scenario: The administrator rebuilds the database from start to finish
      When the administrator rebuilds the database by telephone, reinstalling every purchase
      Then the event log records event 88
      And the installed CALs equal the purchase records

    # The procedure is done with a mouse in RD Licensing Manager; it must be possible without one too.
    @browser-only
    Scenario: The administrator rebuilds the database using only the keyboard
      When the administrator rebuilds the database by telephone using only the keyboard
      Then event 88 was logged 1 time
      And the installed CALs equal the purchase records

    # Any administrator, not only "the administrator", can do it from the keyboard.
    @browser-only
    Scenario: An administrator through a domain group rebuilds the database using only the keyboard
      When the delegated administrator rebuilds the database by telephone using only the keyboard
      Then event 88 was logged 1 time
      And the installed CALs equal the purchase records

    Scenario: An administrator through a domain group nested in Administrators is equivalent
      When the delegated administrator rebuilds the database by telephone, reinstalling every purchase
      Then event 88 was logged 1 time
      And the installed CALs equal the purchase records
