/**
 * The words the pages show for the fake's values, as a person reads them. Mirrors the
 * labels of fake-server/domain/catalogue.ts on purpose: the driver is the seam, and a
 * renamed label on a page must fail here, where a reviewer would notice it too.
 */
import { CalType, ConnectionMethod, LicenseProgram, WizardPageName } from '../seams/person-and-harness';

export const CONNECTION_METHOD_LABELS: Record<ConnectionMethod, string> = {
  automatic: 'Automatic connection (recommended)',
  webBrowser: 'Web Browser',
  telephone: 'Telephone',
};

export const PROGRAM_LABELS: Record<LicenseProgram, string> = {
  retail: 'License Pack (Retail Purchase)',
  openLicense: 'Open License',
  select: 'Select License',
  enterpriseAgreement: 'Enterprise Agreement',
  campus: 'Campus Agreement',
  school: 'School Agreement',
  servicesProvider: 'Services Provider License Agreement',
  otherAgreement: 'Other agreement',
};

export const CAL_TYPE_LABELS: Record<CalType, string> = { perDevice: 'RDS Per Device CAL', perUser: 'RDS Per User CAL' };

export const PAGE_NAMES: Record<string, WizardPageName> = {
  'Welcome to the Manage RDS CALs Wizard': 'welcome',
  'Action Selection': 'actionSelection',
  'Confirm Deletion of RDS CALs': 'confirmDeletion',
  'Reinstalling RDS CALs': 'reinstallingCals',
  'Obtain Client License Key Pack': 'obtainKeyPack',
  'Reinstalling Additional RDS CALs': 'reinstallingAdditional',
  'Completing the Manage RDS CALs Wizard': 'completing',
};

/** What the fake calls the wizard once it has closed: no page shows it as a title; the status note after Finish or Cancel says it. */
export const CLOSED_TITLE = 'Closed';

export const ACTION_LABELS = {
  rebuild: 'Rebuild the license server database',
  migrate: 'Migrate RDS CALs from another license server to this license server',
} as const;

export const ADDITIONAL_LABELS = {
  continue: 'Continue reinstalling additional RDS CALs',
  finish: 'Finish rebuilding the RD Licensing database',
} as const;

/** The value whose label this is. */
export function valueOf<T extends string>(labels: Record<T, string>, label: string): T {
  const found = (Object.entries(labels) as [T, string][]).find(([, candidate]) => candidate === label);
  if (!found) throw new Error(`The page shows "${label}", which is none of: ${Object.values(labels).join(', ')}`);
  return found[0];
}
