/**
 * Every read a repository of persistence/ remembers (ReadCache) names the table it reads and a
 * key that holds everything it was asked: after a write through the repository, the same read
 * shows the write; two license servers' reads never answer for each other; a miss is read
 * again. A read remembered under a table it does not depend on, or under a key two servers
 * share, passed every scenario (issue 28's mutation run of persistence/), because a scenario
 * seldom reads the same thing of two servers, or reads, writes and reads again in one breath.
 *
 * Each test reads first (so the read is remembered), then writes, then reads again.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { PersistenceStores, SERVER_A, SERVER_B, calsTo, keyPack, openStores } from './helpers/persistence-stores';

const account = (serverName: string, passwordHash: string, groups: string[]) => ({ serverName, userName: 'Admin', passwordHash, groups });
const event = (message: string) => ({
  eventId: 26,
  level: 'Information' as const,
  message,
  licenseKeyPackId: null,
  recordedAt: '2026-03-01T09:00:00.000Z',
});
const agreement = (agreementNumber: string) => ({
  information: { program: 'enterpriseAgreement' as const, agreementNumber },
  productVersionId: 6,
  calType: 'perUser' as const,
  quantity: 25,
  registeredTo: null,
});

let stores: PersistenceStores;
beforeEach(async () => {
  stores = await openStores();
});
afterEach(() => stores.close());

describe('a remembered read shows the write made after it', () => {
  it('a license server: its properties as saved, and a server saved after a miss', () => {
    const { servers } = stores;
    assert.equal(servers.find(SERVER_A)?.countryRegion, null);
    servers.save({ name: SERVER_A, licenseServerId: null, countryRegion: 'Norway', connectionMethod: 'telephone' });
    assert.equal(servers.find(SERVER_A)?.countryRegion, 'Norway');
    assert.equal(servers.find('LS-CHARLIE'), undefined);
    servers.save({ name: 'LS-CHARLIE', licenseServerId: null, countryRegion: null, connectionMethod: 'automatic' });
    assert.equal(servers.find('LS-CHARLIE')?.connectionMethod, 'automatic');
  });

  it('an account: one created after a miss, then its new password and groups', () => {
    const { accounts } = stores;
    assert.equal(accounts.find(SERVER_A, 'admin'), undefined);
    accounts.save(account(SERVER_A, 'first-hash', ['Users']));
    assert.equal(accounts.find(SERVER_A, 'admin')?.passwordHash, 'first-hash');
    accounts.save(account(SERVER_A, 'second-hash', ['Administrators']));
    assert.deepEqual(accounts.find(SERVER_A, 'ADMIN'), account(SERVER_A, 'second-hash', ['Administrators']));
  });

  it("a server's local group members: a member added", () => {
    const { accounts } = stores;
    assert.deepEqual(accounts.groupMembers(SERVER_A), []);
    accounts.addGroupMember(SERVER_A, 'Administrators', 'CONTOSO\\Domain Admins');
    assert.deepEqual(accounts.groupMembers(SERVER_A), [{ group: 'Administrators', member: 'CONTOSO\\Domain Admins' }]);
  });

  it("a server's open wizard: opened, moved on, closed", () => {
    const { wizards } = stores;
    assert.equal(wizards.find(SERVER_A), undefined);
    wizards.save({ serverName: SERVER_A, state: { page: 'welcome' }, openedBy: 'Admin', openedAt: '2026-03-01T09:00:00.000Z' });
    assert.deepEqual(wizards.find(SERVER_A)?.state, { page: 'welcome' });
    wizards.save({ serverName: SERVER_A, state: { page: 'actionSelection', action: null, reason: null }, openedBy: 'Admin', openedAt: '' });
    assert.equal(wizards.find(SERVER_A)?.state.page, 'actionSelection');
    wizards.remove(SERVER_A);
    assert.equal(wizards.find(SERVER_A), undefined);
  });

  it("a server's key packs: a pack installed, then the CALs issued from it", () => {
    const { database } = stores;
    assert.deepEqual(database.keyPacks(SERVER_A), []);
    const installed = database.installKeyPack(SERVER_A, keyPack(1));
    assert.deepEqual(
      database.keyPacks(SERVER_A).map((pack) => [pack.licenseKeyPackId, pack.issuedLicenses]),
      [['PACK-1', 0]],
    );
    database.issueCals(SERVER_A, calsTo('PC', installed.keyPackNumber, 3));
    assert.equal(database.keyPacks(SERVER_A)[0]?.issuedLicenses, 3);
  });

  it("a server's issued CALs, listed and as a count and digest: CALs issued, then deleted", () => {
    const { database } = stores;
    assert.deepEqual(database.issuedCals(SERVER_A), []);
    const empty = database.issuedCalsDigest(SERVER_A);
    assert.equal(empty.count, 0);
    database.issueCals(SERVER_A, calsTo('PC', database.installKeyPack(SERVER_A, keyPack(1)).keyPackNumber, 2));
    assert.deepEqual(
      database.issuedCals(SERVER_A).map((cal) => cal.issuedTo),
      ['PC-1', 'PC-2'],
    );
    const issued = database.issuedCalsDigest(SERVER_A);
    assert.equal(issued.count, 2);
    assert.notEqual(issued.digest, empty.digest);
    database.deleteContents(SERVER_A);
    assert.deepEqual(database.issuedCals(SERVER_A), []);
    assert.deepEqual(database.issuedCalsDigest(SERVER_A), empty);
  });

  it("a server's event log: an event appended", () => {
    const { events } = stores;
    assert.deepEqual(events.list(SERVER_A), []);
    events.append(SERVER_A, event('The license server was rebuilt.'));
    assert.deepEqual(
      events.list(SERVER_A).map((entry) => entry.message),
      ['The license server was rebuilt.'],
    );
  });

  it("the Clearinghouse's purchases: one added, then registered to a server", () => {
    const { purchases } = stores;
    assert.deepEqual(purchases.all(), []);
    const added = purchases.add(agreement('1234567'));
    assert.deepEqual(purchases.all(), [added]);
    purchases.save({ ...added, registeredTo: 'A'.repeat(35) });
    assert.equal(purchases.all()[0]?.registeredTo, 'A'.repeat(35));
  });

  it("the Clearinghouse's issuances: a key pack ID handed out", () => {
    const { purchases } = stores;
    // The purchase first: a write to purchases between the two reads would hide a read remembered under the wrong table.
    const { purchaseNumber } = purchases.add(agreement('1234567'));
    assert.deepEqual(purchases.allIssuances(), []);
    const issuance = {
      licenseKeyPackId: 'K'.repeat(35),
      purchaseNumber,
      licenseServerId: 'A'.repeat(35),
      issueSerial: 1,
      issuedAt: '2026-03-01T09:00:00.000Z',
    };
    purchases.recordIssuance(issuance);
    assert.deepEqual(purchases.allIssuances(), [issuance]);
  });
});

describe('the Clearinghouse keeps what it was told last', () => {
  it('a license server activated again from another country or region is known by the new one', () => {
    const { purchases } = stores;
    const id = 'A'.repeat(35);
    assert.equal(purchases.activatedServer(id), undefined);
    purchases.recordActivation(id, 'Germany');
    assert.deepEqual(purchases.activatedServer(id), { countryRegion: 'Germany' });
    purchases.recordActivation(id, 'France');
    assert.deepEqual(purchases.activatedServer(id), { countryRegion: 'France' });
  });
});

describe("two license servers' remembered reads never answer for each other", () => {
  /** Reads server A (remembered), then server B: B's answer must be B's own. */
  function readBoth<T>(read: (serverName: string) => T): { a: T; b: T } {
    const a = read(SERVER_A);
    return { a, b: read(SERVER_B) };
  }

  it('accounts of the same name, their group members and their open wizards', () => {
    const { accounts, wizards } = stores;
    accounts.save(account(SERVER_A, 'hash-of-a', ['Administrators']));
    accounts.save(account(SERVER_B, 'hash-of-b', ['Users']));
    accounts.addGroupMember(SERVER_A, 'Administrators', 'Admin');
    accounts.addGroupMember(SERVER_B, 'Users', 'Admin');
    wizards.save({ serverName: SERVER_A, state: { page: 'welcome' }, openedBy: 'Admin', openedAt: '2026-03-01T09:00:00.000Z' });
    wizards.save({
      serverName: SERVER_B,
      state: { page: 'closed', outcome: 'cancelled' },
      openedBy: 'Admin',
      openedAt: '2026-03-01T09:00:00.000Z',
    });

    const hashes = readBoth((server) => accounts.find(server, 'Admin')?.passwordHash);
    assert.deepEqual(hashes, { a: 'hash-of-a', b: 'hash-of-b' });
    const members = readBoth((server) => accounts.groupMembers(server).map((row) => row.group));
    assert.deepEqual(members, { a: ['Administrators'], b: ['Users'] });
    const pages = readBoth((server) => wizards.find(server)?.state.page);
    assert.deepEqual(pages, { a: 'welcome', b: 'closed' });
  });

  it('key packs, issued CALs (listed, and as a count) and event logs', () => {
    const { database, events } = stores;
    database.issueCals(SERVER_A, calsTo('A-PC', database.installKeyPack(SERVER_A, keyPack(1)).keyPackNumber, 3));
    database.issueCals(SERVER_B, calsTo('B-PC', database.installKeyPack(SERVER_B, keyPack(2)).keyPackNumber, 1));
    events.append(SERVER_A, event('on A'));
    events.append(SERVER_B, event('on B'));

    const packs = readBoth((server) => database.keyPacks(server).map((pack) => pack.licenseKeyPackId));
    assert.deepEqual(packs, { a: ['PACK-1'], b: ['PACK-2'] });
    const cals = readBoth((server) => database.issuedCals(server).map((cal) => cal.issuedTo));
    assert.deepEqual(cals, { a: ['A-PC-1', 'A-PC-2', 'A-PC-3'], b: ['B-PC-1'] });
    const counts = readBoth((server) => database.issuedCalsDigest(server).count);
    assert.deepEqual(counts, { a: 3, b: 1 });
    const logs = readBoth((server) => events.list(server).map((entry) => entry.message));
    assert.deepEqual(logs, { a: ['on A'], b: ['on B'] });
  });
});
