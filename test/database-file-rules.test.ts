/**
 * Every column rule of a --db file (fake-server/persistence/database-file-check.ts), one bad
 * value each, with the reason the refusal gives: the rules are the domain's own, so a file is
 * refused exactly where a value is one the fake would never have stored. The file starts sound,
 * with a row in every table (the ones a fixture leaves empty get one first), so that a rule that
 * refuses good values fails the first test. test/database-file-contents.test.ts covers layouts,
 * triggers, views and the file being left as it was. Columns the schema guards with a CHECK
 * (a connection method, a CAL type, a count above 0) are not here: SQLite's integrity check
 * refuses such a file as damaged before these rules read it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { withCheckCharacter } from '../fake-server/domain/ids';
import { createEnvironment } from '../fake-server/environment';
import { readDatabaseFile, writeDatabaseFile } from '../fake-server/persistence/database-file';
import { EnvironmentImages } from '../fake-server/persistence/open-databases';
import { loadSqlEngine } from '../fake-server/persistence/sql-database';
import { FIXTURE } from './helpers/http-fake';

type Side = 'licensing' | 'clearinghouse';
/** A table, a column, the SQL value written into its first row, and the reason the refusal must give. */
type BadValue = [table: string, column: string, value: string, reason: string];

const WHEN = `'2026-12-07T10:00:00.000Z'`;
/** Rows for the tables the fixture leaves empty, each as the fake would store it. */
const FILLED = `
  INSERT INTO local_group_members VALUES ('LS-CONTOSO', 'Administrators', 'ADMINISTRATORS', 'Helpdesk', 'HELPDESK');
  INSERT INTO events (server_name, event_id, level, message, license_key_pack_id, recorded_at)
    VALUES ('LS-CONTOSO', 26, 'Information', 'The license server was activated.', NULL, ${WHEN}),
           ('LS-CONTOSO', 4105, 'Warning', 'The license key pack was not installed.', NULL, ${WHEN});
  INSERT INTO wizard_sessions VALUES ('LS-CONTOSO', '{"page":"welcome"}', 'admin', ${WHEN});
  UPDATE key_packs SET expires_at = ${WHEN} WHERE key_pack_number = 1;
`;
const NOT_AN_ID = `'1VP1YHLCXFT75EQVZ5WNOHHRPTN5TV7ECAB'`; // 35 letters and digits, the check character wrong
const ONE_SHORT = `'${withCheckCharacter('1VP1YHLCXFT75EQVZ5WNOHHRPTN5TV7EC')}'`; // 34, the check character right
const ID_REASON = 'letters and digits with a valid check character)';

const LICENSING: BadValue[] = [
  ['license_servers', 'name', `'LS CONTOSO'`, '"LS CONTOSO" is not a computer name'],
  ['license_servers', 'name', `'${'L'.repeat(65)}'`, `"${'L'.repeat(64)}" is not a computer name`],
  ['license_servers', 'license_server_id', NOT_AN_ID, `is not a License Server ID (35 ${ID_REASON}`],
  ['license_servers', 'country_region', 'NULL', 'an activated server has both a License Server ID and a country/region, another neither'],
  ['license_servers', 'country_region', `'Atlantis'`, '"Atlantis" is not a country/region of the Clearinghouse telephone table'],
  ['accounts', 'user_key', `'admin'`, '"admin" is not the folded form of user_name'],
  ['accounts', 'groups_json', `'[1]'`, 'not a list of group names'],
  ['accounts', 'groups_json', `'["Users", 1]'`, 'not a list of group names'],
  ['accounts', 'groups_json', `'{not json'`, '"{not json" is not JSON'],
  ['local_group_members', 'group_key', `'administrators'`, '"administrators" is not the folded form of group_name'],
  ['local_group_members', 'member_key', `'helpdesk'`, '"helpdesk" is not the folded form of member_name'],
  ['key_packs', 'license_key_pack_id', NOT_AN_ID, `is not a license key pack ID (35 ${ID_REASON}`],
  ['key_packs', 'license_key_pack_id', ONE_SHORT, `is not a license key pack ID (35 ${ID_REASON}`],
  ['key_packs', 'program', `'openValue'`, '"openValue" is not a licensing program'],
  ['key_packs', 'product_version_id', '9999', '9999 is not a known product version'],
  ['key_packs', 'total_licenses', '2.5', '2.5 is not a whole number above 0'],
  ['key_packs', 'installed_at', `'2026-12-07T10:00:00Z'`, '"2026-12-07T10:00:00Z" is not a time as the fake stores one (ISO 8601, UTC)'],
  ['key_packs', 'installed_at', `'2026-13-45T10:00:00.000Z'`, '"2026-13-45T10:00:00.000Z" is not a time as the fake stores one'],
  ['key_packs', 'installed_at', `'+002026-12-07T10:00:00.000Z'`, '"+002026-12-07T10:00:00.000Z" is not a time'],
  ['key_packs', 'installed_at', `'2026-12-07T10:00:00.000Zx'`, '"2026-12-07T10:00:00.000Zx" is not a time'],
  ['key_packs', 'expires_at', `'soon'`, '"soon" is not a time as the fake stores one'],
  ['key_pack_redemptions', 'license_key_pack_id', NOT_AN_ID, `is not a license key pack ID (35 ${ID_REASON}`],
  ['key_pack_redemptions', 'redeemed_at', `'yesterday'`, '"yesterday" is not a time'],
  ['events', 'level', `'Error'`, '"Error" is not an event level'],
  ['events', 'recorded_at', `'yesterday'`, '"yesterday" is not a time'],
  ['issued_cals', 'issued_at', `'yesterday'`, '"yesterday" is not a time'],
  ['issued_cals', 'expires_at', `'2027'`, '"2027" is not a time'],
  ['wizard_sessions', 'state_json', `'{"page":"nowhere"}'`, 'not a state of the wizard'],
  ['wizard_sessions', 'state_json', `'null'`, 'not a state of the wizard'],
  ['wizard_sessions', 'state_json', `'"welcome"'`, 'not a state of the wizard'],
  ['wizard_sessions', 'opened_at', `'yesterday'`, '"yesterday" is not a time'],
];

const CLEARINGHOUSE: BadValue[] = [
  ['purchases', 'information_json', `'"enterpriseAgreement"'`, 'not the information of a purchase'],
  ['purchases', 'information_json', `'null'`, 'not the information of a purchase'],
  ['purchases', 'information_json', `'{"program":"openValue"}'`, 'not a licensing program'],
  ['purchases', 'information_json', `'{"agreementNumber":"4271956"}'`, 'not a licensing program'],
  ['purchases', 'information_json', `'{"program":"enterpriseAgreement","agreementNumber":"12"}'`, 'agreement number'],
  ['purchases', 'information_key', `'[]'`, `"[]" is not the key of the purchase's information`],
  ['purchases', 'registered_to', NOT_AN_ID, `is not a License Server ID (35 ${ID_REASON}`],
  ['issuances', 'license_key_pack_id', `'137U006Y'`, `"137U006Y" is not a license key pack ID (35 ${ID_REASON}`],
  ['issuances', 'license_server_id', `'35'`, `"35" is not a License Server ID (35 ${ID_REASON}`],
  ['issuances', 'issue_serial', '0', '0 is not a whole number above 0'],
  ['issuances', 'issued_at', `'yesterday'`, '"yesterday" is not a time'],
  ['activated_servers', 'license_server_id', NOT_AN_ID, `is not a License Server ID (35 ${ID_REASON}`],
  ['activated_servers', 'country_region', `'${'A'.repeat(100)}'`, `"${'A'.repeat(64)}" is not a country/region`],
];

describe('--db file column rules', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-rules-'));
  let sound: EnvironmentImages;

  before(async () => {
    // A server never activated too: it has no License Server ID, and the Clearinghouse no activation of it.
    const licenseServers = [...(FIXTURE.licenseServers ?? []), { name: 'LS-NEW', activated: false }];
    const environment = await createEnvironment({ fixture: { ...FIXTURE, licenseServers } });
    const images = environment.images();
    environment.close();
    const SQL = await loadSqlEngine();
    const db = new SQL.Database(images.licensing);
    db.exec(FILLED);
    sound = { ...images, licensing: db.export() };
    db.close();
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  const written = async (side: Side, sql: string, name: string): Promise<string> => {
    const SQL = await loadSqlEngine();
    const db = new SQL.Database(sound[side]);
    db.exec(`PRAGMA foreign_keys = OFF; ${sql}`);
    const file = join(folder, `${name}.db`);
    writeDatabaseFile(file, { ...sound, [side]: db.export() });
    db.close();
    return file;
  };

  it('reads a file with a row the fake would store in every table, every column checked', async () => {
    const images = await readDatabaseFile(await written('licensing', '', 'sound'));
    const reopened = await createEnvironment({ images });
    assert.equal(reopened.inspect('LS-CONTOSO').keyPacks.length, 2);
    reopened.close();
  });

  const cases = [
    ...LICENSING.map((bad) => ['licensing', ...bad] as const),
    ...CLEARINGHOUSE.map((bad) => ['clearinghouse', ...bad] as const),
  ];
  for (const [index, [side, table, column, value, reason]] of cases.entries()) {
    it(`refuses ${value.slice(0, 40)} in ${table}.${column}: ${reason.slice(0, 60)}`, async () => {
      const file = await written(
        side,
        `UPDATE ${table} SET ${column} = ${value} WHERE rowid = (SELECT MIN(rowid) FROM ${table})`,
        `bad-${index}`,
      );
      await assert.rejects(readDatabaseFile(file), (error: Error) => {
        assert.match(error.message, new RegExp(`column ${column} of table ${table}, row \\d+: `), error.message);
        assert.ok(error.message.includes(reason), `${error.message}\ndoes not give the reason: ${reason}`);
        return true;
      });
    });
  }
});
