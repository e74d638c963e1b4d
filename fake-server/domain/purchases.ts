/**
 * Purchase records: what an organisation bought, as the Microsoft Clearinghouse knows it.
 * They live outside every license server's database, which is why CALs can be reinstalled
 * after a rebuild has deleted them.
 */
import { AgreementProgram, CalType, LICENSE_PROGRAM_LABELS, LicenseProgram } from './catalogue';
import { InvalidInputError } from './errors';
import { RETAIL_LICENSE_CODE_LENGTH, hasValidCheckCharacter, isInAlphabet, normalizeId } from './ids';

/** The information a caller gives for the licensing program the CALs were bought under. */
export type ProgramInformation =
  | { program: 'retail'; licenseCode: string }
  | { program: 'openLicense'; licenseNumber: string; authorizationNumber: string }
  | { program: AgreementProgram; agreementNumber: string };

export interface PurchaseRecord {
  purchaseNumber: number;
  information: ProgramInformation;
  productVersionId: number;
  calType: CalType;
  quantity: number;
  /** License Server ID the CALs are registered to; null before their first install. */
  registeredTo: string | null;
}

/** One license key pack ID handed out for a purchase. */
export interface KeyPackIssuance {
  licenseKeyPackId: string;
  purchaseNumber: number;
  licenseServerId: string;
  issueSerial: number;
  issuedAt: string;
}

/**
 * Checks the form of program information and returns it normalised (no separators,
 * upper case). Formats: retail license code 25 letters and digits (the fake adds a check
 * character, like its other IDs); Open License number 8 digits and authorization number
 * 15 letters and digits; agreement numbers 7 digits as documented, or 8 as public
 * deployment scripts use.
 */
export function checkProgramInformation(information: ProgramInformation): ProgramInformation {
  const label = LICENSE_PROGRAM_LABELS[information.program];
  switch (information.program) {
    case 'retail': {
      const licenseCode = normalizeId(information.licenseCode);
      if (licenseCode.length !== RETAIL_LICENSE_CODE_LENGTH || !isInAlphabet(licenseCode)) {
        throw new InvalidInputError(
          'invalid-license-code',
          `A ${label} license code has 25 letters and digits (5 groups of 5); "${information.licenseCode}" has ${licenseCode.length}.`,
        );
      }
      if (!hasValidCheckCharacter(licenseCode)) {
        throw new InvalidInputError(
          'invalid-license-code',
          `The license code "${information.licenseCode}" contains a typing error (its last character is a check character); ` +
            'read it again from the license pack, or make up a valid one for a test with: npm run ids -- retail',
        );
      }
      return { program: 'retail', licenseCode };
    }
    case 'openLicense': {
      const licenseNumber = information.licenseNumber.replace(/[\s-]/g, '');
      const authorizationNumber = normalizeId(information.authorizationNumber);
      if (!/^\d{8}$/.test(licenseNumber)) {
        throw new InvalidInputError(
          'invalid-license-number',
          `An Open License number has 8 digits; "${information.licenseNumber}" does not.`,
        );
      }
      if (!/^[0-9A-Z]{15}$/.test(authorizationNumber)) {
        throw new InvalidInputError(
          'invalid-authorization-number',
          `An Open License authorization number has 15 letters and digits; "${information.authorizationNumber}" does not.`,
        );
      }
      return { program: 'openLicense', licenseNumber, authorizationNumber };
    }
    default: {
      const agreementNumber = information.agreementNumber.replace(/[\s-]/g, '');
      if (!/^\d{7,8}$/.test(agreementNumber)) {
        throw new InvalidInputError(
          'invalid-agreement-number',
          `A ${label} agreement number has 7 digits (8 on some enrollments); "${information.agreementNumber}" does not.`,
        );
      }
      return { program: information.program, agreementNumber };
    }
  }
}

/**
 * A key that is equal for two normalised pieces of program information exactly when they
 * name the same purchase document (field order does not matter).
 */
export function programInformationKey(information: ProgramInformation): string {
  // Stryker disable next-line MethodExpression,ArrowFunction: equivalent through the fake, checkProgramInformation builds every object with its keys in one order
  return JSON.stringify(Object.entries(information).sort(([x], [y]) => x.localeCompare(y)));
}

/** A short description of the program information for messages, e.g. "Enterprise Agreement 1234567". */
export function describeProgramInformation(information: ProgramInformation): string {
  const label = LICENSE_PROGRAM_LABELS[information.program as LicenseProgram];
  switch (information.program) {
    case 'retail':
      return `${label} code ${information.licenseCode}`;
    case 'openLicense':
      return `${label} ${information.licenseNumber}`;
    default:
      return `${label} ${information.agreementNumber}`;
  }
}
