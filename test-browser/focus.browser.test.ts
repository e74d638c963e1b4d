/**
 * After every move the page's script answers in place, the keyboard focus is somewhere a
 * person can see and use: an enabled control, the refusal, or the page's heading, never a
 * disabled button (focus on it is lost to the document) and never nothing. On Completing the
 * Manage RDS CALs Wizard, the Next just pressed is disabled: focus went nowhere before.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser/chromium';
import { RunningFake, startFake } from '../support/fake/fake-under-test';
import { DEMO_BY_TELEPHONE, openDemoWizard } from './helpers/demo-console';

/** What has the focus, as a person would describe it; "nothing" when it is on the document itself. Run in the page, as text: this project's TypeScript has no DOM types. */
const FOCUSED = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return { what: 'nothing', usable: false };
  const box = element.getBoundingClientRect();
  const visible = box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  const what = element.tagName.toLowerCase() + (element.getAttribute('name') ? ' ' + element.getAttribute('name') : '') + (element.value ? '=' + element.value : '');
  return { what, usable: visible && !element.disabled };
})()`;

describe('the keyboard focus after each move of the wizard', () => {
  let fake: RunningFake;
  let browser: Browser;
  let page: Page;
  let environmentId: string;

  before(async () => {
    fake = await startFake();
    environmentId = await fake.registry.create(DEMO_BY_TELEPHONE);
    browser = await launchChromium();
    page = await browser.newPage({ baseURL: fake.baseUrl, extraHTTPHeaders: { 'x-fake-environment': environmentId } });
  });

  after(async () => {
    await browser?.close();
    await fake?.stop();
  });

  it('is on a usable control or the heading on every page, Completing included', async () => {
    await page.goto('/sign-in');
    await openDemoWizard(page);
    const seen: string[] = [];
    // A choice is sent as it is made (the page is replaced in place): wait for it before the next key.
    const settled = () => page.locator('main[aria-busy="true"]').waitFor({ state: 'detached' });
    const press = async (name: string, next: RegExp) => {
      await settled();
      await page.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: next }).waitFor();
      await page.locator('main[aria-busy="true"]').waitFor({ state: 'detached' });
      const focused = await page.evaluate<{ what: string; usable: boolean }>(FOCUSED);
      seen.push(`${name} → ${focused.what}`);
      assert.ok(focused.usable, `after ${name}, on "${next.source}", the focus is on ${focused.what}, which a person cannot use`);
    };
    await press('Next', /Action Selection/);
    // One choice at a time, each answered before the next, as a person sees the page change: a
    // second choice sent before the first one's answer is drawn is refused as "page changed".
    await page.getByRole('radio', { name: 'Rebuild the license server database' }).check();
    await settled();
    await page.getByLabel('Reason for rebuilding the RD Licensing database').selectOption({ label: 'Other' });
    await press('Next', /Confirm Deletion/);
    await page.getByRole('checkbox', { name: 'Confirm deletion of RDS CALs currently installed on this license server' }).check();
    await press('Next', /Reinstalling RDS CALs/);
    await press('Next', /Obtain Client License Key Pack/);
    const environment = fake.registry.get(environmentId);
    const server = environment.snapshot('LS-CONTOSO').server;
    const granted = environment.clearinghouse.call({
      dialledNumber: environment.clearinghouse.telephoneNumberFor(server.countryRegion ?? '') ?? '',
      licenseServerId: server.licenseServerId ?? '',
      information: { program: 'enterpriseAgreement', agreementNumber: '4271956' },
    });
    const groups = granted.licenseKeyPackId.match(/.{1,5}/g) ?? [];
    for (const [index, group] of groups.entries()) {
      await page.getByRole('textbox', { name: `License key pack ID, box ${index + 1} of 7` }).fill(group);
    }
    // Leaving the seven boxes hands the ID to the wizard (sent in place), as a person moving on does.
    await page.getByRole('textbox', { name: 'License key pack ID, box 7 of 7' }).press('Tab');
    await press('Next', /Reinstalling Additional RDS CALs/);
    await page.getByRole('radio', { name: 'Finish rebuilding the RD Licensing database' }).check();
    await press('Next', /Completing the Manage RDS CALs Wizard/);
    assert.equal(seen.length, 6, seen.join('; '));
  });
});
