import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ReadCache } from '../fake-server/persistence/read-cache';
import { SqlDatabase, loadSqlEngine } from '../fake-server/persistence/sql-database';

describe('remembered reads', () => {
  let sql: SqlDatabase;
  const count = (table: string) =>
    sql.remember(`count:${table}`, [table], () => Number(sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)?.n));

  before(async () => {
    const SQL = await loadSqlEngine();
    sql = new SqlDatabase(new SQL.Database());
    sql.exec('CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER);');
  });

  it('are forgotten when their table is written, and kept when another table is', () => {
    assert.equal(count('a'), 0);
    sql.run('INSERT INTO b (x) VALUES (1)');
    assert.equal(count('a'), 0);
    sql.run('INSERT INTO a (x) VALUES (1)');
    assert.equal(count('a'), 1);
    sql.run('UPDATE a SET x = 2');
    sql.run('DELETE FROM a');
    assert.equal(count('a'), 0);
  });

  it('are forgotten when a transaction that wrote their table rolls back', () => {
    assert.throws(() =>
      sql.inTransaction(() => {
        sql.run('INSERT INTO a (x) VALUES (5)');
        assert.equal(count('a'), 1); // read inside the transaction, then undone
        throw new Error('refused');
      }),
    );
    assert.equal(count('a'), 0);
  });

  it('are forgotten after a rolled-back savepoint too', () => {
    sql.inTransaction(() => {
      assert.throws(() =>
        sql.inTransaction(() => {
          sql.run('INSERT INTO a (x) VALUES (6)');
          assert.equal(count('a'), 1);
          throw new Error('inner refused');
        }),
      );
      assert.equal(count('a'), 0);
    });
  });

  // Issue 28: the stale read a rollback must not leave is a value changed, not only a row added.
  it('show the value as it was before a rolled-back UPDATE that was read inside the transaction', () => {
    sql.exec("CREATE TABLE c (name TEXT); INSERT INTO c (name) VALUES ('before');");
    const name = () => sql.remember('name:c', ['c'], () => sql.get<{ name: string }>('SELECT name FROM c')?.name);
    assert.equal(name(), 'before');
    assert.throws(() =>
      sql.inTransaction(() => {
        sql.run("UPDATE c SET name = 'during'");
        assert.equal(name(), 'during', 'read inside the transaction: the cache now holds the new value');
        throw new Error('refused');
      }),
    );
    assert.equal(name(), 'before', 'the rolled-back value is still remembered');
    assert.equal(sql.get<{ name: string }>('SELECT name FROM c')?.name, 'before', 'and the database itself holds the old one');
  });

  it('are all forgotten after a schema change', () => {
    assert.equal(count('b'), 1);
    sql.exec('DELETE FROM b');
    assert.equal(count('b'), 0);
  });
});

/**
 * The cache is there to spare sql.js the reads (a read crosses into WebAssembly): a read that
 * gives the right answer but is made again every time is a bug the answers alone cannot show,
 * so these count the reads.
 */
describe('the read cache itself', () => {
  function counting<T>(value: () => T): { read: () => T; times: () => number } {
    let calls = 0;
    return {
      read: () => {
        calls += 1;
        return value();
      },
      times: () => calls,
    };
  }

  it('reads once while none of the tables read is written, and again after one is', () => {
    const cache = new ReadCache();
    const counted = counting(() => 'rows');
    for (let time = 0; time < 3; time += 1) assert.equal(cache.remember('key', ['a', 'b'], counted.read), 'rows');
    assert.equal(counted.times(), 1);
    cache.written('c', false);
    cache.remember('key', ['a', 'b'], counted.read);
    assert.equal(counted.times(), 1, 'a table the read does not name was written');
    cache.written('b', false);
    cache.remember('key', ['a', 'b'], counted.read);
    assert.equal(counted.times(), 2, 'the second table the read names was written');
    cache.remember('key', ['a', 'b'], counted.read);
    assert.equal(counted.times(), 2);
  });

  it('keeps each key apart', () => {
    const cache = new ReadCache();
    assert.equal(
      cache.remember('one', ['a'], () => 1),
      1,
    );
    assert.equal(
      cache.remember('two', ['a'], () => 2),
      2,
    );
    assert.equal(
      cache.remember('one', ['a'], () => 3),
      1,
    );
  });

  it('reads again what was not worth keeping (a miss), and keeps what was', () => {
    const cache = new ReadCache();
    const missing = counting(() => undefined);
    cache.remember('miss', ['a'], missing.read, (value) => value !== undefined);
    cache.remember('miss', ['a'], missing.read, (value) => value !== undefined);
    assert.equal(missing.times(), 2);
    const found = counting(() => 'found');
    cache.remember('hit', ['a'], found.read, (value) => value !== undefined);
    cache.remember('hit', ['a'], found.read, (value) => value !== undefined);
    assert.equal(found.times(), 1);
  });

  it('forgets everything at once, and nothing of a transaction that ended before a later rollback', () => {
    const cache = new ReadCache();
    const counted = counting(() => 'rows');
    cache.remember('key', ['a'], counted.read);
    cache.forgetAll();
    cache.remember('key', ['a'], counted.read);
    assert.equal(counted.times(), 2);
    cache.written('a', true);
    cache.transactionEnded();
    cache.remember('key', ['a'], counted.read);
    assert.equal(counted.times(), 3);
    // A later transaction that touched nothing rolls back: the first one's table is not its business.
    cache.rolledBack();
    cache.remember('key', ['a'], counted.read);
    assert.equal(counted.times(), 3);
  });

  it('stays bounded: past a thousand keys it starts again', () => {
    const cache = new ReadCache();
    const first = counting(() => 'first');
    cache.remember('key-0', ['a'], first.read);
    for (let key = 1; key <= 1001; key += 1) cache.remember(`key-${key}`, ['a'], () => key);
    cache.remember('key-0', ['a'], first.read);
    assert.equal(first.times(), 2, 'the first key was dropped with the rest');
  });
});
