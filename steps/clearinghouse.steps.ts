/** Steps 9 and 10, the one-pack note and the advice to keep key pack IDs. */
import { DataTable, Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import {
  callAbout,
  callClearinghouse,
  continueWithPack,
  enterKeyPackId,
  move,
  reinstallPack,
  withOneCharacterMistyped,
} from '../support/seams/tasks';
import { factsOfRecord } from '../support/glue/ledger';
import { calTypeOf, programInformationOf } from '../support/words/purchase-references';
import { LicensingWorld } from '../support/glue/world';

Given('the administrator has called the Clearinghouse about {string}', async function (this: LicensingWorld, reference: string) {
  await callClearinghouse(this, reference);
});

When('the administrator calls the Clearinghouse about {string}', async function (this: LicensingWorld, reference: string) {
  await callClearinghouse(this, reference);
});

/**
 * A purchase the scenario never described is read out as its reference says, and nothing more.
 * A call that succeeds keeps its ID, for the sentences about "that license key pack ID".
 */
When('the administrator tries to call the Clearinghouse about {string}', async function (this: LicensingWorld, reference: string) {
  await this.attempt(() => callClearinghouse(this, reference));
});

When('the administrator calls {string} about {string}', async function (this: LicensingWorld, number: string, reference: string) {
  await callClearinghouse(this, reference, { dialledNumber: number });
});

When('the administrator tries to call {string} about {string}', async function (this: LicensingWorld, number: string, reference: string) {
  await this.attempt(() => callClearinghouse(this, reference, { dialledNumber: number }));
});

When(
  'the administrator tries to call the Clearinghouse about {string} giving a License Server ID with one character wrong',
  async function (this: LicensingWorld, reference: string) {
    const shownId = this.page?.obtainKeyPack?.licenseServerId ?? '';
    await this.attempt(() => callClearinghouse(this, reference, { licenseServerId: withOneCharacterMistyped(shownId) }));
  },
);

/** For documents that cover several purchases: the caller names which one, by product version and CAL type. */
When(
  'the administrator calls the Clearinghouse about {string}, saying {string} and {string}',
  async function (this: LicensingWorld, reference: string, productVersion: string, calType: string) {
    await callClearinghouse(this, reference, { productVersion, calType: calTypeOf(calType) });
  },
);

When(
  'the administrator tries to call the Clearinghouse about {string}, saying {string} and {string}',
  async function (this: LicensingWorld, reference: string, productVersion: string, calType: string) {
    await this.attempt(() => callClearinghouse(this, reference, { productVersion, calType: calTypeOf(calType) }));
  },
);

When(
  'the administrator tries to call the Clearinghouse about {string} without saying the product version or CAL type',
  async function (this: LicensingWorld, reference: string) {
    await this.attempt(async () => {
      const given = await callAbout(this, { information: programInformationOf(reference) });
      this.ledger.called(reference);
      return this.observations.keyPackGiven(given, this.ledger.find(reference));
    });
  },
);

When(
  'the administrator tries to call the Clearinghouse about {string} giving the License Server ID {string}',
  async function (this: LicensingWorld, reference: string, licenseServerId: string) {
    await this.attempt(() => callClearinghouse(this, reference, { licenseServerId }));
  },
);

Given(
  'the Clearinghouse gave {string} a license key pack ID for {string}',
  async function (this: LicensingWorld, serverName: string, reference: string) {
    const server = await this.person.licenseServer(serverName);
    const numbers = await this.person.telephoneNumbers();
    const purchase = this.ledger.purchase(reference);
    const granted = await this.person.callClearinghouse({
      dialledNumber: numbers[server.countryRegion ?? ''] ?? '',
      licenseServerId: server.licenseServerId ?? '',
      information: purchase.information,
    });
    this.ledger.called(reference);
    this.observations.keyPackGiven(granted, purchase);
  },
);

Then('the representative gives a 35-character license key pack ID for {int} CALs', function (this: LicensingWorld, quantity: number) {
  const granted = this.lastGranted();
  expect(granted.licenseKeyPackId.replace(/-/g, '')).to.match(/^[0-9A-Z]{35}$/);
  expect(granted.quantity).to.equal(quantity);
});

Then(
  'the page shows the Clearinghouse number for {string}, {string}',
  async function (this: LicensingWorld, countryRegion: string, number: string) {
    const shown = (await this.person.currentWizardPage(this.serverName)).obtainKeyPack;
    expect(shown).to.include({ countryRegion, telephoneNumber: number });
  },
);

Then('the page shows the License Server ID of {string} in groups of five', async function (this: LicensingWorld, serverName: string) {
  const shown = (await this.person.currentWizardPage(this.serverName)).obtainKeyPack;
  const { licenseServerId } = await this.person.licenseServer(serverName);
  expect(shown?.licenseServerId).to.match(/^(?:[0-9A-Z]{5}-){6}[0-9A-Z]{5}$/);
  expect(shown?.licenseServerId).to.equal(licenseServerId);
});

When('the administrator enters that license key pack ID and clicks Next', async function (this: LicensingWorld) {
  await enterKeyPackId(this, this.lastGranted().licenseKeyPackId);
});

/** Ctrl+V of the whole ID in the first box: the page spreads it over the seven (over the API, entering it). */
When('the administrator pastes that license key pack ID into the first box and clicks Next', async function (this: LicensingWorld) {
  this.page = await this.person.pasteKeyPackId(this.serverName, this.lastGranted().licenseKeyPackId);
  await move(this, { type: 'next' });
});

When(
  'the administrator enters that license key pack ID {keyPackIdForm} and clicks Next',
  async function (this: LicensingWorld, form: (id: string) => string) {
    await enterKeyPackId(this, form(this.lastGranted().licenseKeyPackId));
  },
);

When(
  'the administrator enters the license key pack ID for {string} and clicks Next',
  async function (this: LicensingWorld, reference: string) {
    await enterKeyPackId(this, this.grantedFor(reference).licenseKeyPackId);
  },
);

When('the administrator tries to enter the license key pack ID for {string}', async function (this: LicensingWorld, reference: string) {
  await typeThenTryNext(this, this.grantedFor(reference).licenseKeyPackId);
});

Then(
  'the representative gives a license key pack ID for {int} {string} CALs of {string}',
  function (this: LicensingWorld, quantity: number, calType: string, productVersion: string) {
    expect(this.lastGranted()).to.include({ quantity, calType: calTypeOf(calType), productVersion });
  },
);

Given('the administrator has reinstalled the pack of {string}', async function (this: LicensingWorld, reference: string) {
  await reinstallPack(this, reference);
});

When('the administrator reinstalls the pack of {string}', async function (this: LicensingWorld, reference: string) {
  await reinstallPack(this, reference);
});

When('the administrator continues with the pack of {string}', async function (this: LicensingWorld, reference: string) {
  await continueWithPack(this, reference);
});

When(
  'the administrator enters that license key pack ID in lower case without hyphens and clicks Next',
  async function (this: LicensingWorld) {
    await enterKeyPackId(this, this.lastGranted().licenseKeyPackId.replace(/-/g, '').toLowerCase());
  },
);

/** Typing into the boxes is allowed; the refusal under test is the Next that follows. */
async function typeThenTryNext(world: LicensingWorld, typed: string): Promise<void> {
  await move(world, { type: 'enterKeyPackId', keyPackId: typed });
  await world.attempt(() => world.person.moveWizard(world.serverName, { type: 'next' }));
}

When('the administrator tries to enter that license key pack ID with one character mistyped', async function (this: LicensingWorld) {
  await typeThenTryNext(this, withOneCharacterMistyped(this.lastGranted().licenseKeyPackId));
});

When('the administrator tries to enter the license key pack ID {string}', async function (this: LicensingWorld, typed: string) {
  await typeThenTryNext(this, typed);
});

When('the administrator tries to enter that license key pack ID( again)', async function (this: LicensingWorld) {
  await typeThenTryNext(this, this.lastGranted().licenseKeyPackId);
});

When('the administrator tries to enter that license key pack ID on {string}', async function (this: LicensingWorld, serverName: string) {
  this.serverName = serverName;
  await typeThenTryNext(this, this.lastGranted().licenseKeyPackId);
});

When('the administrator tries to enter both license key pack IDs at once', async function (this: LicensingWorld) {
  await typeThenTryNext(
    this,
    this.observations
      .keptIds()
      .map((kept) => kept.licenseKeyPackId)
      .join(' '),
  );
});

/** The help with a kept ID: each question forgets the answers to the one before, answered or refused. */
async function askAbout(world: LicensingWorld, keyPackIds: readonly string[]): Promise<void> {
  world.observations.askingAgain();
  for (const keyPackId of keyPackIds) world.observations.answered(await world.person.askClearinghouseAbout(keyPackId), keyPackId);
}

When('the administrator asks the Clearinghouse about the first license key pack ID kept', async function (this: LicensingWorld) {
  await askAbout(this, [this.observations.kept(1).licenseKeyPackId]);
});

When('the administrator asks the Clearinghouse about the second license key pack ID kept', async function (this: LicensingWorld) {
  await askAbout(this, [this.observations.kept(2).licenseKeyPackId]);
});

When('the administrator asks the Clearinghouse about each license key pack ID kept', async function (this: LicensingWorld) {
  const kept = this.observations.keptIds();
  if (kept.length === 0) throw new Error('No license key pack ID was kept in this scenario');
  await askAbout(
    this,
    kept.map((each) => each.licenseKeyPackId),
  );
});

When('the administrator tries to ask the Clearinghouse about {string}', async function (this: LicensingWorld, keyPackId: string) {
  await this.attempt(() => askAbout(this, [keyPackId]));
});

const foldId = (id: string) => id.replace(/[\s-]/g, '').toUpperCase();

/**
 * The help's answer against the scenario's words: the server the scenario names, the purchase it
 * described (found through the Clearinghouse's own record of the purchase number the help gave),
 * and that purchase's quantity as the scenario described it.
 */
async function expectHelpNames(world: LicensingWorld, serverName: string, references: readonly string[]): Promise<void> {
  const answers = world.observations.latestAnswers();
  if (answers.length === 0)
    throw new Error('The Clearinghouse has given no help to check: the last question was refused, or none was asked');
  expect(
    answers.length,
    `the Clearinghouse answered ${answers.length} question(s), the scenario names ${references.length} purchase(s)`,
  ).to.equal(references.length);
  const { licenseServerId } = await world.person.licenseServer(serverName);
  const records = await world.harness.purchaseRecords();
  for (const [index, answer] of answers.entries()) {
    const reference = references[index] ?? '';
    const expected = world.ledger.purchase(reference);
    const record = records.find((candidate) => candidate.purchaseNumber === answer.purchaseNumber);
    const named = record && world.ledger.identify(factsOfRecord(record));
    const what = `the help about ${answer.about}`;
    expect(foldId(answer.licenseServerId), `${what}: the License Server ID`).to.equal(foldId(licenseServerId ?? ''));
    expect(
      named ? world.ledger.nameOf(named) : `purchase ${answer.purchaseNumber}, none the scenario described`,
      `${what}: the purchase`,
    ).to.equal(world.ledger.nameOf(expected));
    expect(answer.quantity, `${what}: the CALs`).to.equal(expected.quantity);
  }
}

Then(
  'the Clearinghouse names {string} and the purchase {string}',
  async function (this: LicensingWorld, serverName: string, reference: string) {
    await expectHelpNames(this, serverName, [reference]);
  },
);

Then(
  'the Clearinghouse names {string} and the purchase {string} of {int} CALs',
  async function (this: LicensingWorld, serverName: string, reference: string, quantity: number) {
    expect(this.ledger.purchase(reference).quantity, `the scenario described "${reference}" with another quantity`).to.equal(quantity);
    expect(
      this.observations.latestAnswers().map((answer) => answer.quantity),
      'the CALs the help names',
    ).to.deep.equal([quantity]);
    await expectHelpNames(this, serverName, [reference]);
  },
);

/** One row per ID kept, in the order kept. */
Then(
  'the Clearinghouse names {string} and these purchases, in the order kept:',
  async function (this: LicensingWorld, serverName: string, table: DataTable) {
    await expectHelpNames(
      this,
      serverName,
      table.hashes().map((row) => row.purchase ?? ''),
    );
  },
);

/** Ctrl+V of the rest of the ID into a later box: the page fills from that box on (over the API, entering the whole ID). */
When(
  'the administrator types the first {int} group(s) of that license key pack ID, pastes the rest into the next box and clicks Next',
  async function (this: LicensingWorld, typedGroups: number) {
    this.page = await this.person.pasteKeyPackId(this.serverName, this.lastGranted().licenseKeyPackId, typedGroups);
    await move(this, { type: 'next' });
  },
);
