/**
 * What a person reads when running the suite from a pipe (CI logs, `| tee`): the default profile
 * gives the progress dots rather than refusing its progress bar, and a scenario that fails after a
 * refused attempt reports its one failure, not a second one about the refusal no step checked.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..');

/** Runs cucumber-js on one feature written for the test, output piped (not a terminal). */
function runFeature(feature: string, args: string[] = []): { status: number | null; output: string } {
  const folder = mkdtempSync(join(tmpdir(), 'run-output-'));
  try {
    const file = join(folder, 'one.feature');
    writeFileSync(file, feature);
    const run = spawnSync(process.execPath, ['node_modules/.bin/cucumber-js', ...args, file], { cwd: ROOT, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const REFUSED_THEN_WRONG = `Feature: a refused attempt, then a check that fails
  Scenario: the wizard is open already
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    And the administrator has opened the Manage RDS CALs Wizard
    When the administrator tries to open the Manage RDS CALs Wizard
    Then the wizard shows the "Confirm Deletion of RDS CALs" page
`;

describe('the output of a run', () => {
  it('uses the progress dots, not the progress bar, when the output is not a terminal', () => {
    const run = runFeature(REFUSED_THEN_WRONG.replace(/\n {4}Then .*\n$/, '\n    Then it is refused as "wizard already open"\n'));
    assert.equal(run.status, 0, run.output);
    assert.doesNotMatch(run.output, /progress-bar/);
    assert.match(run.output, /^\.{5,}$/m, run.output);
  });

  it('reports only the failure of the step when a scenario fails after a refused attempt', () => {
    const run = runFeature(REFUSED_THEN_WRONG, ['--format', 'summary']);
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, /Confirm Deletion of RDS CALs/);
    assert.doesNotMatch(run.output, /no step checked the refusal/);
    assert.match(run.output, /1 scenario \(1 failed\)/);
  });

  it('still fails a scenario whose steps all passed but whose refusal no step checked', () => {
    const run = runFeature(REFUSED_THEN_WRONG.replace(/\n {4}Then .*\n$/, '\n'), ['--format', 'summary']);
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, /no step checked the refusal/);
  });
});
