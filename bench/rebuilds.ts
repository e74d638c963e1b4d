/**
 * Complete telephone rebuilds through the HTTP API, one after another for a fixed time:
 * a fresh environment with three installed packs, then steps 3 to 11 with three packs
 * reinstalled, exactly as the acceptance suite's tasks do them.
 */
import { performance } from 'node:perf_hooks';
import { HttpDriver } from '../support/api/http-driver';
import { FakeApi } from '../support/api/fake-api';
import { ApiHarness } from '../support/api/harness-control';

const ADMIN = { userName: 'admin', password: 'bench-Admin-1' };
const REFERENCES = [
  { program: 'enterpriseAgreement', agreementNumber: '4271956' },
  { program: 'select', agreementNumber: '5550123' },
  { program: 'openLicense', licenseNumber: '83920147', authorizationNumber: 'QX7R2M9KD4L8T1B' },
] as const;

async function rebuildOnce(api: FakeApi): Promise<void> {
  const harness = new ApiHarness(api);
  const driver = new HttpDriver(api);
  await harness.startScenario();
  await harness.seed({
    licenseServers: [{ name: 'LS-BENCH', connectionMethod: 'telephone', accounts: [{ ...ADMIN, groups: ['Administrators'] }] }],
    purchases: REFERENCES.map((information, index) => ({
      information,
      productVersion: 'Windows Server 2022',
      calType: 'perUser' as const,
      quantity: 10 + index,
      installedOn: 'LS-BENCH',
      issuedCals: 3,
    })),
  });
  driver.actAs(ADMIN);
  const server = 'LS-BENCH';
  await driver.openManageCalsWizard(server);
  await driver.moveWizard(server, { type: 'next' });
  const page = await driver.moveWizard(server, { type: 'selectAction', action: 'rebuild' });
  await driver.moveWizard(server, { type: 'selectReason', reason: page.actionSelection?.reasons[0] ?? '' });
  await driver.moveWizard(server, { type: 'next' });
  await driver.moveWizard(server, { type: 'setDeletionConfirmed', confirmed: true });
  await driver.moveWizard(server, { type: 'next' });
  let shown = (await driver.moveWizard(server, { type: 'next' })).obtainKeyPack;
  for (const [index, information] of REFERENCES.entries()) {
    if (index > 0) {
      await driver.moveWizard(server, { type: 'chooseAdditionalPacks', choice: 'continue' });
      shown = (await driver.moveWizard(server, { type: 'next' })).obtainKeyPack;
    }
    const granted = await driver.callClearinghouse({
      dialledNumber: shown?.telephoneNumber ?? '',
      licenseServerId: shown?.licenseServerId ?? '',
      information,
    });
    await driver.moveWizard(server, { type: 'enterKeyPackId', keyPackId: granted.licenseKeyPackId });
    await driver.moveWizard(server, { type: 'next' });
  }
  await driver.moveWizard(server, { type: 'chooseAdditionalPacks', choice: 'finish' });
  await driver.moveWizard(server, { type: 'next' });
  const closed = await driver.moveWizard(server, { type: 'finish' });
  if (closed.page !== 'closed' || (await harness.databaseOf(server)).keyPacks.length !== 3) throw new Error('rebuild did not complete');
  await harness.endScenario();
}

/** Rebuilds per second over `seconds`, with `concurrency` rebuilds in flight. */
export async function rebuildsPerSecond(baseUrl: string, seconds: number, concurrency: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const api = new FakeApi(baseUrl);
      while (performance.now() < deadline) {
        await rebuildOnce(api);
        completed += 1;
      }
    }),
  );
  return completed / ((performance.now() - started) / 1000);
}
