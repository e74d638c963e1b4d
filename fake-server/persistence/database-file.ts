/**
 * The --db file: both databases of an environment in one file, replaced atomically
 * (written to a temporary file, flushed to disk, then renamed over the old one), so a
 * crash at any moment leaves either an earlier committed state or a later one, and
 * never loses a change that was acknowledged (see DatabaseFileKeeper).
 *
 * Layout: the 8 bytes "RDLFAKE1", then for each database (licensing, clearinghouse) a
 * 4-byte big-endian length followed by the SQLite file bytes, and nothing after them.
 */
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { open, rename } from 'node:fs/promises';
import { UnavailableError } from '../domain/errors';
import { EnvironmentImages, licensingImageInTodaysLayout } from './open-databases';
import type { Database } from 'sql.js';
import { loadSqlEngine } from './sql-database';
import { checkLayoutAndRows } from './database-file-check';

const MAGIC = Buffer.from('RDLFAKE1', 'ascii');
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'ascii');
/** The tables a database of each side must have, to tell a database of the fake from any SQLite file. */
const REQUIRED_TABLES = { licensing: 'license_servers', clearinghouse: 'purchases' } as const;
/**
 * The shape of every password hash the fake stores (PasswordHasher.hash: a 16-byte salt and a
 * 32-byte scrypt key, in hex; test/persistence.test.ts ties the two). The hasher trusts it, so a
 * file with any other is refused here, naming the account, instead of failing a sign-in later.
 */
const PASSWORD_HASH = /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/;

function fileBytes(images: EnvironmentImages): Buffer {
  const parts: Buffer[] = [MAGIC];
  for (const image of [images.licensing, images.clearinghouse]) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(image.length);
    parts.push(length, Buffer.from(image.buffer, image.byteOffset, image.byteLength));
  }
  return Buffer.concat(parts);
}

/**
 * Writes the file at once (start-up); later writes go through DatabaseFileKeeper. A failure
 * names the file and the cause (a bare "ENOSPC: no space left on device, write" named neither),
 * and the temporary file is removed.
 */
export function writeDatabaseFile(path: string, images: EnvironmentImages): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      writeSync(descriptor, fileBytes(images));
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'the disk is read-only' : 'the system refused';
    throw new Error(`${path} cannot be written: ${why} (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Reads and checks a --db file; anything wrong is an Error that names the file and the fault. */
export async function readDatabaseFile(path: string): Promise<EnvironmentImages> {
  const refuse = (what: string) => new Error(`${path} cannot be loaded: ${what}. The file was left as it is.`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(code === 'EISDIR' ? 'it is a directory' : `it cannot be read (${code ?? String(error)})`);
  }
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw refuse('it is not a database file of the fake license server');
  let offset = MAGIC.length;
  const next = (side: keyof EnvironmentImages): Uint8Array => {
    if (offset + 4 > bytes.length) throw refuse(`it ends before the ${side} database`);
    const length = bytes.readUInt32BE(offset);
    offset += 4;
    if (offset + length > bytes.length) throw refuse(`the ${side} database is truncated`);
    const image = new Uint8Array(bytes.subarray(offset, offset + length));
    offset += length;
    if (!Buffer.from(image.subarray(0, SQLITE_HEADER.length)).equals(SQLITE_HEADER)) throw refuse(`the ${side} database is not SQLite`);
    return image;
  };
  const images = { licensing: next('licensing'), clearinghouse: next('clearinghouse') };
  if (offset !== bytes.length) throw refuse(`${bytes.length - offset} unexpected bytes follow the databases`);
  await checkImages(images, refuse);
  let today: EnvironmentImages;
  try {
    today = { ...images, licensing: await licensingImageInTodaysLayout(images.licensing) };
  } catch (error) {
    throw refuse(
      `its tables of issued CALs per server cannot be moved into one (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  await checkContents(today, refuse);
  return today;
}

/** Today's layout, no trigger or view, and rows the domain would have stored (database-file-check.ts). */
async function checkContents(images: EnvironmentImages, refuse: (what: string) => Error): Promise<void> {
  const SQL = await loadSqlEngine();
  for (const side of ['licensing', 'clearinghouse'] as const) {
    const db = new SQL.Database(images[side]);
    try {
      await checkLayoutAndRows(db, side);
    } catch (error) {
      throw refuse(`the ${side} database is not one the fake made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      db.close();
    }
  }
}

/** Opens each image, asks SQLite to check it, and looks for the fake's own tables. */
async function checkImages(images: EnvironmentImages, refuse: (what: string) => Error): Promise<void> {
  const SQL = await loadSqlEngine();
  for (const side of ['licensing', 'clearinghouse'] as const) {
    let db;
    try {
      db = new SQL.Database(images[side]);
      const check = db.exec('PRAGMA quick_check')[0]?.values[0]?.[0];
      if (check !== 'ok') throw new Error(String(check));
      const table = db.exec(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${REQUIRED_TABLES[side]}'`);
      if (table.length === 0) throw new Error(`it has no ${REQUIRED_TABLES[side]} table`);
      if (side === 'licensing') refuseForeignPasswordHashes(db);
    } catch (error) {
      throw refuse(`the ${side} database is damaged (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      db?.close();
    }
  }
}

function refuseForeignPasswordHashes(db: Database): void {
  const rows = db.exec('SELECT server_name, user_name, password_hash FROM accounts')[0]?.values ?? [];
  const foreign = rows.find(([, , hash]) => typeof hash !== 'string' || !PASSWORD_HASH.test(hash));
  if (foreign) throw new Error(`the password hash of "${String(foreign[1])}" on ${String(foreign[0])} was not made by the fake`);
}

/**
 * The file a --db path stands for: a symbolic link's target (each write renames a new file
 * into place, which would otherwise replace the link with a regular file).
 */
export function databaseFileTarget(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path; // not there yet: it is created where it is named
  }
}

/** Temporary files `<file>.<pid>.tmp` left by processes that were killed while writing. */
function removeStaleTemporaries(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    const pid = Number(/^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    // The lock is ours, so no other process writes this file now: every other writer's temporary is stale.
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      try {
        rmSync(join(dirname(path), name), { force: true });
      } catch {
        // Not a file (a directory of that name): not ours to remove.
      }
    }
  }
}

/** When a process started, on Linux (field 22 of /proc/<pid>/stat); undefined elsewhere. */
function startOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Whether the process that wrote a lock still runs: its id is in use and, where the system
 * tells, it started when the lock says (a lock naming a process id now reused, or naming
 * init, is not a live owner).
 */
function isOwner(pid: number, started: string | undefined): boolean {
  if (!isRunning(pid)) return false;
  const now = startOf(pid);
  if (now === undefined) return true;
  return started !== undefined && started === now;
}

/** Whether a process with this id is running (signal 0 only asks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per --db file: `<file>.lock` holds the owner's process id and start time. A
 * lock left by a process that no longer runs (killed), or whose id another process now has, is
 * taken over; a live owner is refused by name. Temporary files that killed writers left are removed.
 */
export function lockDatabaseFile(path: string): () => void {
  const lock = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(lock, 'wx');
      // The process id and when the process started, so a reused id is not taken for the owner.
      writeSync(descriptor, `${process.pid} ${startOf(process.pid) ?? ''}`.trim());
      closeSync(descriptor);
      removeStaleTemporaries(path);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new Error(`The lock ${lock} of ${path} cannot be made (${error instanceof Error ? error.message : String(error)}).`);
      const [pidText, started] = readLock(lock, path).trim().split(/\s+/);
      const owner = Number(pidText);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isOwner(owner, started)) {
        throw new Error(`${path} is in use by another fake license server (process ${owner}); stop it or choose another --db file.`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lock}.`);
}

/** What a lock says; one that cannot be read (a directory of that name, a dangling link) is named, with what to do. */
function readLock(lock: string, path: string): string {
  try {
    return readFileSync(lock, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`The lock ${lock} of ${path} cannot be read (${code}); remove it if no fake license server uses ${path}.`);
  }
}

/** Something whose databases can be written out and put back. */
export interface SavedEnvironment {
  images(): EnvironmentImages;
  replaceWith(images: EnvironmentImages): void;
}

/**
 * Keeps one environment and its --db file in step, with group commit: a committed change
 * only marks the file out of date; one write (export, temporary file, fsync, rename, off
 * the event loop) then covers every change committed before it started, and answers wait
 * for `durable()` before they are sent. So nothing is acknowledged that is not on disk, and
 * a burst of changes costs one or two writes instead of one each.
 *
 * A write that fails (a full or read-only disk) puts the environment back to what the file
 * holds and fails every answer still waiting with 503, so memory and file agree; the next
 * change works once the disk does.
 */
export class DatabaseFileKeeper {
  private commits = 0;
  private written = 0;
  private writing: Promise<void> | undefined;
  private readonly waiting: { upTo: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  /** Files written so far (the benchmark and the group-commit test read it). */
  writes = 0;

  constructor(
    private readonly path: string,
    private saved: EnvironmentImages,
    /** The environment now (a reset replaces it with a new one). */
    private readonly environment: () => SavedEnvironment,
  ) {}

  /** A change was committed (or the environment replaced): the file is out of date. */
  changed(): void {
    this.commits += 1;
    this.writing ??= this.writeAll();
  }

  /** Resolves once every change committed so far is on disk; rejects if that write failed. */
  durable(): Promise<void> {
    if (this.written >= this.commits) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ upTo: this.commits, resolve, reject }));
  }

  private async writeAll(): Promise<void> {
    // Let the rest of this turn of the event loop commit too, so that one write covers it.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.written < this.commits) {
      const upTo = this.commits;
      const images = this.environment().images();
      try {
        await writeDatabaseFileAsync(this.path, images);
      } catch (error) {
        this.environment().replaceWith(this.saved);
        this.written = this.commits;
        this.settle(Number.POSITIVE_INFINITY, unwritable(this.path, error));
        break;
      }
      this.saved = images;
      this.written = upTo;
      this.writes += 1;
      this.settle(upTo);
    }
    this.writing = undefined;
  }

  private settle(upTo: number, error?: Error): void {
    for (let i = this.waiting.length - 1; i >= 0; i -= 1) {
      const waiter = this.waiting[i];
      if (!waiter || waiter.upTo > upTo) continue;
      this.waiting.splice(i, 1);
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }
}

/**
 * The refusal for the clients whose changes were undone, and a line for the operator. The
 * file's path, and the system's message (which names the path too), go to the operator's log
 * only: an API client is told what happened and the error's code, not where the file lives.
 */
function unwritable(path: string, error: unknown): UnavailableError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  console.error(`Could not write ${path}: ${error instanceof Error ? error.message : String(error)}; the changes it carried were undone.`);
  return new UnavailableError(
    'database-file-write-failed',
    `The change could not be written to the database file${code ? ` (${code})` : ''}, so it was undone; ` +
      "nothing was saved. Try again once the file can be written (the fake's log says which file and why).",
  );
}

/** writeDatabaseFile without holding the event loop while the disk works. */
async function writeDatabaseFileAsync(path: string, images: EnvironmentImages): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(fileBytes(images));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
}
