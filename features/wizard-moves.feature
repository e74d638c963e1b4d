Feature: The wizard's buttons off the main path
  The procedure walks the Manage RDS CALs Wizard with Next. A person can also click Back,
  Cancel or Finish, on any page, at the wrong time. Each page offers only its own buttons;
  a button it does not offer is refused without a change; leaving early before the deletion
  leaves the database as it was, and leaving after it is recorded as an abandoned rebuild.

  Background:
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                              | product version     | CAL type   | CALs | issued |
      | Enterprise Agreement 4271956          | Windows Server 2022 | Per User   | 250  | 12     |
      | Open License 83920147 QX7R2M9KD4L8T1B | Windows Server 2019 | Per Device | 50   | 7      |

  Scenario Outline: The "<page>" page offers the buttons <buttons>
    Given the administrator has reached the "<page>" page
    Then the wizard offers the buttons "<buttons>"

    @step-4
    Examples: before anything is chosen
      | page                                  | buttons      |
      | Welcome to the Manage RDS CALs Wizard | Next, Cancel |

    @step-5
    Examples: choosing the action and the reason
      | page             | buttons            |
      | Action Selection | Next, Back, Cancel |

    @step-7
    Examples: the last page before the deletion
      | page                         | buttons            |
      | Confirm Deletion of RDS CALs | Next, Back, Cancel |

    @step-8
    Examples: after the deletion there is no way back
      | page                  | buttons      |
      | Reinstalling RDS CALs | Next, Cancel |

    @step-10
    Examples: entering the license key pack ID
      | page                           | buttons      |
      | Obtain Client License Key Pack | Next, Cancel |

    @step-11
    Examples: the end of the rebuild
      | page                                  | buttons              |
      | Reinstalling Additional RDS CALs      | Next, Cancel         |
      | Completing the Manage RDS CALs Wizard | Back, Finish, Cancel |

  Scenario Outline: Finish before the last page is refused on the "<page>" page
    Given the administrator has reached the "<page>" page
    When the administrator tries to click Finish
    Then it is refused as "not available on this page"
    And the reason given mentions 'Finish is not available on the "<page>" page. Available here: <available>.'
    And nothing has changed on the license server

    @step-4
    Examples:
      | page                                  | available    |
      | Welcome to the Manage RDS CALs Wizard | Next, Cancel |

    @step-5
    Examples:
      | page             | available                                                 |
      | Action Selection | choosing an action, choosing a reason, Next, Back, Cancel |

    @step-7
    Examples:
      | page                         | available                                  |
      | Confirm Deletion of RDS CALs | the deletion check box, Next, Back, Cancel |

    @step-8
    Examples:
      | page                  | available    |
      | Reinstalling RDS CALs | Next, Cancel |

    @step-10
    Examples:
      | page                           | available                                    |
      | Obtain Client License Key Pack | entering a license key pack ID, Next, Cancel |

    @step-11
    Examples:
      | page                             | available                                                 |
      | Reinstalling Additional RDS CALs | choosing whether to reinstall more RDS CALs, Next, Cancel |

  @caution
  Scenario Outline: Cancel before the deletion, on the "<page>" page, leaves the database as it was
    Given the administrator has reached the "<page>" page
    When the administrator clicks Cancel
    Then the Manage RDS CALs Wizard was cancelled
    And the RD Licensing database holds 2 RDS CAL packs with 19 issued CALs
    And the event log does not record event 9002

    Examples:
      | page                                  |
      | Welcome to the Manage RDS CALs Wizard |
      | Action Selection                      |
      | Confirm Deletion of RDS CALs          |

  @caution @step-11
  Scenario Outline: Cancel after the deletion, on the "<page>" page, is recorded as an abandoned rebuild
    Given the administrator has reached the "<page>" page
    When the administrator clicks Cancel
    Then the Manage RDS CALs Wizard was cancelled
    And the RD Licensing database holds <packs> RDS CAL packs with 0 issued CALs
    And event 9002 was logged 1 time
    And the event log records event 9002 as a Warning
    And the event log records event 9002 saying "<logged as>"
    And the event log records event 26 as a Warning
    And the event log does not record event 88
    And the wizard has recorded the reason chosen on Action Selection

    Examples:
      | page                                  | packs | logged as                                                                                     |
      | Reinstalling RDS CALs                 | 0     | before any key pack was reinstalled: every RDS CAL deleted then is missing                    |
      | Obtain Client License Key Pack        | 0     | before any key pack was reinstalled: every RDS CAL deleted then is missing                    |
      | Reinstalling Additional RDS CALs      | 1     | 1 key pack(s) had been reinstalled. Any RDS CALs deleted then and not reinstalled are missing |
      | Completing the Manage RDS CALs Wizard | 1     | 1 key pack(s) had been reinstalled. Any RDS CALs deleted then and not reinstalled are missing |

  @step-8
  Scenario: Back after the deletion is refused, and the reason says why
    Given the administrator has reached the "Reinstalling RDS CALs" page
    When the administrator tries to click Back
    Then it is refused as "not available on this page"
    And the reason given begins with "Back is not available"
    And the reason given mentions "there is no going back"
    And the reason given mentions "Available here: Next, Cancel."
    And nothing has changed on the license server

  @step-5
  Scenario: Back before the deletion gives no such reason
    Given the administrator has reached the "Welcome to the Manage RDS CALs Wizard" page
    When the administrator tries to click Back
    Then it is refused as "not available on this page"
    And the reason given mentions 'Back is not available on the "Welcome to the Manage RDS CALs Wizard" page. Available here: Next, Cancel.'

  @step-7
  Scenario: Back from Confirm Deletion keeps the choices made on Action Selection
    Given the administrator has reached the "Confirm Deletion of RDS CALs" page
    When the administrator clicks Back
    Then the wizard shows the "Action Selection" page
    And the option "Rebuild the license server database" is chosen
    And the wizard has recorded the reason chosen on Action Selection
    And the RD Licensing database holds 2 RDS CAL packs with 19 issued CALs

  @step-7
  Scenario: The check box starts clear and shows what was last done to it
    Given the administrator has reached the "Confirm Deletion of RDS CALs" page
    Then the deletion confirmation check box is cleared
    When the administrator selects the deletion confirmation check box
    Then the deletion confirmation check box is selected
    When the administrator clears the deletion confirmation check box
    Then the deletion confirmation check box is cleared

  @step-11
  Scenario: Back from Completing returns to the choice, with Finish chosen
    Given the administrator has reached the "Completing the Manage RDS CALs Wizard" page
    When the administrator clicks Back
    Then the wizard shows the "Reinstalling Additional RDS CALs" page
    And the option "Finish rebuilding the RD Licensing database" is chosen
    And the wizard counts 1 pack reinstalled

  @step-11
  Scenario: Finishing closes the wizard as finished, not cancelled
    Given the administrator has reached the "Completing the Manage RDS CALs Wizard" page
    When the administrator clicks Finish
    Then the Manage RDS CALs Wizard was finished
    And event 88 was logged 1 time
    And the event log records event 88 as Information
    And the event log does not record event 9002

  @step-6
  Scenario: A reason cannot be chosen before the rebuild action
    Given the administrator has reached the "Action Selection" page
    When the administrator tries to select the reason "The RD Licensing database is corrupt"
    Then it is refused as "rebuild not selected"
    And nothing has changed on the license server

  @step-11
  Scenario: A closed wizard takes no more clicks
    Given the administrator has reached the "Completing the Manage RDS CALs Wizard" page
    And the administrator clicks Finish
    When the administrator tries to click Next
    Then it is refused as "wizard not open"

  @step-5
  Scenario: Back from Action Selection returns to the Welcome page and deletes nothing
    Given the administrator has reached the "Action Selection" page
    When the administrator clicks Back
    Then the wizard shows the "Welcome to the Manage RDS CALs Wizard" page
    And the RD Licensing database holds 2 RDS CAL packs with 19 issued CALs

  @step-10
  Scenario: A license key pack ID of spaces only counts as none
    Given the administrator has reached the "Obtain Client License Key Pack" page
    When the administrator tries to enter the license key pack ID "     "
    Then it is refused as "no key pack id"
    And nothing has changed on the license server

  @step-11
  Scenario: Continuing with another pack starts from empty boxes
    Given the administrator has reached the "Reinstalling Additional RDS CALs" page
    When the administrator clicks "Continue reinstalling additional RDS CALs"
    And the administrator clicks Next
    Then the wizard shows the "Obtain Client License Key Pack" page
    And the license key pack ID boxes are empty

  # Over the API the second tab is a client that kept the wizard page's ETag and sends it back as
  # If-Match: the contract answers a stale one 412 Precondition Failed (docs/fake-api.md).
  @api-only @step-4
  Scenario: Over the API, a move sent with the ETag of a page no longer shown fails its precondition
    Given the administrator has opened the Manage RDS CALs Wizard
    When the administrator opens the wizard in a second tab
    And the administrator clicks Next
    And the administrator tries to click Next in the second tab
    Then it is refused as "page changed"
    And the API answered it as a failed precondition, HTTP 412
    And nothing has changed on the license server

  # A second tab is refused only when it is stale: one still showing the page the wizard is on
  # acts as the first would (over the API: a move sent with the ETag of the page it was drawn from).
  @step-4
  Scenario: Next in a second tab that still shows the wizard's page goes on
    Given the administrator has opened the Manage RDS CALs Wizard
    When the administrator opens the wizard in a second tab
    And the administrator clicks Next in the second tab
    Then the wizard shows the "Action Selection" page

  # The real wizard is one window; the fake's pages can be open twice. A tab left on an earlier
  # page cannot act for the page the wizard is on now: its Next is refused before anything is done.
  @step-7
  Scenario: Next in a stale second tab is refused as page changed and deletes nothing
    Given the administrator has opened the Manage RDS CALs Wizard
    When the administrator opens the wizard in a second tab
    And the administrator clicks Next
    And the administrator clicks "Rebuild the license server database"
    And the administrator selects the reason "The RD Licensing database is corrupt"
    And the administrator clicks Next
    And the administrator selects the deletion confirmation check box
    And the administrator tries to click Next in the second tab
    Then it is refused as "page changed"
    And the reason given mentions "Confirm Deletion of RDS CALs"
    And nothing has changed on the license server
    And the RD Licensing database still holds 2 RDS CAL packs with 19 issued CALs
    And the wizard shows the "Confirm Deletion of RDS CALs" page
