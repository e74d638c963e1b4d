/**
 * The CI workflow a team copies is the one this project keeps, and it runs what `npm test` runs:
 * every command of package.json's test script appears among the workflow's run steps, either as
 * it stands (with arguments added, such as a browser shard) or through the commands of the npm
 * script it names. And the workflow's browser shards are exactly the streams its report job merges
 * (a shard left out of the report would leave its scenarios unjudged).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const WORKFLOW = readFileSync(join(ROOT, '.github', 'workflows', 'acceptance.yml'), 'utf8');
const SCRIPTS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Job {
  strategy?: { matrix?: { shard?: number[]; node?: number[] } };
  steps: { run?: string; with?: { 'node-version'?: string | number } }[];
}
interface Workflow {
  jobs: Record<string, Job>;
}

const workflow = parse(WORKFLOW) as Workflow;
const runsOf = (job: Job | undefined): string[] => (job?.steps ?? []).flatMap((step) => (step.run ? [step.run.trim()] : []));
/** Every run step of every job, `npx ` taken off: `npx cucumber-js` runs what a script's `cucumber-js` does. */
const ALL_RUNS = Object.values(workflow.jobs)
  .flatMap(runsOf)
  .map((run) => run.replace(/^npx /, ''));

/** The commands of a script that the workflow runs neither as they stand nor through their parts. */
function notRun(command: string): string[] {
  const covered = ALL_RUNS.some((run) => run === command || run.startsWith(`${command} `));
  if (covered) return [];
  const script = /^npm run ([\w:-]+)$/.exec(command)?.[1];
  const body = script === undefined ? undefined : SCRIPTS[script];
  if (body === undefined) return [command];
  return body.split('&&').flatMap((part) => notRun(part.trim()));
}

describe('the CI workflow', () => {
  it('runs every command npm test runs', () => {
    const test = SCRIPTS.test;
    assert.ok(test, 'package.json has no test script');
    const missing = test.split('&&').flatMap((command) => notRun(command.trim()));
    assert.deepEqual(missing, [], 'commands of npm test that .github/workflows/acceptance.yml does not run');
  });

  it('runs on the Node.js LTS lines 22 and 24, in every job', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      assert.deepEqual(job.strategy?.matrix?.node, [22, 24], `the ${name} job does not run on Node.js 22 and 24`);
      const versions = job.steps.flatMap((step) => (step.with?.['node-version'] === undefined ? [] : [String(step.with['node-version'])]));
      assert.deepEqual(versions, ['${{ matrix.node }}'], `the ${name} job does not set up the Node.js of its matrix`);
    }
  });

  it('reports on every browser shard it runs', () => {
    const shards = workflow.jobs.browser?.strategy?.matrix?.shard ?? [];
    assert.ok(shards.length >= 2, 'the browser profile is not split across jobs');
    assert.ok(runsOf(workflow.jobs.browser).some((run) => run.includes(`--shard \${{ matrix.shard }}/${shards.length}`)));
    const report = runsOf(workflow.jobs.report).find((run) => run.startsWith('npm run report')) ?? '';
    const merged = [
      ...report.matchAll(/--browser-messages reports\/shards\/browser-node-\$\{\{ matrix\.node \}\}-(\d+)\/messages\.ndjson/g),
    ].map((match) => Number(match[1]));
    assert.deepEqual(merged, shards, 'the report job merges other browser streams than the shards run');
  });
});
