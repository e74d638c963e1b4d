/**
 * openEnvironmentDatabases builds the empty schema once per process and opens every new
 * environment from a copy of its bytes. The scenarios cannot see a mistake there: they run in a
 * process whose copy was made before any of them (Stryker's cucumber runner too), so this test
 * opens databases in a process of its own, from the first call.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SqlDatabase } from '../fake-server/persistence/sql-database';
import { licensingImageInTodaysLayout, openEnvironmentDatabases } from '../fake-server/persistence/open-databases';
import { loadSqlEngine } from '../fake-server/persistence/sql-database';
import { createEnvironment } from '../fake-server/environment';
import { FIXTURE } from './helpers/http-fake';

const tablesOf = (db: SqlDatabase) =>
  db
    .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .map((row) => row.name);

describe('the databases of a new environment', () => {
  it('hold every table of the license servers and of the Clearinghouse, empty', async () => {
    const { licensing, clearinghouse } = await openEnvironmentDatabases();
    assert.deepEqual(tablesOf(licensing), [
      'accounts',
      'events',
      'issued_cals',
      'key_pack_redemptions',
      'key_packs',
      'license_servers',
      'local_group_members',
      'wizard_sessions',
    ]);
    assert.deepEqual(tablesOf(clearinghouse), ['activated_servers', 'issuances', 'purchases']);
    assert.equal(licensing.get<{ n: number }>('SELECT COUNT(*) AS n FROM license_servers')?.n, 0);
    licensing.close();
    clearinghouse.close();
  });

  it('are each their own: a server saved in one environment is not in the next one opened', async () => {
    const first = await openEnvironmentDatabases();
    first.licensing.run("INSERT INTO license_servers (name, connection_method) VALUES ('LS-ALPHA', 'telephone')");
    const second = await openEnvironmentDatabases();
    assert.equal(second.licensing.get('SELECT name FROM license_servers'), undefined);
    assert.deepEqual(tablesOf(second.clearinghouse), ['activated_servers', 'issuances', 'purchases']);
    for (const { licensing, clearinghouse } of [first, second]) {
      licensing.close();
      clearinghouse.close();
    }
  });

  it('refuse a row that names a license server they do not hold (foreign keys are enforced)', async () => {
    const { licensing, clearinghouse } = await openEnvironmentDatabases();
    assert.throws(
      () =>
        licensing.run(
          "INSERT INTO accounts (server_name, user_name, user_key, password_hash, groups_json) VALUES ('LS-NONE', 'a', 'A', 'h', '[]')",
        ),
      /FOREIGN KEY constraint failed/,
    );
    licensing.close();
    clearinghouse.close();
  });
});

describe('a licensing database saved when each server had a table of issued CALs', () => {
  /** The fixture's licensing image in the layout of before: a table per server, named by its name in hex, no shared table. */
  const savedBefore = async ({ sharedTableLeft = false } = {}) => {
    const environment = await createEnvironment({ fixture: FIXTURE });
    const before = environment.inspect('LS-CONTOSO').issuedCals;
    const images = environment.images();
    environment.close();
    const SQL = await loadSqlEngine();
    const old = new SQL.Database(images.licensing);
    const table = `issued_cals_${Buffer.from('LS-CONTOSO').toString('hex')}`;
    old.exec(`CREATE TABLE ${table} (license_id INTEGER PRIMARY KEY AUTOINCREMENT, key_pack_number INTEGER NOT NULL,
      issued_to TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL);
      INSERT INTO ${table} (key_pack_number, issued_to, issued_at, expires_at)
        SELECT key_pack_number, issued_to, issued_at, expires_at FROM issued_cals ORDER BY license_id DESC;
      ${sharedTableLeft ? 'DELETE FROM issued_cals' : 'DROP TABLE issued_cals'};`);
    // Tables whose names only look like a server's (not the whole name, an odd number of hex digits): not the fake's to move.
    for (const name of ['old_issued_cals_4c53', 'issued_cals_4c53_copy', 'issued_cals_4c5']) old.exec(`CREATE TABLE ${name} (x TEXT)`);
    const licensing = old.export();
    old.close();
    return { before, licensing, clearinghouse: images.clearinghouse };
  };

  const tableNames = async (image: Uint8Array) => {
    const SQL = await loadSqlEngine();
    const db = new SQL.Database(image);
    const names = db
      .exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%issued_cals%' ORDER BY name")[0]
      ?.values.flat();
    db.close();
    return names;
  };

  it('comes back with their rows in the shared table, in the order each server issued them, and no per-server table', async () => {
    const { before, licensing, clearinghouse } = await savedBefore();
    const today = await licensingImageInTodaysLayout(licensing);
    assert.deepEqual(await tableNames(today), ['issued_cals', 'issued_cals_4c5', 'issued_cals_4c53_copy', 'old_issued_cals_4c53']);
    const SQL = await loadSqlEngine();
    const check = new SQL.Database(today);
    for (const name of ['old_issued_cals_4c53', 'issued_cals_4c53_copy', 'issued_cals_4c5']) check.exec(`DROP TABLE ${name}`);
    const reopened = await createEnvironment({ images: { licensing: check.export(), clearinghouse } });
    check.close();
    const after = reopened.inspect('LS-CONTOSO').issuedCals;
    assert.deepEqual(
      after.map((cal) => cal.issuedTo),
      [...before].reverse().map((cal) => cal.issuedTo),
      'the CALs, in the order the old table held them',
    );
    assert.ok(after.length > 0);
    assert.equal(
      reopened.inspect('LS-CONTOSO').keyPacks.reduce((sum, pack) => sum + pack.issuedLicenses, 0),
      before.length,
    );
    reopened.close();
  });

  it('is moved too when the shared table is there already, empty (a file saved half-way through the change of layout)', async () => {
    const { before, licensing } = await savedBefore({ sharedTableLeft: true });
    const today = await licensingImageInTodaysLayout(licensing);
    const SQL = await loadSqlEngine();
    const check = new SQL.Database(today);
    const issuedTo = check.exec("SELECT issued_to FROM issued_cals WHERE server_name = 'LS-CONTOSO' ORDER BY license_id")[0]?.values.flat();
    check.close();
    assert.deepEqual(
      issuedTo,
      [...before].reverse().map((cal) => cal.issuedTo),
    );
  });

  it('is given back as it is when it is in today’s layout already', async () => {
    const environment = await createEnvironment({ fixture: FIXTURE });
    const { licensing } = environment.images();
    environment.close();
    assert.equal(await licensingImageInTodaysLayout(licensing), licensing, 'the very bytes, not written again');
  });
});
