/** Thens about refusals, the RD Licensing database itself, and the event log. */
import { DataTable, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { KeyPack, PurchaseRecord, Refusal } from '../support/seams/person-and-harness';
import { calTypeOf } from '../support/words/purchase-references';
import { classOf, REFUSAL_CLASS } from '../support/words/refusal-classes';
import { LicensingWorld } from '../support/glue/world';

Then('it is refused as {string}', function (this: LicensingWorld, why: string) {
  const refusal = this.expectRefusal();
  expect(refusal.code).to.equal(why.replace(/ /g, '-'));
  const expected = REFUSAL_CLASS.get(refusal.code);
  const answered = classOf(refusal);
  if (expected !== undefined && answered !== undefined) expect(answered, `how "${why}" was answered`).to.equal(expected);
});

/** Over the API only: a move sent with If-Match naming a drawing no longer shown is a failed precondition. */
Then('the API answered it as a failed precondition, HTTP 412', function (this: LicensingWorld) {
  expect(this.expectRefusal().answeredAs, 'how the API answered the stale If-Match').to.equal('precondition failed');
});

Then('it is refused because the caller is not an administrator', function (this: LicensingWorld) {
  const refusal = this.expectRefusal();
  expect(refusal.kind).to.equal('not-permitted');
  expect(refusal.code).to.equal('not-an-administrator');
});

Then('it is refused because the caller is not signed in', function (this: LicensingWorld) {
  const refusal = this.expectRefusal();
  expect(refusal.kind).to.equal('not-signed-in');
  expect(refusal.code).to.equal('not-authenticated');
});

Then('the reason given begins with {string}', function (this: LicensingWorld, text: string) {
  expect(this.expectRefusal().reason.startsWith(text), `the reason: ${this.expectRefusal().reason}`).to.equal(true);
});

Then('the reason given mentions {string}', function (this: LicensingWorld, text: string) {
  expect(this.expectRefusal().reason).to.include(text);
});

Then('the reason given mentions the License Server ID of {string}', async function (this: LicensingWorld, name: string) {
  const { licenseServerId } = await this.person.licenseServer(name);
  expect(licenseServerId, `${name} has no License Server ID`).to.be.a('string');
  expect(this.expectRefusal().reason).to.include(licenseServerId ?? '');
});

Then('nothing has changed on the license server', function (this: LicensingWorld) {
  this.expectRefusal();
  expect(this.unchangedByRefusal, "the license server's state was not compared around the refusal").to.equal(true);
});

/**
 * What these sentences say of the database holds twice: in what the fake stores (the
 * test-control API) and in what RD Licensing Manager shows (the server's page through the
 * browser, the key pack list over the API). A figure the page shows wrong fails as surely as
 * one the database stores wrong.
 */
const SHOWN = 'what RD Licensing Manager shows';
const STORED = 'what the RD Licensing database stores';

/**
 * The packs RD Licensing Manager shows the person acting. A scenario whose world has no
 * account of its people on that server (a fixture file with accounts of its own) has nobody
 * to look: then only the stored state is checked, and the report says so.
 */
async function packsShown(world: LicensingWorld, name: string): Promise<KeyPack[] | undefined> {
  try {
    return await world.person.installedKeyPacks(name);
  } catch (error) {
    if (!(error instanceof Refusal && error.kind === 'not-signed-in')) throw error;
    world.log(
      `Nobody acting in this scenario can sign in to ${name}: only what its database stores was checked, not what the console shows.`,
    );
    return undefined;
  }
}

Then('the RD Licensing database holds no RDS CAL packs and no issued CALs', async function (this: LicensingWorld) {
  expect(await this.harness.databaseOf(this.serverName), STORED).to.deep.equal({ keyPacks: [], issuedCals: [] });
  const shown = await packsShown(this, this.serverName);
  if (shown) expect(shown, SHOWN).to.deep.equal([]);
});

/** How many packs (and, when the sentence says, issued CALs) a server holds, as stored and as shown. */
async function expectPackCount(world: LicensingWorld, serverName: string, packs: number, issued?: number): Promise<void> {
  const database = await world.harness.databaseOf(serverName);
  const shown = await packsShown(world, serverName);
  expect(database.keyPacks, STORED).to.have.lengthOf(packs);
  if (shown) expect(shown, SHOWN).to.have.lengthOf(packs);
  if (issued !== undefined) {
    expect(database.issuedCals, STORED).to.have.lengthOf(issued);
    const issuedShown = shown?.reduce((sum, pack) => sum + pack.issuedLicenses, 0);
    if (shown) expect(issuedShown, `${SHOWN}: the Issued column, added up`).to.equal(issued);
  }
}
Then('the RD Licensing database (still )holds {int} RDS CAL pack(s)', async function (this: LicensingWorld, packs: number) {
  await expectPackCount(this, this.serverName, packs);
});
Then(
  'the RD Licensing database (still )holds {int} RDS CAL pack(s) with {int} issued CALs',
  async function (this: LicensingWorld, packs: number, issued: number) {
    await expectPackCount(this, this.serverName, packs, issued);
  },
);
Then(
  'the RD Licensing database of {string} (still )holds {int} RDS CAL pack(s)',
  async function (this: LicensingWorld, name: string, packs: number) {
    await expectPackCount(this, name, packs);
  },
);
Then(
  'the RD Licensing database of {string} (still )holds {int} RDS CAL pack(s) with {int} issued CALs',
  async function (this: LicensingWorld, name: string, packs: number, issued: number) {
    await expectPackCount(this, name, packs, issued);
  },
);

/** The installed packs as the table describes them: as stored, in the database's order, then as shown, in the page's (when someone can look). */
async function packRows(world: LicensingWorld, serverName = world.serverName): Promise<[PackRow[], string][]> {
  const purchaseOf = await packPurchases(world);
  const row = (pack: KeyPack): PackRow => ({
    purchase: purchaseOf(pack),
    productVersion: pack.productVersion,
    calType: pack.calType,
    total: pack.totalLicenses,
    available: pack.availableLicenses,
  });
  const stored = (await world.harness.databaseOf(serverName)).keyPacks.map(row);
  const shown = (await packsShown(world, serverName))?.map(row);
  return shown
    ? [
        [stored, STORED],
        [shown, SHOWN],
      ]
    : [[stored, STORED]];
}

/**
 * The purchase a pack's CALs come from, by what the fake stored about it: the Clearinghouse's
 * record of the pack's purchase number (its program information), the pack's product version and
 * CAL type. Named as the ledger names the described purchase it is; "purchase <number>" for one
 * the scenario never described. Never a label the harness attached when it called.
 */
async function packPurchases(world: LicensingWorld, known?: PurchaseRecord[]): Promise<(pack: KeyPack) => string> {
  const records = known ?? (await world.harness.purchaseRecords());
  return (pack) => {
    const described = world.ledger.identifyPack(pack, records);
    return described ? world.ledger.nameOf(described) : `purchase ${pack.purchaseNumber}, none the scenario described`;
  };
}

/**
 * The table's rows; "CALs" (as in the set-up tables) is accepted for "total". The purchase column
 * names a described purchase with the row's product version and CAL type beside it (two purchases
 * under one agreement are two rows with the agreement in each), or in the compound form
 * "<reference>, <product version>, <CAL type>"; it is compared as the ledger names that purchase.
 */
function expectedPackRows(world: LicensingWorld, table: DataTable): PackRow[] {
  return table.hashes().map((row) => {
    const productVersion = row['product version'] ?? '';
    const calType = calTypeOf(row['CAL type'] ?? '');
    const written = row.purchase ?? '';
    const described = world.ledger.find(written, { productVersion, calType });
    return {
      purchase: described ? world.ledger.nameOf(described) : written,
      productVersion,
      calType,
      total: Number(row.total ?? row.CALs),
      available: Number(row.available),
    };
  });
}

interface PackRow {
  purchase: string;
  productVersion: string;
  calType: string;
  total: number;
  available: number;
}

const byContent = (a: PackRow, b: PackRow) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** The rows found, one per line as the table writes them: chai's own message cuts them short. */
function found(what: string, rows: PackRow[]): string {
  const line = (row: PackRow) => [row.purchase, row.productVersion, row.calType, row.total, row.available].join(' | ');
  return `${what} (found: ${rows.length === 0 ? 'no pack' : rows.map(line).join('; ')})`;
}

/** Compares the rows whatever their order: the database keeps no order a person would rely on. */
Then('the RD Licensing database holds exactly these RDS CAL packs:', async function (this: LicensingWorld, table: DataTable) {
  const expected = expectedPackRows(this, table).sort(byContent);
  for (const [actual, what] of await packRows(this)) expect([...actual].sort(byContent), found(what, actual)).to.deep.equal(expected);
});

Then(
  'the RD Licensing database of {string} holds exactly these RDS CAL packs:',
  async function (this: LicensingWorld, serverName: string, table: DataTable) {
    const expected = expectedPackRows(this, table).sort(byContent);
    for (const [actual, what] of await packRows(this, serverName))
      expect([...actual].sort(byContent), found(what, actual)).to.deep.equal(expected);
  },
);

Then('the RD Licensing database holds exactly these RDS CAL packs in this order:', async function (this: LicensingWorld, table: DataTable) {
  const expected = expectedPackRows(this, table);
  for (const [actual, what] of await packRows(this)) {
    const sameRows = JSON.stringify([...actual].sort(byContent)) === JSON.stringify([...expected].sort(byContent));
    expect(actual, `${what}: ${sameRows ? 'the same packs, but in another order' : 'other packs than the table says'}`).to.deep.equal(
      expected,
    );
  }
});

/** The CALs the license server has issued to clients, in the order issued. */
Then('the license server has issued these CALs:', async function (this: LicensingWorld, table: DataTable) {
  const issued = (await this.harness.databaseOf(this.serverName)).issuedCals.map((cal) => ({
    'issued to': cal.issuedTo,
    'issued at': cal.issuedAt ?? '',
    expires: cal.expiresAt ?? '',
  }));
  expect(issued).to.deep.equal(table.hashes());
});

Then('no CAL has been issued from the reinstalled packs', async function (this: LicensingWorld) {
  expect((await this.harness.databaseOf(this.serverName)).issuedCals).to.deep.equal([]);
});

Then('the installed CALs equal the purchase records', async function (this: LicensingWorld) {
  const { licenseServerId } = await this.person.licenseServer(this.serverName);
  const records = await this.harness.purchaseRecords();
  const registered = records.filter((record) => record.registeredTo === licenseServerId?.replace(/-/g, ''));
  const installed = (await this.harness.databaseOf(this.serverName)).keyPacks;
  expect(registered, 'no purchase is registered to this server').to.have.length.greaterThan(0);
  const byPurchase = (rows: { purchaseNumber: number; count: number }[]) => [...rows].sort((a, b) => a.purchaseNumber - b.purchaseNumber);
  expect(byPurchase(installed.map((pack) => ({ purchaseNumber: pack.purchaseNumber, count: pack.totalLicenses })))).to.deep.equal(
    byPurchase(registered.map((record) => ({ purchaseNumber: record.purchaseNumber, count: record.quantity }))),
  );
  // And against what the scenario itself described, not only the fake's two stores against each other:
  // each pack is the purchase its stored record names, with that purchase's product version, CAL type and CALs.
  const installedAsDescribed = installed.map((pack) => {
    const described = this.ledger.identifyPack(pack, records);
    expect(described, `the pack of purchase ${pack.purchaseNumber} is no purchase the scenario described`).to.not.equal(undefined);
    const name = described ? this.ledger.nameOf(described) : '';
    expect({ productVersion: pack.productVersion, calType: pack.calType, CALs: pack.totalLicenses }, name).to.deep.equal({
      productVersion: described?.productVersion,
      calType: described?.calType,
      CALs: described?.quantity,
    });
    return name;
  });
  const describedHere = this.ledger.installedOn(this.serverName).map((purchase) => this.ledger.nameOf(purchase));
  expect(installedAsDescribed, 'the purchases the scenario installed on this server are all installed again').to.include.members(
    describedHere,
  );
});

Then('the event log records event {int}', async function (this: LicensingWorld, eventId: number) {
  const events = await this.person.eventLog(this.serverName);
  expect(events.map((event) => event.eventId)).to.include(eventId);
});

Then('event {int} was logged {int} time(s)', async function (this: LicensingWorld, eventId: number, times: number) {
  const events = await this.person.eventLog(this.serverName);
  expect(
    events.filter((event) => event.eventId === eventId),
    `events logged: ${events.map((event) => event.eventId).join(', ')}`,
  ).to.have.lengthOf(times);
});

/** The IDs the Clearinghouse issued since the scenario's first When step: the set-up may have obtained IDs on purpose. */
async function issuedByTheActions(world: LicensingWorld): Promise<string[]> {
  const before = world.issuedBeforeActions;
  if (before === undefined) throw new Error('This sentence needs a When step before it: it speaks of what the When steps did');
  const now = await world.harness.issuedKeyPackIds();
  expect(now.slice(0, before.length), 'the IDs issued before the first When step').to.deep.equal(before);
  return now.slice(before.length);
}

// Both sentences written out rather than as world.ts's constants, which the BeforeStep hook looks
// for, because the IDE reads only literals; test/language-service.test.ts checks they are the same.
Then('no license key pack ID was issued', async function (this: LicensingWorld) {
  expect(await issuedByTheActions(this)).to.deep.equal([]);
});

/** Counted in the Clearinghouse's own record of issued IDs: a call that records two is caught. */
Then('exactly {int} license key pack ID(s) was/were issued', async function (this: LicensingWorld, count: number) {
  const issued = await issuedByTheActions(this);
  expect(issued, `the license key pack IDs issued: ${issued.join(', ') || 'none'}`).to.have.lengthOf(count);
});

/** The level an event is logged at, as Event Viewer shows it. */
Then('the event log records event {int} as {eventLevel}', async function (this: LicensingWorld, id: number, level: string) {
  const events = (await this.person.eventLog(this.serverName)).filter((event) => event.eventId === id);
  expect(events, `no event ${id} was logged`).to.have.length.greaterThan(0);
  expect(events.map((event) => event.level)).to.deep.equal(events.map(() => level));
});

Then('the event log records event {int} saying {string}', async function (this: LicensingWorld, eventId: number, text: string) {
  const messages = (await this.person.eventLog(this.serverName)).filter((event) => event.eventId === eventId).map((event) => event.message);
  expect(
    messages.some((message) => message.includes(text)),
    `event ${eventId} says: ${messages.join(' | ')}`,
  ).to.equal(true);
});

Then('the event log does not record event {int}', async function (this: LicensingWorld, eventId: number) {
  const events = await this.person.eventLog(this.serverName);
  expect(events.map((event) => event.eventId)).to.not.include(eventId);
});

Then(
  'the event log records event {int} for {string} and for {string}',
  async function (this: LicensingWorld, eventId: number, first: string, second: string) {
    const messages = (await this.person.eventLog(this.serverName))
      .filter((event) => event.eventId === eventId)
      .map((event) => event.message);
    expect(
      messages.some((message) => message.includes(first)),
      `no event ${eventId} names ${first}`,
    ).to.equal(true);
    expect(
      messages.some((message) => message.includes(second)),
      `no event ${eventId} names ${second}`,
    ).to.equal(true);
  },
);

/**
 * The stored packs of the purchases the scenario called the Clearinghouse about (each found by
 * what the fake stored about it), by license key pack ID without separators. A purchase called
 * about and not installed fails here, before any ID is compared.
 */
async function reinstalledPackIds(world: LicensingWorld): Promise<string[]> {
  const records = await world.harness.purchaseRecords();
  const packs = (await world.harness.databaseOf(world.serverName)).keyPacks;
  const calledAbout = new Set(world.ledger.calls.map((call) => world.ledger.find(call.asWritten)).filter((found) => found !== undefined));
  expect(calledAbout.size, 'the scenario called the Clearinghouse about no purchase it described').to.be.greaterThan(0);
  return [...calledAbout].map((purchase) => {
    const pack = packs.find((candidate) => world.ledger.identifyPack(candidate, records) === purchase);
    expect(pack, `no pack of "${world.ledger.nameOf(purchase)}" is installed`).to.not.equal(undefined);
    return foldId(pack?.licenseKeyPackId ?? '');
  });
}

const foldId = (id: string) => id.replace(/[\s-]/g, '').toUpperCase();

Then('the event log records the license key pack ID of each reinstalled pack', async function (this: LicensingWorld) {
  const logged = (await this.person.eventLog(this.serverName)).map((event) => event.licenseKeyPackId).filter((id) => id !== null);
  expect(logged.map(foldId)).to.have.members(await reinstalledPackIds(this));
});

/** What RD Licensing Manager shows against the packs stored for the purchases reinstalled, and the Clearinghouse's record of issued IDs. */
Then('the installed packs carry the same license key pack IDs', async function (this: LicensingWorld) {
  const shown = (await this.person.installedKeyPacks(this.serverName)).map((pack) => foldId(pack.licenseKeyPackId));
  expect(shown, SHOWN).to.have.members(await reinstalledPackIds(this));
  expect((await this.harness.issuedKeyPackIds()).map(foldId), 'the IDs the Clearinghouse issued').to.include.members(shown);
});

Then('the Clearinghouse holds exactly {int} purchase record(s)', async function (this: LicensingWorld, count: number) {
  expect(await this.harness.purchaseRecords()).to.have.lengthOf(count);
});

/** The whole text, not a part of it: a message with its words in the wrong places still contains each of them. */
Then('the event log records event {int} saying exactly {string}', async function (this: LicensingWorld, eventId: number, text: string) {
  const messages = (await this.person.eventLog(this.serverName)).filter((event) => event.eventId === eventId).map((event) => event.message);
  expect(messages, `event ${eventId} says: ${messages.join(' | ')}`).to.include(text);
});

Then('the Clearinghouse has no record of issuing that license key pack ID', async function (this: LicensingWorld) {
  // The ID is the subject here (the one obtained before the restore), not the expected side.
  const granted = this.observations.last();
  const issued = (await this.harness.issuedKeyPackIds()).map((id) => id.replace(/-/g, ''));
  expect(issued).to.not.include(granted.licenseKeyPackId.replace(/-/g, ''));
});
