/**
 * Per-scenario state, kept thin: the drivers, who is acting, the license server the
 * scenario is about, what the wizard last showed, and what the Clearinghouse handed out.
 */
import { IWorldOptions, World } from '@cucumber/cucumber';
import { expect } from 'chai';
import { Account, CalType, GrantedKeyPack, HarnessControl, LicenseServerInfo, ProgramInformation, Refusal, WizardPage } from './driver';
import { BrowserDriver } from './browser-driver';
import { browserSession } from './browser-loader';
import { EvidenceRecorder } from './evidence';
import { FakeApi } from './fake-api';
import { ApiHarness } from './harness-control';
import { HttpDriver } from './http-driver';
import { runningFake } from './process-fake';
import { PERSONAS } from './personas';

export { PERSONAS } from './personas';

export type Persona = keyof typeof PERSONAS | 'someone without credentials' | 'someone with a wrong password';

export interface KnownPurchase {
  information: ProgramInformation;
  productVersion: string;
  calType: CalType;
  quantity: number;
  /** The server the CALs were installed on before the scenario started, if any. */
  installedOn: string | null;
}

/** The sentence that compares the Clearinghouse's issued IDs with those at the first When. */
export const NO_KEY_PACK_ID_ISSUED = 'no license key pack ID was issued';

export class LicensingWorld extends World {
  /** The scenario's connection to the fake: its environment, the account acting, the requests made. */
  readonly api: FakeApi;
  /** What the person does in the procedure, through the profile's driver, with the evidence for the reports. */
  readonly person: EvidenceRecorder;
  /** The harness's control of the fake (set-up, clock, faults, reads of stored state): over the API in every profile. */
  readonly harness: HarnessControl;
  /** The browser driver, in the browser profile: for the pages' pictures. */
  readonly browser: BrowserDriver | undefined;
  /** The license server the scenario is about ("it" in the steps). */
  serverName = '';
  /** What RD Licensing Manager listed when it was last opened. */
  listedServers: LicenseServerInfo[] = [];
  /** What the wizard showed after the last move. */
  page: WizardPage | undefined;
  /** Purchases named in the scenario, by the reference the feature uses. */
  readonly purchases = new Map<string, KnownPurchase>();
  /** License key pack IDs the Clearinghouse gave, newest last. */
  readonly granted: (GrantedKeyPack & { reference: string })[] = [];
  /** What the Clearinghouse said when asked about a retained key pack ID. */
  clearinghouseAnswer: { licenseServerId: string; purchaseNumber: number; quantity: number } | undefined;
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
    // Resolved on first use: a dry run builds worlds without starting the fake. The browser
    // profile sets the world parameter driver: "browser"; everything else goes over HTTP.
    // The two halves are composed, not stacked: the person's verbs come from one driver only.
    this.api = new FakeApi(() => runningFake().baseUrl);
    this.harness = new ApiHarness(this.api);
    this.browser =
      (options.parameters as { driver?: string }).driver === 'browser'
        ? new BrowserDriver(this.api, {
            browser: () => browserSession().workerBrowser(),
            contextFor: (account, create) => browserSession().contextFor(account, create),
            allContexts: () => browserSession().allContexts(),
            onPage: (page) => browserSession().checkAccessibility(page),
          })
        : undefined;
    this.person = new EvidenceRecorder(this.browser ?? new HttpDriver(this.api), this.harness, (read) => this.api.quietly(read));
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

  purchase(reference: string): KnownPurchase {
    const known = this.purchases.get(reference);
    if (known) return known;
    const sharing = [...this.purchases.keys()].filter((key) => key.startsWith(`${reference}, `));
    if (sharing.length > 0) {
      throw new Error(
        `Several purchases of the scenario share "${reference}"; name one of them: ${sharing.map((key) => `"${key}"`).join(', ')}`,
      );
    }
    throw new Error(`The scenario has not described the purchase "${reference}"`);
  }

  /**
   * Remembers a purchase the scenario described. One agreement can cover several products, so
   * rows may share a reference: then each is known as "<reference>, <product version>, <CAL
   * type>" (the first one too, renamed), and every sentence that reinstalls "every purchase"
   * reinstalls each of them (two under one Enterprise Agreement once brought back only one).
   */
  describePurchase(reference: string, purchase: KnownPurchase): void {
    const qualified = (known: KnownPurchase) => `${reference}, ${known.productVersion}, ${calTypeLabel(known.calType)}`;
    const first = this.purchases.get(reference);
    if (first) {
      this.purchases.delete(reference);
      this.purchases.set(qualified(first), first);
    }
    const sharing = first !== undefined || [...this.purchases.keys()].some((key) => key.startsWith(`${reference}, `));
    const key = sharing ? qualified(purchase) : reference;
    if (this.purchases.has(key)) throw new Error(`The scenario describes the purchase "${key}" twice`);
    this.purchases.set(key, purchase);
  }

  /** The license key pack ID obtained for a purchase (the newest, if it was called about twice). */
  grantedFor(reference: string): GrantedKeyPack & { reference: string } {
    const granted = this.granted.filter((candidate) => candidate.reference === reference).at(-1);
    if (!granted) throw new Error(`No license key pack ID has been obtained for "${reference}" in this scenario`);
    return granted;
  }

  lastGranted(): GrantedKeyPack & { reference: string } {
    const last = this.granted.at(-1);
    if (!last) throw new Error('No license key pack ID has been obtained from the Clearinghouse in this scenario');
    return last;
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

function calTypeLabel(calType: CalType): string {
  return calType === 'perDevice' ? 'Per Device' : 'Per User';
}
