/** How domain values look on the wire: labels added, IDs shown in groups of five. */
import { CAL_TYPE_LABELS, CONNECTION_METHOD_LABELS, LICENSE_PROGRAM_LABELS, productVersionName } from '../domain/catalogue';
import { inGroupsOfFive } from '../domain/ids';
import { Caller, InstalledKeyPack, LicenseServer, hasExpired } from '../domain/model';
import { KeyPackIssuance, PurchaseRecord } from '../domain/purchases';
import { ProductServices } from '../services';

export function serverJson(server: LicenseServer) {
  return {
    name: server.name,
    licenseServerId: server.licenseServerId === null ? null : inGroupsOfFive(server.licenseServerId),
    activated: server.licenseServerId !== null,
    countryRegion: server.countryRegion,
    connectionMethod: server.connectionMethod,
    connectionMethodLabel: CONNECTION_METHOD_LABELS[server.connectionMethod],
  };
}

/** A key pack as RD Licensing Manager lists it; an expired pack has no CAL available. */
export function keyPackJson(pack: InstalledKeyPack, now: Date) {
  const expired = hasExpired(pack, now);
  return {
    keyPackNumber: pack.keyPackNumber,
    licenseKeyPackId: inGroupsOfFive(pack.licenseKeyPackId),
    program: pack.program,
    programLabel: LICENSE_PROGRAM_LABELS[pack.program],
    productVersionId: pack.productVersionId,
    productVersion: productVersionName(pack.productVersionId),
    calType: pack.calType,
    calTypeLabel: CAL_TYPE_LABELS[pack.calType],
    totalLicenses: pack.totalLicenses,
    issuedLicenses: pack.issuedLicenses,
    availableLicenses: expired ? 0 : pack.totalLicenses - pack.issuedLicenses,
    purchaseNumber: pack.purchaseNumber,
    installedAt: pack.installedAt,
    expiresAt: pack.expiresAt,
    expired,
  };
}

/** The packs a caller's server has installed, as RD Licensing Manager lists them now (the API and the server page). */
export function installedKeyPacksJson(services: ProductServices, caller: Caller) {
  const now = services.clock.now();
  return services.manager.installedKeyPacks(caller).map((pack) => keyPackJson(pack, now));
}

/** What the Clearinghouse says about a key pack ID it issued (help with a retained ID, over the API and on its page). */
export function keyPackHelpJson({ issuance, purchase }: { issuance: KeyPackIssuance; purchase: PurchaseRecord }) {
  return {
    licenseKeyPackId: inGroupsOfFive(issuance.licenseKeyPackId),
    licenseServerId: inGroupsOfFive(issuance.licenseServerId),
    issuedAt: issuance.issuedAt,
    purchaseNumber: purchase.purchaseNumber,
    productVersion: productVersionName(purchase.productVersionId),
    calType: purchase.calType,
    quantity: purchase.quantity,
  };
}
