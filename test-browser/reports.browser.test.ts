/**
 * Opens the reports of the last ci run in a real browser (driven by playwright-core;
 * nothing is downloaded: Debian's Chromium when installed, else the one shipped in an npm
 * package, see support/browser/chromium.ts) and checks that they show every part of the
 * procedure with its status.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { chooseChromium, launchChromium } from '../support/browser/chromium';
import catalogue from '../reporting/procedure-catalogue.json';

const ROOT = join(__dirname, '..');
const REPORTS = join(ROOT, 'reports');
const IDS = catalogue.parts.map((part) => part.id);

describe('reports in a browser', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    for (const file of ['traceability.html', 'cucumber.html']) {
      assert.ok(existsSync(join(REPORTS, file)), `reports/${file} is missing: run npm run test:acceptance and npm run report first`);
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
  });

  it('the traceability page shows every procedure id as verified', async (t) => {
    t.diagnostic(`Chromium: ${(await chooseChromium()).source}`);
    await page.goto(`file://${join(REPORTS, 'traceability.html')}`);
    for (const id of IDS) {
      const row = page.locator(`tr[data-procedure-id="${id}"]`);
      assert.equal(await row.count(), 1, `no row for ${id}`);
      assert.ok(await row.isVisible(), `the row for ${id} is not visible`);
      assert.match(await row.innerText(), new RegExp(`${id}[\\s\\S]*verified`), `${id} is not shown as verified`);
      assert.equal(await row.getAttribute('data-verdict'), 'verified');
    }
    await page.screenshot({ path: join(REPORTS, 'traceability.png'), fullPage: true });
    t.diagnostic('screenshot: reports/traceability.png');
  });

  it("cucumber's HTML report finds passing scenarios for every procedure id", async () => {
    await page.goto(`file://${join(REPORTS, 'cucumber.html')}`);
    await page
      .getByText(/passed/)
      .first()
      .waitFor();
    const search = page.getByRole('searchbox').or(page.locator('input[type="search"], input')).first();
    for (const id of IDS) {
      await search.fill(`@${id}`);
      await search.press('Enter');
      const statuses = page.locator('[aria-expanded] [data-status]');
      await statuses.first().waitFor();
      const found = await statuses.evaluateAll((icons) => icons.map((icon) => icon.getAttribute('data-status')));
      assert.ok(found.length > 0, `the report shows no scenario tagged @${id}`);
      assert.deepEqual([...new Set(found)], ['PASSED'], `@${id}: ${found.join(', ')}`);
    }
  });
});
