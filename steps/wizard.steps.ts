/** Steps 3 to 8 and 11: moving through the Manage RDS CALs Wizard. */
import { DataTable, Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { WizardMove } from '../support/seams/person-and-harness';
import {
  advanceToConfirmDeletion,
  chooseRebuild,
  confirmDeletion,
  finishRebuild,
  move,
  openWizard,
  reachObtainKeyPack,
  reachPage,
  rebuildReinstallingEverything,
  wizardIsOpen,
} from '../support/seams/tasks';
import { LicensingWorld, Persona } from '../support/glue/world';
import { ACTION_LABELS, ADDITIONAL_LABELS, WIZARD_BUTTONS } from '../support/words/page-labels';

/** The labels of the wizard's option buttons (the console's words), and the move each makes. */
const OPTIONS: Record<string, WizardMove> = {
  [ACTION_LABELS.rebuild]: { type: 'selectAction', action: 'rebuild' },
  [ACTION_LABELS.migrate]: { type: 'selectAction', action: 'migrate' },
  [ADDITIONAL_LABELS.continue]: { type: 'chooseAdditionalPacks', choice: 'continue' },
  [ADDITIONAL_LABELS.finish]: { type: 'chooseAdditionalPacks', choice: 'finish' },
};

/** The words on the wizard's buttons for the moves the fake calls next, back, cancel and finish. */
const BUTTON_WORDS: Record<string, string> = WIZARD_BUTTONS;

/** The move each of the wizard's buttons makes, by the words on it. */
const BUTTONS: Record<string, WizardMove> = Object.fromEntries(
  (Object.keys(WIZARD_BUTTONS) as (keyof typeof WIZARD_BUTTONS)[]).map((type) => [WIZARD_BUTTONS[type], { type }]),
);

function option(label: string): WizardMove {
  const found = Object.hasOwn(OPTIONS, label) ? OPTIONS[label] : undefined;
  if (!found) throw new Error(`The wizard has no option "${label}"; known: ${Object.keys(OPTIONS).join('; ')}`);
  return found;
}

When('the administrator opens the Manage RDS CALs Wizard', async function (this: LicensingWorld) {
  await openWizard(this);
});

Given('the administrator has opened the Manage RDS CALs Wizard', async function (this: LicensingWorld) {
  await openWizard(this);
});

// Naming the server makes it the one the next steps mean ("it"), in the Given as in the When.
Given('the administrator has opened the Manage RDS CALs Wizard on {string}', async function (this: LicensingWorld, name: string) {
  this.serverName = name;
  await openWizard(this);
});

When('the administrator opens the Manage RDS CALs Wizard on {string}', async function (this: LicensingWorld, name: string) {
  this.serverName = name;
  await openWizard(this);
});

When('{persona} tries to open the Manage RDS CALs Wizard', async function (this: LicensingWorld, persona: Persona) {
  this.actAs(persona);
  await this.attempt(() => this.person.openManageCalsWizard(this.serverName));
});

When(
  '{otherCaller} tries to open the Manage RDS CALs Wizard on {string}',
  async function (this: LicensingWorld, persona: Persona, name: string) {
    this.actAs(persona);
    await this.attempt(() => this.person.openManageCalsWizard(name));
  },
);

/** The server becomes "it" once the wizard opens on it; a refused attempt leaves "it" where it was. */
When('the administrator tries to open the Manage RDS CALs Wizard on {string}', async function (this: LicensingWorld, name: string) {
  await this.attempt(() => this.person.openManageCalsWizard(name));
  if (!this.refusal) this.serverName = name;
});

When('the administrator clicks {wizardButton}', async function (this: LicensingWorld, button: string) {
  await move(this, BUTTONS[button] as WizardMove);
});

/** The sentences open with the person, so the BeforeStep hook acts as them. */
async function tryToClick(world: LicensingWorld, button: string): Promise<void> {
  await world.attempt(() => world.person.moveWizard(world.serverName, BUTTONS[button] as WizardMove));
}
When('the administrator tries to click {wizardButton}', async function (this: LicensingWorld, button: string) {
  await tryToClick(this, button);
});
When('the standard user tries to click {wizardButton}', async function (this: LicensingWorld, button: string) {
  await tryToClick(this, button);
});

/**
 * The wizard in a second tab of the same administrator's browser, left as it was drawn while the
 * first tab moves on (over the API: the drawing's ETag, sent back as If-Match).
 */
When('the administrator opens the wizard in a second tab', async function (this: LicensingWorld) {
  await this.person.openWizardInSecondTab(this.serverName);
});

When('the administrator clicks {wizardButton} in the second tab', async function (this: LicensingWorld, button: string) {
  this.page = await this.person.moveWizardInSecondTab(this.serverName, BUTTONS[button] as WizardMove);
});

When('the administrator tries to click {wizardButton} in the second tab', async function (this: LicensingWorld, button: string) {
  await this.attempt(() => this.person.moveWizardInSecondTab(this.serverName, BUTTONS[button] as WizardMove));
});

When('the administrator clicks {string}', async function (this: LicensingWorld, label: string) {
  await move(this, option(label));
});

When('the administrator tries to click {string}', async function (this: LicensingWorld, label: string) {
  await this.attempt(() => this.person.moveWizard(this.serverName, option(label)));
});

/**
 * The wizard's other controls, worked by someone else than the administrator (each refused, naming
 * the control). The sentence opens with the person, so the BeforeStep hook acts as them.
 */
When('the standard user tries to click {string}', async function (this: LicensingWorld, label: string) {
  await this.attempt(() => this.person.moveWizard(this.serverName, option(label)));
});

When('the standard user tries to select the deletion confirmation check box', async function (this: LicensingWorld) {
  await this.attempt(() => this.person.moveWizard(this.serverName, { type: 'setDeletionConfirmed', confirmed: true }));
});
When('the standard user tries to clear the deletion confirmation check box', async function (this: LicensingWorld) {
  await this.attempt(() => this.person.moveWizard(this.serverName, { type: 'setDeletionConfirmed', confirmed: false }));
});

When('the administrator selects the reason {string}', async function (this: LicensingWorld, reason: string) {
  await move(this, { type: 'selectReason', reason });
});

When('the administrator tries to select the reason {string}', async function (this: LicensingWorld, reason: string) {
  await this.attempt(() => this.person.moveWizard(this.serverName, { type: 'selectReason', reason }));
});

/** Leaves the Welcome page only if the wizard is still on it: the sentence is about the choice, not about Next. */
Given('the administrator has chosen to rebuild because {string}', async function (this: LicensingWorld, reason: string) {
  if ((await this.person.currentWizardPage(this.serverName)).page === 'welcome') await move(this, { type: 'next' });
  await chooseRebuild(this, reason);
});

Given('the administrator has gone through the wizard to the Confirm Deletion of RDS CALs page', async function (this: LicensingWorld) {
  await openWizard(this);
  await advanceToConfirmDeletion(this);
});

When('the administrator selects the deletion confirmation check box', async function (this: LicensingWorld) {
  await move(this, { type: 'setDeletionConfirmed', confirmed: true });
});
When('the administrator clears the deletion confirmation check box', async function (this: LicensingWorld) {
  await move(this, { type: 'setDeletionConfirmed', confirmed: false });
});

When('the administrator confirms the deletion of the installed RDS CALs', async function (this: LicensingWorld) {
  await advanceToConfirmDeletion(this);
  await confirmDeletion(this);
});

Given('the administrator has confirmed the deletion of the installed RDS CALs', async function (this: LicensingWorld) {
  await openWizard(this);
  await advanceToConfirmDeletion(this);
  await confirmDeletion(this);
});

Given('the administrator has reached the Obtain Client License Key Pack page', async function (this: LicensingWorld) {
  await reachObtainKeyPack(this);
});
Given('the administrator goes through the wizard to the Obtain Client License Key Pack page', async function (this: LicensingWorld) {
  await reachObtainKeyPack(this);
});

Given('the administrator has finished the rebuild', async function (this: LicensingWorld) {
  await rebuildReinstallingEverything(this);
});

When('the administrator rebuilds the database by telephone, reinstalling every purchase', async function (this: LicensingWorld) {
  await rebuildReinstallingEverything(this);
});

/** Only in a browser (@browser-only): every control reached with Tab, worked with Space, Enter and typing. */
When('the administrator rebuilds the database by telephone using only the keyboard', async function (this: LicensingWorld) {
  this.person.useKeyboardOnly();
  await rebuildReinstallingEverything(this);
});

/** The keyboard-only rebuild by any persona but the administrator (@browser-only, as the administrator's). */
When('{anotherPerson} rebuilds the database by telephone using only the keyboard', async function (this: LicensingWorld, person: Persona) {
  this.actAs(person);
  this.person.useKeyboardOnly();
  await rebuildReinstallingEverything(this);
});

When(
  '{anotherPerson} rebuilds the database by telephone, reinstalling every purchase',
  async function (this: LicensingWorld, person: Persona) {
    this.actAs(person);
    await rebuildReinstallingEverything(this);
  },
);

When('the administrator reinstalls every purchase one pack at a time and finishes', async function (this: LicensingWorld) {
  await move(this, { type: 'next' });
  await rebuildReinstallingEverything(this, true);
});

When('the administrator finishes the rebuild', async function (this: LicensingWorld) {
  await finishRebuild(this);
});

Then('the wizard shows the {string} page', async function (this: LicensingWorld, title: string) {
  const current = await this.person.currentWizardPage(this.page?.serverName ?? this.serverName);
  expect(current.title).to.equal(title);
});

/** The wizard open on a named server, whichever server the scenario is about. */
Then(
  'the Manage RDS CALs Wizard on {string} shows the {string} page',
  async function (this: LicensingWorld, serverName: string, title: string) {
    const current = await this.person.currentWizardPage(serverName);
    expect(current.serverName.toUpperCase(), 'the page is of another server').to.equal(serverName.toUpperCase());
    expect(current.title).to.equal(title);
  },
);

Given('the administrator has reached the {string} page', async function (this: LicensingWorld, title: string) {
  await reachPage(this, title);
});

/** The buttons a person can click on the current page, in any order ("Next, Cancel"). */
Then('the wizard offers the buttons {string}', async function (this: LicensingWorld, list: string) {
  const current = await this.person.currentWizardPage(this.serverName);
  const offered = current.allowed.flatMap((move) => (Object.hasOwn(BUTTON_WORDS, move) ? [BUTTON_WORDS[move]] : []));
  expect([...offered].sort(), `the buttons of the "${current.title}" page`).to.deep.equal(list.split(/,\s*/).sort());
});

Then('the license key pack ID boxes are empty', async function (this: LicensingWorld) {
  const current = await this.person.currentWizardPage(this.serverName);
  expect(current.obtainKeyPack?.keyPackId, 'what the boxes hold').to.equal('');
});

async function expectDeletionConfirmed(world: LicensingWorld, selected: boolean): Promise<void> {
  const current = await world.person.currentWizardPage(world.serverName);
  expect(current.confirmDeletion?.deletionConfirmed, 'the check box on the Confirm Deletion of RDS CALs page').to.equal(selected);
}
Then('the deletion confirmation check box is selected', async function (this: LicensingWorld) {
  await expectDeletionConfirmed(this, true);
});
Then('the deletion confirmation check box is cleared', async function (this: LicensingWorld) {
  await expectDeletionConfirmed(this, false);
});

Then('the option {string} is chosen', async function (this: LicensingWorld, label: string) {
  const current = await this.person.currentWizardPage(this.serverName);
  const chosen = option(label);
  if (chosen.type === 'selectAction') expect(current.actionSelection?.action).to.equal(chosen.action);
  else if (chosen.type === 'chooseAdditionalPacks') expect(current.reinstallingAdditional?.choice).to.equal(chosen.choice);
});

function expectWizardClosed(world: LicensingWorld, how: 'cancelled' | 'finished'): void {
  expect(world.page?.page, 'the wizard is still open').to.equal('closed');
  expect(world.page?.outcome).to.equal(how);
}
Then('the Manage RDS CALs Wizard was cancelled', function (this: LicensingWorld) {
  expectWizardClosed(this, 'cancelled');
});
Then('the Manage RDS CALs Wizard was finished', function (this: LicensingWorld) {
  expectWizardClosed(this, 'finished');
});

Then('the wizard offers these reasons:', async function (this: LicensingWorld, table: DataTable) {
  const current = await this.person.currentWizardPage(this.serverName);
  expect(current.actionSelection?.reasons).to.deep.equal(table.raw().map(([reason]) => reason));
});

Then('the wizard asks whether to reinstall another pack', async function (this: LicensingWorld) {
  const current = await this.person.currentWizardPage(this.serverName);
  expect(current.page).to.equal('reinstallingAdditional');
  expect(current.allowed).to.include('chooseAdditionalPacks');
});

Then('the wizard counts {int} pack(s) reinstalled', async function (this: LicensingWorld, count: number) {
  expect((await this.person.currentWizardPage(this.serverName)).packsReinstalled).to.equal(count);
});

/** While the wizard is open its page shows the reason; once it has closed, its last event (88 or 9002) records it. */
async function expectRecordedReason(world: LicensingWorld, reason: string): Promise<void> {
  if (await wizardIsOpen(world)) {
    expect((await world.person.currentWizardPage(world.serverName)).reason).to.equal(reason);
    return;
  }
  const closing = (await world.person.eventLog(world.serverName)).filter((event) => event.eventId === 88 || event.eventId === 9002).at(-1);
  expect(closing?.message, 'no event 88 or 9002 records how the wizard closed').to.include(`Reason given: ${reason}.`);
}

Then('the wizard has recorded the reason {string}', async function (this: LicensingWorld, reason: string) {
  await expectRecordedReason(this, reason);
});

/** The reason chosen in the scenario, whichever it was: a check that does not depend on the order of the replaceable reason list. */
Then('the wizard has recorded the reason chosen on Action Selection', async function (this: LicensingWorld) {
  if (this.reasonChosen === undefined) throw new Error('No reason was chosen on Action Selection in this scenario');
  await expectRecordedReason(this, this.reasonChosen);
});

Then('the Manage RDS CALs Wizard is closed', async function (this: LicensingWorld) {
  expect(this.page?.page).to.equal('closed');
  const stillOpen = await wizardIsOpen(this);
  expect(stillOpen, 'the fake still has a wizard open on the server').to.equal(false);
});
