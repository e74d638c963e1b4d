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

/** The title of each page of the wizard, in the order the wizard shows them. */
export const PAGE_TITLES: Record<Exclude<WizardPageName, 'closed'>, string> = {
  welcome: 'Welcome to the Manage RDS CALs Wizard',
  actionSelection: 'Action Selection',
  confirmDeletion: 'Confirm Deletion of RDS CALs',
  reinstallingCals: 'Reinstalling RDS CALs',
  obtainKeyPack: 'Obtain Client License Key Pack',
  reinstallingAdditional: 'Reinstalling Additional RDS CALs',
  completing: 'Completing the Manage RDS CALs Wizard',
};

/** The page each title names. */
export const PAGE_NAMES: Record<string, WizardPageName> = Object.fromEntries(
  Object.entries(PAGE_TITLES).map(([page, title]) => [title, page as WizardPageName]),
);

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

/** The words on the wizard's buttons, by the move each makes. */
export const WIZARD_BUTTONS = { next: 'Next', back: 'Back', cancel: 'Cancel', finish: 'Finish' } as const;

/** The wizard's other controls and notes, by the accessible names and words its pages give them. */
export const WIZARD_CONTROLS = {
  reasonList: 'Reason for rebuilding the RD Licensing database',
  deletionCheckBox: 'Confirm deletion of RDS CALs currently installed on this license server',
  /** The start of each of the seven boxes' names ("License key pack ID, box 3 of 7"). */
  keyPackBox: 'License key pack ID, box',
  reasonShown: 'Reason for the rebuild:',
  packsReinstalledShown: 'RDS CAL packs reinstalled so far:',
} as const;

/** The name of the nth (from 1) of the seven license key pack ID boxes. */
export function keyPackBoxName(n: number): string {
  return `${WIZARD_CONTROLS.keyPackBox} ${n} of 7`;
}

/** The status note the server's page shows after the wizard closed, by how it closed. */
export const CLOSING_NOTES: Record<string, 'finished' | 'cancelled'> = {
  'The Manage RDS CALs Wizard finished.': 'finished',
  'The Manage RDS CALs Wizard was cancelled.': 'cancelled',
};

/** Connection method labels without their note ("Automatic connection", not "… (recommended)"), as features write them. */
export const CONNECTION_METHOD_PHRASES: Record<ConnectionMethod, string> = Object.fromEntries(
  Object.entries(CONNECTION_METHOD_LABELS).map(([method, label]) => [method, label.replace(/ \(.*\)$/, '')]),
) as Record<ConnectionMethod, string>;

/** The value whose label this is. */
export function valueOf<T extends string>(labels: Record<T, string>, label: string): T {
  const found = (Object.entries(labels) as [T, string][]).find(([, candidate]) => candidate === label);
  if (!found) throw new Error(`The page shows "${label}", which is none of: ${Object.values(labels).join(', ')}`);
  return found[0];
}
