/**
 * The license key pack ID that a Clearinghouse representative reads out (step 9) and the
 * administrator types into the wizard (step 10).
 *
 * Microsoft documents only its length (35 alphanumeric characters). The fake chooses a
 * layout that lets the license server install the pack offline, as the real
 * ReinstallLicenseKeyPackOffline method does, and that binds the ID to one license server
 * and one purchase:
 *
 *   [0]      layout version, always "1"
 *   [1]      licensing program (its index in LICENSE_PROGRAMS)
 *   [2]      ProductVersionID
 *   [3]      CAL type: D per device, U per user
 *   [4..8)   number of CALs, base 36
 *   [8..14)  purchase number in the Clearinghouse's records, base 36
 *   [14..18) issue serial, so that each call yields a fresh ID
 *   [18..34) seal: HMAC-SHA256 over the license server ID and [0..18), base 36
 *   [34]     Luhn mod 36 check character over [0..34)
 */
import { createHmac } from 'node:crypto';
import { CalType, LICENSE_PROGRAMS, LicenseProgram, PRODUCT_VERSIONS } from './catalogue';
import {
  LICENSE_KEY_PACK_ID_LENGTH,
  fromBase36,
  hasValidCheckCharacter,
  isInAlphabet,
  normalizeId,
  toBase36,
  withCheckCharacter,
} from './ids';

const LAYOUT_VERSION = '1';
const SEAL_LENGTH = 16;

/** What a license key pack ID says about the CALs it reinstalls. */
export interface KeyPackContents {
  program: LicenseProgram;
  productVersionId: number;
  calType: CalType;
  quantity: number;
  purchaseNumber: number;
  issueSerial: number;
}

/** Why a typed license key pack ID cannot be used, before any database is read. */
export type KeyPackIdProblem =
  | { kind: 'several-ids'; count: number }
  | { kind: 'wrong-length'; length: number }
  | { kind: 'wrong-characters' }
  | { kind: 'typing-error' }
  | { kind: 'unknown-layout' }
  | { kind: 'sealed-for-another-server' };

export type KeyPackIdReading = { ok: true; keyPackId: string; contents: KeyPackContents } | { ok: false; problem: KeyPackIdProblem };

/**
 * Issues and checks license key pack IDs. The Clearinghouse and every license server of
 * one fake environment share the sealing secret, standing in for the certificates that
 * activation gives a real license server.
 */
export class KeyPackIdCodec {
  constructor(private readonly sealingSecret: string) {}

  /** Builds the ID for CALs bound to one license server (35 characters, no hyphens). */
  issue(licenseServerId: string, contents: KeyPackContents): string {
    const body =
      LAYOUT_VERSION +
      toBase36(LICENSE_PROGRAMS.indexOf(contents.program), 1) +
      toBase36(contents.productVersionId, 1) +
      (contents.calType === 'perDevice' ? 'D' : 'U') +
      toBase36(contents.quantity, 4) +
      toBase36(contents.purchaseNumber, 6) +
      toBase36(contents.issueSerial, 4);
    return withCheckCharacter(body + this.seal(licenseServerId, body));
  }

  /** Reads what a person typed, checking form, typing errors and the binding to this server. */
  read(typed: string, licenseServerId: string): KeyPackIdReading {
    const id = normalizeId(typed);
    if (!isInAlphabet(id)) return { ok: false, problem: { kind: 'wrong-characters' } };
    if (id.length > LICENSE_KEY_PACK_ID_LENGTH && id.length % LICENSE_KEY_PACK_ID_LENGTH === 0) {
      return { ok: false, problem: { kind: 'several-ids', count: id.length / LICENSE_KEY_PACK_ID_LENGTH } };
    }
    if (id.length !== LICENSE_KEY_PACK_ID_LENGTH) return { ok: false, problem: { kind: 'wrong-length', length: id.length } };
    if (!hasValidCheckCharacter(id)) return { ok: false, problem: { kind: 'typing-error' } };
    // Stryker disable next-line MethodExpression: equivalent, parseBody reads only the first 18 characters
    const contents = parseBody(id.slice(0, 18));
    if (!contents) return { ok: false, problem: { kind: 'unknown-layout' } };
    if (id.slice(18, 34) !== this.seal(licenseServerId, id.slice(0, 18))) {
      return { ok: false, problem: { kind: 'sealed-for-another-server' } };
    }
    return { ok: true, keyPackId: id, contents };
  }

  private seal(licenseServerId: string, body: string): string {
    const digest = createHmac('sha256', this.sealingSecret).update(`${licenseServerId}|${body}`).digest('hex');
    return toBase36(BigInt(`0x${digest}`) % 36n ** BigInt(SEAL_LENGTH), SEAL_LENGTH);
  }
}

function parseBody(body: string): KeyPackContents | undefined {
  const program = LICENSE_PROGRAMS[fromBase36(body.charAt(1))];
  const productVersionId = fromBase36(body.charAt(2));
  const calType: CalType | undefined = body.charAt(3) === 'D' ? 'perDevice' : body.charAt(3) === 'U' ? 'perUser' : undefined;
  if (body.charAt(0) !== LAYOUT_VERSION || !program || !calType || !(productVersionId in PRODUCT_VERSIONS)) return undefined;
  const quantity = fromBase36(body.slice(4, 8));
  if (quantity < 1) return undefined;
  return {
    program,
    productVersionId,
    calType,
    quantity,
    purchaseNumber: fromBase36(body.slice(8, 14)),
    // Stryker disable next-line MethodExpression: equivalent, nothing reads the serial back from a typed ID (the Clearinghouse keeps its own)
    issueSerial: fromBase36(body.slice(14, 18)),
  };
}
