/**
 * Per-scenario state, kept thin: the drivers, who is acting, the license server the
 * scenario is about, what the wizard last showed, the ledger of what the scenario said and the
 * observations of what the fake answered.
 */
import { IWorldOptions, World } from '@cucumber/cucumber';
import { expect } from 'chai';
import { Account, HarnessControl, LicenseServerInfo, PersonVerbs, Refusal, WizardPage } from '../seams/person-and-harness';
import { EvidenceRecorder } from '../evidence/evidence';
import { Picture } from '../evidence/evidence-files';
import { FakeApi } from '../api/fake-api';
import { ApiHarness } from '../api/harness-control';
import { HttpDriver } from '../api/http-driver';
import { Ledger } from './ledger';
import { ObservedKeyPack, Observations } from './observations';
import { runningFake } from '../fake/process-fake';
import { PERSONAS } from './personas';

export { PERSONAS } from './personas';

export type Persona = keyof typeof PERSONAS | 'someone without credentials' | 'someone with a wrong password';

/**
 * The sentences that compare the Clearinghouse's issued IDs with those at the first When (the
 * BeforeStep hook looks for them). The step definitions write them as literals, which the IDE
 * reads; test/language-service.test.ts holds each definition to its constant here.
 */
export const NO_KEY_PACK_ID_ISSUED = 'no license key pack ID was issued';
/** A Cucumber expression, as the step definition is written. */
export const SO_MANY_KEY_PACK_IDS_ISSUED = 'exactly {int} license key pack ID(s) was/were issued';

/** Builds the driver that performs a scenario's person's verbs, for each World. */
export type Performer = (world: LicensingWorld) => PersonVerbs;

/** Over the API (support/api/http-driver.ts), unless a profile's own glue has said otherwise. */
let performer: Performer = (world) => new HttpDriver(world.api);

/**
 * Who performs the person's verbs in the worlds built from now on. A profile's glue calls it when
 * cucumber loads it (the browser profile's, support/glue/browser/, hands the verbs to the pages);
 * the World knows no driver but the API's.
 */
export function performVerbsWith(chosen: Performer): void {
  performer = chosen;
}

export class LicensingWorld extends World {
  /** The scenario's connection to the fake: its environment, the account acting, the requests made. */
  readonly api: FakeApi;
  /** What the person does in the procedure, through the profile's driver, with the evidence for the reports. */
  readonly person: EvidenceRecorder;
  /** The harness's control of the fake (set-up, clock, faults, reads of stored state): over the API in every profile. */
  readonly harness: HarnessControl;
  /** Pictures of the screens the steps left, for the evidence, from a driver that draws any (the pages'). */
  readonly pictures: Picture[] = [];
  /** The license server the scenario is about ("it" in the steps). */
  serverName = '';
  /** What RD Licensing Manager listed when it was last opened. */
  listedServers: LicenseServerInfo[] = [];
  /** What the wizard showed after the last move. */
  page: WizardPage | undefined;
  /** What the scenario said: the expected side of every check, and only that. */
  readonly ledger = new Ledger();
  /** What the fake answered: inputs for later actions and the actual side of checks, never the expected side. */
  readonly observations = new Observations();
  /** The snapshot taken with the test-control API, to restore later. */
  snapshotId: string | undefined;
  /** The outcome of the last attempt that was allowed to fail. */
  refusal: Refusal | undefined;
  /** Whether a Then step has looked at that refusal: one nobody checked fails the scenario. */
  refusalChecked = true;
  /** Whether the state of the server was the same before and after the last refusal. */
  unchangedByRefusal: boolean | undefined;
  /** What the last attempt that was not refused did, in words, for a failure message. */
  carriedOut: string | undefined;
  /** The license key pack IDs the Clearinghouse had issued when the first When step began. */
  issuedBeforeActions: string[] | undefined;
  readonly cleanups: (() => Promise<void>)[] = [];
  /** The kind of the step running now (cucumber's Context, Action or Outcome), for sentences that serve as Given and Then. */
  stepType: string | undefined;

  constructor(options: IWorldOptions) {
    super(options);
    // Resolved on first use: a dry run builds worlds without starting the fake. The person's verbs
    // and the harness's control are composed side by side, never stacked.
    this.api = new FakeApi(() => runningFake().baseUrl);
    this.harness = new ApiHarness(this.api);
    this.person = new EvidenceRecorder(performer(this), this.harness, (read) => this.api.quietly(read));
    this.actAs('administrator');
  }

  /** The reason last chosen on Action Selection, by a sentence or by the harness on the way to a page. */
  reasonChosen: string | undefined;
  /** Who the steps act as now. */
  actor: Persona = 'administrator';
  /** Who acted before a check that reads as the administrator, to act as again after it. */
  actorAfterCheck: Persona | undefined;

  actAs(persona: Persona): void {
    this.actor = persona;
    let account: Account;
    if (persona === 'someone without credentials') account = null;
    else if (persona === 'someone with a wrong password')
      account = { userName: PERSONAS.administrator.userName, password: 'not-the-password' };
    else account = PERSONAS[persona];
    this.person.actAs(account);
  }

  /** The license key pack ID last read out by the Clearinghouse: an input to type, never an expected value. */
  lastGranted(): ObservedKeyPack {
    return this.observations.last();
  }

  /** The license key pack ID obtained for a purchase the scenario named (the newest, if it was called about twice). */
  grantedFor(phrase: string): ObservedKeyPack {
    return this.observations.givenFor(this.ledger.purchase(phrase), phrase);
  }

  /**
   * Runs an action that may be refused. A refusal is kept for the Then steps, and the
   * license server's whole state (database, events, wizard, purchase records) is compared
   * before and after, and so is everything else the environment stores (the other license
   * servers, the Clearinghouse): a refusal that changed anything fails the scenario at once.
   * A refusal must also say why, in words a person can act on.
   */
  async attempt(action: () => Promise<unknown>): Promise<void> {
    this.failOnUncheckedRefusal();
    const before = this.serverName ? await this.harness.snapshot(this.serverName) : undefined;
    const everywhereBefore = await this.harness.environmentDigest();
    this.refusal = undefined;
    this.unchangedByRefusal = undefined;
    this.carriedOut = undefined;
    try {
      const result = await action();
      if (isWizardPage(result)) this.page = result;
      this.carriedOut = isWizardPage(result)
        ? `the wizard went on to the "${result.title}" page`
        : `the fake answered ${JSON.stringify(result)?.slice(0, 200) ?? 'nothing'}`;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.refusal = error;
      this.refusalChecked = false;
      expect(error.reason.trim(), `refused (${error.code}) without a reason a person could act on`).to.match(/\p{L}{2,}/u);
      if (before !== undefined) {
        const after = await this.harness.snapshot(this.serverName);
        expect(after, `refused (${error.code}) but the license server's state changed`).to.deep.equal(before);
      }
      const everywhereAfter = await this.harness.environmentDigest();
      expect(everywhereAfter, `refused (${error.code}) but something else in the environment changed`).to.equal(everywhereBefore);
      this.unchangedByRefusal = true;
    }
  }

  expectRefusal(): Refusal {
    if (!(this.refusal instanceof Refusal)) {
      throw new Error(`Expected the action to be refused, but it was carried out: ${this.carriedOut ?? 'no action was attempted'}.`);
    }
    this.refusalChecked = true;
    return this.refusal;
  }

  /**
   * A "tries to" that was refused must be looked at by a Then before the next attempt or the
   * scenario's end: otherwise a scenario that meant the action to succeed passes on a refusal.
   */
  failOnUncheckedRefusal(): void {
    if (this.refusal && !this.refusalChecked) {
      this.refusalChecked = true;
      throw new Error(
        `The attempt was refused (${this.refusal.code}: ${this.refusal.reason}) and no step checked the refusal; ` +
          'say what is expected, e.g. "Then it is refused as …".',
      );
    }
  }
}

function isWizardPage(value: unknown): value is WizardPage {
  return typeof value === 'object' && value !== null && 'page' in value && 'allowed' in value;
}
