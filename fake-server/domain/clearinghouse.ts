/**
 * The Microsoft Clearinghouse as reached by telephone (procedure step 9). A call gives
 * the representative the License Server ID and the information of the licensing program
 * the CALs were bought under; the representative finds the purchase in the records and
 * reads out a license key pack ID sealed for that server and that purchase.
 *
 * Choices where the real service is not documented: the number dialled must be the one
 * for the country/region the server was activated in (so a driver that ignores the number
 * the wizard shows fails); a purchase registered to one server is not reissued to another
 * (that is the Migrate flow, not modelled); each call yields a fresh ID for the full
 * quantity of the purchase.
 */
import { CalType, CAL_TYPE_LABELS, productVersionIdOf, productVersionName } from './catalogue';
import { InvalidInputError, NotFoundError, RefusedError } from './errors';
import { LICENSE_SERVER_ID_LENGTH, hasValidCheckCharacter, inGroupsOfFive, normalizeId } from './ids';
import { KeyPackIdCodec } from './key-pack-id';
import { Clock, PurchaseRepository, Transactor } from './ports';
import { KeyPackIssuance, ProgramInformation, PurchaseRecord, checkProgramInformation, describeProgramInformation } from './purchases';

/** What the caller tells the representative. */
export interface TelephoneCall {
  dialledNumber: string;
  licenseServerId: string;
  information: ProgramInformation;
  /** Needed only when one document covers several purchases. */
  productVersionId?: number | undefined;
  calType?: CalType | undefined;
}

/**
 * The product version a caller names, as the Clearinghouse's id: one rule for every way of
 * calling (the API and the pages; the page once let an unknown name through as "not said").
 */
export function productVersionSaid(name: string | undefined): number | undefined {
  // Not said: the API's schema takes no empty name, and the page's form sends an empty list choice as none.
  if (name === undefined) return undefined;
  const productVersionId = productVersionIdOf(name);
  if (productVersionId === undefined) {
    throw new InvalidInputError('unknown-product-version', `"${name}" is not a product version the Clearinghouse knows.`);
  }
  return productVersionId;
}

/** What the representative reads out at the end of a successful call. */
export interface GrantedKeyPack {
  licenseKeyPackId: string;
  purchaseNumber: number;
  productVersionId: number;
  calType: CalType;
  quantity: number;
}

export interface ClearinghouseDependencies {
  purchases: PurchaseRepository;
  transactor: Transactor;
  codec: KeyPackIdCodec;
  /** Telephone number per country/region, from a configurable table. */
  telephoneNumbers: Readonly<Record<string, string>>;
  clock: Clock;
  /** Picks up a call about a license server; throws UnavailableError while its line is busy. */
  answerCall?: ((licenseServerId: string) => void) | undefined;
}

export class Clearinghouse {
  /** A Map, not the table object: a country/region named "constructor" or "__proto__" must find nothing. */
  private readonly numbers: ReadonlyMap<string, string>;

  constructor(private readonly deps: ClearinghouseDependencies) {
    this.numbers = new Map(Object.entries(deps.telephoneNumbers));
  }

  /** The number the Manage RDS CALs Wizard shows for a country/region. */
  telephoneNumberFor(countryRegion: string): string | undefined {
    return this.numbers.get(countryRegion);
  }

  telephoneNumbers(): Readonly<Record<string, string>> {
    return this.deps.telephoneNumbers;
  }

  /** Activation as the Clearinghouse records it: the server ID and its country/region. */
  recordActivation(licenseServerId: string, countryRegion: string): void {
    this.deps.purchases.recordActivation(licenseServerId, countryRegion);
  }

  /** The representative's work on one call; refusals change nothing. */
  call(call: TelephoneCall): GrantedKeyPack {
    const licenseServerId = this.answeredFor(call);
    const information = checkProgramInformation(call.information);
    return this.deps.transactor.inTransaction(() => {
      const purchase = this.findPurchase(information, call);
      if (purchase.registeredTo !== null && purchase.registeredTo !== licenseServerId) {
        throw new RefusedError(
          'registered-to-another-server',
          `The CALs of ${describeProgramInformation(information)} are registered to license server ${inGroupsOfFive(purchase.registeredTo)}; moving them is the Migrate RDS CALs procedure.`,
        );
      }
      const issueSerial = this.deps.purchases.issuances(purchase.purchaseNumber).length + 1;
      const licenseKeyPackId = this.deps.codec.issue(licenseServerId, {
        program: purchase.information.program,
        productVersionId: purchase.productVersionId,
        calType: purchase.calType,
        quantity: purchase.quantity,
        purchaseNumber: purchase.purchaseNumber,
        issueSerial,
      });
      const issuance: KeyPackIssuance = {
        licenseKeyPackId,
        purchaseNumber: purchase.purchaseNumber,
        licenseServerId,
        issueSerial,
        issuedAt: this.deps.clock.now().toISOString(),
      };
      this.deps.purchases.recordIssuance(issuance);
      this.deps.purchases.save({ ...purchase, registeredTo: licenseServerId });
      const { productVersionId, calType, quantity, purchaseNumber } = purchase;
      return { licenseKeyPackId, purchaseNumber, productVersionId, calType, quantity };
    });
  }

  /** Help with a retained license key pack ID: which purchase and server it belongs to. */
  lookUpKeyPackId(typed: string): { issuance: KeyPackIssuance; purchase: PurchaseRecord } {
    const issuance = this.deps.purchases.findIssuance(normalizeId(typed));
    const purchase = issuance && this.deps.purchases.find(issuance.purchaseNumber);
    // Stryker disable next-line LogicalOperator: equivalent, an issuance always has its purchase (both are written in one transaction)
    if (!issuance || !purchase) {
      throw new NotFoundError('unknown-license-key-pack-id', `The Clearinghouse has no record of license key pack ID "${typed}".`);
    }
    return { issuance, purchase };
  }

  /** Checks the dialled number and the License Server ID read out; returns the normalised ID. */
  private answeredFor(call: TelephoneCall): string {
    const dialled = normaliseNumber(call.dialledNumber);
    const line = [...this.numbers].find(([, number]) => normaliseNumber(number) === dialled);
    if (!line) {
      throw new RefusedError(
        'not-a-clearinghouse-number',
        `Nobody answers at ${call.dialledNumber}: it is not a Clearinghouse number. Use the number the wizard displays.`,
      );
    }
    const licenseServerId = normalizeId(call.licenseServerId);
    if (licenseServerId.length !== LICENSE_SERVER_ID_LENGTH || !hasValidCheckCharacter(licenseServerId)) {
      throw new InvalidInputError(
        'invalid-license-server-id',
        `The representative cannot use License Server ID "${call.licenseServerId}": it must be 35 letters and digits and it contains a typing error. Read it again from the wizard.`,
      );
    }
    // Stryker disable next-line OptionalChaining: equivalent in the fake, whose environments always pass answerCall (the fault plan)
    this.deps.answerCall?.(licenseServerId);
    const activation = this.deps.purchases.activatedServer(licenseServerId);
    if (!activation) {
      throw new RefusedError('license-server-not-activated', `No activated license server has the ID ${inGroupsOfFive(licenseServerId)}.`);
    }
    if (activation.countryRegion !== line[0]) {
      throw new RefusedError(
        'wrong-country-line',
        `This line serves ${line[0]}, but the license server was activated for ${activation.countryRegion}; call ${this.telephoneNumberFor(activation.countryRegion) ?? 'the number the wizard displays'}.`,
      );
    }
    return licenseServerId;
  }

  private findPurchase(information: ProgramInformation, call: TelephoneCall): PurchaseRecord {
    const matches = this.deps.purchases
      .withInformation(information)
      .filter((record) => call.productVersionId === undefined || record.productVersionId === call.productVersionId)
      .filter((record) => call.calType === undefined || record.calType === call.calType);
    const [only, ...others] = matches;
    if (!only) {
      throw new RefusedError(
        'no-matching-purchase',
        `No purchase of RDS CALs under ${describeProgramInformation(information)} is on record; check the purchase agreement documentation.`,
      );
    }
    if (others.length > 0) {
      const choices = matches.map((record) => `${productVersionName(record.productVersionId)} ${CAL_TYPE_LABELS[record.calType]}`);
      throw new RefusedError(
        'several-purchases-match',
        `${describeProgramInformation(information)} covers several purchases (${choices.join('; ')}); say the product version and CAL type.`,
      );
    }
    return only;
  }
}

function normaliseNumber(number: string): string {
  return number.replace(/[^\d+]/g, '');
}
