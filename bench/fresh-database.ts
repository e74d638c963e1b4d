/** How long a scenario's fresh environment takes to build: from the cached schema image, or from CREATE statements. */
import { Bench } from 'tinybench';
import { createEnvironment } from '../fake-server/environment';
import { LICENSE_SERVER_SCHEMA, CLEARINGHOUSE_SCHEMA } from '../fake-server/persistence/schema';
import { loadSqlEngine } from '../fake-server/persistence/sql-database';

export async function freshDatabaseMedians(): Promise<{ fromImageMs: number; fromSchemaMs: number }> {
  const SQL = await loadSqlEngine();
  (await createEnvironment()).close();
  const bench = new Bench({ time: 1000 });
  bench
    .add('from cached image', async () => {
      (await createEnvironment()).close();
    })
    .add('from CREATE statements', () => {
      for (const schema of [LICENSE_SERVER_SCHEMA, CLEARINGHOUSE_SCHEMA]) {
        const db = new SQL.Database();
        db.exec(schema);
        db.close();
      }
    });
  await bench.run();
  const medianOf = (name: string) => {
    const result = bench.getTask(name)?.result;
    if (!result || !('latency' in result)) throw new Error(`no result for ${name}`);
    return result.latency.p50 ?? Number.NaN;
  };
  return { fromImageMs: medianOf('from cached image'), fromSchemaMs: medianOf('from CREATE statements') };
}
