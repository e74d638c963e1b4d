/** How domain values look on the wire: labels added, IDs shown in groups of five. */
import { CAL_TYPE_LABELS, CONNECTION_METHOD_LABELS, LICENSE_PROGRAM_LABELS, productVersionName } from '../domain/catalogue';
import { inGroupsOfFive } from '../domain/ids';
import { InstalledKeyPack, LicenseServer, hasExpired } from '../domain/model';

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
