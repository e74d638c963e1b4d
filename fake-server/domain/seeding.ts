/**
 * Puts a described world into a fake environment: license servers (activated with the
 * Clearinghouse), their local accounts, purchase records, and packs already installed
 * from those purchases with some CALs issued to clients. Seeding adds to what is there
 * and is all-or-nothing: a fixture with any mistake is refused whole.
 */
import { AccountDirectory } from './accounts';
import { CalType, ConnectionMethod, productVersionIdOf } from './catalogue';
import { Clearinghouse } from './clearinghouse';
import { ConflictError, InvalidInputError } from './errors';
import { LICENSE_SERVER_ID_LENGTH, deterministicId, hasValidCheckCharacter, normalizeId } from './ids';
import { KeyPackIdCodec } from './key-pack-id';
import { LicenseServer } from './model';
import { Clock, LicenseServerRepository, LicensingDatabase, PurchaseRepository, Transactor } from './ports';
import { ProgramInformation, checkProgramInformation } from './purchases';
import { installKeyPackId } from './rebuild-effects';
import { foldName, shownName } from './names';

export interface AccountFixture {
  userName: string;
  password: string;
  groups: string[];
}

export interface LicenseServerFixture {
  name: string;
  /** Defaults to an ID derived from the name, the same on every run. */
  licenseServerId?: string | undefined;
  /** Defaults to true. */
  activated?: boolean | undefined;
  /** Defaults to "United States". */
  countryRegion?: string | undefined;
  /** Defaults to Automatic connection, as a freshly activated server has. */
  connectionMethod?: ConnectionMethod | undefined;
  accounts?: AccountFixture[] | undefined;
  /** Members of the server's local groups: accounts, or groups such as a domain group. */
  localGroups?: { name: string; members: string[] }[] | undefined;
}

export interface PurchaseFixture {
  information: ProgramInformation;
  /** e.g. "Windows Server 2022". */
  productVersion: string;
  calType: CalType;
  quantity: number;
  /** The server the CALs are installed on before the scenario starts, if any. */
  installedOn?: string | undefined;
  /** How many of the installed CALs have been issued to clients. */
  issuedCals?: number | undefined;
}

export interface EnvironmentFixture {
  licenseServers?: LicenseServerFixture[] | undefined;
  purchases?: PurchaseFixture[] | undefined;
}

export interface SeederDependencies {
  servers: LicenseServerRepository;
  database: LicensingDatabase;
  accounts: AccountDirectory;
  purchases: PurchaseRepository;
  clearinghouse: Clearinghouse;
  codec: KeyPackIdCodec;
  clock: Clock;
  licensingTransactor: Transactor;
  clearinghouseTransactor: Transactor;
  /** Seeding refuses to leave more issued CALs than this on one server. */
  maxIssuedCalsPerServer: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class EnvironmentSeeder {
  constructor(private readonly deps: SeederDependencies) {}

  /**
   * Seeds the fixture, its accounts' passwords hashed first on the thread pool: seed() alone
   * would hash them in line, holding the event loop for every other client meanwhile.
   */
  async seedWithoutStalling(fixture: EnvironmentFixture): Promise<void> {
    // Stryker disable next-line ArrayDeclaration: equivalent, a fixture without servers has no passwords to hash whatever stands in for the list
    const servers = fixture.licenseServers ?? [];
    await this.deps.accounts.preparePasswords(servers.flatMap((server) => server.accounts ?? []));
    this.seed(fixture);
  }

  seed(fixture: EnvironmentFixture): void {
    this.deps.licensingTransactor.inTransaction(() =>
      this.deps.clearinghouseTransactor.inTransaction(() => {
        for (const server of fixture.licenseServers ?? []) this.addServer(server);
        for (const purchase of fixture.purchases ?? []) this.addPurchase(purchase);
      }),
    );
  }

  private addServer(fixture: LicenseServerFixture): void {
    if (this.deps.servers.find(fixture.name))
      throw new ConflictError('license-server-exists', `A license server named "${fixture.name}" already exists.`);
    const countryRegion = fixture.countryRegion ?? 'United States';
    if (this.deps.clearinghouse.telephoneNumberFor(countryRegion) === undefined) {
      const known = Object.keys(this.deps.clearinghouse.telephoneNumbers()).join(', ');
      throw new InvalidInputError(
        'unknown-country-region',
        `"${countryRegion}" is not in the Clearinghouse telephone table. Known: ${known}.`,
      );
    }
    refuseAccountsThatFoldTogether(fixture);
    const activated = fixture.activated ?? true;
    const licenseServerId = activated
      ? normalizeId(fixture.licenseServerId ?? deterministicId(`license-server:${fixture.name}`, LICENSE_SERVER_ID_LENGTH))
      : null;
    if (licenseServerId !== null && (licenseServerId.length !== LICENSE_SERVER_ID_LENGTH || !hasValidCheckCharacter(licenseServerId))) {
      throw new InvalidInputError(
        'invalid-license-server-id',
        `License Server ID "${fixture.licenseServerId}" is not 35 letters and digits with a valid check character; ` +
          'make up a valid one for a test with: npm run ids -- license-server-id',
      );
    }
    const holder = licenseServerId === null ? undefined : this.deps.servers.findByLicenseServerId(licenseServerId);
    if (holder) {
      throw new ConflictError(
        'license-server-id-in-use',
        `License Server ID ${fixture.licenseServerId ?? licenseServerId} is already the ID of the license server "${holder.name}"; each server has its own.`,
      );
    }
    const server: LicenseServer = {
      name: fixture.name,
      licenseServerId,
      countryRegion: activated ? countryRegion : null,
      connectionMethod: fixture.connectionMethod ?? 'automatic',
    };
    this.deps.servers.save(server);
    if (licenseServerId !== null) this.deps.clearinghouse.recordActivation(licenseServerId, countryRegion);
    for (const account of fixture.accounts ?? [])
      this.deps.accounts.addAccount(server.name, account.userName, account.password, account.groups);
    for (const group of fixture.localGroups ?? [])
      for (const member of group.members) this.deps.accounts.addGroupMember(server.name, group.name, member);
  }

  private addPurchase(fixture: PurchaseFixture): void {
    const productVersionId = productVersionIdOf(fixture.productVersion);
    if (productVersionId === undefined)
      throw new InvalidInputError('unknown-product-version', `"${fixture.productVersion}" is not a known product version.`);
    if (!Number.isInteger(fixture.quantity) || fixture.quantity < 1)
      throw new InvalidInputError('invalid-quantity', `A purchase needs a whole number of CALs, at least 1.`);
    const information = checkProgramInformation(fixture.information);
    const record = this.deps.purchases.add({
      information,
      productVersionId,
      calType: fixture.calType,
      quantity: fixture.quantity,
      registeredTo: null,
    });
    if (fixture.installedOn === undefined) return;
    const server = this.deps.servers.find(fixture.installedOn);
    if (!server?.licenseServerId || !server.countryRegion) {
      throw new InvalidInputError(
        'cannot-install',
        `CALs can be installed only on an activated license server; "${fixture.installedOn}" is not one.`,
      );
    }
    const granted = this.deps.clearinghouse.call({
      dialledNumber: this.deps.clearinghouse.telephoneNumberFor(server.countryRegion) ?? '',
      licenseServerId: server.licenseServerId,
      information,
      productVersionId,
      calType: fixture.calType,
    });
    const now = this.deps.clock.now();
    const pack = installKeyPackId(granted.licenseKeyPackId, server, now.toISOString(), this.deps);
    if ((fixture.issuedCals ?? 0) > fixture.quantity)
      throw new InvalidInputError('too-many-issued', `Only ${fixture.quantity} CALs can be issued from purchase ${record.purchaseNumber}.`);
    // Counted, not summed over the server's packs: reading every pack for each purchase made a
    // seed of 5,000 installed purchases take 90 s (each install re-read all the packs before it).
    const alreadyIssued = this.deps.database.issuedCalCount(server.name);
    if (alreadyIssued + (fixture.issuedCals ?? 0) > this.deps.maxIssuedCalsPerServer) {
      throw new InvalidInputError(
        'too-many-issued-cals',
        `${server.name} would hold ${alreadyIssued + (fixture.issuedCals ?? 0)} issued CALs; the fake keeps at most ${this.deps.maxIssuedCalsPerServer} per license server.`,
      );
    }
    const validDays = fixture.calType === 'perDevice' ? 89 : 60;
    const issuedAt = now.toISOString();
    const expiresAt = new Date(now.getTime() + validDays * DAY_MS).toISOString();
    const clientPrefix = fixture.calType === 'perDevice' ? 'DEVICE' : 'user';
    this.deps.database.issueCals(
      server.name,
      Array.from({ length: fixture.issuedCals ?? 0 }, (_, index) => ({
        keyPackNumber: pack.keyPackNumber,
        issuedTo: `${clientPrefix}-${pack.keyPackNumber}-${index + 1}`,
        issuedAt,
        expiresAt,
      })),
    );
  }
}

/**
 * Two accounts of one server whose user names fold to one name (`admin` and `admın`, a dotless
 * i: foldName maps both to ADMIN) are one account to Windows; storing both kept only the second,
 * without a word. Refused, naming both, before anything is stored.
 */
function refuseAccountsThatFoldTogether(fixture: LicenseServerFixture): void {
  const seen = new Map<string, string>();
  for (const { userName } of fixture.accounts ?? []) {
    const earlier = seen.get(foldName(userName));
    if (earlier !== undefined) {
      throw new InvalidInputError(
        'duplicate-account',
        `"${shownName(earlier)}" and "${shownName(userName)}" on ${shownName(fixture.name)} are one account: Windows compares user names ` +
          `without regard to case, and both are "${shownName(foldName(userName))}" in upper case. Give one of them another name.`,
      );
    }
    seen.set(foldName(userName), userName);
  }
}
