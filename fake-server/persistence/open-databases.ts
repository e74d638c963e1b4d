/**
 * Opens the two databases of one fake environment. The empty schema is built once per
 * process and each new environment starts from a copy of its bytes, which is much cheaper
 * than running the CREATE statements again.
 */
import { CLEARINGHOUSE_SCHEMA, LICENSE_SERVER_SCHEMA } from './schema';
import { SqlDatabase, loadSqlEngine } from './sql-database';

export interface EnvironmentDatabases {
  licensing: SqlDatabase;
  clearinghouse: SqlDatabase;
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

let images: Promise<{ licensing: Uint8Array; clearinghouse: Uint8Array }> | undefined;

async function schemaImages(): Promise<{ licensing: Uint8Array; clearinghouse: Uint8Array }> {
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

/** Two fresh, empty databases with the schema in place. */
export async function openEnvironmentDatabases(): Promise<EnvironmentDatabases> {
  const SQL = await loadSqlEngine();
  images ??= schemaImages();
  const { licensing, clearinghouse } = await images;
  const open = (bytes: Uint8Array) => {
    const db = new SQL.Database(bytes);
    db.exec(CONNECTION_PRAGMAS);
    return new SqlDatabase(db);
  };
  return { licensing: open(licensing), clearinghouse: open(clearinghouse) };
}
