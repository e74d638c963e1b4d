/**
 * The pages work with JavaScript switched off: a whole telephone rebuild of the demo server
 * done with plain forms (post, then redirect), as a person with scripts disabled would,
 * and the database checked afterwards. The acceptance suite's browser profile runs with
 * scripts on (choices are then sent as they are made); this is the other half.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser/chromium';
import { RunningFake, startFake } from '../support/fake/fake-under-test';
import { DEMO_BY_TELEPHONE } from './helpers/demo-console';

describe('the pages without JavaScript', () => {
  let fake: RunningFake;
  let browser: Browser;
  let page: Page;
  let environmentId: string;

  before(async () => {
    fake = await startFake();
    environmentId = await fake.registry.create(DEMO_BY_TELEPHONE);
    browser = await launchChromium();
    const context = await browser.newContext({
      javaScriptEnabled: false,
      baseURL: fake.baseUrl,
      extraHTTPHeaders: { 'x-fake-environment': environmentId },
    });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await fake?.stop();
  });

  /** Does something that loads a new document in a page, and waits until it has loaded (the URL may not change). */
  const andWaitForLoad = async (tab: Page, action: () => Promise<unknown>) => {
    const loaded = tab.waitForEvent('load');
    await action();
    await loaded;
  };
  const submit = (name: string) => andWaitForLoad(page, () => page.getByRole('button', { name, exact: true }).click());

  it('completes a telephone rebuild of the demo server with plain forms', async () => {
    await page.goto('/');
    assert.equal(await page.getByRole('alert').count(), 1, 'an unsigned visitor is asked to sign in');
    await page.getByLabel('User name').fill('administrator');
    await page.getByLabel('Password').fill('demo-Admin-1');
    await submit('Sign in');
    await andWaitForLoad(page, () => page.getByRole('link', { name: 'LS-CONTOSO' }).click());
    await page.getByText('Action', { exact: true }).click();
    await submit('Manage RDS CALs');
    await submit('Next');
    // Without a script the choice and the reason travel with Next, in one form.
    await page.getByRole('radio', { name: 'Rebuild the license server database' }).check();
    await page.getByLabel('Reason for rebuilding the RD Licensing database').selectOption({ label: 'Other' });
    await submit('Next');
    await page.getByRole('checkbox', { name: 'Confirm deletion of RDS CALs currently installed on this license server' }).check();
    await submit('Next');
    await submit('Next');
    const licenseServerId = (
      await page
        .getByRole('row', { name: /License Server ID/ })
        .getByRole('cell')
        .innerText()
    ).trim();
    for (const [agreement, boxesFirst] of [
      ['4271956', true],
      ['open', false],
    ] as const) {
      const caller = await browser.newPage({
        javaScriptEnabled: false,
        baseURL: fake.baseUrl,
        extraHTTPHeaders: { 'x-fake-environment': environmentId },
      });
      await caller.goto('/clearinghouse');
      await caller.getByLabel('Number dialled').fill('+1 555 0100');
      await caller.getByLabel('License Server ID').fill(licenseServerId);
      if (agreement === 'open') {
        await caller.getByLabel('Licensing program').selectOption({ label: 'Open License' });
        await caller.getByLabel('License number').fill('83920147');
        await caller.getByLabel('Authorization number').fill('QX7R2M9KD4L8T1B');
      } else {
        await caller.getByLabel('Licensing program').selectOption({ label: 'Enterprise Agreement' });
        await caller.getByLabel('Agreement number').fill(agreement);
      }
      await andWaitForLoad(caller, () => caller.getByRole('button', { name: 'Call' }).click());
      const keyPackId = (
        await caller
          .getByRole('row', { name: /License key pack ID/ })
          .getByRole('cell')
          .innerText()
      ).trim();
      await caller.close();
      const groups = keyPackId.split('-');
      for (const [index, group] of groups.entries())
        await page.getByRole('textbox', { name: `License key pack ID, box ${index + 1} of 7` }).fill(group);
      await submit('Next');
      await page
        .getByRole('radio', {
          name: boxesFirst ? 'Continue reinstalling additional RDS CALs' : 'Finish rebuilding the RD Licensing database',
        })
        .check();
      await submit('Next');
    }
    await submit('Finish');
    assert.match(await page.getByRole('status').innerText(), /finished/);
    const database = fake.registry.get(environmentId).inspect('LS-CONTOSO');
    assert.deepEqual(
      database.keyPacks.map((pack) => pack.totalLicenses).sort((a, b) => a - b),
      [50, 250],
    );
    assert.equal(database.issuedCals.length, 0);
  });
});
