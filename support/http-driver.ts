/**
 * The LicensingDriver over the fake's HTTP API. Every URL, status code and JSON body of
 * the suite lives here. Each scenario gets its own environment inside the fake, named in
 * a header, so scenarios never see each other's state.
 */
import {
  Account,
  ConnectionMethod,
  DatabaseContents,
  FaultSwitches,
  GrantedKeyPack,
  KeyPack,
  LicenseServerInfo,
  LicensingDriver,
  LoggedEvent,
  PurchaseRecord,
  Refusal,
  StateSnapshot,
  TelephoneCall,
  WizardMove,
  WizardPage,
  WorldFixture,
} from './driver';
import { AnswerOf, BodyOf, PathOf, QueryOf, Route, Verb, pathFrom } from './api-calls';
import { Contract } from './contract-check';
import { RecordedExchange, exchangeRecord, send } from './http-transport';

/** The published contract, read once per process: every answer is checked against it. */
let contract: Contract | undefined;

export const ENVIRONMENT_HEADER = 'x-fake-environment';

interface Problem {
  code?: string;
  detail?: string;
}

export class HttpDriver implements LicensingDriver {
  protected environmentId: string | undefined;
  /** Every request of the scenario, for the reports' evidence (secrets masked). */
  readonly exchanges: RecordedExchange[] = [];
  /** Off while the driver reads state for evidence, so those reads are not evidence themselves. */
  protected recording = true;
  protected account: Account = null;

  /** @param baseUrl the fake's address, or a function giving it once it is known. */
  constructor(protected readonly baseUrl: string | (() => string)) {}

  async startScenario(): Promise<void> {
    const { environmentId } = await this.call('post', '/_test/environments', { body: {} });
    this.environmentId = environmentId;
  }

  async endScenario(): Promise<void> {
    if (this.environmentId === undefined) return;
    await this.call('delete', '/_test/environments/{id}', { path: { id: this.environmentId } });
    this.environmentId = undefined;
  }

  async seed(fixture: WorldFixture): Promise<void> {
    await this.call('post', '/_test/seed', { body: fixture });
  }

  async resetWorld(): Promise<void> {
    await this.call('post', '/_test/reset');
  }

  async seedFixtureFile(name: string): Promise<void> {
    await this.call('post', '/_test/fixtures/{name}', { path: { name } });
  }

  async takeSnapshot(): Promise<string> {
    return (await this.call('post', '/_test/snapshots')).snapshotId;
  }

  async restoreSnapshot(snapshotId: string): Promise<void> {
    await this.call('post', '/_test/snapshots/{snapshotId}/restore', { path: { snapshotId } });
  }

  async setClock(instant: string): Promise<void> {
    await this.call('put', '/_test/clock', { body: { now: instant } });
  }

  readClock(): Promise<{ now: string; frozen: boolean }> {
    return this.call('get', '/_test/clock');
  }

  async advanceClock(by: { days?: number; minutes?: number }): Promise<void> {
    await this.call('post', '/_test/clock/advance', { body: by });
  }

  /** The fake answers with the plan it now holds: a plan it took differently would make the scenario prove something else. */
  async setFaults(serverName: string, faults: FaultSwitches): Promise<void> {
    const held = await this.call('put', '/_test/license-servers/{server}/faults', { path: { server: serverName }, body: faults });
    if (JSON.stringify(held) !== JSON.stringify(faults)) {
      throw new Error(`The fake holds the faults ${JSON.stringify(held)} for ${serverName}, not ${JSON.stringify(faults)}`);
    }
  }

  async clearFaults(serverName: string): Promise<void> {
    await this.call('delete', '/_test/license-servers/{server}/faults', { path: { server: serverName } });
  }

  actAs(account: Account): void {
    this.account = account;
  }

  useKeyboardOnly(): void {
    throw new Error('The API has no keyboard: tag the scenario @browser-only, and it runs in the browser profile only');
  }

  async listLicenseServers(): Promise<LicenseServerInfo[]> {
    return (await this.call('get', '/license-servers')).licenseServers;
  }

  licenseServer(name: string): Promise<LicenseServerInfo> {
    return this.call('get', '/license-servers/{server}', { path: { server: name } });
  }

  setConnectionMethod(name: string, method: ConnectionMethod): Promise<LicenseServerInfo> {
    return this.call('put', '/license-servers/{server}/connection-method', { path: { server: name }, body: { connectionMethod: method } });
  }

  async installedKeyPacks(name: string): Promise<KeyPack[]> {
    return (await this.call('get', '/license-servers/{server}/key-packs', { path: { server: name } })).keyPacks;
  }

  async eventLog(name: string): Promise<LoggedEvent[]> {
    return (await this.call('get', '/license-servers/{server}/events', { path: { server: name } })).events;
  }

  openManageCalsWizard(name: string): Promise<WizardPage> {
    return this.call('post', '/license-servers/{server}/manage-cals-wizard', { path: { server: name } });
  }

  currentWizardPage(name: string): Promise<WizardPage> {
    return this.call('get', '/license-servers/{server}/manage-cals-wizard', { path: { server: name } });
  }

  moveWizard(name: string, move: WizardMove): Promise<WizardPage> {
    return this.call('post', '/license-servers/{server}/manage-cals-wizard/actions', { path: { server: name }, body: move });
  }

  /** The API has no boxes: pasting an ID is entering it. */
  pasteKeyPackId(name: string, keyPackId: string): Promise<WizardPage> {
    return this.moveWizard(name, { type: 'enterKeyPackId', keyPackId });
  }

  async telephoneNumbers(): Promise<Record<string, string>> {
    return (await this.call('get', '/clearinghouse/telephone-numbers')).telephoneNumbers;
  }

  callClearinghouse(call: TelephoneCall): Promise<GrantedKeyPack> {
    return this.call('post', '/clearinghouse/telephone-calls', { body: call });
  }

  askClearinghouseAbout(licenseKeyPackId: string): Promise<{ licenseServerId: string; purchaseNumber: number; quantity: number }> {
    return this.call('get', '/clearinghouse/license-key-packs/{licenseKeyPackId}', { path: { licenseKeyPackId } });
  }

  /** Reads every page of the database (issued CALs come at most 2,500 to an answer). */
  async databaseOf(name: string): Promise<DatabaseContents> {
    const route = '/_test/license-servers/{server}/database';
    const first = await this.call('get', route, { path: { server: name } });
    const issuedCals = [...first.issuedCals];
    for (let from = first.nextIssuedCalsFrom; from !== null;) {
      const page = await this.call('get', route, { path: { server: name }, query: { issuedCalsFrom: from } });
      issuedCals.push(...page.issuedCals);
      from = page.nextIssuedCalsFrom;
    }
    return { keyPacks: first.keyPacks, issuedCals };
  }

  async purchaseRecords(): Promise<PurchaseRecord[]> {
    return (await this.call('get', '/_test/clearinghouse/purchases')).purchases;
  }

  async issuedKeyPackIds(): Promise<string[]> {
    const { issuances } = await this.call('get', '/_test/clearinghouse/issuances');
    return issuances.map((issuance) => issuance.licenseKeyPackId);
  }

  async environmentDigest(): Promise<string> {
    return (await this.call('get', '/_test/digest')).digest;
  }

  snapshot(name: string): Promise<StateSnapshot> {
    return this.call('get', '/_test/license-servers/{server}/snapshot', { path: { server: name } });
  }

  async unexpectedServerErrors(): Promise<string[]> {
    const { errors } = await this.call('get', '/_test/unexpected-errors');
    return errors.map((error) => `${error.method} ${error.path}: ${error.message}`);
  }

  /** Called before every request: the browser driver keeps track of what may have changed. */
  protected noteRequest(method: string): void {
    void method;
  }

  /** The fake's address (known only once the worker's fake has started). */
  protected base(): string {
    return typeof this.baseUrl === 'string' ? this.baseUrl : this.baseUrl();
  }

  /**
   * One request to a route of the contract: the path, query and body it takes, and the body of
   * its success, are the contract's types (api-contract.ts, generated from docs/openapi.json).
   */
  private call<R extends Route, V extends Verb>(
    verb: V,
    route: R,
    options: { path?: PathOf<R, V>; query?: QueryOf<R, V>; body?: BodyOf<R, V> } = {},
  ): Promise<AnswerOf<R, V>> {
    const path = pathFrom(route, (options.path ?? {}) as Record<string, string>, (options.query ?? {}) as Record<string, number>);
    return this.request(verb.toUpperCase(), route, path, options.body) as Promise<AnswerOf<R, V>>;
  }

  private async request(method: string, route: Route, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (this.environmentId !== undefined) headers[ENVIRONMENT_HEADER] = this.environmentId;
    if (this.account)
      headers.authorization = `Basic ${Buffer.from(`${this.account.userName}:${this.account.password}`).toString('base64')}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const base = this.base();
    this.noteRequest(method);
    const response = await send(`${base}${path}`, method, headers, body === undefined ? undefined : JSON.stringify(body));
    if (this.recording) this.exchanges.push(exchangeRecord(method, path, body, response));
    contract ??= Contract.published();
    contract.check(method, path, response, route);
    if (response.status >= 200 && response.status < 300) return response.json;
    // 503 is a deliberate, retryable refusal (an injected fault); any other 5xx is a bug in the fake.
    if ((response.status >= 500 && response.status !== 503) || !response.contentType.startsWith('application/problem+json')) {
      throw new Error(`The fake answered ${method} ${path} with ${response.status}: ${response.text}`);
    }
    const problem = (response.json ?? {}) as Problem;
    throw new Refusal(
      refusalKind(response.status),
      problem.code ?? 'unknown',
      problem.detail ?? response.text,
      answeredAs(response.status),
    );
  }
}

function answeredAs(status: number): Refusal['answeredAs'] {
  if (status === 409) return 'not possible now';
  if (status === 422) return 'invalid input';
  return undefined;
}

function refusalKind(status: number): Refusal['kind'] {
  if (status === 401) return 'not-signed-in';
  if (status === 403) return 'not-permitted';
  if (status === 404) return 'not-found';
  if (status === 503) return 'unavailable';
  return 'refused';
}
