/**
 * The bugs of tools/seeded-bugs/ (the kinds a green report once hid, issue 23) stay seedable: each
 * patch still applies to the fake as it is, so `bash tools/seeded-bugs/run.sh` keeps proving that
 * the suite catches them after the fake's code moves. (Running them is that script's work: it
 * takes minutes, this takes milliseconds.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..');
const FOLDER = join(ROOT, 'tools', 'seeded-bugs');
const patches = readdirSync(FOLDER).filter((name) => name.endsWith('.patch'));

describe('the seeded bugs of tools/seeded-bugs/', () => {
  it('are there', () => assert.ok(patches.length >= 4, `only ${patches.length} patches`));

  for (const patch of patches) {
    it(`${patch} still applies to the fake`, () => {
      const check = spawnSync('git', ['apply', '--check', join(FOLDER, patch)], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(check.status, 0, `${patch} no longer applies; make it again against the code it seeds: ${check.stderr}`);
    });
  }
});
