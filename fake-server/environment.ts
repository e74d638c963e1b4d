/**
 * The composition root: wires the domain to its sql.js storage for one fake environment,
 * i.e. one isolated world of license servers, their databases and a Clearinghouse. The
 * HTTP layer hosts many environments side by side so that each scenario can have its own.
 */
import { AccountDirectory, PasswordHasher } from './domain/accounts';
import { Clearinghouse } from './domain/clearinghouse';
import { KeyPackIdCodec } from './domain/key-pack-id';
import { LicensingManager } from './domain/licensing-manager';
import { EnvironmentFixture, EnvironmentSeeder } from './domain/seeding';
import { FaultPlan } from './domain/faults';
import { VirtualClock } from './domain/virtual-clock';
import { SignInLockout } from './domain/sign-in-lockout';
import { createHash } from 'node:crypto';
import { DEFAULT_CONFIG, FakeConfig } from './config';
import { inspectionOf } from './inspection';
import { HarnessControls, ProductServices, StoredStateReads } from './services';
import { SqlAccounts, SqlLicenseServers, SqlWizardSessions } from './persistence/license-server-tables';
import { SqlEventLog, SqlLicensingDatabase } from './persistence/licensing-database-tables';
import { EnvironmentImages, openEnvironmentDatabases } from './persistence/open-databases';
import { SqlPurchases } from './persistence/purchase-tables';

/**
 * One environment: the product's services, the harness's controls, the test-only reads, and its
 * storage. Each router takes only its part (services.ts); the registry and the --db file keeper
 * take the storage.
 */
export interface FakeEnvironment extends ProductServices, HarnessControls, StoredStateReads {
  /** Both databases as SQLite bytes, for snapshots and the --db file. */
  images(): EnvironmentImages;
  /** Puts both databases back to saved images (snapshot restore, an undone --db write). */
  replaceWith(images: EnvironmentImages): void;
  close(): void;
}

export interface EnvironmentOptions {
  config?: FakeConfig | undefined;
  fixture?: EnvironmentFixture | undefined;
  /** Open saved databases instead of empty ones (snapshot restore, --db file). */
  images?: EnvironmentImages | undefined;
  /** Called after every committed change, with the environment (the --db file is written there). */
  onCommit?: ((environment: FakeEnvironment) => void) | undefined;
  /** Shared by the environments of one process so that each password is hashed once. */
  hasher?: PasswordHasher | undefined;
}

export async function createEnvironment(options: EnvironmentOptions = {}): Promise<FakeEnvironment> {
  const config = options.config ?? DEFAULT_CONFIG;
  const clock = new VirtualClock();
  const faults = new FaultPlan();
  const { licensing, clearinghouse: clearinghouseDb } = await openEnvironmentDatabases(options.images);
  const servers = new SqlLicenseServers(licensing);
  const database = new SqlLicensingDatabase(licensing, faults);
  const accounts = new AccountDirectory(
    new SqlAccounts(licensing),
    options.hasher ?? new PasswordHasher(),
    new SignInLockout(config.signInLockout),
  );
  const purchases = new SqlPurchases(clearinghouseDb);
  const codec = new KeyPackIdCodec(config.sealingSecret);
  const clearinghouse = new Clearinghouse({
    purchases,
    transactor: clearinghouseDb,
    codec,
    telephoneNumbers: config.telephoneNumbers,
    clock,
    // A busy line is set per license server; the Clearinghouse only hears the server's ID.
    answerCall: (licenseServerId) => {
      const server = servers.findByLicenseServerId(licenseServerId);
      if (server) faults.answerCall(server.name);
    },
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
    maxIssuedCalsPerServer: config.maxIssuedCalsPerServer,
  });
  const images = (): EnvironmentImages => ({ licensing: licensing.export(), clearinghouse: clearinghouseDb.export() });
  const environment: FakeEnvironment = {
    manager,
    clearinghouse,
    seeder,
    clock,
    faults,
    ...inspectionOf({ servers, database, events, wizards, purchases }),
    images,
    replaceWith(saved) {
      licensing.replaceWith(saved.licensing);
      clearinghouseDb.replaceWith(saved.clearinghouse);
    },
    digest: () => {
      const { licensing: a, clearinghouse: b } = images();
      return createHash('sha256').update(a).update(b).digest('hex');
    },
    close() {
      licensing.close();
      clearinghouseDb.close();
    },
  };
  if (options.fixture) await seeder.seedWithoutStalling(options.fixture);
  if (options.onCommit) {
    const onCommit = options.onCommit;
    // A change that spans both databases is reported once, when the outer transaction ends.
    const committed = () => {
      if (!licensing.isInTransaction() && !clearinghouseDb.isInTransaction()) onCommit(environment);
    };
    licensing.onCommit = committed;
    clearinghouseDb.onCommit = committed;
  }
  return environment;
}
