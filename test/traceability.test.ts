import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ScenarioResult } from '../reporting/messages';
import { runReportCli } from './helpers/report-cli';
import { PROCEDURE_PARTS, traceability } from '../reporting/traceability';

const passing = (name: string, tags: string[], attempts: ScenarioResult['attempts'] = ['PASSED']): ScenarioResult => ({
  name,
  uri: 'features/x.feature',
  line: 1,
  tags,
  attempts,
  status: attempts.at(-1) ?? 'UNKNOWN',
  pictures: [],
});

/** A minimal message stream: one scenario per tag list, each with one passing step. */
function messageStream(scenarios: { tags: string[]; status: string }[]): string {
  const lines: object[] = [];
  scenarios.forEach((scenario, index) => {
    lines.push({
      pickle: {
        id: `p${index}`,
        name: `scenario ${index}`,
        uri: 'features/x.feature',
        tags: scenario.tags.map((name) => ({ name: `@${name}` })),
        astNodeIds: [],
      },
    });
    lines.push({ testCase: { id: `c${index}`, pickleId: `p${index}` } });
    lines.push({ testCaseStarted: { id: `s${index}`, testCaseId: `c${index}`, attempt: 0 } });
    lines.push({ testStepFinished: { testCaseStartedId: `s${index}`, testStepResult: { status: scenario.status } } });
  });
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

describe('traceability', () => {
  const everyId = PROCEDURE_PARTS.map((part) => passing(part.id, [part.id]));

  it('verifies every part when each has a passing scenario', () => {
    const report = traceability(everyId);
    assert.deepEqual(report.unverified, []);
    assert.ok(report.rows.every((row) => row.verdict === 'verified'));
  });

  it('names a part whose only scenario lost its tag, and lists that scenario as tied to no part', () => {
    const report = traceability([...everyId.filter((result) => !result.tags.includes('step-3')), passing('untagged', ['wip-nothing'])]);
    assert.deepEqual(
      report.unverified.map((part) => part.id),
      ['step-3'],
    );
    assert.deepEqual(
      report.untagged.map((result) => result.name),
      ['untagged'],
    );
  });

  it('shows retries and judges by the last attempt', () => {
    const report = traceability([...everyId, passing('flaky', ['step-9'], ['FAILED', 'PASSED'])]);
    assert.equal(report.totals.retried, 1);
    assert.equal(report.rows.find((row) => row.part.id === 'step-9')?.verdict, 'verified');
  });

  it('npm run report exits 1 naming the part with no passing scenario', () => {
    const folder = mkdtempSync(join(tmpdir(), 'trace-'));
    try {
      const scenarios = PROCEDURE_PARTS.map((part) => ({ tags: [part.id], status: part.id === 'step-7' ? 'FAILED' : 'PASSED' }));
      writeFileSync(join(folder, 'messages.ndjson'), messageStream(scenarios));
      const run = runReportCli(['--drivers', 'api', '--messages', join(folder, 'messages.ndjson'), '--out', folder]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /No passing scenario for: step-7/);
      assert.match(readFileSync(join(folder, 'traceability.md'), 'utf8'), /`step-7`.*not verified/);
      assert.match(readFileSync(join(folder, 'traceability.html'), 'utf8'), /data-unverified="step-7"/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names a part verified through the API but not through the browser, and counts API-only scenarios apart', () => {
    const folder = mkdtempSync(join(tmpdir(), 'trace-'));
    try {
      const all = PROCEDURE_PARTS.map((part) => ({ tags: [part.id], status: 'PASSED' }));
      writeFileSync(join(folder, 'api.ndjson'), messageStream([...all, { tags: ['step-9', 'api-only'], status: 'PASSED' }]));
      writeFileSync(join(folder, 'browser.ndjson'), messageStream(all.filter((scenario) => !scenario.tags.includes('step-10'))));
      const run = runReportCli([
        '--messages',
        join(folder, 'api.ndjson'),
        '--browser-messages',
        join(folder, 'browser.ndjson'),
        '--out',
        folder,
      ]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /No passing scenario for: step-10 \(not through browser\)/);
      const html = readFileSync(join(folder, 'traceability.html'), 'utf8');
      assert.match(html, /data-procedure-id="step-10" data-verdict="not verified"/);
      assert.match(html, /data-procedure-id="step-9" data-verdict="verified"/);
      assert.match(html, /1 scenarios run through the API only/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
