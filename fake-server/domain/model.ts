/**
 * What a license server and its RD Licensing database hold. Plain data: services in this
 * folder give it behaviour, persistence/ stores it.
 */
import { CalType, ConnectionMethod, LicenseProgram } from './catalogue';

/** One RD license server as RD Licensing Manager shows it. */
export interface LicenseServer {
  /** The computer name, e.g. "LS-CONTOSO". */
  name: string;
  /** 35 characters, no hyphens; null until the server has been activated. */
  licenseServerId: string | null;
  /** Chosen in the Activate Server Wizard; decides the Clearinghouse telephone number. */
  countryRegion: string | null;
  connectionMethod: ConnectionMethod;
}

/** An RDS CAL key pack installed in the RD Licensing database (Win32_TSLicenseKeyPack). */
export interface InstalledKeyPack {
  /** The database's own number for the pack (KeyPackId in WMI). */
  keyPackNumber: number;
  /** The 35-character ID the pack was installed with. */
  licenseKeyPackId: string;
  program: LicenseProgram;
  productVersionId: number;
  calType: CalType;
  totalLicenses: number;
  issuedLicenses: number;
  /** The Clearinghouse's purchase the CALs come from. */
  purchaseNumber: number;
  installedAt: string;
  /** When the CALs stop being usable (WMI ExpirationDate); null when they do not expire. */
  expiresAt: string | null;
}

export type NewKeyPack = Omit<InstalledKeyPack, 'keyPackNumber' | 'issuedLicenses'>;

/** True once the pack's expiration date has passed on the environment's clock. */
export function hasExpired(pack: Pick<InstalledKeyPack, 'expiresAt'>, now: Date): boolean {
  return pack.expiresAt !== null && Date.parse(pack.expiresAt) <= now.getTime();
}

/** A CAL issued from a key pack to a client (Win32_TSIssuedLicense). */
export interface IssuedCal {
  licenseId: number;
  keyPackNumber: number;
  /** A device name for per-device CALs, a user name for per-user CALs. */
  issuedTo: string;
  issuedAt: string;
  expiresAt: string;
}

export type NewIssuedCal = Omit<IssuedCal, 'licenseId'>;

/** What the RD Licensing database of one server holds: the part that a rebuild deletes. */
export interface LicensingDatabaseContents {
  keyPacks: InstalledKeyPack[];
  issuedCals: IssuedCal[];
}

/** An entry of the license server's event log (Microsoft-Windows-TerminalServices-Licensing). */
export interface LicensingEvent {
  sequence: number;
  eventId: number;
  level: 'Information' | 'Warning';
  message: string;
  /** Set on events about one key pack, so the ID can be found again later. */
  licenseKeyPackId: string | null;
  recordedAt: string;
}

export type NewLicensingEvent = Omit<LicensingEvent, 'sequence'>;

/** A local account of a license server computer. */
export interface LocalAccount {
  serverName: string;
  userName: string;
  /** scrypt hash with its salt; the clear password is never kept. */
  passwordHash: string;
  groups: string[];
}

/**
 * A user name and password, which come as a pair: a request brings both (HTTP Basic, a page's
 * session) or neither, and then has no Credentials at all (undefined).
 */
export interface Credentials {
  userName: string;
  password: string;
}

/** The identity a request acts as, once its credentials were checked. */
export interface Caller {
  serverName: string;
  userName: string;
  groups: readonly string[];
}
