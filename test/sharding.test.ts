/**
 * A suite split across CI jobs (cucumber's --shard) and merged by `npm run report` gives the
 * verdicts of the same suite run in one job: proven here by running the API features both
 * ways, as two CI jobs would, and comparing. Each run is its own cucumber process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { traceabilityByDriver } from '../reporting/by-driver';
import { readScenarioResults, readShardedResults } from '../reporting/messages';
import { runReportCli } from './helpers/report-cli';

const folder = mkdtempSync(join(tmpdir(), 'rdl-shards-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the API features (all, one shard, or the paths given) and resolves with the message stream's path. */
function runCucumber(name: string, shard?: string, paths: string[] = []): Promise<string> {
  const stream = join(folder, `${name}.ndjson`);
  const args = ['cucumber-js', '--profile', 'bare', '--format', `message:${stream}`, ...(shard ? ['--shard', shard] : []), ...paths];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stream) : reject(new Error(`cucumber-js ${args.join(' ')} exited ${code}: ${errors}`)),
    );
  });
}

const verdicts = (report: ReturnType<typeof traceabilityByDriver>) =>
  report.rows.map((row) => [row.part.id, row.verdict, row.byDriver.api?.passed]);

describe('a suite split into shards', () => {
  const runs = Promise.all([runCucumber('whole'), runCucumber('shard-1', '1/2'), runCucumber('shard-2', '2/2')]);

  it('runs each scenario in exactly one shard, and the union is the whole suite', async () => {
    const [whole, first, second] = await runs;
    const key = (result: { uri: string; line: number }) => `${result.uri}:${result.line}`;
    const shardKeys = [...readScenarioResults(first), ...readScenarioResults(second)].map(key);
    assert.equal(new Set(shardKeys).size, shardKeys.length, 'a scenario ran in both shards');
    assert.deepEqual(new Set(shardKeys), new Set(readScenarioResults(whole).map(key)));
    assert.ok(readScenarioResults(first).length > 0 && readScenarioResults(second).length > 0, 'a shard ran nothing');
  });

  it('merged, gives the verdicts of the unsharded run for every part of the procedure', async () => {
    const [whole, first, second] = await runs;
    const unsharded = traceabilityByDriver({ api: readScenarioResults(whole) });
    const merged = traceabilityByDriver({ api: readShardedResults([first, second]) });
    assert.deepEqual(verdicts(merged), verdicts(unsharded));
    assert.deepEqual(merged.unverified, []);
  });

  it('npm run report takes one --messages per shard, and fails naming each part the union leaves unverified', async () => {
    const [, first, second] = await runs;
    const caution = await runCucumber('caution-only', undefined, ['features/caution.feature']);
    const report = (...streams: string[]) =>
      runReportCli(['--drivers', 'api', '--out', join(folder, 'out'), ...streams.flatMap((stream) => ['--messages', stream])]);
    const both = report(first, second);
    assert.equal(both.status, 0, both.stderr);
    assert.match(both.stdout, /16 of 16 parts of the procedure verified/);
    const partial = report(caution);
    assert.equal(partial.status, 1);
    const unverified = traceabilityByDriver({ api: readScenarioResults(caution) }).unverified.map((entry) => entry.part.id);
    assert.equal(unverified.length, 15, 'the caution feature verifies only the caution');
    for (const id of unverified) assert.match(partial.stderr, new RegExp(`(^|[ ,])${id} \\(`));
    assert.doesNotMatch(partial.stderr, /\bcaution \(/);
  });
});
