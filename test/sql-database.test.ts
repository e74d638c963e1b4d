/**
 * The wrapper every repository writes through (fake-server/persistence/sql-database.ts), on a
 * database of its own: rows as plain objects, transactions that nest and are all or nothing, the
 * commit the --db file listens for, the connection's settings kept across sql.js reopening the
 * database, and reads remembered only when found. The scenarios reach all of it but can see
 * none of it apart: a row with a stray key, a settings loss after a save, or a commit announced
 * twice answers the same to them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SqlDatabase, loadSqlEngine } from '../fake-server/persistence/sql-database';

/** A database with a parent and a child table, the child's rows required to name a parent. */
async function database(): Promise<SqlDatabase> {
  const SQL = await loadSqlEngine();
  const db = new SqlDatabase(new SQL.Database(), 'PRAGMA foreign_keys = ON;');
  db.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
           CREATE TABLE children (parent_id INTEGER NOT NULL REFERENCES parents (id), name TEXT NOT NULL)`);
  return db;
}

/**
 * Runs `work` in a transaction that then fails, and checks that this very failure came out (an
 * assertion failing inside `work` is not taken for it).
 */
const failingTransaction = (db: SqlDatabase, work: () => void) =>
  assert.throws(
    () =>
      db.inTransaction(() => {
        work();
        throw new Error('refused half-way');
      }),
    { message: 'refused half-way' },
  );

const names = (db: SqlDatabase, table: 'parents' | 'children') =>
  db.all<{ name: string }>(`SELECT name FROM ${table} ORDER BY rowid`).map((row) => row.name);

describe('the SQL database wrapper', () => {
  it('gives each row as an object holding exactly the columns asked for', async () => {
    const db = await database();
    db.run('INSERT INTO parents (id, name) VALUES (?, ?)', [7, 'seven']);
    assert.deepEqual(db.get('SELECT id, name FROM parents'), { id: 7, name: 'seven' });
    assert.deepEqual(db.all('SELECT name, id FROM parents'), [{ name: 'seven', id: 7 }]);
    assert.equal(db.get('SELECT id FROM parents WHERE id = ?', [8]), undefined);
    assert.equal(db.lastInsertRowId(), 7);
    db.close();
  });

  it('keeps its connection settings after sql.js reopens the database to save or replace it', async () => {
    const db = await database();
    const orphan = () => db.run('INSERT INTO children (parent_id, name) VALUES (?, ?)', [99, 'orphan']);
    assert.throws(orphan, /FOREIGN KEY constraint failed/, 'as opened');
    const saved = db.export();
    assert.throws(orphan, /FOREIGN KEY constraint failed/, 'after a save');
    db.replaceWith(saved);
    assert.throws(orphan, /FOREIGN KEY constraint failed/, 'after being put back to a saved image');
    assert.deepEqual(names(db, 'children'), []);
    db.close();
  });

  it('undoes the whole of a transaction that fails, and keeps what a nested one did when the outer one goes on', async () => {
    const db = await database();
    failingTransaction(db, () => db.run("INSERT INTO parents (id, name) VALUES (1, 'lost')"));
    assert.deepEqual(names(db, 'parents'), []);

    db.inTransaction(() => {
      db.run("INSERT INTO parents (id, name) VALUES (1, 'kept')");
      failingTransaction(db, () => db.run("INSERT INTO parents (id, name) VALUES (2, 'undone')"));
      assert.equal(db.isInTransaction(), true, 'the outer transaction is still open');
      db.inTransaction(() => db.run("INSERT INTO parents (id, name) VALUES (3, 'nested and kept')"));
    });
    assert.equal(db.isInTransaction(), false);
    assert.deepEqual(names(db, 'parents'), ['kept', 'nested and kept']);
    db.close();
  });

  it('announces a commit once per outermost transaction that commits, and never for one that fails', async () => {
    const db = await database();
    let commits = 0;
    db.onCommit = () => (commits += 1);
    db.inTransaction(() => {
      db.run("INSERT INTO parents (id, name) VALUES (1, 'one')");
      db.inTransaction(() => db.run("INSERT INTO parents (id, name) VALUES (2, 'two')"));
      assert.equal(commits, 0, 'nothing is announced before the outermost transaction ends');
    });
    assert.equal(commits, 1);
    failingTransaction(db, () => db.run("INSERT INTO parents (id, name) VALUES (3, 'three')"));
    assert.equal(commits, 1);
    db.close();
  });

  it('refuses to save or replace the database in the middle of a transaction', async () => {
    const db = await database();
    const image = db.export();
    db.inTransaction(() => {
      db.run("INSERT INTO parents (id, name) VALUES (1, 'pending')");
      assert.throws(() => db.export(), { message: 'cannot export a database in the middle of a transaction' });
      assert.throws(() => db.replaceWith(image), { message: 'cannot replace a database in the middle of a transaction' });
    });
    assert.deepEqual(names(db, 'parents'), ['pending']);
    db.close();
  });

  it('leaves no statement running after a read that stopped at its first row (a schema change can follow)', async () => {
    const db = await database();
    db.run("INSERT INTO parents (id, name) VALUES (1, 'one'), (2, 'two')");
    assert.deepEqual(db.get('SELECT name FROM parents ORDER BY id'), { name: 'one' });
    // SQLite refuses to drop a table a statement is still reading ("database table is locked").
    db.exec('DROP TABLE children; DROP TABLE parents');
    assert.deepEqual(db.all("SELECT name FROM sqlite_master WHERE type = 'table'"), []);
    db.close();
  });

  it('remembers a read that found something, and reads again one that found nothing', async () => {
    const db = await database();
    let reads = 0;
    const find = () =>
      db.rememberFound('parent 1', ['parents'], () => {
        reads += 1;
        return db.get<{ name: string }>('SELECT name FROM parents WHERE id = 1')?.name;
      });
    assert.equal(find(), undefined);
    assert.equal(find(), undefined);
    assert.equal(reads, 2, 'a miss is not remembered');
    db.run("INSERT INTO parents (id, name) VALUES (1, 'found')");
    assert.equal(find(), 'found');
    assert.equal(find(), 'found');
    assert.equal(reads, 3, 'what was found is');
    db.close();
  });

  it('forgets, at a rollback, only what that transaction wrote: not what was written before it, inside or outside one', async () => {
    const db = await database();
    let reads = 0;
    const parents = () =>
      db.remember('parents', ['parents'], () => {
        reads += 1;
        return names(db, 'parents');
      });
    db.inTransaction(() => db.run("INSERT INTO parents (id, name) VALUES (2, 'committed')"));
    failingTransaction(db, () => db.run("INSERT INTO parents (id, name) VALUES (9, 'undone')"));
    assert.deepEqual(parents(), ['committed']);
    failingTransaction(db, () => db.run("INSERT INTO children (parent_id, name) VALUES (2, 'undone')"));
    assert.deepEqual(parents(), ['committed']);
    assert.equal(reads, 1, 'a rollback forgets nothing of an earlier transaction that rolled back');
    db.run("INSERT INTO parents (id, name) VALUES (1, 'outside')");
    assert.deepEqual(parents(), ['outside', 'committed']);
    failingTransaction(db, () => db.run("INSERT INTO children (parent_id, name) VALUES (1, 'undone')"));
    assert.deepEqual(parents(), ['outside', 'committed']);
    assert.equal(reads, 2, 'nor of a write made outside any transaction');
    db.close();
  });

  it('after an inner step is undone, still forgets what the outer transaction wrote if it fails too', async () => {
    const db = await database();
    const parents = () => db.remember('parents', ['parents'], () => names(db, 'parents'));
    failingTransaction(db, () => {
      db.run("INSERT INTO parents (id, name) VALUES (1, 'outer')");
      failingTransaction(db, () => db.run("INSERT INTO children (parent_id, name) VALUES (1, 'inner')"));
      assert.deepEqual(parents(), ['outer'], 'read, and remembered, inside the transaction after the inner step was undone');
    });
    assert.deepEqual(parents(), [], 'the outer write was undone, and the remembered read with it');
    db.close();
  });

  it('forgets a remembered read after any write to its table, however the statement is laid out', async () => {
    const db = await database();
    const parents = () => db.remember('parents', ['parents'], () => names(db, 'parents'));
    assert.deepEqual(parents(), []);
    db.run("\n      INSERT\n        INTO parents (id, name) VALUES (1, 'one')");
    assert.deepEqual(parents(), ['one'], 'after an insert on lines of its own');
    db.run("UPDATE\n  parents SET name = 'uno'");
    assert.deepEqual(parents(), ['uno'], 'after an update with the table on the next line');
    db.run('  DELETE\n   FROM   parents');
    assert.deepEqual(parents(), [], 'after a delete over several lines');
    db.close();
  });

  it('forgets every remembered read when put back to an earlier image (a --db write undone)', async () => {
    const db = await database();
    const earlier = db.export();
    const parents = () => db.remember('parents', ['parents'], () => names(db, 'parents'));
    db.run("INSERT INTO parents (id, name) VALUES (1, 'thrown away')");
    assert.deepEqual(parents(), ['thrown away']);
    db.replaceWith(earlier);
    assert.deepEqual(parents(), []);
    db.close();
  });
});
