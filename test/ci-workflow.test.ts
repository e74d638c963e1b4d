/**
 * The CI workflow a team copies is the one this project keeps: docs/reports-and-ci.md shows
 * .github/workflows/acceptance.yml in full, and the workflow's browser shards are exactly the
 * streams its report job merges (a shard left out of the report would leave its scenarios unjudged).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const WORKFLOW = readFileSync(join(ROOT, '.github', 'workflows', 'acceptance.yml'), 'utf8');

interface Workflow {
  jobs: Record<string, { strategy?: { matrix?: { shard?: number[] } }; steps: { run?: string }[] }>;
}

describe('the CI workflow', () => {
  it('is shown in docs/reports-and-ci.md exactly as it is', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'reports-and-ci.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
    assert.ok(blocks.includes(WORKFLOW), 'no yaml block of docs/reports-and-ci.md is .github/workflows/acceptance.yml as it stands');
  });

  it('reports on every browser shard it runs, and runs every profile', () => {
    const workflow = parse(WORKFLOW) as Workflow;
    const shards = workflow.jobs.browser?.strategy?.matrix?.shard ?? [];
    assert.ok(shards.length >= 2, 'the browser profile is not split across jobs');
    const runs = (job: string) => (workflow.jobs[job]?.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));
    assert.ok(runs('browser').some((run) => run.includes(`--shard \${{ matrix.shard }}/${shards.length}`)));
    const report = runs('report').find((run) => run.startsWith('npm run report')) ?? '';
    const merged = [...report.matchAll(/--browser-messages reports\/shards\/browser-(\d+)\/messages\.ndjson/g)].map((match) =>
      Number(match[1]),
    );
    assert.deepEqual(merged, shards, 'the report job merges other browser streams than the shards run');
    for (const script of ['typecheck', 'test:unit', 'test:acceptance']) {
      assert.ok(runs('api').includes(`npm run ${script}`), `the api job does not run npm run ${script}`);
    }
  });
});
