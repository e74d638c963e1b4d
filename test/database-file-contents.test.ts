/**
 * A --db file that is sound SQLite with the fake's tables, but holds another layout, a trigger
 * or a view, or values the domain would never store, is refused when read (at start-up), naming
 * the file, the table and the column, and left as it was. Before, such a file was served and
 * every request about it answered 500, or showed `countryRegion: "Atlantis"`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEnvironment } from '../fake-server/environment';
import { EnvironmentImages } from '../fake-server/persistence/open-databases';
import { readDatabaseFile, writeDatabaseFile } from '../fake-server/persistence/database-file';
import { loadSqlEngine } from '../fake-server/persistence/sql-database';
import { FIXTURE } from './helpers/http-fake';

type Side = 'licensing' | 'clearinghouse';
/** What is done to a sound file, on which side, and what the refusal must say. */
type Damage = [what: string, side: Side, sql: string, expected: RegExp];

const DAMAGES: Damage[] = [
  [
    'invalid JSON in a column',
    'licensing',
    `UPDATE accounts SET groups_json = '{not json'`,
    /column groups_json of table accounts, row \d+: .*not JSON/,
  ],
  ['JSON of the wrong shape', 'licensing', `UPDATE accounts SET groups_json = '{"a":1}'`, /column groups_json of table accounts/],
  ['a column renamed', 'licensing', 'ALTER TABLE accounts RENAME COLUMN groups_json TO groups', /table accounts has no column groups_json/],
  ['a column added', 'licensing', 'ALTER TABLE key_packs ADD COLUMN note TEXT', /table key_packs has a column note/],
  ['a table added', 'clearinghouse', 'CREATE TABLE notes (text TEXT)', /a table "notes"/],
  [
    'a column declared otherwise',
    'clearinghouse',
    `CREATE TABLE a (license_server_id TEXT PRIMARY KEY, country_region INTEGER NOT NULL);
     INSERT INTO a SELECT * FROM activated_servers; DROP TABLE activated_servers; ALTER TABLE a RENAME TO activated_servers`,
    /column country_region of table activated_servers is not declared/,
  ],
  [
    'a column that lost its NOT NULL',
    'clearinghouse',
    `CREATE TABLE a (license_server_id TEXT PRIMARY KEY, country_region TEXT);
     INSERT INTO a SELECT * FROM activated_servers; DROP TABLE activated_servers; ALTER TABLE a RENAME TO activated_servers`,
    /column country_region of table activated_servers is not declared as the fake declares it \(TEXT\)/,
  ],
  [
    'a column that is no longer the primary key',
    'clearinghouse',
    `CREATE TABLE a (license_server_id TEXT, country_region TEXT NOT NULL);
     INSERT INTO a SELECT * FROM activated_servers; DROP TABLE activated_servers; ALTER TABLE a RENAME TO activated_servers`,
    /column license_server_id of table activated_servers is not declared as the fake declares it \(TEXT\)/,
  ],
  ['a table dropped', 'licensing', 'DROP TABLE wizard_sessions', /it has no wizard_sessions table/],
  [
    'a License Server ID outside the domain',
    'licensing',
    `UPDATE license_servers SET license_server_id = 'NOT-AN-ID' WHERE name = 'LS-CONTOSO'`,
    /column license_server_id of table license_servers/,
  ],
  [
    'a country/region with no telephone number',
    'licensing',
    `UPDATE license_servers SET country_region = 'Atlantis'`,
    /column country_region of table license_servers.*"Atlantis"/,
  ],
  [
    'a time that is no time',
    'licensing',
    `UPDATE key_packs SET installed_at = 'yesterday'`,
    /column installed_at of table key_packs.*"yesterday"/,
  ],
  [
    'an unknown product version',
    'licensing',
    'UPDATE key_packs SET product_version_id = 9999',
    /column product_version_id of table key_packs.*9999/,
  ],
  [
    'an unknown product version in a purchase',
    'clearinghouse',
    'UPDATE purchases SET product_version_id = 9999',
    /column product_version_id of table purchases/,
  ],
  [
    'purchase information not JSON',
    'clearinghouse',
    `UPDATE purchases SET information_json = '{not json'`,
    /column information_json of table purchases/,
  ],
  [
    'a trigger',
    'licensing',
    `CREATE TRIGGER quiet AFTER INSERT ON events BEGIN DELETE FROM key_packs; END`,
    /a trigger "quiet", which the fake never makes/,
  ],
  ['a view', 'clearinghouse', 'CREATE VIEW everything AS SELECT * FROM purchases', /a view "everything"/],
  [
    'a dangling reference',
    'licensing',
    'PRAGMA foreign_keys = OFF; DELETE FROM license_servers',
    /table key_packs names a row of license_servers that is not there/,
  ],
];

describe('--db file contents', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-contents-'));
  let sound: EnvironmentImages;

  before(async () => {
    const environment = await createEnvironment({ fixture: FIXTURE });
    sound = environment.images();
    environment.close();
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a file the fake made', async () => {
    const file = join(folder, 'sound.db');
    writeDatabaseFile(file, sound);
    const images = await readDatabaseFile(file);
    const reopened = await createEnvironment({ images });
    assert.equal(reopened.inspect('LS-CONTOSO').keyPacks.length, 2);
    reopened.close();
  });

  for (const [what, side, sql, expected] of DAMAGES) {
    it(`refuses ${what}, naming the file, and leaves it as it was`, async () => {
      const SQL = await loadSqlEngine();
      const db = new SQL.Database(sound[side]);
      db.exec(sql);
      const file = join(folder, `${what.replace(/\W+/g, '-')}.db`);
      writeDatabaseFile(file, { ...sound, [side]: db.export() });
      db.close();
      const bytes = readFileSync(file);
      await assert.rejects(readDatabaseFile(file), (error: Error) => {
        assert.ok(error.message.startsWith(`${file} cannot be loaded`), error.message);
        assert.match(error.message, expected);
        return true;
      });
      assert.deepEqual(readFileSync(file), bytes, 'the file was left as it was');
    });
  }
});
