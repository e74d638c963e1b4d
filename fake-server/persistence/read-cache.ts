/**
 * Reads remembered until a table they depend on is written. The fake answers many more
 * reads than writes (every scenario checks the database before and after each refusal),
 * and each read through sql.js crosses into WebAssembly; a remembered read does not.
 *
 * Correctness rests on two rules: every remembered read names the tables it reads, and
 * every write goes through SqlDatabase.run (which names the table it writes) or exec
 * (which forgets everything). A rolled-back transaction counts as a write to every table
 * it touched.
 */
export class ReadCache {
  private readonly versions = new Map<string, number>();
  private readonly touchedInTransaction = new Set<string>();
  private readonly entries = new Map<string, { stamp: string; value: unknown }>();

  /** A statement wrote this table (inside or outside a transaction). */
  written(table: string, inTransaction: boolean): void {
    this.versions.set(table, (this.versions.get(table) ?? 0) + 1);
    if (inTransaction) this.touchedInTransaction.add(table);
  }

  /** A rollback: what the transaction wrote is back as it was, so reads of those tables are stale. */
  rolledBack(): void {
    for (const table of this.touchedInTransaction) this.written(table, false);
  }

  /** The outermost transaction ended. */
  transactionEnded(): void {
    this.touchedInTransaction.clear();
  }

  /** Schema changes and anything else not attributable to one table. */
  forgetAll(): void {
    // Dropping the entries, not stamping a generation: a generation counter could go either
    // way (+= or -=) and stay correct, so no test could tell a mistake in it from the real thing.
    this.entries.clear();
  }

  /** The value of `read`, remembered while none of `tables` is written. Callers must not mutate it. */
  remember<T>(key: string, tables: readonly string[], read: () => T, worthKeeping: (value: T) => boolean = () => true): T {
    const stamp = tables.map((table) => this.versions.get(table) ?? 0).join(',');
    const known = this.entries.get(key);
    if (known && known.stamp === stamp) return known.value as T;
    const value = read();
    if (!worthKeeping(value)) return value;
    if (this.entries.size > 1000) this.entries.clear();
    this.entries.set(key, { stamp, value });
    return value;
  }
}
