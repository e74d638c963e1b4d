/**
 * The vocabulary of RD Licensing: connection methods, licensing programs, product
 * versions and CAL types, with the labels the console shows. Sources are in
 * shared/reference/rd-licensing-domain.md (sections 2 to 4).
 */

/** How the license server reaches the Microsoft Clearinghouse (Properties > Connection Method). */
export const CONNECTION_METHODS = ['automatic', 'webBrowser', 'telephone'] as const;
export type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

export const CONNECTION_METHOD_LABELS: Record<ConnectionMethod, string> = {
  automatic: 'Automatic connection (recommended)',
  webBrowser: 'Web Browser',
  telephone: 'Telephone',
};

/**
 * Licensing programs through which RDS CALs are bought. The order is the fake's own and
 * is the program's code inside a license key pack ID; never reorder, only append.
 */
export const LICENSE_PROGRAMS = [
  'retail',
  'openLicense',
  'select',
  'enterpriseAgreement',
  'campus',
  'school',
  'servicesProvider',
  'otherAgreement',
] as const;
export type LicenseProgram = (typeof LICENSE_PROGRAMS)[number];

export const LICENSE_PROGRAM_LABELS: Record<LicenseProgram, string> = {
  retail: 'License Pack (Retail Purchase)',
  openLicense: 'Open License',
  select: 'Select License',
  enterpriseAgreement: 'Enterprise Agreement',
  campus: 'Campus Agreement',
  school: 'School Agreement',
  servicesProvider: 'Services Provider License Agreement',
  otherAgreement: 'Other agreement',
};

/** Programs identified by an agreement (enrollment) number alone. */
export type AgreementProgram = Exclude<LicenseProgram, 'retail' | 'openLicense'>;

/** Win32_TSLicenseKeyPack.ProductVersionID and the matching ProductVersion string. */
export const PRODUCT_VERSIONS: Readonly<Record<number, string>> = {
  2: 'Windows Server 2008',
  3: 'Windows Server 2008 R2',
  4: 'Windows Server 2012',
  5: 'Windows Server 2016',
  6: 'Windows Server 2019',
  7: 'Windows Server 2022',
  // Not in Microsoft's table yet; 8 follows the sequence, as public scripts assume.
  8: 'Windows Server 2025',
};

export function productVersionName(productVersionId: number): string {
  return PRODUCT_VERSIONS[productVersionId] ?? `unknown product version ${productVersionId}`;
}

/** Finds a ProductVersionID from its name, e.g. "Windows Server 2022". */
export function productVersionIdOf(name: string): number | undefined {
  const entry = Object.entries(PRODUCT_VERSIONS).find(([, label]) => label.toLowerCase() === name.toLowerCase());
  return entry ? Number(entry[0]) : undefined;
}

export const CAL_TYPES = ['perDevice', 'perUser'] as const;
export type CalType = (typeof CAL_TYPES)[number];

export const CAL_TYPE_LABELS: Record<CalType, string> = {
  perDevice: 'RDS Per Device CAL',
  perUser: 'RDS Per User CAL',
};
