/**
 * What the console's pages mark, note and focus, and its own sign-in and Sign out (issue 28).
 * Some have an API meaning (a pack's expiry, the count of packs reinstalled) and run in both
 * profiles; the sessions, the notes and the focus are the pages' own (@browser-only).
 */
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { KeyPack } from '../support/seams/person-and-harness';
import { LicensingWorld, PERSONAS } from '../support/glue/world';

/** The administrator's account with a password that is not theirs, as a person mistyping it. */
const ADMINISTRATOR_MISTYPED = { userName: PERSONAS.administrator.userName, password: 'not-the-password' };

When('the administrator signs in to RD Licensing Manager', async function (this: LicensingWorld) {
  await this.person.signIn(PERSONAS.administrator);
});

When('someone tries to sign in to RD Licensing Manager as the administrator with a wrong password', async function (this: LicensingWorld) {
  await this.attempt(() => this.person.signIn(ADMINISTRATOR_MISTYPED));
});

Then("the sign-in page still holds the administrator's user name, and no password", async function (this: LicensingWorld) {
  expect(await this.person.signInFormHolds()).to.deep.equal({ userName: PERSONAS.administrator.userName, password: '' });
});

When("someone copies the administrator's session cookie", async function (this: LicensingWorld) {
  await this.person.copySessionCookie();
});

When('someone with the copied session cookie opens Remote Desktop Licensing Manager', async function (this: LicensingWorld) {
  this.listedServers = await this.person.openManagerWithCopiedCookie();
});

When('someone with the copied session cookie tries to open Remote Desktop Licensing Manager', async function (this: LicensingWorld) {
  await this.attempt(() => this.person.openManagerWithCopiedCookie());
});

When('the administrator signs out of RD Licensing Manager', async function (this: LicensingWorld) {
  await this.person.signOut();
});

Then(
  'the page of {string} in RD Licensing Manager says nothing about the Manage RDS CALs Wizard',
  async function (this: LicensingWorld, name: string) {
    const notes = await this.person.notesOnServerPage(name);
    expect(
      notes.filter((note) => note.includes('Manage RDS CALs Wizard')),
      `the notes on the page of ${name}`,
    ).to.deep.equal([]);
  },
);

/** A refusal answered in place is read out first: the page moves the focus to its alert. */
Then('the refusal is announced and has the focus', async function (this: LicensingWorld) {
  if (!this.refusal) throw new Error('Nothing was refused: there is no refusal to announce');
  expect(await this.person.focusOnScreen(), 'what has the focus').to.equal('the refusal');
});

Then('the wizard shows no count of packs reinstalled', async function (this: LicensingWorld) {
  expect((await this.person.currentWizardPage(this.serverName)).packsReinstalled).to.equal(null);
});

/** The pack as RD Licensing Manager lists it (the server's page, or the key packs answer), found by its purchase. */
async function packListed(world: LicensingWorld, reference: string): Promise<KeyPack> {
  const purchase = world.ledger.purchase(reference);
  const records = await world.harness.purchaseRecords();
  const pack = (await world.person.installedKeyPacks(world.serverName)).find(
    (candidate) => world.ledger.identifyPack(candidate, records) === purchase,
  );
  if (!pack) throw new Error(`RD Licensing Manager lists no pack of "${reference}" on ${world.serverName}`);
  return pack;
}

Then('RD Licensing Manager shows the pack of {string} as expired', async function (this: LicensingWorld, reference: string) {
  expect((await packListed(this, reference)).expired, 'marked expired').to.equal(true);
});

Then('RD Licensing Manager shows the pack of {string} as not expired', async function (this: LicensingWorld, reference: string) {
  expect((await packListed(this, reference)).expired, 'marked expired').to.equal(false);
});
