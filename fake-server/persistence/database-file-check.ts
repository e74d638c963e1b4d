/**
 * What a --db file must hold beyond being SQLite with the fake's two main tables: today's table
 * layout, column for column; no trigger or view (a trigger writes tables behind the read cache's
 * back, a view is nothing the fake made); and in every row values the domain itself would have
 * stored. A file that passed the first checks but held another layout, `{not json` in a JSON
 * column or `countryRegion: "Atlantis"` was served, and then every request about it answered
 * 500 or showed what the fake cannot hold. Each refusal names the table, the column and the row.
 */
import type { Database, SqlValue } from 'sql.js';
import { DEFAULT_CONFIG } from '../config';
import { CAL_TYPES, CONNECTION_METHODS, LICENSE_PROGRAMS, PRODUCT_VERSIONS } from '../domain/catalogue';
import { LICENSE_KEY_PACK_ID_LENGTH, LICENSE_SERVER_ID_LENGTH, hasValidCheckCharacter, isInAlphabet } from '../domain/ids';
import { foldName } from '../domain/names';
import { ProgramInformation, checkProgramInformation, programInformationKey } from '../domain/purchases';
import { PAGE_TITLES } from '../domain/wizard';
import { CLEARINGHOUSE_SCHEMA, LICENSE_SERVER_SCHEMA } from './schema';
import { loadSqlEngine } from './sql-database';

export type Side = 'licensing' | 'clearinghouse';

type Row = Record<string, SqlValue>;
/** Says what is wrong with a value, or undefined when it is one the fake would store. */
type ColumnRule = (value: SqlValue, row: Row) => string | undefined;

const SCHEMAS: Record<Side, string> = { licensing: LICENSE_SERVER_SCHEMA, clearinghouse: CLEARINGHOUSE_SCHEMA };

/** Refuses a database whose layout, objects or rows the fake did not make; the Error says where. */
export async function checkLayoutAndRows(db: Database, side: Side): Promise<void> {
  refuseTriggersAndViews(db);
  await checkLayout(db, side);
  for (const [table, rules] of Object.entries(ROW_RULES[side])) checkRows(db, table, rules);
  const dangling = db.exec('PRAGMA foreign_key_check')[0]?.values[0];
  if (dangling) throw new Error(`a row of table ${String(dangling[0])} names a row of ${String(dangling[2])} that is not there`);
}

function refuseTriggersAndViews(db: Database): void {
  const found = db.exec("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name")[0]?.values[0];
  if (found) throw new Error(`it holds a ${String(found[0])} "${String(found[1])}", which the fake never makes`);
}

type Column = { name: string; type: string; notnull: number; pk: number };

function columnsOf(db: Database, table: string): Column[] {
  const result = db.exec(`PRAGMA table_info("${table.replace(/"/g, '""')}")`)[0];
  return (result?.values ?? []).map(([, name, type, notnull, , pk]) => ({
    name: String(name),
    type: String(type),
    notnull: Number(notnull),
    pk: Number(pk),
  }));
}

function tablesOf(db: Database): string[] {
  const rows = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0];
  return (rows?.values ?? []).map(([name]) => String(name));
}

let expectedLayouts: Promise<Record<Side, Map<string, Column[]>>> | undefined;

/** Today's layout of each side, read from a database built from schema.ts. */
async function expected(): Promise<Record<Side, Map<string, Column[]>>> {
  const SQL = await loadSqlEngine();
  const layout = (schema: string) => {
    const db = new SQL.Database();
    try {
      db.exec(schema);
      return new Map(tablesOf(db).map((table) => [table, columnsOf(db, table)]));
    } finally {
      db.close();
    }
  };
  return { licensing: layout(SCHEMAS.licensing), clearinghouse: layout(SCHEMAS.clearinghouse) };
}

async function checkLayout(db: Database, side: Side): Promise<void> {
  expectedLayouts ??= expected();
  const layout = (await expectedLayouts)[side];
  const present = tablesOf(db);
  const extra = present.find((table) => !layout.has(table));
  if (extra !== undefined) throw new Error(`it holds a table "${extra}" that is not in the fake's layout`);
  for (const [table, columns] of layout) {
    if (!present.includes(table)) throw new Error(`it has no ${table} table`);
    const stored = columnsOf(db, table);
    for (const column of columns) {
      const found = stored.find((candidate) => candidate.name === column.name);
      if (!found) throw new Error(`table ${table} has no column ${column.name}`);
      if (found.type !== column.type || found.notnull !== column.notnull || found.pk !== column.pk)
        throw new Error(`column ${column.name} of table ${table} is not declared as the fake declares it (${column.type})`);
    }
    const unknown = stored.find((candidate) => !columns.some((column) => column.name === candidate.name));
    if (unknown) throw new Error(`table ${table} has a column ${unknown.name} that is not in the fake's layout`);
  }
}

/** Every row of a table, each column with a rule checked; the first fault found is thrown. */
function checkRows(db: Database, table: string, rules: Record<string, ColumnRule>): void {
  const statement = db.prepare(`SELECT rowid AS "rowid", * FROM ${table}`);
  try {
    while (statement.step()) {
      const row = statement.getAsObject();
      for (const [column, rule] of Object.entries(rules)) {
        const fault = rule(row[column] ?? null, row);
        if (fault !== undefined) throw new Error(`column ${column} of table ${table}, row ${String(row.rowid)}: ${fault}`);
      }
    }
  } finally {
    statement.free();
  }
}

// The rules, each the domain's own: the same checks seeding and the wizard apply before they store.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const quoted = (value: SqlValue) => JSON.stringify(typeof value === 'string' ? value.slice(0, 64) : value);

const instant: ColumnRule = (value) =>
  typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))
    ? undefined
    : `${quoted(value)} is not a time as the fake stores one (ISO 8601, UTC)`;
const optional =
  (rule: ColumnRule): ColumnRule =>
  (value, row) =>
    value === null ? undefined : rule(value, row);
const oneOf =
  (allowed: readonly (string | number)[], what: string): ColumnRule =>
  (value) =>
    typeof value !== 'object' && allowed.includes(value) ? undefined : `${quoted(value)} is not ${what}`;
const id =
  (length: number, what: string): ColumnRule =>
  (value) =>
    typeof value === 'string' && value.length === length && isInAlphabet(value) && hasValidCheckCharacter(value)
      ? undefined
      : `${quoted(value)} is not a ${what} (${length} letters and digits with a valid check character)`;
const positiveWhole: ColumnRule = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? undefined : `${quoted(value)} is not a whole number above 0`;
const foldOf =
  (nameColumn: string): ColumnRule =>
  (value, row) =>
    value === foldName(String(row[nameColumn])) ? undefined : `${quoted(value)} is not the folded form of ${nameColumn}`;
const json =
  (check: (parsed: unknown) => string | undefined): ColumnRule =>
  (value) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(value));
    } catch {
      return `${quoted(value)} is not JSON`;
    }
    return check(parsed);
  };

const licenseServerId = id(LICENSE_SERVER_ID_LENGTH, 'License Server ID');
const countryRegion = oneOf(Object.keys(DEFAULT_CONFIG.telephoneNumbers), 'a country/region of the Clearinghouse telephone table');
const productVersion = oneOf(Object.keys(PRODUCT_VERSIONS).map(Number), 'a known product version');
const calType = oneOf(CAL_TYPES, 'a CAL type');

const ROW_RULES: Record<Side, Record<string, Record<string, ColumnRule>>> = {
  licensing: {
    license_servers: {
      name: (value) =>
        typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value) ? undefined : `${quoted(value)} is not a computer name`,
      license_server_id: optional(licenseServerId),
      country_region: (value, row) =>
        (value === null) !== (row.license_server_id === null)
          ? 'an activated server has both a License Server ID and a country/region, another neither'
          : optional(countryRegion)(value, row),
      connection_method: oneOf(CONNECTION_METHODS, 'a connection method'),
    },
    accounts: {
      user_key: foldOf('user_name'),
      groups_json: json((groups) =>
        Array.isArray(groups) && groups.every((group) => typeof group === 'string') ? undefined : 'not a list of group names',
      ),
    },
    local_group_members: { group_key: foldOf('group_name'), member_key: foldOf('member_name') },
    key_packs: {
      license_key_pack_id: id(LICENSE_KEY_PACK_ID_LENGTH, 'license key pack ID'),
      program: oneOf(LICENSE_PROGRAMS, 'a licensing program'),
      product_version_id: productVersion,
      cal_type: calType,
      total_licenses: positiveWhole,
      installed_at: instant,
      expires_at: optional(instant),
    },
    key_pack_redemptions: { license_key_pack_id: id(LICENSE_KEY_PACK_ID_LENGTH, 'license key pack ID'), redeemed_at: instant },
    events: { level: oneOf(['Information', 'Warning'], 'an event level'), recorded_at: instant },
    issued_cals: { issued_at: instant, expires_at: instant },
    wizard_sessions: {
      state_json: json((state) =>
        typeof state === 'object' && state !== null && Object.keys(PAGE_TITLES).includes(String((state as { page?: unknown }).page))
          ? undefined
          : 'not a state of the wizard',
      ),
      opened_at: instant,
    },
  },
  clearinghouse: {
    purchases: {
      information_json: json(programInformationFault),
      information_key: (value, row) => {
        try {
          const key = programInformationKey(JSON.parse(String(row.information_json)) as ProgramInformation);
          return value === key ? undefined : `${quoted(value)} is not the key of the purchase's information`;
        } catch {
          return 'the purchase information it keys is not JSON';
        }
      },
      product_version_id: productVersion,
      cal_type: calType,
      quantity: positiveWhole,
      registered_to: optional(licenseServerId),
    },
    issuances: {
      license_key_pack_id: id(LICENSE_KEY_PACK_ID_LENGTH, 'license key pack ID'),
      license_server_id: licenseServerId,
      issue_serial: positiveWhole,
      issued_at: instant,
    },
    activated_servers: { license_server_id: licenseServerId, country_region: countryRegion },
  },
};

function programInformationFault(information: unknown): string | undefined {
  if (typeof information !== 'object' || information === null) return 'not the information of a purchase';
  if (!LICENSE_PROGRAMS.includes((information as { program?: never }).program ?? ('' as never))) return 'not a licensing program';
  try {
    checkProgramInformation(information as ProgramInformation);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
