/** Givens and Whens that steer the fake itself: faults, the clock, snapshots, reset, fixture files. */
import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { KeyPack, Refusal, WorldFixture } from '../support/seams/person-and-harness';
import { wizardIsOpen } from '../support/seams/tasks';
import { LicensingWorld } from '../support/glue/world';

Given(
  'the RD Licensing database of {string} will fail on its {ordinal} write from now',
  async function (this: LicensingWorld, name: string, nth: number) {
    await this.harness.setFaults(name, { failWrites: { after: nth - 1, count: 1 } });
  },
);

When('the faults planned for {string} are cleared', async function (this: LicensingWorld, name: string) {
  await this.harness.clearFaults(name);
});

Given('the Clearinghouse line for {string} is busy the first time', async function (this: LicensingWorld, name: string) {
  await this.harness.setFaults(name, { busySignals: 1 });
});

Given('answers about {string} take {int} ms', async function (this: LicensingWorld, name: string, latencyMs: number) {
  await this.harness.setFaults(name, { latencyMs });
});

/** A raw set-up for the fake (JSON, as the test-control API takes it), for what the table sentences cannot say. */
Given('the harness seeds:', async function (this: LicensingWorld, json: string) {
  await this.harness.seed(JSON.parse(json) as WorldFixture);
});

/** A raw set-up for the fake (JSON, as the test-control API takes it), expected to be refused. */
When('the harness tries to seed:', async function (this: LicensingWorld, json: string) {
  await this.attempt(() => this.harness.seed(JSON.parse(json) as WorldFixture));
});

When('the harness tries to set the clock to {string}', async function (this: LicensingWorld, instant: string) {
  await this.attempt(() => this.harness.setClock(instant));
});

When('the harness tries to move the clock on by {int} days', async function (this: LicensingWorld, days: number) {
  await this.attempt(() => this.harness.advanceClock({ days }));
});

Then('the clock reads {string} and stands still', async function (this: LicensingWorld, instant: string) {
  expect(await this.harness.readClock()).to.deep.equal({ now: new Date(instant).toISOString(), frozen: true });
});

/** Unset, the clock runs with the computer's; "n days pass" moves it ahead by that much. */
Then("the clock runs {int} days ahead of the computer's", async function (this: LicensingWorld, days: number) {
  const clock = await this.harness.readClock();
  expect(clock.frozen, 'the clock stands still').to.equal(false);
  const aheadMs = Date.parse(clock.now) - Date.now();
  expect(Math.abs(aheadMs - days * 86_400_000), `the clock is ${aheadMs} ms ahead`).to.be.lessThan(60_000);
});

/** As a Given it sets the clock; as a Then it only checks it (an Outcome never changes what it looks at). */
Given('the clock reads {string}', async function (this: LicensingWorld, instant: string) {
  if (this.stepType === 'Outcome') {
    expect((await this.harness.readClock()).now, 'what the clock reads').to.equal(new Date(instant).toISOString());
    return;
  }
  await this.harness.setClock(instant);
});

When('{int} days pass', async function (this: LicensingWorld, days: number) {
  await this.harness.advanceClock({ days });
});
When('{int} minutes pass', async function (this: LicensingWorld, minutes: number) {
  await this.harness.advanceClock({ minutes });
});

Given('a snapshot of the fake is taken', async function (this: LicensingWorld) {
  this.snapshotId = await this.harness.takeSnapshot();
});

When('the snapshot is restored', async function (this: LicensingWorld) {
  if (!this.snapshotId) throw new Error('No snapshot was taken in this scenario');
  await this.harness.restoreSnapshot(this.snapshotId);
});

When('the fake is reset', async function (this: LicensingWorld) {
  await this.harness.resetWorld();
});

When('the fixture file {string} is loaded', async function (this: LicensingWorld, name: string) {
  await this.harness.seedFixtureFile(name);
});

Then('the license server {string} no longer exists', async function (this: LicensingWorld, name: string) {
  const outcome = await this.harness.databaseOf(name).then(
    () => 'exists',
    (error: unknown) => (error instanceof Refusal ? error.code : 'error'),
  );
  expect(outcome).to.equal('unknown-license-server');
});

Then('no Manage RDS CALs Wizard is open on the license server', async function (this: LicensingWorld) {
  expect(await wizardIsOpen(this)).to.equal(false);
});

Then('the event for the pack of {string} is dated {string}', async function (this: LicensingWorld, reference: string, instant: string) {
  const pack = await packOf(this, reference);
  const events = await this.person.eventLog(this.serverName);
  const event = events.find((candidate) => candidate.licenseKeyPackId === pack.licenseKeyPackId.replace(/-/g, ''));
  expect(event?.recordedAt).to.equal(new Date(instant).toISOString());
});

async function expectExpired(world: LicensingWorld, reference: string, expired: boolean): Promise<void> {
  const pack = await packOf(world, reference);
  expect(pack.expired).to.equal(expired);
  if (expired) expect(pack.availableLicenses).to.equal(0);
}
Then('the pack of {string} has expired', async function (this: LicensingWorld, reference: string) {
  await expectExpired(this, reference, true);
});
Then('the pack of {string} has not expired', async function (this: LicensingWorld, reference: string) {
  await expectExpired(this, reference, false);
});

/** The stored pack of a described purchase, found by what the fake stored about it (its purchase record). */
async function packOf(world: LicensingWorld, reference: string): Promise<KeyPack> {
  const purchase = world.ledger.purchase(reference);
  const records = await world.harness.purchaseRecords();
  const pack = (await world.harness.databaseOf(world.serverName)).keyPacks.find(
    (candidate) => world.ledger.identifyPack(candidate, records) === purchase,
  );
  if (!pack) throw new Error(`No pack of "${reference}" is installed on ${world.serverName}`);
  return pack;
}
