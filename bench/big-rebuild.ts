/**
 * A rebuild of a large RD Licensing database, in process through the licensing manager
 * (no HTTP): installed key packs of 100 issued CALs each (100 packs: the 10,000 CALs a server
 * may hold when seeded over HTTP; 1,000 packs: ten times that) are deleted, one pack is
 * reinstalled and the rebuild finished.
 */
import { performance } from 'node:perf_hooks';
import { createEnvironment } from '../fake-server/environment';
import { DEFAULT_CONFIG } from '../fake-server/config';
import { EnvironmentFixture } from '../fake-server/domain/seeding';
import { Caller } from '../fake-server/domain/model';

export const PACKS = 1000;
export const CALS_PER_PACK = 100;

function largeFixture(packs: number): EnvironmentFixture {
  return {
    licenseServers: [
      { name: 'LS-LARGE', connectionMethod: 'telephone', accounts: [{ userName: 'admin', password: 'x', groups: ['Administrators'] }] },
    ],
    purchases: Array.from({ length: packs }, (_, index) => ({
      information: { program: 'enterpriseAgreement' as const, agreementNumber: String(2_000_000 + index) },
      productVersion: 'Windows Server 2022',
      calType: index % 2 ? ('perUser' as const) : ('perDevice' as const),
      quantity: 200,
      installedOn: 'LS-LARGE',
      issuedCals: CALS_PER_PACK,
    })),
  };
}

export interface LargeRebuildTimes {
  seedMs: number;
  deletionMs: number;
  wholeRebuildMs: number;
}

export async function largeRebuild(packs: number = PACKS): Promise<LargeRebuildTimes> {
  let started = performance.now();
  // Far past what seeding over HTTP allows per server: the point is a very large database.
  const config = { ...DEFAULT_CONFIG, maxIssuedCalsPerServer: packs * CALS_PER_PACK };
  const environment = await createEnvironment({ fixture: largeFixture(packs), config });
  const seedMs = performance.now() - started;
  const caller: Caller = { serverName: 'LS-LARGE', userName: 'admin', groups: ['Administrators'] };
  const { manager, clearinghouse } = environment;
  if (environment.inspect('LS-LARGE').issuedCals.length !== packs * CALS_PER_PACK) throw new Error('seed incomplete');

  started = performance.now();
  manager.openWizard(caller);
  manager.actOnWizard(caller, { type: 'next' });
  const page = manager.actOnWizard(caller, { type: 'selectAction', action: 'rebuild' });
  manager.actOnWizard(caller, { type: 'selectReason', reason: page.actionSelection?.reasons[0] ?? '' });
  manager.actOnWizard(caller, { type: 'next' });
  manager.actOnWizard(caller, { type: 'setDeletionConfirmed', confirmed: true });
  const beforeDeletion = performance.now();
  manager.actOnWizard(caller, { type: 'next' });
  const deletionMs = performance.now() - beforeDeletion;
  const shown = manager.actOnWizard(caller, { type: 'next' }).obtainKeyPack;
  const granted = clearinghouse.call({
    dialledNumber: shown?.telephoneNumber ?? '',
    licenseServerId: shown?.licenseServerId ?? '',
    information: { program: 'enterpriseAgreement', agreementNumber: '2000000' },
  });
  manager.actOnWizard(caller, { type: 'enterKeyPackId', keyPackId: granted.licenseKeyPackId });
  manager.actOnWizard(caller, { type: 'next' });
  manager.actOnWizard(caller, { type: 'chooseAdditionalPacks', choice: 'finish' });
  manager.actOnWizard(caller, { type: 'next' });
  manager.actOnWizard(caller, { type: 'finish' });
  const wholeRebuildMs = performance.now() - started;

  const after = environment.inspect('LS-LARGE');
  if (after.keyPacks.length !== 1 || after.issuedCals.length !== 0) throw new Error('large rebuild left the wrong database');
  environment.close();
  return { seedMs, deletionMs, wholeRebuildMs };
}
