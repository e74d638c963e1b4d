/**
 * The scenario's ledger: only what the scenario's own words said (the purchases it described,
 * the calls and questions it made). The fake's answers go to the observations
 * (support/glue/observations.ts), never here: a verdict whose expected side came from the fake would
 * check the fake against itself. Every expected value is a Said<…>, which only this module
 * makes, so handing a check an observation instead is a type error, not a slip of convention.
 */
import { CalType, KeyPack, ProgramInformation, PurchaseRecord } from '../seams/person-and-harness';
import { OBSERVED } from './observations';
import { CAL_TYPE_PHRASES, programInformationOf } from '../words/purchase-references';

declare const SAID: unique symbol;
/** A value taken from the scenario's words. Nothing outside this module can make one. */
export type Said<T> = Readonly<T> & { readonly [SAID]: true };

/** Anything but an observation (support/glue/observations.ts), which carries this mark set. */
export type NotObserved<T> = T & { readonly [OBSERVED]?: never };

/** A purchase as the scenario described it (a set-up table's row). */
export interface DescribedPurchase {
  /** The purchase column, as written. */
  reference: string;
  information: ProgramInformation;
  productVersion: string;
  calType: CalType;
  quantity: number;
  /** The server the CALs were installed on before the scenario started, if any. */
  installedOn: string | null;
}

/** What a pack or a record is identified by: what the fake stored about its purchase. */
export interface StoredPurchaseFacts {
  information: ProgramInformation;
  calType: CalType;
  /** The product version by name, where the fake stored it so (a key pack does). */
  productVersion?: string;
  /** The purchase record's quantity, used only to tell apart purchases that differ in nothing else the harness reads. */
  quantity?: number;
}

export class Ledger {
  private readonly described: Said<DescribedPurchase>[] = [];
  /** The purchases the scenario called the Clearinghouse about, as it wrote them, in order. */
  readonly calls: Said<{ asWritten: string }>[] = [];

  /** Remembers a purchase the scenario described; the same purchase twice is a mistake in the scenario. */
  describe(purchase: NotObserved<DescribedPurchase>): Said<DescribedPurchase> {
    const twice = this.described.find((known) => samePurchase(known, purchase));
    if (twice) throw new Error(`The scenario describes the purchase "${this.nameOf(twice)}" twice`);
    const said = Object.freeze({ ...purchase }) as Said<DescribedPurchase>;
    this.described.push(said);
    return said;
  }

  purchases(): readonly Said<DescribedPurchase>[] {
    return this.described;
  }

  /** The purchases the scenario installed on a server before it started. */
  installedOn(serverName: string): Said<DescribedPurchase>[] {
    return this.described.filter((purchase) => purchase.installedOn === serverName);
  }

  /**
   * How the scenario names a purchase: its reference, or, where one document covers several
   * purchases, "<reference>, <product version>, <CAL type>".
   */
  nameOf(purchase: Said<DescribedPurchase>): string {
    const sharing = this.described.filter((other) => informationKey(other.information) === informationKey(purchase.information));
    return sharing.length > 1 ? `${purchase.reference}, ${purchase.productVersion}, ${calTypeLabel(purchase.calType)}` : purchase.reference;
  }

  /**
   * The purchase a phrase of the scenario names, read as a person reads it (case, spaces and
   * hyphens do not matter), narrowed by a product version and CAL type written beside it (the
   * compound "<reference>, <version>, <CAL type>" or a table's own columns). Undefined when the
   * scenario described none; an error when the words fit several.
   */
  find(
    phrase: string,
    beside: { productVersion?: string | undefined; calType?: CalType | undefined } = {},
  ): Said<DescribedPurchase> | undefined {
    const { reference, productVersion, calType } = { ...readPhrase(phrase), ...definedOnly(beside) };
    let information: ProgramInformation;
    try {
      information = programInformationOf(reference);
    } catch {
      return undefined;
    }
    const matches = this.described.filter(
      (purchase) =>
        informationKey(purchase.information) === informationKey(information) &&
        (productVersion === undefined || purchase.productVersion === productVersion) &&
        (calType === undefined || purchase.calType === calType),
    );
    if (matches.length > 1) {
      throw new Error(
        `Several purchases of the scenario share "${phrase}"; name one of them: ${matches.map((match) => `"${this.nameOf(match)}"`).join(', ')}`,
      );
    }
    return matches[0];
  }

  /** The purchase a phrase names; one the scenario never described is a mistake in the scenario. */
  purchase(phrase: string): Said<DescribedPurchase> {
    const found = this.find(phrase);
    if (!found) throw new Error(`The scenario has not described the purchase "${phrase}"`);
    return found;
  }

  /**
   * The described purchase that what the fake stored is about (a key pack's purchase record, its
   * product version and CAL type), or undefined when it is none the scenario described.
   */
  identify(stored: StoredPurchaseFacts): Said<DescribedPurchase> | undefined {
    const candidates = this.described.filter(
      (purchase) =>
        informationKey(purchase.information) === informationKey(stored.information) &&
        purchase.calType === stored.calType &&
        (stored.productVersion === undefined || purchase.productVersion === stored.productVersion),
    );
    if (candidates.length <= 1) return candidates[0];
    return candidates.find((purchase) => purchase.quantity === stored.quantity);
  }

  /**
   * The described purchase a stored key pack is of: the Clearinghouse's record of the pack's
   * purchase number (its program information), with the pack's own product version and CAL type.
   */
  identifyPack(pack: KeyPack, records: readonly PurchaseRecord[]): Said<DescribedPurchase> | undefined {
    const record = records.find((candidate) => candidate.purchaseNumber === pack.purchaseNumber);
    return (
      record &&
      this.identify({
        information: record.information,
        productVersion: pack.productVersion,
        calType: pack.calType,
        quantity: record.quantity,
      })
    );
  }

  /** Records a call the scenario made, as written. */
  called(asWritten: string): void {
    this.calls.push(Object.freeze({ asWritten }) as Said<{ asWritten: string }>);
  }
}

/** The facts of a purchase record the fake stores, for Ledger.identify. */
export function factsOfRecord(record: PurchaseRecord, productVersion?: string): StoredPurchaseFacts {
  return {
    information: record.information,
    calType: record.calType,
    quantity: record.quantity,
    ...(productVersion ? { productVersion } : {}),
  };
}

/**
 * Program information as a person reads it: the same document whatever the case, spaces or
 * hyphens. The harness's own folding, not the fake's, so that a fake which folds wrongly fails.
 */
export function informationKey(information: ProgramInformation): string {
  const fold = (text: string) => text.replace(/[\s-]/g, '').toUpperCase();
  switch (information.program) {
    case 'retail':
      return `retail ${fold(information.licenseCode)}`;
    case 'openLicense':
      return `openLicense ${fold(information.licenseNumber)} ${fold(information.authorizationNumber)}`;
    default:
      return `${information.program} ${fold(information.agreementNumber)}`;
  }
}

export function calTypeLabel(calType: CalType): string {
  return CAL_TYPE_PHRASES[calType];
}

function samePurchase(a: DescribedPurchase, b: DescribedPurchase): boolean {
  return (
    informationKey(a.information) === informationKey(b.information) && a.productVersion === b.productVersion && a.calType === b.calType
  );
}

/** "<reference>, <product version>, <CAL type>" into its parts; a plain reference as it is. */
export function readPhrase(phrase: string): { reference: string; productVersion?: string; calType?: CalType } {
  const parts = phrase.split(',').map((part) => part.trim());
  const calTypeWords = parts.at(-1)?.toLowerCase();
  if (parts.length >= 3 && (calTypeWords === 'per device' || calTypeWords === 'per user')) {
    return {
      reference: parts.slice(0, -2).join(', '),
      productVersion: parts.at(-2) ?? '',
      calType: calTypeWords === 'per device' ? 'perDevice' : 'perUser',
    };
  }
  return { reference: phrase };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== '')) as Partial<T>;
}
