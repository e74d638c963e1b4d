/**
 * Wall times of whole cucumber-js runs: the runner's own floor on an empty feature, the
 * project's suite as `npm test` runs it, and a generated 500-scenario suite with and
 * without two parallel workers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUCUMBER, ROOT, medianWall } from './lib';

/** cucumber-js with no support code on one empty feature: what any suite costs at least. */
export function emptyRunFloor(runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'cucumber-floor-'));
  try {
    mkdirSync(join(dir, 'features'));
    writeFileSync(join(dir, 'features', 'empty.feature'), 'Feature: nothing\n');
    return medianWall([CUCUMBER, 'features'], runs, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The acceptance suite with the default profile (two workers, random order). */
export function suiteWall(runs: number): number {
  return medianWall([CUCUMBER, '--format', 'summary'], runs, ROOT);
}

/** The project's support code loaded, no scenario run: the start-up share of the suite. */
export function loadedNoScenarioWall(runs: number): number {
  return medianWall([CUCUMBER, '--dry-run', '--format', 'summary'], runs, ROOT);
}

/** Scenarios spread over feature files of ten, as a real suite is, each a full telephone rebuild. */
function generatedSuite(scenarios: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'generated-suite-'));
  for (let file = 0; file * 10 < scenarios; file += 1) {
    const rows = Array.from({ length: Math.min(10, scenarios - file * 10) }, (_, index) => {
      const run = file * 10 + index + 1;
      return `      | ${run} | ${String(4_000_000 + run)} | ${(run % 50) + 5} |`;
    });
    writeFileSync(
      join(dir, `generated-${String(file).padStart(3, '0')}.feature`),
      `Feature: generated load ${file} for the parallel benchmark

  Scenario Outline: rebuild number <run>
    Given the license server "LS-GEN" was activated for "United States"
    And its connection method is Telephone
    And its RD Licensing database holds these RDS CAL packs:
      | purchase                      | product version     | CAL type | CALs   | issued |
      | Enterprise Agreement <number> | Windows Server 2022 | Per User | <CALs> | 2      |
    When the administrator rebuilds the database by telephone, reinstalling every purchase
    Then the installed CALs equal the purchase records

    Examples:
      | run | number | CALs |
${rows.join('\n')}
`,
    );
  }
  return dir;
}

/** One run on one process against one with two workers, on the same generated suite. */
export function parallelSpeedUp(scenarios: number): { serialMs: number; parallelMs: number } {
  const dir = generatedSuite(scenarios);
  try {
    const base = [CUCUMBER, '--format', 'summary', '--order', 'defined', dir];
    const serialMs = medianWall([...base, '--parallel', '0'], 1, ROOT);
    const parallelMs = medianWall([...base, '--parallel', '2'], 1, ROOT);
    return { serialMs, parallelMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
