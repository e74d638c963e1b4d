/**
 * Opens the two databases of one fake environment. The empty schema is built once per
 * process and each new environment starts from a copy of its bytes, which is much cheaper
 * than running the CREATE statements again.
 */
import { CLEARINGHOUSE_SCHEMA, ISSUED_CALS_SCHEMA, LICENSE_SERVER_SCHEMA, PER_SERVER_ISSUED_CALS_TABLE } from './schema';
import { SqlDatabase, loadSqlEngine } from './sql-database';

export interface EnvironmentDatabases {
  licensing: SqlDatabase;
  clearinghouse: SqlDatabase;
}

/** Both databases of an environment as SQLite file bytes: snapshots, the --db file. */
export interface EnvironmentImages {
  licensing: Uint8Array;
  clearinghouse: Uint8Array;
}

/**
 * sql.js keeps each database as a file in Emscripten's in-memory file system, and every
 * file access crosses from WebAssembly into JavaScript. One connection per database owns
 * it, so an exclusive lock and an in-memory journal lose nothing and spare SQLite from
 * re-checking the file and writing a journal on every transaction.
 */
export const CONNECTION_PRAGMAS = `
PRAGMA foreign_keys = ON;
PRAGMA locking_mode = EXCLUSIVE;
PRAGMA journal_mode = MEMORY;
PRAGMA synchronous = OFF;
PRAGMA temp_store = MEMORY;`;

let images: Promise<EnvironmentImages> | undefined;

async function schemaImages(): Promise<EnvironmentImages> {
  const SQL = await loadSqlEngine();
  const image = (schema: string) => {
    const db = new SQL.Database();
    db.exec(schema);
    const bytes = db.export();
    db.close();
    return bytes;
  };
  return { licensing: image(LICENSE_SERVER_SCHEMA), clearinghouse: image(CLEARINGHOUSE_SCHEMA) };
}

/** Two databases: fresh and empty with the schema in place, or opened from saved images. */
export async function openEnvironmentDatabases(from?: EnvironmentImages): Promise<EnvironmentDatabases> {
  const SQL = await loadSqlEngine();
  images ??= schemaImages();
  const { licensing, clearinghouse } = from ?? (await images);
  const open = (bytes: Uint8Array) => new SqlDatabase(new SQL.Database(bytes), CONNECTION_PRAGMAS);
  return { licensing: open(licensing), clearinghouse: open(clearinghouse) };
}

/**
 * A licensing database image in today's layout: one saved while each server had a table of
 * issued CALs (see schema.ts) comes back with their rows in the shared table. For --db files
 * only; snapshots are always taken in today's layout.
 */
export async function licensingImageInTodaysLayout(bytes: Uint8Array): Promise<Uint8Array> {
  const SQL = await loadSqlEngine();
  const db = new SqlDatabase(new SQL.Database(bytes));
  try {
    return moveIssuedCalsIntoOneTable(db) ? db.export() : bytes;
  } finally {
    db.close();
  }
}

/**
 * A licensing database saved while each server had a table of issued CALs (see schema.ts):
 * their rows go into the shared table, in the order they were issued, and the old tables go.
 */
function moveIssuedCalsIntoOneTable(db: SqlDatabase): boolean {
  const tables = db
    .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .map((row) => row.name)
    .filter((name) => PER_SERVER_ISSUED_CALS_TABLE.test(name));
  if (tables.length === 0) return false;
  db.inTransaction(() => {
    if (!db.get("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'issued_cals'")) db.exec(ISSUED_CALS_SCHEMA);
    for (const table of tables) {
      const serverName = Buffer.from(PER_SERVER_ISSUED_CALS_TABLE.exec(table)?.[1] ?? '', 'hex').toString('utf8');
      db.run(
        `INSERT INTO issued_cals (server_name, key_pack_number, issued_to, issued_at, expires_at)
         SELECT ?, key_pack_number, issued_to, issued_at, expires_at FROM "${table}" ORDER BY license_id`,
        [serverName],
      );
      db.exec(`DROP TABLE "${table}"`);
    }
  });
  return true;
}
