/**
 * Tasks: the procedure's larger moves, each built from driver calls. Steps call one task
 * (or one driver method); the tasks read what the wizard displays, as a person would.
 */
import { expect } from 'chai';
import { Refusal, TelephoneCall, WizardMove, WizardPage } from './person-and-harness';
import { readPhrase } from '../glue/ledger';
import { ObservedKeyPack } from '../glue/observations';
import { PAGE_TITLES } from '../words/page-labels';
import { programInformationOf } from '../words/purchase-references';
import { LicensingWorld } from '../glue/world';

export async function move(world: LicensingWorld, wizardMove: WizardMove): Promise<WizardPage> {
  world.page = await world.person.moveWizard(world.serverName, wizardMove);
  if (wizardMove.type === 'selectReason') world.reasonChosen = wizardMove.reason;
  return world.page;
}

export async function openWizard(world: LicensingWorld, serverName = world.serverName): Promise<WizardPage> {
  world.page = await world.person.openManageCalsWizard(serverName);
  return world.page;
}

/** Steps 5 and 6: rebuild, with a reason, still on the Action Selection page. */
export async function chooseRebuild(world: LicensingWorld, reason?: string): Promise<void> {
  const page = await move(world, { type: 'selectAction', action: 'rebuild' });
  const chosen = reason ?? page.actionSelection?.reasons[0];
  if (chosen === undefined) throw new Error('The wizard offered no reason for a rebuild');
  await move(world, { type: 'selectReason', reason: chosen });
}

/** From the Welcome page to the Confirm Deletion of RDS CALs page (steps 4 to 6). */
export async function advanceToConfirmDeletion(world: LicensingWorld): Promise<void> {
  await move(world, { type: 'next' });
  await chooseRebuild(world);
  await move(world, { type: 'next' });
}

/** Step 7: tick the check box and click Next; the database contents are deleted. */
export async function confirmDeletion(world: LicensingWorld): Promise<void> {
  await move(world, { type: 'setDeletionConfirmed', confirmed: true });
  await move(world, { type: 'next' });
}

/** Steps 3 to 8: open the wizard and go as far as the Obtain Client License Key Pack page. */
export async function reachObtainKeyPack(world: LicensingWorld): Promise<void> {
  await openWizard(world);
  await advanceToConfirmDeletion(world);
  await confirmDeletion(world);
  await move(world, { type: 'next' });
}

/**
 * Step 9: call the number the wizard displays and give the License Server ID it displays
 * plus the purchase information, as the scenario wrote it (case and spacing too: a person
 * reads it out so). For a retail purchase the caller reads out the license code alone: the
 * representative finds product version, CAL type and quantity from it. For other programs the
 * caller also says the product version and CAL type the scenario described, which settles a
 * document that covers several purchases. Overrides stand for a caller's mistakes. The ID read
 * out is observed, with the purchase the scenario meant (none, for one it never described).
 */
export async function callClearinghouse(
  world: LicensingWorld,
  phrase: string,
  overrides: Partial<TelephoneCall> = {},
): Promise<ObservedKeyPack> {
  const purchase = world.ledger.find(phrase, { productVersion: overrides.productVersion, calType: overrides.calType });
  world.ledger.called(phrase);
  const information = programInformationOf(readPhrase(phrase).reference);
  const productDetails =
    purchase === undefined || purchase.information.program === 'retail'
      ? {}
      : { productVersion: purchase.productVersion, calType: purchase.calType };
  const granted = await callAbout(world, { information, ...productDetails, ...overrides });
  return world.observations.keyPackGiven(granted, purchase);
}

/** Calls the number and gives the License Server ID the wizard displays, with what the caller says. */
export function callAbout(world: LicensingWorld, said: Omit<TelephoneCall, 'dialledNumber' | 'licenseServerId'> & Partial<TelephoneCall>) {
  const shown = world.page?.obtainKeyPack;
  if (!shown?.telephoneNumber) throw new Error('The wizard is not showing a Clearinghouse number (Obtain Client License Key Pack page)');
  return world.person.callClearinghouse({ dialledNumber: shown.telephoneNumber, licenseServerId: shown.licenseServerId, ...said });
}

/** Step 10: type an ID into the boxes and click Next. */
export async function enterKeyPackId(world: LicensingWorld, keyPackId: string): Promise<WizardPage> {
  await move(world, { type: 'enterKeyPackId', keyPackId });
  return move(world, { type: 'next' });
}

/** Steps 9 and 10 for one purchase. */
export async function reinstallPack(world: LicensingWorld, reference: string): Promise<void> {
  const given = await callClearinghouse(world, reference);
  await enterKeyPackId(world, given.licenseKeyPackId);
}

/** Step 11, continue: then steps 9 and 10 again. */
export async function continueWithPack(world: LicensingWorld, reference: string): Promise<void> {
  await move(world, { type: 'chooseAdditionalPacks', choice: 'continue' });
  await move(world, { type: 'next' });
  await reinstallPack(world, reference);
}

/** Step 11, finish: choose to finish, Next, Finish. */
export async function finishRebuild(world: LicensingWorld): Promise<void> {
  await move(world, { type: 'chooseAdditionalPacks', choice: 'finish' });
  await move(world, { type: 'next' });
  await move(world, { type: 'finish' });
}

/** The whole procedure on the current server: every purchase that was installed comes back. */
export async function rebuildReinstallingEverything(world: LicensingWorld, alreadyAtObtainPage = false): Promise<void> {
  if (!alreadyAtObtainPage) await reachObtainKeyPack(world);
  const references = world.ledger.installedOn(world.serverName).map((purchase) => world.ledger.nameOf(purchase));
  expect(references, 'the scenario installed no pack to rebuild').to.have.length.greaterThan(0);
  for (const [index, reference] of references.entries()) {
    if (index === 0) await reinstallPack(world, reference);
    else await continueWithPack(world, reference);
  }
  await finishRebuild(world);
}

/**
 * Opens the wizard and goes, the ordinary way, to the page with this title: through the
 * deletion for the pages after it, and reinstalling the scenario's first installed purchase
 * for the last two.
 */
export async function reachPage(world: LicensingWorld, title: string): Promise<void> {
  // The titles in the order the wizard shows its pages.
  const order = Object.values(PAGE_TITLES);
  const target = order.indexOf(title);
  if (target < 0) throw new Error(`The wizard has no page "${title}"; its pages are: ${order.join('; ')}`);
  await openWizard(world);
  if (target >= 1) await move(world, { type: 'next' });
  if (target >= 2) {
    await chooseRebuild(world);
    await move(world, { type: 'next' });
  }
  if (target >= 3) await confirmDeletion(world);
  if (target >= 4) await move(world, { type: 'next' });
  if (target >= 5) {
    const [first] = world.ledger.installedOn(world.serverName);
    if (!first) throw new Error('The scenario installed no pack, so there is none to reinstall on the way');
    await reinstallPack(world, world.ledger.nameOf(first));
  }
  if (target >= 6) {
    await move(world, { type: 'chooseAdditionalPacks', choice: 'finish' });
    await move(world, { type: 'next' });
  }
  expect(world.page?.title).to.equal(title);
}

/** Whether the fake has a Manage RDS CALs Wizard open on the scenario's server. */
export function wizardIsOpen(world: LicensingWorld): Promise<boolean> {
  return world.person.currentWizardPage(world.serverName).then(
    () => true,
    (error: unknown) => {
      if (error instanceof Refusal && error.code === 'wizard-not-open') return false;
      throw error;
    },
  );
}

/** Changes one character of an ID to the next one in the alphabet, as a slip of the finger. */
export function withOneCharacterMistyped(id: string, position = 7): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const chars = [...id];
  let index = position;
  while (!alphabet.includes(chars[index] ?? '')) index += 1;
  chars[index] = alphabet.charAt((alphabet.indexOf(chars[index] ?? '0') + 1) % alphabet.length);
  return chars.join('');
}
