/**
 * The evidence a reviewer opens: after npm test's two profiles, the reports stay small enough
 * to open and to keep on every build, and every file a scenario links is there. And a browser
 * step that fails carries a picture of the page as it was when it failed: checked by running
 * a scenario that must fail, through the pages, into a folder of its own.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readScenarioResults } from '../reporting/messages';

const ROOT = join(__dirname, '..');
const REPORTS = join(ROOT, 'reports');
const MB = 1024 * 1024;

function sizeOf(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0) : stat.size;
}

describe('the evidence beside the reports', () => {
  // The limits were set for the suite of 2026-12 (361 scenario runs: 23 MB in all, 3.3 MB for the
  // larger cucumber.html) and grow with the suite, so that adding scenarios never breaks the build
  // on the reports' weight, while inlining pictures again (67 MB) still does. The pictures in a
  // palette (support/evidence/smaller-picture.ts) brought 439 runs from 28 MB to about 23: the
  // limit came down to 20 MB for 361 runs, so that pictures kept as Chromium draws them fail it.
  it('is small enough to open and keep: cucumber.html under 10 MB, all reports under 20 MB (for 361 scenario runs)', () => {
    let runs = 0;
    for (const folder of ['', 'browser']) {
      const html = join(REPORTS, folder, 'cucumber.html');
      assert.ok(existsSync(html), `${html} is missing: run npm test's profiles first`);
      const scenarios = readScenarioResults(join(REPORTS, folder, 'messages.ndjson')).length;
      runs += scenarios;
      const limit = 10 * MB * Math.max(1, scenarios / 203);
      assert.ok(sizeOf(html) < limit, `${html} weighs ${(sizeOf(html) / MB).toFixed(1)} MB, over ${(limit / MB).toFixed(1)} MB`);
    }
    const limit = 20 * MB * Math.max(1, runs / 361);
    assert.ok(sizeOf(REPORTS) < limit, `reports/ weighs ${(sizeOf(REPORTS) / MB).toFixed(1)} MB, over ${(limit / MB).toFixed(1)} MB`);
  });

  it('holds every file the last runs link, and no other', () => {
    for (const folder of [REPORTS, join(REPORTS, 'browser')]) {
      const linked = readFileSync(join(folder, 'linked-files.txt'), 'utf8').split('\n').filter(Boolean);
      assert.ok(linked.length > 0, `${folder}: no scenario linked any evidence`);
      for (const file of linked) assert.ok(existsSync(join(folder, file)), `${folder}: ${file} is linked but missing`);
      for (const sub of ['evidence', 'pages'].filter((name) => existsSync(join(folder, name)))) {
        for (const entry of readdirSync(join(folder, sub)))
          assert.ok(linked.includes(`${sub}/${entry}`), `${folder}: ${sub}/${entry} is linked by no scenario`);
      }
    }
  });

  it('a browser step that fails carries a picture of the page it failed on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdl-failing-'));
    try {
      const feature = join(dir, 'failing.feature');
      writeFileSync(
        feature,
        `Feature: a check that cannot hold
  Scenario: the wizard opens on the Welcome page, not on Action Selection
    Given the license server "LS-CONTOSO" was activated for "United States"
    And its connection method is Telephone
    When the administrator opens the Manage RDS CALs Wizard on "LS-CONTOSO"
    Then the wizard shows the "Action Selection" page
`,
      );
      const stream = join(dir, 'messages.ndjson');
      const run = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'),
          '--profile',
          'bare',
          // The browser profile's glue on top of the bare profile's (cucumber adds a --require to the profile's).
          '--require',
          'support/glue/browser/*.ts',
          '--world-parameters',
          JSON.stringify({ reportFolder: dir }),
          '--format',
          `message:${stream}`,
          feature,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
      );
      assert.equal(run.status, 1, `the scenario was expected to fail: ${run.stdout}${run.stderr}`);
      const [result] = readScenarioResults(stream);
      assert.equal(result?.status, 'FAILED');
      const failed = result?.pictures.find((picture) => picture.fileName.startsWith('failed-'));
      assert.ok(failed, `no picture of the failure among ${result?.pictures.map((picture) => picture.fileName).join(', ')}`);
      assert.match(failed.fileName, /^failed-the-wizard-shows-the-action-selection-page-[0-9a-f]{12}\.png$/);
      assert.deepEqual([...readFileSync(failed.file).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'the picture is not a PNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
