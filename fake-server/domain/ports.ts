/**
 * The storage the domain needs, as interfaces the domain owns. persistence/ implements
 * them over sql.js; the domain never sees SQL. All calls are synchronous because the
 * database lives in the same process.
 */
import { KeyPackIssuance, ProgramInformation, PurchaseRecord } from './purchases';
import {
  InstalledKeyPack,
  IssuedCal,
  LicenseServer,
  LicensingEvent,
  LocalAccount,
  NewIssuedCal,
  NewKeyPack,
  NewLicensingEvent,
} from './model';
import { WizardSession } from './wizard-session';

export interface LicenseServerRepository {
  list(): LicenseServer[];
  find(name: string): LicenseServer | undefined;
  /** The server with this License Server ID (no hyphens), if any. */
  findByLicenseServerId(licenseServerId: string): LicenseServer | undefined;
  /** Inserts or replaces the server's properties. */
  save(server: LicenseServer): void;
}

/** The RD Licensing database proper: installed key packs and the CALs issued from them. */
export interface LicensingDatabase {
  keyPacks(serverName: string): InstalledKeyPack[];
  /** The installed key pack holding the CALs of a purchase, if any. */
  keyPackOfPurchase(serverName: string, purchaseNumber: number): InstalledKeyPack | undefined;
  issuedCals(serverName: string): IssuedCal[];
  /** How many CALs the server's key packs have issued, counted without reading the packs. */
  issuedCalCount(serverName: string): number;
  /** Up to `count` issued CALs from the `from`th, in the order issuedCals gives. */
  issuedCalsPage(serverName: string, from: number, count: number): IssuedCal[];
  installKeyPack(serverName: string, pack: NewKeyPack): InstalledKeyPack;
  /** Records CALs issued to clients from key packs of the server. */
  issueCals(serverName: string, cals: NewIssuedCal[]): void;
  /** Deletes every key pack and issued CAL of the server; returns what was deleted. */
  deleteContents(serverName: string): { keyPacks: InstalledKeyPack[]; issuedCals: number };
  /** When this key pack ID was first installed on the server, if ever. Survives a rebuild. */
  redemptionOf(serverName: string, licenseKeyPackId: string): string | undefined;
  recordRedemption(serverName: string, licenseKeyPackId: string, at: string): void;
}

export interface EventLog {
  append(serverName: string, event: NewLicensingEvent): void;
  list(serverName: string): LicensingEvent[];
}

export interface WizardSessionRepository {
  find(serverName: string): WizardSession | undefined;
  save(session: WizardSession): void;
  remove(serverName: string): void;
}

export interface AccountRepository {
  find(serverName: string, userName: string): LocalAccount | undefined;
  listByUserName(userName: string): LocalAccount[];
  save(account: LocalAccount): void;
  /** Adds a member (an account or another group, e.g. a domain group) to a local group of the server. */
  addGroupMember(serverName: string, group: string, member: string): void;
  /** The server's local group memberships, as group and member names. */
  groupMembers(serverName: string): { group: string; member: string }[];
}

/** Runs work all-or-nothing: if it throws, nothing it wrote stays. */
export interface Transactor {
  inTransaction<T>(work: () => T): T;
}

export interface Clock {
  now(): Date;
}

/** The Clearinghouse's own records, kept apart from every license server's database. */
export interface PurchaseRepository {
  all(): PurchaseRecord[];
  find(purchaseNumber: number): PurchaseRecord | undefined;
  /** The purchases documented by this program information (see programInformationKey). */
  withInformation(information: ProgramInformation): PurchaseRecord[];
  save(record: PurchaseRecord): void;
  /** Adds a record and returns it with its new purchase number. */
  add(record: Omit<PurchaseRecord, 'purchaseNumber'>): PurchaseRecord;
  issuances(purchaseNumber: number): KeyPackIssuance[];
  findIssuance(licenseKeyPackId: string): KeyPackIssuance | undefined;
  allIssuances(): KeyPackIssuance[];
  recordIssuance(issuance: KeyPackIssuance): void;
  activatedServer(licenseServerId: string): { countryRegion: string } | undefined;
  recordActivation(licenseServerId: string, countryRegion: string): void;
}
