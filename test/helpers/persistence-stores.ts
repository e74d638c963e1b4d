/**
 * The persistence layer's repositories over a fresh pair of databases, in this process, with two
 * license servers saved: what the node tests of persistence/ read and write directly, without
 * the domain or HTTP in between, so that a wrong remembered read or a wrong count is the
 * repository's and nothing else's.
 */
import { FaultPlan } from '../../fake-server/domain/faults';
import { NewIssuedCal, NewKeyPack } from '../../fake-server/domain/model';
import { SqlAccounts, SqlLicenseServers, SqlWizardSessions } from '../../fake-server/persistence/license-server-tables';
import { SqlEventLog, SqlLicensingDatabase } from '../../fake-server/persistence/licensing-database-tables';
import { openEnvironmentDatabases } from '../../fake-server/persistence/open-databases';
import { SqlPurchases } from '../../fake-server/persistence/purchase-tables';

/** The two servers every store starts with. */
export const SERVER_A = 'LS-ALPHA';
export const SERVER_B = 'LS-BRAVO';

export type PersistenceStores = Awaited<ReturnType<typeof openStores>>;

/** Fresh databases with SERVER_A and SERVER_B saved, and every repository over them. */
export async function openStores() {
  const { licensing, clearinghouse } = await openEnvironmentDatabases();
  const servers = new SqlLicenseServers(licensing);
  for (const name of [SERVER_A, SERVER_B])
    servers.save({ name, licenseServerId: null, countryRegion: null, connectionMethod: 'telephone' });
  const faults = new FaultPlan();
  return {
    licensing,
    clearinghouse,
    servers,
    faults,
    accounts: new SqlAccounts(licensing),
    wizards: new SqlWizardSessions(licensing),
    database: new SqlLicensingDatabase(licensing, faults),
    events: new SqlEventLog(licensing),
    purchases: new SqlPurchases(clearinghouse),
    close() {
      licensing.close();
      clearinghouse.close();
    },
  };
}

/** A key pack of `totalLicenses` per-device CALs from purchase `purchaseNumber`. */
export function keyPack(purchaseNumber: number, totalLicenses = 10): NewKeyPack {
  return {
    licenseKeyPackId: `PACK-${purchaseNumber}`,
    program: 'enterpriseAgreement',
    productVersionId: 6,
    calType: 'perDevice',
    totalLicenses,
    purchaseNumber,
    installedAt: '2026-03-01T09:00:00.000Z',
    expiresAt: null,
  };
}

/** `count` CALs from one pack, issued to `<prefix>-1`, `<prefix>-2`, … in that order. */
export function calsTo(prefix: string, keyPackNumber: number, count: number): NewIssuedCal[] {
  return Array.from({ length: count }, (_, index) => ({
    keyPackNumber,
    issuedTo: `${prefix}-${index + 1}`,
    issuedAt: '2026-03-02T10:00:00.000Z',
    expiresAt: '2026-06-02T10:00:00.000Z',
  }));
}
