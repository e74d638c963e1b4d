import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
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
