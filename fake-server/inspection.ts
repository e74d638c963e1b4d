/**
 * Test-only reads of what an environment stores, for the test-control API and the reliability
 * tests: none of it is something RD Licensing Manager shows, and the product's routes cannot
 * reach it (services.ts). Built from the domain's repositories, beside the product, not in it.
 */
import { existingServer } from './domain/licensing-manager';
import { InstalledKeyPack, IssuedCal, LicenseServer, LicensingDatabaseContents, LicensingEvent } from './domain/model';
import { EventLog, LicenseServerRepository, LicensingDatabase, PurchaseRepository, WizardSessionRepository } from './domain/ports';
import { KeyPackIssuance, PurchaseRecord } from './domain/purchases';
import { WizardSession } from './domain/wizard-session';

export interface Inspection {
  /** What a license server's RD Licensing database holds right now. */
  inspect(serverName: string): LicensingDatabaseContents;
  /** Like inspect, with one page of the issued CALs and how many there are in all. */
  inspectPage(serverName: string, from: number, count: number): LicensingDatabasePage;
  /** Everything a refused request must leave as it was, for one server. */
  snapshot(serverName: string): EnvironmentSnapshot;
  /** The Clearinghouse's purchase records and the key pack IDs it issued. */
  purchaseRecords(): PurchaseRecord[];
  issuances(): KeyPackIssuance[];
}

export interface LicensingDatabasePage {
  keyPacks: InstalledKeyPack[];
  issuedCals: IssuedCal[];
  issuedCalsTotal: number;
}

export interface EnvironmentSnapshot {
  server: LicenseServer;
  /** The issued CALs as a count and a digest: a before/after comparison needs no more, whatever the size. */
  database: { keyPacks: InstalledKeyPack[]; issuedCals: { count: number; digest: string } };
  events: LicensingEvent[];
  wizard: WizardSession | null;
  purchases: PurchaseRecord[];
  /** The key pack IDs the Clearinghouse has issued: a refusal must not have issued one. */
  issuances: KeyPackIssuance[];
}

/** The stores the inspection reads; the issued CALs' digest is the persistence layer's own (it hashes in SQL). */
export interface InspectedStores {
  servers: LicenseServerRepository;
  database: LicensingDatabase & { issuedCalsDigest(serverName: string): { count: number; digest: string } };
  events: EventLog;
  wizards: WizardSessionRepository;
  purchases: PurchaseRepository;
}

export function inspectionOf({ servers, database, events, wizards, purchases }: InspectedStores): Inspection {
  const serverNamed = (serverName: string): LicenseServer => existingServer(servers, serverName);
  return {
    inspect: (serverName) => {
      const { name } = serverNamed(serverName);
      return { keyPacks: database.keyPacks(name), issuedCals: database.issuedCals(name) };
    },
    inspectPage: (serverName, from, count) => {
      const { name } = serverNamed(serverName);
      const keyPacks = database.keyPacks(name);
      const issuedCalsTotal = keyPacks.reduce((sum, pack) => sum + pack.issuedLicenses, 0);
      return { keyPacks, issuedCals: database.issuedCalsPage(name, from, count), issuedCalsTotal };
    },
    snapshot: (serverName) => {
      const server = serverNamed(serverName);
      return {
        server,
        database: { keyPacks: database.keyPacks(server.name), issuedCals: database.issuedCalsDigest(server.name) },
        events: events.list(server.name),
        wizard: wizards.find(server.name) ?? null,
        purchases: purchases.all(),
        issuances: purchases.allIssuances(),
      };
    },
    purchaseRecords: () => purchases.all(),
    issuances: () => purchases.allIssuances(),
  };
}
