/**
 * Reads the way features name a purchase, e.g. "Enterprise Agreement 4271956",
 * "Open License 83920147 QX7R2M9KD4L8T1B" or "License Pack (Retail Purchase)
 * 7QK2M-9RD4X-H8TB3-LC6WP-N5FJ4", into the information a Clearinghouse caller gives.
 */
import { CalType, LicenseProgram, ProgramInformation } from '../seams/person-and-harness';
import { PROGRAM_LABELS as LABELS } from './page-labels';

/** Each program's label, as RD Licensing Manager shows it, and the program (a feature names a purchase by it). */
const PROGRAM_LABELS = (Object.entries(LABELS) as [LicenseProgram, string][]).map(([program, label]): [string, LicenseProgram] => [
  label,
  program,
]);

/** How a feature writes a purchase of each program, with a valid example (for docs/steps.md). */
export const PURCHASE_REFERENCE_FORMATS: { program: string; form: string; example: string }[] = [
  {
    program: 'License Pack (Retail Purchase)',
    form: 'the 25-character license code, in groups of 5 (its last character is a check character)',
    example: 'License Pack (Retail Purchase) 7QK2M-9RD4X-H8TB3-LC6WP-N5FJ4',
  },
  {
    program: 'Open License',
    form: 'the 8-digit license number, then the 15-character authorization number',
    example: 'Open License 83920147 QX7R2M9KD4L8T1B',
  },
  ...PROGRAM_LABELS.filter(([, program]) => program !== 'retail' && program !== 'openLicense').map(([label]) => ({
    program: label,
    form: 'the agreement (enrollment) number, 7 or 8 digits',
    example: `${label} 4271956`,
  })),
];

export function programInformationOf(reference: string): ProgramInformation {
  const entry = PROGRAM_LABELS.find(([label]) => reference.startsWith(`${label} `));
  if (!entry)
    throw new Error(`"${reference}" does not start with a licensing program: ${PROGRAM_LABELS.map(([label]) => label).join(', ')}`);
  const [label, program] = entry;
  const details = reference.slice(label.length).trim();
  switch (program) {
    case 'retail':
      return { program, licenseCode: details };
    case 'openLicense': {
      const [licenseNumber = '', authorizationNumber = ''] = details.split(/\s+/);
      return { program, licenseNumber, authorizationNumber };
    }
    default:
      return { program, agreementNumber: details };
  }
}

/** How features write each CAL type ("Per Device", "Per User"). */
export const CAL_TYPE_PHRASES: Record<CalType, string> = { perDevice: 'Per Device', perUser: 'Per User' };

/** "Per Device" / "Per User" as features write them, in any case. */
export function calTypeOf(text: string): CalType {
  const normalised = text.trim().toLowerCase();
  const found = (Object.entries(CAL_TYPE_PHRASES) as [CalType, string][]).find(([, phrase]) => phrase.toLowerCase() === normalised);
  if (!found)
    throw new Error(
      `"${text}" is not a CAL type; write ${Object.values(CAL_TYPE_PHRASES)
        .map((phrase) => `"${phrase}"`)
        .join(' or ')}`,
    );
  return found[0];
}
