/** Which Chromium the browser profile can use where: the npm-shipped fallback is a Linux x64 build only. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledChromiumUnavailable } from '../support/browser/chromium';

describe('the bundled Chromium fallback', () => {
  it('is offered on Linux x64', () => {
    assert.equal(bundledChromiumUnavailable('linux', 'x64'), undefined);
  });

  it('elsewhere, stops the run with one sentence that says to set CHROMIUM_PATH', () => {
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['win32', 'x64'],
      ['linux', 'arm64'],
    ] as const) {
      const sentence = bundledChromiumUnavailable(platform, arch) ?? '';
      assert.match(
        sentence,
        new RegExp(`Linux x64 only \\(this is ${platform} ${arch}\\); set CHROMIUM_PATH to a Chromium or Chrome executable\\.$`),
      );
      assert.doesNotMatch(sentence, /\.\s/, 'more than one sentence');
    }
  });
});
