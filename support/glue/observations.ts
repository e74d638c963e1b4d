/**
 * The scenario's observations: what the fake answered (the license key pack IDs the
 * Clearinghouse read out, its help about a kept ID). They are inputs for later actions (the ID
 * a person types) and the actual side of a check, never its expected side: each is an
 * Observed<…>, which no check that takes a Said<…> (support/glue/ledger.ts) accepts.
 */
import { GrantedKeyPack } from '../seams/person-and-harness';
import { DescribedPurchase, Said } from './ledger';

export declare const OBSERVED: unique symbol;
/** A value the fake gave. */
export type Observed<T> = Readonly<T> & { readonly [OBSERVED]: true };

/** A key pack ID read out, with the purchase the scenario meant by its call (if it described it). */
export type ObservedKeyPack = Observed<GrantedKeyPack & { askedAbout: Said<DescribedPurchase> | undefined }>;

export interface HelpAnswer {
  licenseServerId: string;
  purchaseNumber: number;
  quantity: number;
}

export class Observations {
  private readonly keyPacks: ObservedKeyPack[] = [];
  /** The answers to the latest question about kept IDs (one, or one per ID kept), in order. */
  private answers: Observed<HelpAnswer & { about: string }>[] = [];

  keyPackGiven(granted: GrantedKeyPack, askedAbout: Said<DescribedPurchase> | undefined): ObservedKeyPack {
    const observed = Object.freeze({ ...granted, askedAbout }) as ObservedKeyPack;
    this.keyPacks.push(observed);
    return observed;
  }

  /** Every key pack ID read out, in the order given. */
  keptIds(): readonly ObservedKeyPack[] {
    return this.keyPacks;
  }

  /** The ID kept in this place, counting from 1. */
  kept(place: number): ObservedKeyPack {
    const kept = this.keyPacks[place - 1];
    if (!kept) throw new Error(`No license key pack ID number ${place} was kept in this scenario (${this.keyPacks.length} were)`);
    return kept;
  }

  last(): ObservedKeyPack {
    const last = this.keyPacks.at(-1);
    if (!last) throw new Error('No license key pack ID has been obtained from the Clearinghouse in this scenario');
    return last;
  }

  /** The ID last obtained on a call about this purchase. */
  givenFor(purchase: Said<DescribedPurchase>, name: string): ObservedKeyPack {
    const given = this.keyPacks.filter((candidate) => candidate.askedAbout === purchase).at(-1);
    if (!given) throw new Error(`No license key pack ID has been obtained for "${name}" in this scenario`);
    return given;
  }

  /** A new question forgets the answers to the one before, whether or not it is answered. */
  askingAgain(): void {
    this.answers = [];
  }

  answered(answer: HelpAnswer, about: string): void {
    this.answers.push(Object.freeze({ ...answer, about }) as Observed<HelpAnswer & { about: string }>);
  }

  /** The answers to the latest question; none if it was refused or nothing was asked. */
  latestAnswers(): readonly Observed<HelpAnswer & { about: string }>[] {
    return this.answers;
  }
}
