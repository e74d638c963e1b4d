/**
 * The issued CALs as SqlLicensingDatabase stores and counts them, below the domain: the digest
 * the inspection compares before and after every refusal (its count and its paging over
 * thousands of CALs), the check that a batch only names the server's own packs, the fault
 * switch consulted before a batch, and the count a rebuild reports as deleted. Each of these
 * could be wrong and pass every scenario (issue 28's mutation run of persistence/): scenarios
 * compare two digests of the same code, and seed far fewer CALs than a page.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { UnavailableError } from '../fake-server/domain/errors';
import { PersistenceStores, SERVER_A, SERVER_B, calsTo, keyPack, openStores } from './helpers/persistence-stores';

let stores: PersistenceStores;
beforeEach(async () => {
  stores = await openStores();
});
afterEach(() => stores.close());

describe("a server's issued CALs as a count and a digest", () => {
  it('counts every CAL over several pages, from the first CAL the database ever issued', () => {
    const { database } = stores;
    // Fresh databases: server A's CALs are the first issued, license ids 1 to 1,203 (3 pages of 500).
    database.issueCals(SERVER_A, calsTo('PC', database.installKeyPack(SERVER_A, keyPack(1, 2000)).keyPackNumber, 1203));
    database.issueCals(SERVER_B, calsTo('PC', database.installKeyPack(SERVER_B, keyPack(2)).keyPackNumber, 7));
    assert.equal(database.issuedCalsDigest(SERVER_A).count, 1203);
    assert.equal(database.issuedCalsDigest(SERVER_B).count, 7);
  });

  it('differs for different CALs of the same number, and is the same for the same CALs read again', () => {
    const { database } = stores;
    database.issueCals(SERVER_A, calsTo('PC', database.installKeyPack(SERVER_A, keyPack(1)).keyPackNumber, 3));
    database.issueCals(SERVER_B, calsTo('LAPTOP', database.installKeyPack(SERVER_B, keyPack(2)).keyPackNumber, 3));
    const a = database.issuedCalsDigest(SERVER_A);
    const b = database.issuedCalsDigest(SERVER_B);
    assert.equal(a.count, b.count);
    assert.notEqual(a.digest, b.digest);
    stores.licensing.exec('SELECT 1'); // forgets every remembered read: the digest is computed again
    assert.deepEqual(database.issuedCalsDigest(SERVER_A), a);
  });
});

describe('issuing a batch of CALs', () => {
  it('lists a batch of 1,203 whole and in the order issued (whole inserts of 250, then the rest)', () => {
    const { database } = stores;
    const cals = calsTo('PC', database.installKeyPack(SERVER_A, keyPack(1, 2000)).keyPackNumber, 1203);
    database.issueCals(SERVER_A, cals);
    assert.deepEqual(
      database.issuedCals(SERVER_A).map((cal) => cal.issuedTo),
      cals.map((cal) => cal.issuedTo),
    );
  });

  it('writes 1,203 CALs in far fewer statements than CALs (one statement a CAL held the event loop three times as long)', (t) => {
    const { database, licensing } = stores;
    const pack = database.installKeyPack(SERVER_A, keyPack(1, 2000)).keyPackNumber;
    const run = t.mock.method(licensing, 'run');
    database.issueCals(SERVER_A, calsTo('PC', pack, 1203));
    const inserts = run.mock.calls.filter((call) => /^\s*INSERT INTO issued_cals\b/.test(call.arguments[0])).length;
    assert.ok(inserts > 0 && inserts < 1203 / 2, `${inserts} INSERT statements for 1,203 CALs`);
    assert.equal(database.issuedCalCount(SERVER_A), 1203);
  });

  it("is refused whole, naming the pack and the server, when it names another server's pack or none", () => {
    const { database } = stores;
    const own = database.installKeyPack(SERVER_B, keyPack(1)).keyPackNumber;
    const othersPack = database.installKeyPack(SERVER_A, keyPack(2)).keyPackNumber;
    const mixed = [...calsTo('PC', own, 2), ...calsTo('PC', othersPack, 1)];
    assert.throws(() => database.issueCals(SERVER_B, mixed), {
      name: 'RangeError',
      message: `key pack ${othersPack} is not installed on ${SERVER_B}`,
    });
    assert.throws(() => database.issueCals(SERVER_B, calsTo('PC', 999, 1)), { message: `key pack 999 is not installed on ${SERVER_B}` });
    assert.equal(database.issuedCalCount(SERVER_B), 0);
    assert.equal(database.issuedCalCount(SERVER_A), 0);
  });

  it('consults the fault switch once, before writing anything (as a pack install does)', () => {
    const { database, faults } = stores;
    const pack = database.installKeyPack(SERVER_A, keyPack(1, 2000)).keyPackNumber;
    faults.set(SERVER_A, { failWrites: { after: 1, count: 1 } });
    database.issueCals(SERVER_A, calsTo('PC', pack, 300)); // one batch, one write: let through
    assert.throws(() => database.issueCals(SERVER_A, calsTo('LAPTOP', pack, 300)), UnavailableError);
    assert.equal(database.issuedCalCount(SERVER_A), 300);
    database.issueCals(SERVER_A, calsTo('LAPTOP', pack, 1)); // the fault was spent on one batch
    assert.equal(database.issuedCalCount(SERVER_A), 301);
    faults.set(SERVER_A, { failWrites: { after: 0, count: 1 } });
    assert.throws(() => database.installKeyPack(SERVER_A, keyPack(2)), UnavailableError);
    assert.equal(database.keyPacks(SERVER_A).length, 1);
  });
});

describe("deleting a server's RD Licensing database contents", () => {
  it('returns the packs and the number of CALs it deleted, and leaves the other server alone', () => {
    const { database } = stores;
    database.issueCals(SERVER_A, calsTo('PC', database.installKeyPack(SERVER_A, keyPack(1)).keyPackNumber, 3));
    database.issueCals(SERVER_A, calsTo('LAPTOP', database.installKeyPack(SERVER_A, keyPack(2)).keyPackNumber, 4));
    database.issueCals(SERVER_B, calsTo('PC', database.installKeyPack(SERVER_B, keyPack(3)).keyPackNumber, 2));
    const deleted = database.deleteContents(SERVER_A);
    assert.equal(deleted.issuedCals, 7);
    assert.deepEqual(
      deleted.keyPacks.map((pack) => pack.licenseKeyPackId),
      ['PACK-1', 'PACK-2'],
    );
    assert.equal(database.issuedCalCount(SERVER_A), 0);
    assert.deepEqual(database.keyPacks(SERVER_A), []);
    assert.equal(database.issuedCalCount(SERVER_B), 2);
  });
});
