/**
 * A sentence that serves as a Given and as a Then sets up in the one and only checks in the
 * other: "Then the clock reads …" used to set the clock, so it passed whatever the clock read.
 * Run through cucumber on a scenario whose Then must fail, and on one whose Then must pass.
 * Here, with the checks that run after the suites one at a time, rather than in test/: its two
 * cucumber processes, run beside test/hostile-clients.test.ts, made that test's event-loop
 * measurement (under 100 ms asserted) reach 105 to 117 ms on a fresh clone.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..');

function runScenario(then: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rdl-outcome-'));
  try {
    const feature = join(dir, 'clock.feature');
    writeFileSync(
      feature,
      `Feature: reading the clock
  Scenario: a Then reads the clock
    Given the clock reads "2026-03-02T09:00:00Z"
    When 5 minutes pass
    ${then}
`,
    );
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--profile', 'bare', '--format', 'summary', feature],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a Then only checks', () => {
  it('"Then the clock reads …" fails when the clock reads otherwise, and sets nothing', () => {
    const wrong = runScenario('Then the clock reads "2026-03-02T09:00:00Z"');
    assert.equal(wrong.status, 1, wrong.output);
    assert.match(wrong.output, /what the clock reads/);
  });

  it('"Then the clock reads …" passes when it does', () => {
    const right = runScenario('Then the clock reads "2026-03-02T09:05:00Z"');
    assert.equal(right.status, 0, right.output);
  });
});
