/**
 * openEnvironmentDatabases builds the empty schema once per process and opens every new
 * environment from a copy of its bytes. The scenarios cannot see a mistake there: they run in a
 * process whose copy was made before any of them (Stryker's cucumber runner too), so this test
 * opens databases in a process of its own, from the first call.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SqlDatabase } from '../fake-server/persistence/sql-database';
import { openEnvironmentDatabases } from '../fake-server/persistence/open-databases';

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
});
