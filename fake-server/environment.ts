/**
 * The composition root: wires the domain to its sql.js storage for one fake environment,
 * i.e. one isolated world of license servers, their databases and a Clearinghouse. The
 * HTTP layer hosts many environments side by side so that each scenario can have its own.
 */
import { AccountDirectory, PasswordHasher } from './domain/accounts';
import { Clearinghouse } from './domain/clearinghouse';
import { KeyPackIdCodec } from './domain/key-pack-id';
import { LicensingManager } from './domain/licensing-manager';
import { LicenseServer, LicensingDatabaseContents, LicensingEvent } from './domain/model';
import { WizardSession } from './domain/wizard-session';
import { Clock } from './domain/ports';
import { PurchaseRecord } from './domain/purchases';
import { EnvironmentFixture, EnvironmentSeeder } from './domain/seeding';
import { NotFoundError } from './domain/errors';
import { DEFAULT_CONFIG, FakeConfig } from './config';
import { SqlAccounts, SqlLicenseServers, SqlWizardSessions } from './persistence/license-server-tables';
import { SqlEventLog, SqlLicensingDatabase } from './persistence/licensing-database-tables';
import { openEnvironmentDatabases } from './persistence/open-databases';
import { SqlPurchases } from './persistence/purchase-tables';

export interface FakeEnvironment {
  manager: LicensingManager;
  clearinghouse: Clearinghouse;
  seeder: EnvironmentSeeder;
  /** Test-only: what a license server's RD Licensing database holds right now. */
  inspect(serverName: string): LicensingDatabaseContents;
  /** Test-only: everything a refused request must leave as it was, for one server. */
  snapshot(serverName: string): EnvironmentSnapshot;
  /** Test-only: the Clearinghouse's purchase records. */
  purchaseRecords(): PurchaseRecord[];
  close(): void;
}

export interface EnvironmentSnapshot {
  server: LicenseServer;
  database: LicensingDatabaseContents;
  events: LicensingEvent[];
  wizard: WizardSession | null;
  purchases: PurchaseRecord[];
}

export const systemClock: Clock = { now: () => new Date() };

export interface EnvironmentOptions {
  config?: FakeConfig;
  clock?: Clock;
  fixture?: EnvironmentFixture;
  /** Shared by the environments of one process so that each password is hashed once. */
  hasher?: PasswordHasher;
}

export async function createEnvironment(options: EnvironmentOptions = {}): Promise<FakeEnvironment> {
  const config = options.config ?? DEFAULT_CONFIG;
  const clock = options.clock ?? systemClock;
  const { licensing, clearinghouse: clearinghouseDb } = await openEnvironmentDatabases();
  const servers = new SqlLicenseServers(licensing);
  const database = new SqlLicensingDatabase(licensing);
  const accounts = new AccountDirectory(new SqlAccounts(licensing), options.hasher ?? new PasswordHasher());
  const purchases = new SqlPurchases(clearinghouseDb);
  const codec = new KeyPackIdCodec(config.sealingSecret);
  const clearinghouse = new Clearinghouse({
    purchases,
    transactor: clearinghouseDb,
    codec,
    telephoneNumbers: config.telephoneNumbers,
    clock,
  });
  const events = new SqlEventLog(licensing);
  const wizards = new SqlWizardSessions(licensing);
  const manager = new LicensingManager({
    servers,
    database,
    events,
    wizards,
    accounts,
    transactor: licensing,
    codec,
    clearinghouse,
    clock,
    rebuildReasons: config.rebuildReasons,
  });
  const seeder = new EnvironmentSeeder({
    servers,
    database,
    accounts,
    purchases,
    clearinghouse,
    codec,
    clock,
    licensingTransactor: licensing,
    clearinghouseTransactor: clearinghouseDb,
  });
  if (options.fixture) seeder.seed(options.fixture);
  const serverNamed = (serverName: string): LicenseServer => {
    const server = servers.find(serverName);
    if (!server) throw new NotFoundError('unknown-license-server', `There is no license server named "${serverName}".`);
    return server;
  };
  const inspect = (serverName: string): LicensingDatabaseContents => {
    serverNamed(serverName);
    return { keyPacks: database.keyPacks(serverName), issuedCals: database.issuedCals(serverName) };
  };
  return {
    manager,
    clearinghouse,
    seeder,
    inspect,
    snapshot: (serverName) => ({
      server: serverNamed(serverName),
      database: inspect(serverName),
      events: events.list(serverName),
      wizard: wizards.find(serverName) ?? null,
      purchases: purchases.all(),
    }),
    purchaseRecords: () => purchases.all(),
    close() {
      licensing.close();
      clearinghouseDb.close();
    },
  };
}
