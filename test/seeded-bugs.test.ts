/**
 * The bugs of tools/seeded-bugs/ (the kinds a green report once hid, issue 23, and issue 28's
 * sweep in tools/seeded-bugs/issue-28/) stay seedable: each patch still applies to the fake as it
 * is, so `bash tools/seeded-bugs/run.sh` and `bash tools/seeded-bugs/run-issue-28.sh` keep proving
 * that the checks catch them after the fake's code moves; and each of issue 28's names the checks
 * that must catch it, with files that exist. (Running them is those scripts' work: it takes
 * minutes, this takes milliseconds.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..');
const FOLDER = join(ROOT, 'tools', 'seeded-bugs');
const ISSUE_28 = join(FOLDER, 'issue-28');
const patchesIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.patch'));

function stillApplies(folder: string, patch: string): void {
  const check = spawnSync('git', ['apply', '--check', join(folder, patch)], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(check.status, 0, `${patch} no longer applies; make it again against the code it seeds: ${check.stderr}`);
}

describe('the seeded bugs of tools/seeded-bugs/', () => {
  const patches = patchesIn(FOLDER);
  it('are there', () => assert.ok(patches.length >= 4, `only ${patches.length} patches`));

  for (const patch of patches) {
    it(`${patch} still applies to the fake`, () => stillApplies(FOLDER, patch));
  }
});

describe("issue 28's sweep, tools/seeded-bugs/issue-28/", () => {
  const patches = patchesIn(ISSUE_28);
  it('has the kinds of bug the issue lists', () => assert.ok(patches.length >= 25, `only ${patches.length} patches`));

  for (const patch of patches) {
    it(`${patch} still applies to the fake, says what it seeds and names checks that exist`, () => {
      stillApplies(ISSUE_28, patch);
      const text = readFileSync(join(ISSUE_28, patch), 'utf8');
      assert.match(text, /^bug: \S.+\n/, 'its first line says the bug in words');
      const checks = [...text.matchAll(/^check: (\S+) (.+)$/gm)];
      assert.ok(checks.length > 0, 'it names no check');
      for (const [, profile = '', files = ''] of checks) {
        assert.ok(['node', 'bare', 'browser'].includes(profile), `unknown profile "${profile}"`);
        for (const file of files.split(/\s+/)) {
          assert.ok(existsSync(join(ROOT, file.replace(/:\d+$/, ''))), `${file} does not exist`);
        }
      }
      const seeded = [...text.matchAll(/^diff --git a\/(\S+)/gm)].map(([, path = '']) => path);
      assert.ok(
        seeded.length > 0 && seeded.every((path) => path.startsWith('fake-server/')),
        `it seeds ${seeded.join(', ')}: the fake only`,
      );
    });
  }
});
