/**
 * The README is the front door: short, every link in it and in docs/ leads somewhere, and the
 * first scenario it shows passes as written (run here with cucumber, so the example cannot rot
 * while the sentences it uses change), and the commands it gives to run one file name a scenario.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MOST_LINES = 250;

/** The Markdown files a reader is sent to: the README and every guide in docs/. */
const guides = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
];

describe('the README', () => {
  it(`is at most ${MOST_LINES} lines: guides live in docs/`, () => {
    const lines = README.split('\n').length;
    assert.ok(lines <= MOST_LINES, `README.md has ${lines} lines`);
  });

  it('and the guides in docs/ link only to files that exist', () => {
    const broken = guides.flatMap((guide) => {
      // Code (fenced or inline) is not a link, whatever brackets it holds.
      const text = readFileSync(join(ROOT, guide), 'utf8').replace(/```[\s\S]*?```|`[^`\n]*`/g, '');
      return [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
        .map((match) => match[1] ?? '')
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(join(ROOT, dirname(guide), target)))
        .map((target) => `${guide} -> ${target}`);
    });
    assert.deepEqual(broken, []);
  });

  it('names a scenario in each command that runs one by its line', () => {
    for (const [, file, line] of README.matchAll(/npx cucumber-js .*?(features\/[\w./-]+\.feature):(\d+)/g)) {
      const text = readFileSync(join(ROOT, file ?? ''), 'utf8').split('\n')[Number(line) - 1] ?? '';
      assert.match(text, /^\s*Scenario( Outline)?:/, `${file}:${line} is not a scenario's line`);
    }
  });

  describe('its first scenario', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rdl-readme-'));
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('passes over the API as it is written', () => {
      const gherkin = /```gherkin\n([\s\S]*?)```/.exec(README)?.[1];
      assert.ok(gherkin, 'the README shows no scenario');
      const feature = join(folder, 'first.feature');
      writeFileSync(feature, `Feature: The README's first scenario\n${gherkin}`);
      const run = spawnSync('npx', ['cucumber-js', '--profile', 'bare', '--format', 'summary', feature], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /1 scenario \(1 passed\)/);
    });
  });
});
