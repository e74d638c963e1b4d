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
import { RecordedExchange, exchangeRecord, send } from './http-transport';

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
    const { environmentId } = await this.request<{ environmentId: string }>('POST', '/_test/environments', {});
    this.environmentId = environmentId;
  }

  async endScenario(): Promise<void> {
    if (this.environmentId === undefined) return;
    await this.request('DELETE', `/_test/environments/${encodeURIComponent(this.environmentId)}`);
    this.environmentId = undefined;
  }

  async seed(fixture: WorldFixture): Promise<void> {
    await this.request('POST', '/_test/seed', fixture);
  }

  async resetWorld(): Promise<void> {
    await this.request('POST', '/_test/reset');
  }

  async seedFixtureFile(name: string): Promise<void> {
    await this.request('POST', `/_test/fixtures/${encodeURIComponent(name)}`);
  }

  async takeSnapshot(): Promise<string> {
    return (await this.request<{ snapshotId: string }>('POST', '/_test/snapshots')).snapshotId;
  }

  async restoreSnapshot(snapshotId: string): Promise<void> {
    await this.request('POST', `/_test/snapshots/${encodeURIComponent(snapshotId)}/restore`);
  }

  async setClock(instant: string): Promise<void> {
    await this.request('PUT', '/_test/clock', { now: instant });
  }

  readClock(): Promise<{ now: string; frozen: boolean }> {
    return this.request('GET', '/_test/clock');
  }

  async advanceClock(by: { days?: number; minutes?: number }): Promise<void> {
    await this.request('POST', '/_test/clock/advance', by);
  }

  /** The fake answers with the plan it now holds: a plan it took differently would make the scenario prove something else. */
  async setFaults(serverName: string, faults: FaultSwitches): Promise<void> {
    const held = await this.request('PUT', `/_test${serverPath(serverName)}/faults`, faults);
    if (JSON.stringify(held) !== JSON.stringify(faults)) {
      throw new Error(`The fake holds the faults ${JSON.stringify(held)} for ${serverName}, not ${JSON.stringify(faults)}`);
    }
  }

  async clearFaults(serverName: string): Promise<void> {
    await this.request('DELETE', `/_test${serverPath(serverName)}/faults`);
  }

  actAs(account: Account): void {
    this.account = account;
  }

  useKeyboardOnly(): void {
    throw new Error('The API has no keyboard: tag the scenario @browser-only, and it runs in the browser profile only');
  }

  async listLicenseServers(): Promise<LicenseServerInfo[]> {
    return (await this.request<{ licenseServers: LicenseServerInfo[] }>('GET', '/license-servers')).licenseServers;
  }

  licenseServer(name: string): Promise<LicenseServerInfo> {
    return this.request('GET', serverPath(name));
  }

  setConnectionMethod(name: string, method: ConnectionMethod): Promise<LicenseServerInfo> {
    return this.request('PUT', `${serverPath(name)}/connection-method`, { connectionMethod: method });
  }

  async installedKeyPacks(name: string): Promise<KeyPack[]> {
    return (await this.request<{ keyPacks: KeyPack[] }>('GET', `${serverPath(name)}/key-packs`)).keyPacks;
  }

  async eventLog(name: string): Promise<LoggedEvent[]> {
    return (await this.request<{ events: LoggedEvent[] }>('GET', `${serverPath(name)}/events`)).events;
  }

  openManageCalsWizard(name: string): Promise<WizardPage> {
    return this.request('POST', `${serverPath(name)}/manage-cals-wizard`);
  }

  currentWizardPage(name: string): Promise<WizardPage> {
    return this.request('GET', `${serverPath(name)}/manage-cals-wizard`);
  }

  moveWizard(name: string, move: WizardMove): Promise<WizardPage> {
    return this.request('POST', `${serverPath(name)}/manage-cals-wizard/actions`, move);
  }

  async telephoneNumbers(): Promise<Record<string, string>> {
    return (await this.request<{ telephoneNumbers: Record<string, string> }>('GET', '/clearinghouse/telephone-numbers')).telephoneNumbers;
  }

  callClearinghouse(call: TelephoneCall): Promise<GrantedKeyPack> {
    return this.request('POST', '/clearinghouse/telephone-calls', call);
  }

  askClearinghouseAbout(licenseKeyPackId: string): Promise<{ licenseServerId: string; purchaseNumber: number; quantity: number }> {
    return this.request('GET', `/clearinghouse/license-key-packs/${encodeURIComponent(licenseKeyPackId)}`);
  }

  /** Reads every page of the database (issued CALs come at most 2,500 to an answer). */
  async databaseOf(name: string): Promise<DatabaseContents> {
    type Page = DatabaseContents & { nextIssuedCalsFrom: number | null };
    const first = await this.request<Page>('GET', `/_test${serverPath(name)}/database`);
    const issuedCals = [...first.issuedCals];
    for (let from = first.nextIssuedCalsFrom; from !== null;) {
      const page = await this.request<Page>('GET', `/_test${serverPath(name)}/database?issuedCalsFrom=${from}`);
      issuedCals.push(...page.issuedCals);
      from = page.nextIssuedCalsFrom;
    }
    return { keyPacks: first.keyPacks, issuedCals };
  }

  async purchaseRecords(): Promise<PurchaseRecord[]> {
    return (await this.request<{ purchases: PurchaseRecord[] }>('GET', '/_test/clearinghouse/purchases')).purchases;
  }

  async issuedKeyPackIds(): Promise<string[]> {
    const { issuances } = await this.request<{ issuances: { licenseKeyPackId: string }[] }>('GET', '/_test/clearinghouse/issuances');
    return issuances.map((issuance) => issuance.licenseKeyPackId);
  }

  async environmentDigest(): Promise<string> {
    return (await this.request<{ digest: string }>('GET', '/_test/digest')).digest;
  }

  snapshot(name: string): Promise<StateSnapshot> {
    return this.request('GET', `/_test${serverPath(name)}/snapshot`);
  }

  async unexpectedServerErrors(): Promise<string[]> {
    const { errors } = await this.request<{ errors: { method: string; path: string; message: string }[] }>(
      'GET',
      '/_test/unexpected-errors',
    );
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

  private async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.environmentId !== undefined) headers[ENVIRONMENT_HEADER] = this.environmentId;
    if (this.account)
      headers.authorization = `Basic ${Buffer.from(`${this.account.userName}:${this.account.password}`).toString('base64')}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const base = this.base();
    this.noteRequest(method);
    const response = await send(`${base}${path}`, method, headers, body === undefined ? undefined : JSON.stringify(body));
    if (this.recording) this.exchanges.push(exchangeRecord(method, path, body, response));
    if (response.status >= 200 && response.status < 300) return response.json as T;
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

function serverPath(name: string): string {
  return `/license-servers/${encodeURIComponent(name)}`;
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
