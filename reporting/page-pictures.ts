/**
 * `npm run pictures`: the pages of one whole telephone rebuild of the demo server, taken
 * through the browser driver (the same code the browser profile runs) and written to
 * docs/pages/ for docs/browser-profile.md. Run it again whenever a page changes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { BrowserDriver } from '../support/browser/browser-driver';
import { FakeApi } from '../support/api/fake-api';
import { ApiHarness } from '../support/api/harness-control';
import { slug } from '../support/evidence/evidence-files';
import { allContexts, closeWorkerBrowser, contextFor, workerBrowser } from '../support/browser/session';
import { startFake } from '../support/fake/fake-under-test';
import { WizardPage, WorldFixture } from '../support/seams/person-and-harness';

const FOLDER = join(__dirname, '..', 'docs', 'pages');

async function main(): Promise<void> {
  const demo = JSON.parse(readFileSync(join(__dirname, '..', 'fake-server', 'fixtures', 'demo.json'), 'utf8')) as WorldFixture;
  const fake = await startFake();
  const api = new FakeApi(fake.baseUrl);
  const harness = new ApiHarness(api);
  const driver = new BrowserDriver(api, { browser: workerBrowser, contextFor, allContexts, onPage: () => Promise.resolve() });
  driver.picturesOf = 'every wizard page';
  try {
    await harness.startScenario();
    await driver.startScenario();
    await harness.seed(demo);
    driver.actAs({ userName: 'administrator', password: 'demo-Admin-1' });
    await driver.setConnectionMethod('LS-CONTOSO', 'telephone');
    let page: WizardPage = await driver.openManageCalsWizard('LS-CONTOSO');
    const move = async (next: Parameters<BrowserDriver['moveWizard']>[1]) => (page = await driver.moveWizard('LS-CONTOSO', next));
    await move({ type: 'next' });
    await move({ type: 'selectAction', action: 'rebuild' });
    await move({ type: 'selectReason', reason: 'The license server computer was replaced' });
    await move({ type: 'next' });
    await move({ type: 'setDeletionConfirmed', confirmed: true });
    await move({ type: 'next' });
    await move({ type: 'next' });
    const shown = page.obtainKeyPack;
    const purchases = [
      { program: 'enterpriseAgreement' as const, agreementNumber: '4271956' },
      { program: 'openLicense' as const, licenseNumber: '83920147', authorizationNumber: 'QX7R2M9KD4L8T1B' },
    ];
    for (const [index, information] of purchases.entries()) {
      if (index > 0) {
        await move({ type: 'chooseAdditionalPacks', choice: 'continue' });
        await move({ type: 'next' });
      }
      const granted = await driver.callClearinghouse({
        dialledNumber: shown?.telephoneNumber ?? '',
        licenseServerId: shown?.licenseServerId ?? '',
        information,
      });
      await move({ type: 'enterKeyPackId', keyPackId: granted.licenseKeyPackId });
      await move({ type: 'next' });
    }
    await move({ type: 'chooseAdditionalPacks', choice: 'finish' });
    await move({ type: 'next' });
    await move({ type: 'finish' });
    rmSync(FOLDER, { recursive: true, force: true });
    mkdirSync(FOLDER, { recursive: true });
    for (const [index, picture] of driver.pictures.entries()) {
      const name = `${String(index + 1).padStart(2, '0')}-${slug(picture.label)}.png`;
      writeFileSync(join(FOLDER, name), picture.image);
      console.log(`docs/pages/${name}`);
    }
  } finally {
    await closeWorkerBrowser();
    await fake.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
