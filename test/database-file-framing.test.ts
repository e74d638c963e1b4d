/**
 * How a --db file is framed and what is checked before its rows are read
 * (fake-server/persistence/database-file.ts): the fake's magic, each database's length, SQLite's
 * own header and check, the tables that tell the fake's databases from any SQLite file, and the
 * shape of every password hash. test/persistence.test.ts proves the same refusals at start-up in
 * a process of their own, which Stryker cannot see into; here readDatabaseFile is called directly.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEnvironment } from '../fake-server/environment';
import { readDatabaseFile, writeDatabaseFile } from '../fake-server/persistence/database-file';
import { EnvironmentImages } from '../fake-server/persistence/open-databases';
import { loadSqlEngine } from '../fake-server/persistence/sql-database';
import { FIXTURE } from './helpers/http-fake';
import type { Database } from 'sql.js';

describe('--db file framing', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-framing-'));
  let sound: Buffer;
  let images: EnvironmentImages;

  before(async () => {
    const environment = await createEnvironment({ fixture: FIXTURE });
    images = environment.images();
    environment.close();
    const file = join(folder, 'sound.db');
    writeDatabaseFile(file, images);
    sound = readFileSync(file);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  /** The refusal of these bytes as a --db file, checked to name the file and leave it as it was. */
  const refusalOf = async (name: string, bytes: Buffer): Promise<string> => {
    const file = join(folder, `${name}.db`);
    writeFileSync(file, bytes);
    let message = '';
    await assert.rejects(readDatabaseFile(file), (error: Error) => {
      message = error.message;
      return true;
    });
    assert.ok(message.startsWith(`${file} cannot be loaded: `), message);
    assert.ok(message.endsWith('. The file was left as it is.'), message);
    assert.deepEqual(readFileSync(file), bytes, 'the file was left as it was');
    return message.slice(`${file} cannot be loaded: `.length, -'. The file was left as it is.'.length);
  };

  /** The fixture's licensing image after `edit` (as a foreign tool could change a file). */
  const licensingEdited = async (edit: (db: Database) => void): Promise<Uint8Array> => {
    const SQL = await loadSqlEngine();
    const db = new SQL.Database(images.licensing);
    try {
      edit(db);
      return db.export();
    } finally {
      db.close();
    }
  };

  /** A file framed as the fake frames one, around these two images. */
  const framed = (licensing: Uint8Array, clearinghouse: Uint8Array): Buffer => {
    const length = (image: Uint8Array) => {
      const field = Buffer.alloc(4);
      field.writeUInt32BE(image.length);
      return field;
    };
    return Buffer.concat([Buffer.from('RDLFAKE1', 'ascii'), length(licensing), licensing, length(clearinghouse), clearinghouse]);
  };

  it('frames a file as magic, then each database with its length, and reads it back', async () => {
    assert.deepEqual(sound, framed(images.licensing, images.clearinghouse));
    const read = await readDatabaseFile(join(folder, 'sound.db'));
    assert.deepEqual(Buffer.from(read.clearinghouse), Buffer.from(images.clearinghouse));
  });

  it('refuses a file without the magic, one cut short anywhere, and one with bytes after the databases', async () => {
    assert.equal(
      await refusalOf('no-magic', Buffer.concat([Buffer.from('RDLFAKE2'), sound.subarray(8)])),
      'it is not a database file of the fake license server',
    );
    assert.equal(await refusalOf('magic-only', sound.subarray(0, 8)), 'it ends before the licensing database');
    assert.equal(await refusalOf('length-cut', sound.subarray(0, 11)), 'it ends before the licensing database');
    assert.equal(
      await refusalOf('licensing-cut', sound.subarray(0, 12 + images.licensing.length - 1)),
      'the licensing database is truncated',
    );
    assert.equal(
      await refusalOf('no-clearinghouse', sound.subarray(0, 12 + images.licensing.length)),
      'it ends before the clearinghouse database',
    );
    assert.equal(
      await refusalOf('length-only', sound.subarray(0, 12 + images.licensing.length + 4)),
      'the clearinghouse database is truncated',
    );
    assert.equal(await refusalOf('clearinghouse-cut', sound.subarray(0, sound.length - 1)), 'the clearinghouse database is truncated');
    assert.equal(await refusalOf('trailing', Buffer.concat([sound, Buffer.from('xyz')])), '3 unexpected bytes follow the databases');
  });

  it('refuses a database that is not SQLite, one SQLite finds damaged, and a SQLite file that is not the fake’s', async () => {
    const notSqlite = Buffer.from(images.licensing);
    notSqlite.write('SQLite format 4', 0, 'ascii');
    assert.equal(await refusalOf('not-sqlite', framed(notSqlite, images.clearinghouse)), 'the licensing database is not SQLite');
    const notSqliteEither = Buffer.from(images.clearinghouse);
    notSqliteEither.write('XQLite format 3', 0, 'ascii');
    assert.equal(await refusalOf('not-sqlite-2', framed(images.licensing, notSqliteEither)), 'the clearinghouse database is not SQLite');

    const SQL = await loadSqlEngine();
    const other = new SQL.Database();
    other.exec('CREATE TABLE notes (text TEXT)');
    const foreign = other.export();
    other.close();
    assert.equal(
      await refusalOf('no-servers', framed(foreign, images.clearinghouse)),
      'the licensing database is damaged (it has no license_servers table)',
    );
    assert.equal(
      await refusalOf('no-purchases', framed(images.licensing, foreign)),
      'the clearinghouse database is damaged (it has no purchases table)',
    );

    const damaged = Buffer.from(images.clearinghouse);
    // The first page's b-tree header overwritten, the file header left sound: SQLite finds it.
    damaged.fill(0xff, 100, 120);
    assert.match(await refusalOf('damaged', framed(images.licensing, damaged)), /^the clearinghouse database is damaged \(.+\)$/);
  });

  it('refuses a password hash the fake did not make, naming the account and the server', async () => {
    for (const hash of [
      'md5$0123',
      `xscrypt$${'a'.repeat(32)}$${'b'.repeat(64)}`,
      `scrypt$${'a'.repeat(32)}$${'b'.repeat(64)}0`,
      `scrypt$${'A'.repeat(32)}$${'b'.repeat(64)}`,
    ]) {
      const licensing = await licensingEdited((db) =>
        db.run(`UPDATE accounts SET password_hash = ? WHERE user_name = 'admin' AND server_name = 'LS-CONTOSO'`, [hash]),
      );
      assert.equal(
        await refusalOf('foreign-hash', framed(licensing, images.clearinghouse)),
        'the licensing database is damaged (the password hash of "admin" on LS-CONTOSO was not made by the fake)',
        hash,
      );
    }
  });

  it('refuses a row that breaks a CHECK of the schema in SQLite’s own words, before the fake’s rules read it', async () => {
    // Written past the CHECK (as a foreign tool could): SQLite's quick_check answers with the fault, not "ok".
    const licensing = await licensingEdited((db) =>
      db.exec("PRAGMA ignore_check_constraints = ON; UPDATE license_servers SET connection_method = 'fax'"),
    );
    assert.equal(
      await refusalOf('check-broken', framed(licensing, images.clearinghouse)),
      'the licensing database is damaged (CHECK constraint failed in license_servers)',
    );
  });

  it('reads a licensing database with no account at all (nobody can sign in, but nothing in it is foreign)', async () => {
    const licensing = await licensingEdited((db) => db.exec('DELETE FROM accounts'));
    const file = join(folder, 'no-accounts.db');
    writeFileSync(file, framed(licensing, images.clearinghouse));
    const read = await readDatabaseFile(file);
    const environment = await createEnvironment({ images: read });
    try {
      assert.equal(environment.inspect('LS-CONTOSO').keyPacks.length > 0, true, 'the servers and their packs are there');
    } finally {
      environment.close();
    }
  });

  it('names a file that is a directory, and one it cannot read', async () => {
    const directory = join(folder, 'a-directory.db');
    mkdirSync(directory);
    await assert.rejects(readDatabaseFile(directory), {
      message: `${directory} cannot be loaded: it is a directory. The file was left as it is.`,
    });
    const missing = join(folder, 'not-there.db');
    await assert.rejects(readDatabaseFile(missing), {
      message: `${missing} cannot be loaded: it cannot be read (ENOENT). The file was left as it is.`,
    });
  });
});
