/**
 * A thin wrapper over one sql.js database: bound parameters only, statements prepared once
 * and reset after every use (freed when evicted or when the database closes), and all-or-nothing
 * transactions that nest through savepoints.
 */
import initSqlJs, { BindParams, Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import { Transactor } from '../domain/ports';
import { ReadCache } from './read-cache';

let engine: Promise<SqlJsStatic> | undefined;
/** The loaded module, for the synchronous reopen in SqlDatabase.replaceWith. */
let loadedEngine: SqlJsStatic | undefined;

/** Loads the sql.js WebAssembly module once per process. */
export function loadSqlEngine(): Promise<SqlJsStatic> {
  engine ??= initSqlJs().then((loaded) => {
    loadedEngine = loaded;
    return loaded;
  });
  return engine;
}

export type Row = Record<string, SqlValue>;

/**
 * Prepared statements kept per database. Issued CALs are written in batches of many
 * sizes, one statement text per size; a bound keeps a long run from holding thousands
 * of statements in WebAssembly memory.
 */
const MAX_CACHED_STATEMENTS = 200;

/** The table a data-changing statement writes; every write the fake makes has this form. */
const WRITTEN_TABLE = /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([A-Za-z_][A-Za-z0-9_]*)/i;

/** Pairs column names with values; cheaper than getAsObject, which asks for each name again. */
function toRow<T extends Row>(columns: string[], values: SqlValue[]): T {
  const row: Row = {};
  for (let i = 0; i < columns.length; i += 1) row[columns[i] as string] = values[i] ?? null;
  return row as T;
}

export class SqlDatabase implements Transactor {
  private readonly statements = new Map<string, Statement>();
  private depth = 0;
  private readonly cache = new ReadCache();

  /** Called after each outermost transaction commits (the --db file is written there). */
  onCommit: (() => void) | undefined;

  /** @param pragmas connection settings, applied now and again whenever sql.js reopens the database */
  constructor(
    private db: Database,
    private readonly pragmas = '',
  ) {
    if (pragmas) db.exec(pragmas);
  }

  /** Runs a statement that returns no rows. */
  run(sql: string, params: BindParams = []): void {
    const written = WRITTEN_TABLE.exec(sql)?.[1];
    if (written) this.cache.written(written, this.depth > 0);
    this.withStatement(sql, params, (statement) => {
      statement.step();
    });
  }

  /** Runs a query and returns every row as an object keyed by column name. */
  all<T extends Row = Row>(sql: string, params: BindParams = []): T[] {
    return this.withStatement(sql, params, (statement) => {
      const rows: T[] = [];
      const columns = statement.getColumnNames();
      while (statement.step()) rows.push(toRow<T>(columns, statement.get()));
      return rows;
    });
  }

  /** The first row of a query, if any. */
  get<T extends Row = Row>(sql: string, params: BindParams = []): T | undefined {
    return this.withStatement(sql, params, (statement) =>
      statement.step() ? toRow<T>(statement.getColumnNames(), statement.get()) : undefined,
    );
  }

  /** A read remembered until one of the tables it reads is written (see ReadCache). */
  remember<T>(key: string, tables: readonly string[], read: () => T): T {
    return this.cache.remember(key, tables, read);
  }

  /** Like remember, but only a value that was found is remembered: a miss is read again next time. */
  rememberFound<T>(key: string, tables: readonly string[], read: () => T | undefined): T | undefined {
    return this.cache.remember(key, tables, read, (value) => value !== undefined);
  }

  /** The rowid of the last insert on this connection. */
  lastInsertRowId(): number {
    return Number(this.get<{ id: number }>('SELECT last_insert_rowid() AS id')?.id);
  }

  inTransaction<T>(work: () => T): T {
    const savepoint = `sp${this.depth}`;
    // Prepared once and reused like any other statement: exec() would parse them every time.
    this.run(this.depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
    this.depth += 1;
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.depth -= 1;
      if (this.depth === 0) this.run('ROLLBACK');
      else {
        this.run(`ROLLBACK TO ${savepoint}`);
        this.run(`RELEASE ${savepoint}`);
      }
      this.cache.rolledBack();
      if (this.depth === 0) this.cache.transactionEnded();
      throw error;
    }
    this.depth -= 1;
    this.run(this.depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`);
    if (this.depth === 0) {
      this.cache.transactionEnded();
      // Outside the try above: the transaction is over, so a failing listener (the --db file)
      // must not run the rollback path a second time.
      this.onCommit?.();
    }
    return result;
  }

  /** Runs a script of statements without parameters (schema set-up). */
  exec(sql: string): void {
    this.cache.forgetAll();
    this.db.exec(sql);
  }

  /** True while a transaction is open on this database. */
  isInTransaction(): boolean {
    return this.depth > 0;
  }

  /** The whole database as SQLite file bytes. sql.js reopens the database to export it. */
  export(): Uint8Array {
    if (this.depth > 0) throw new Error('cannot export a database in the middle of a transaction');
    this.freeStatements();
    const bytes = this.db.export();
    if (this.pragmas) this.db.exec(this.pragmas);
    return bytes;
  }

  /**
   * Puts the database back to an earlier image (a --db write that failed is undone this
   * way, so memory and file agree). Not inside a transaction.
   */
  replaceWith(image: Uint8Array): void {
    if (this.depth > 0) throw new Error('cannot replace a database in the middle of a transaction');
    if (!loadedEngine) throw new Error('the sql.js engine is not loaded');
    this.close();
    this.db = new loadedEngine.Database(image);
    if (this.pragmas) this.db.exec(this.pragmas);
    this.cache.forgetAll();
  }

  close(): void {
    this.freeStatements();
    this.db.close();
  }

  private withStatement<T>(sql: string, params: BindParams, use: (statement: Statement) => T): T {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql); // re-inserted below: the map's order is least recently used first
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= MAX_CACHED_STATEMENTS) {
        const [oldest, unused] = this.statements.entries().next().value as [string, Statement];
        unused.free();
        this.statements.delete(oldest);
      }
    }
    this.statements.set(sql, statement);
    try {
      statement.bind(params);
      return use(statement);
    } finally {
      statement.reset();
    }
  }

  private freeStatements(): void {
    for (const statement of this.statements.values()) statement.free();
    this.statements.clear();
  }
}
