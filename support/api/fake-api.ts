/**
 * The one connection a scenario has to the fake's HTTP API, shared by whatever acts in it: the
 * person's verbs over the API (support/api/http-driver.ts), the harness's control
 * (support/api/harness-control.ts), and the browser driver, which reads the environment and the
 * account from here. Every URL, status code and JSON body of the suite lives behind `call`.
 * Each scenario gets its own environment inside the fake, named in a header, so scenarios
 * never see each other's state.
 */
import { Account, Refusal } from '../seams/person-and-harness';
import { AnswerOf, BodyOf, PathOf, QueryOf, Route, Verb, pathFrom } from './api-calls';
import { Contract } from './contract-check';
import { RecordedExchange, exchangeRecord, send } from './http-transport';
import { testControlTokenHeaders } from '../fake/remote-fake';

/** The published contract, read once per process: every answer is checked against it. */
let contract: Contract | undefined;

export const ENVIRONMENT_HEADER = 'x-fake-environment';

interface Problem {
  code?: string;
  detail?: string;
}

export class FakeApi {
  /** The scenario's environment inside the fake, once the harness has started it. */
  environmentId: string | undefined;
  /** Every request of the scenario, for the reports' evidence (secrets masked). */
  readonly exchanges: RecordedExchange[] = [];
  /** Off while the harness reads state for evidence, so those reads are not evidence themselves. */
  private recording = true;
  private account: Account = null;
  private readonly changeListeners: (() => void)[] = [];

  /** @param baseUrl the fake's address, or a function giving it once it is known. */
  constructor(private readonly baseUrl: string | (() => string)) {}

  /** Later requests sign in as this local account (null: none). */
  actAs(account: Account): void {
    this.account = account;
  }

  /** The account requests sign in as now. */
  actingAccount(): Account {
    return this.account;
  }

  /** The fake's address (known only once the worker's fake has started). */
  base(): string {
    return typeof this.baseUrl === 'string' ? this.baseUrl : this.baseUrl();
  }

  /** The header that puts a request in this scenario's environment (none before it has one). */
  environmentHeaders(): Record<string, string> {
    return this.environmentId === undefined ? {} : { [ENVIRONMENT_HEADER]: this.environmentId };
  }

  /** Called before every request that may change the fake (anything but GET): pages on a screen are then out of date. */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Runs reads that are not the scenario's evidence (the harness's copies of the database). */
  async quietly<T>(read: () => Promise<T>): Promise<T> {
    this.recording = false;
    try {
      return await read();
    } finally {
      this.recording = true;
    }
  }

  /**
   * One request to a route of the contract: the path, query and body it takes, and the body of
   * its success, are the contract's types (api-contract.ts, generated from docs/openapi.json).
   * A problem answer rejects with a Refusal; anything unexpected with Error.
   */
  call<R extends Route, V extends Verb>(
    verb: V,
    route: R,
    options: { path?: PathOf<R, V>; query?: QueryOf<R, V>; body?: BodyOf<R, V>; ifMatch?: string } = {},
  ): Promise<AnswerOf<R, V>> {
    const path = pathFrom(route, (options.path ?? {}) as Record<string, string>, (options.query ?? {}) as Record<string, number>);
    return this.request(verb.toUpperCase(), route, path, options.body, options.ifMatch) as Promise<AnswerOf<R, V>>;
  }

  /** The ETag of the last answer that had one: which drawing of the wizard a read was (a tab kept open). */
  lastEtag: string | undefined;

  private async request(method: string, route: Route, path: string, body?: unknown, ifMatch?: string): Promise<unknown> {
    // A fake started with --test-control-token (RDL_FAKE_URL) needs it on the harness's routes.
    const headers: Record<string, string> = {
      ...this.environmentHeaders(),
      ...(route.startsWith('/_test') ? testControlTokenHeaders() : {}),
    };
    if (ifMatch !== undefined) headers['if-match'] = ifMatch;
    if (this.account)
      headers.authorization = `Basic ${Buffer.from(`${this.account.userName}:${this.account.password}`).toString('base64')}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') for (const listener of this.changeListeners) listener();
    const response = await send(`${this.base()}${path}`, method, headers, body === undefined ? undefined : JSON.stringify(body));
    if (this.recording) this.exchanges.push(exchangeRecord(method, path, body, response));
    contract ??= Contract.published();
    contract.check(method, path, response, route);
    if (response.etag !== undefined) this.lastEtag = response.etag;
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
  if (status === 412) return 'precondition failed';
  return undefined;
}

function refusalKind(status: number): Refusal['kind'] {
  if (status === 401) return 'not-signed-in';
  if (status === 403) return 'not-permitted';
  if (status === 404) return 'not-found';
  if (status === 503) return 'unavailable';
  return 'refused';
}
