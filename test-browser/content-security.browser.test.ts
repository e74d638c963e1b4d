/**
 * The pages run under a Content-Security-Policy that names their one script and one style
 * sheet by hash: in Chromium, neither is refused (no violation reported), the style applies,
 * and the script does its work (a wizard move is sent in place, without a navigation). A
 * change to either that forgot the policy would fail here rather than quietly fall back to
 * plain forms, which the acceptance suite would not notice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser/chromium';
import { RunningFake, startFake } from '../support/fake/fake-under-test';
import { DEMO, openDemoWizard } from './helpers/demo-console';

describe('the pages under their Content-Security-Policy', () => {
  let fake: RunningFake;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  before(async () => {
    fake = await startFake();
    const environmentId = await fake.registry.create(DEMO);
    browser = await launchChromium();
    page = await browser.newPage({ baseURL: fake.baseUrl, extraHTTPHeaders: { 'x-fake-environment': environmentId } });
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    // In the page (as text: this project's TypeScript has no DOM types).
    await page.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (event) => console.error('Content-Security-Policy: ' + event.violatedDirective));",
    });
  });

  after(async () => {
    await browser?.close();
    await fake?.stop();
  });

  it('sends the policy, and runs the pages own script and style with no violation', async () => {
    const answer = await page.goto('/sign-in');
    assert.match(answer?.headers()['content-security-policy'] ?? '', /script-src 'sha256-[^']+'/);
    await openDemoWizard(page);
    const styled = await page.evaluate<string>("getComputedStyle(document.querySelector('.skip')).position");
    assert.notEqual(styled, 'static', 'the style sheet applies (the skip link is positioned)');
    await page.evaluate('window.stillTheSameDocument = true');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { name: /Action Selection/ }).waitFor();
    assert.deepEqual(violations, []);
    assert.equal(
      await page.evaluate('window.stillTheSameDocument === true'),
      true,
      'the script sent Next in place, without loading a new document',
    );
  });
});
