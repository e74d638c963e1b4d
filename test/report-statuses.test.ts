/**
 * The traceability report read against Cucumber's own compatibility kit: the message streams
 * Cucumber's implementations are held to, covering every status, hooks, retries, rules and
 * attachments. Each scenario's status must be the one Cucumber's own query library (the one its
 * formatters use) gives; every status is named as Cucumber names it; a run whose BeforeAll or
 * AfterAll hook failed, or that an error stopped, verifies nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as messages from '@cucumber/messages';
import { Query } from '@cucumber/query';
import { traceabilityByDriver } from '../reporting/by-driver';
import { ScenarioResult, Status, readRunFailures, readScenarioResults } from '../reporting/messages';
import { renderHtml } from '../reporting/render-html';
import { renderMarkdown } from '../reporting/render-markdown';
import { PROCEDURE_PARTS, traceability } from '../reporting/traceability';
import { runReportCli } from './helpers/report-cli';

const KIT = join(__dirname, '..', 'node_modules', '@cucumber', 'compatibility-kit', 'features');
const SAMPLES = readdirSync(KIT).sort();
const streamOf = (sample: string) => join(KIT, sample, `${sample}.ndjson`);

/** What Cucumber's query library says of a stream: each scenario's final status, and the run-level failures. */
function cucumberSays(sample: string): { scenarios: string[]; runFailures: number } {
  const query = new Query();
  for (const line of readFileSync(streamOf(sample), 'utf8').split('\n')) {
    if (line.trim() !== '') query.update(JSON.parse(line) as messages.Envelope);
  }
  const finished = new Set(query.findAllTestCaseFinished().map((testCaseFinished) => testCaseFinished.testCaseStartedId));
  const last = new Map<string, messages.TestCaseStarted>();
  for (const started of query.findAllTestCaseStarted()) {
    const earlier = last.get(started.testCaseId);
    if (!earlier || earlier.attempt < started.attempt) last.set(started.testCaseId, started);
  }
  const scenarios = [...last.values()].map((started) => {
    const worst = query.findMostSevereTestStepResultBy(started)?.status as Status | undefined;
    // Cucumber counts a scenario with no steps as passed.
    return `${query.findPickleBy(started)?.name} ${worst ?? (finished.has(started.id) ? 'PASSED' : 'UNKNOWN')}`;
  });
  const hooksFailed = query.findAllTestRunHookFinished().filter((hook) => hook.result.status !== 'PASSED').length;
  const stopped = query.findTestRunFinished()?.exception ? 1 : 0;
  return { scenarios, runFailures: hooksFailed + stopped };
}

/** The report's scenarios that ran (a pickle whose run a BeforeAll hook stopped has no attempt). */
const started = (results: ScenarioResult[]) => results.filter((result) => result.attempts.length > 0);

describe('the traceability report on Cucumber compatibility kit streams', () => {
  it(`reads all ${SAMPLES.length} streams and renders both pages without an error`, () => {
    assert.ok(SAMPLES.length >= 40, `only ${SAMPLES.length} samples found in ${KIT}`);
    for (const sample of SAMPLES) {
      const results = readScenarioResults(streamOf(sample));
      const report = traceabilityByDriver({ api: results }, { api: readRunFailures(streamOf(sample)) });
      assert.ok(renderMarkdown(report).length > 0, sample);
      assert.ok(renderHtml(report, new Date(0)).length > 0, sample);
    }
  });

  it('gives every scenario the status Cucumber gives it, and finds every run-level failure', () => {
    for (const sample of SAMPLES) {
      const cucumber = cucumberSays(sample);
      const ours = started(readScenarioResults(streamOf(sample))).map((result) => `${result.name} ${result.status}`);
      assert.deepEqual(ours.sort(), cucumber.scenarios.sort(), sample);
      assert.equal(readRunFailures(streamOf(sample)).length, cucumber.runFailures, sample);
    }
  });

  it('names each status in the totals, per part and per scenario, as Cucumber does', () => {
    const part = PROCEDURE_PARTS[0]?.id ?? '';
    const results = readScenarioResults(streamOf('all-statuses')).map((result) => ({ ...result, tags: [part] }));
    const report = traceabilityByDriver({ api: results });
    const markdown = renderMarkdown(report);
    assert.match(markdown, /API: 6 scenarios \(1 failed, 1 ambiguous, 1 undefined, 1 pending, 1 skipped, 1 passed\), 0 retried/);
    assert.match(
      markdown,
      new RegExp(`\`${part}\`.*1/6 ❌ failing \\(1 failed, 1 ambiguous, 1 undefined, 1 pending, 1 skipped, 1 passed\\)`),
    );
    for (const [word, name] of [
      ['pending', 'Pending'],
      ['skipped', 'Skipped'],
      ['undefined', 'Undefined'],
      ['ambiguous', 'Ambiguous'],
      ['failed', 'Failing'],
      ['passed', 'Passing'],
    ]) {
      assert.match(markdown, new RegExp(`- \\S+ ${word} \\[API\\] ${name} —`), `the ${name} scenario is not shown as ${word}`);
    }
    const html = renderHtml(report, new Date(0));
    assert.match(html, /data-status="PENDING"><strong>pending<\/strong>/);
    assert.match(html, /1 failed, 1 ambiguous, 1 undefined, 1 pending, 1 skipped, 1 passed/);
  });

  it('counts a scenario with no steps as passed', () => {
    assert.deepEqual(
      readScenarioResults(streamOf('empty')).map((result) => result.status),
      ['PASSED'],
    );
  });

  it('counts retries and judges by the last attempt', () => {
    const results = readScenarioResults(streamOf('retry'));
    const report = traceability(results);
    assert.equal(report.totals.retried, results.filter((result) => result.attempts.length > 1).length);
    assert.ok(report.totals.retried >= 2, `only ${report.totals.retried} scenarios retried in the kit's retry sample`);
    for (const result of results) assert.equal(result.status, result.attempts.at(-1));
  });

  it('fails the verdict of a run whose AfterAll or BeforeAll hook failed, or that an error stopped, naming why', () => {
    const part = PROCEDURE_PARTS[0]?.id ?? '';
    const cases = [
      ['global-hooks-afterall-error', /^the AfterAll hook \(.+:\d+\) failed: AfterAll hook went wrong$/],
      ['global-hooks-beforeall-error', /^the BeforeAll hook \(.+:\d+\) failed: BeforeAll hook went wrong$/],
      ['test-run-exception', /^the run stopped: Whoops!$/],
    ] as const;
    for (const [sample, why] of cases) {
      const failures = readRunFailures(streamOf(sample));
      assert.equal(failures.length, 1, `${sample}: ${failures.join('; ')}`);
      assert.match(failures[0] ?? '', why);
      // As if every scenario the stream ran had verified the part (a BeforeAll failure runs none).
      const passed = readScenarioResults(streamOf(sample)).map((result) => ({ ...result, tags: [part], status: 'PASSED' as const }));
      assert.notEqual(traceability(passed, failures).rows[0]?.verdict, 'verified', sample);
      assert.match(renderMarkdown(traceabilityByDriver({ api: passed }, { api: failures })), /The run failed outside its scenarios/);
    }
    // The AfterAll sample's scenario passed: without its run-level failure the part would be verified.
    const afterAll = readScenarioResults(streamOf('global-hooks-afterall-error')).map((result) => ({ ...result, tags: [part] }));
    const failures = readRunFailures(streamOf('global-hooks-afterall-error'));
    assert.equal(traceability(afterAll).rows[0]?.verdict, 'verified');
    assert.equal(traceability(afterAll, failures).rows[0]?.verdict, 'failing');
  });

  it('npm run report exits 1 naming the hook, when the run failed outside its scenarios', () => {
    const folder = mkdtempSync(join(tmpdir(), 'trace-'));
    try {
      const run = runReportCli(['--drivers', 'api', '--messages', streamOf('global-hooks-afterall-error'), '--out', folder]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(
        run.stderr,
        /The run failed outside its scenarios, so it verifies nothing: API: the AfterAll hook .* AfterAll hook went wrong/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
