/**
 * The recording behind `npm run examples` (examples-main.ts): records the contract's examples from a real rebuild. It starts the fake in
 * this process (test control on, loopback, a free port), performs the telephone rebuild of
 * procedure steps 2-11 for two purchases over HTTP, reads everything the API offers around it,
 * exercises the test-control API, and writes what the fake answered (and what was sent) to
 * fake-server/http/contract/examples.json, which the OpenAPI document takes its examples from.
 * Recorded, not written by hand: an example cannot show a field the fake does not send.
 * test/contract-examples.test.ts holds every example to its schema, so a schema that changes
 * without them fails until this is run again. The console's HTML pages are requested too (signed
 * in through the form), for their path parameters; their HTML is not kept as an example.
 */
import { AddressInfo } from 'node:net';
import { createApp } from './http/app';
import { serve } from './http/serve';
import { EnvironmentRegistry } from './environment-registry';
import { operations } from './http/contract/operations';
import { ENVIRONMENT_HEADER } from './http/contract/openapi';
import { RecordedExamples } from './http/contract/recorded-examples';

const ADMIN = { userName: 'administrator', password: 'Example-Admin-1' };
const BASIC = `Basic ${Buffer.from(`${ADMIN.userName}:${ADMIN.password}`).toString('base64')}`;
const SERVER = 'LS-CONTOSO';
const ENTERPRISE_AGREEMENT = { program: 'enterpriseAgreement', agreementNumber: '4271956' };
const OPEN_LICENSE = { program: 'openLicense', licenseNumber: '83920147', authorizationNumber: 'QX7R2M9KD4L8T1B' };

/** One server with two purchases installed, before its database is rebuilt. */
const FIXTURE = {
  licenseServers: [
    {
      name: SERVER,
      countryRegion: 'United States',
      connectionMethod: 'automatic',
      accounts: [{ ...ADMIN, groups: ['Administrators'] }],
    },
  ],
  purchases: [
    {
      information: ENTERPRISE_AGREEMENT,
      productVersion: 'Windows Server 2022',
      calType: 'perUser',
      quantity: 250,
      installedOn: SERVER,
      issuedCals: 3,
    },
    {
      information: OPEN_LICENSE,
      productVersion: 'Windows Server 2019',
      calType: 'perDevice',
      quantity: 50,
      installedOn: SERVER,
      issuedCals: 2,
    },
  ],
};

interface Page {
  page: string;
  obtainKeyPack?: { telephoneNumber: string | null; licenseServerId: string };
}

const chosen = operations({ testControl: true });
const matchers = chosen.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

class Recorder {
  readonly examples: RecordedExamples = {};
  private environment: string | undefined;
  private cookie: string | undefined;

  constructor(private readonly base: string) {}

  /** Sends one request; records it under its operation when it succeeds as the contract says; fails on anything else. */
  async send(method: string, path: string, body?: unknown, options: { form?: string; basic?: boolean } = {}): Promise<unknown> {
    const headers: Record<string, string> = this.environment ? { [ENVIRONMENT_HEADER]: this.environment } : {};
    if (options.basic !== false && !path.startsWith('/_test')) headers.authorization = BASIC;
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const answer = await fetch(`${this.base}${path}`, {
      method,
      headers,
      redirect: 'manual',
      body: options.form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await answer.text();
    const bare = path.split('?')[0] ?? path;
    const match = matchers.find(({ operation, pattern }) => operation.method === method.toLowerCase() && pattern.test(bare));
    if (!match) throw new Error(`${method} ${path} is no operation of the contract`);
    const { operation, pattern } = match;
    if (!operation.successes.some((success) => success.status === answer.status)) {
      throw new Error(`${method} ${path} answered ${answer.status}, not a success of ${operation.operationId}: ${text.slice(0, 300)}`);
    }
    const cookie = answer.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0];
    const json: unknown = answer.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    const entry = (this.examples[operation.operationId] ??= {});
    const parameters = pattern.exec(bare)?.groups;
    if (parameters) entry.pathParameters = { ...parameters };
    if (body !== undefined) entry.request = body;
    if (json !== undefined) {
      // The wizard's answers are kept one per page shown: which parts come with which page.
      const name = operation.tag === 'manage cals wizard' ? (json as Page).page : 'recorded';
      const answers = (entry.answers ??= {});
      (answers[String(answer.status)] ??= {})[name] = json;
    }
    return json;
  }

  inEnvironment(id: string | undefined): void {
    this.environment = id;
  }
}

async function rebuild(recorder: Recorder): Promise<string[]> {
  const wizard = `/license-servers/${SERVER}/manage-cals-wizard`;
  const move = (action: object) => recorder.send('POST', `${wizard}/actions`, action) as Promise<Page>;
  await recorder.send('GET', '/license-servers');
  await recorder.send('GET', `/license-servers/${SERVER}`);
  await recorder.send('PUT', `/license-servers/${SERVER}/connection-method`, { connectionMethod: 'telephone' });
  await recorder.send('GET', '/clearinghouse/telephone-numbers');
  await recorder.send('POST', wizard);
  await recorder.send('GET', wizard);
  await move({ type: 'next' });
  await move({ type: 'selectAction', action: 'rebuild' });
  await move({ type: 'selectReason', reason: 'The RD Licensing database is corrupt' });
  await move({ type: 'next' });
  await move({ type: 'setDeletionConfirmed', confirmed: true });
  await move({ type: 'next' });
  let page = await move({ type: 'next' });
  await recorder.send('GET', `/_test/license-servers/${SERVER}/database`);
  const keyPackIds: string[] = [];
  for (const [index, information] of [ENTERPRISE_AGREEMENT, OPEN_LICENSE].entries()) {
    const shown = page.obtainKeyPack;
    if (!shown?.telephoneNumber) throw new Error(`the rebuild reached ${page.page}, not the Obtain Client License Key Pack page`);
    const granted = (await recorder.send('POST', '/clearinghouse/telephone-calls', {
      dialledNumber: shown.telephoneNumber,
      licenseServerId: shown.licenseServerId,
      information,
    })) as { licenseKeyPackId: string };
    keyPackIds.push(granted.licenseKeyPackId);
    await move({ type: 'enterKeyPackId', keyPackId: granted.licenseKeyPackId });
    await recorder.send('GET', wizard);
    await move({ type: 'next' });
    await move({ type: 'chooseAdditionalPacks', choice: index === 0 ? 'continue' : 'finish' });
    page = await move({ type: 'next' });
  }
  await move({ type: 'finish' });
  return keyPackIds;
}

/** Performs the recording against a fake started here, and gives what was recorded. */
export async function recordExamples(): Promise<RecordedExamples> {
  const registry = new EnvironmentRegistry();
  const server = await serve(createApp({ registry, testControl: true }), 0, '127.0.0.1');
  const recorder = new Recorder(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    await recorder.send('GET', '/healthz', undefined, { basic: false });
    const { environmentId } = (await recorder.send('POST', '/_test/environments', FIXTURE)) as { environmentId: string };
    recorder.inEnvironment(environmentId);
    // Emptied and seeded again once the clock is set (a reset sets it back to the real time), so that
    // the seeded purchases' instants are the same in every recording.
    await recorder.send('POST', '/_test/reset');
    await recorder.send('PUT', '/_test/clock', { now: '2026-03-02T09:30:00.000Z' });
    await recorder.send('POST', '/_test/seed', FIXTURE);
    await recorder.send('POST', '/_test/clock/advance', { minutes: 5 });
    await recorder.send('GET', '/_test/clock');
    const [keyPackId] = await rebuild(recorder);
    await recorder.send('GET', `/license-servers/${SERVER}/key-packs`);
    await recorder.send('GET', `/license-servers/${SERVER}/events`);
    await recorder.send('GET', `/clearinghouse/license-key-packs/${keyPackId}`);
    await recorder.send('GET', `/_test/license-servers/${SERVER}/database?issuedCalsFrom=0`);
    await recorder.send('GET', `/_test/license-servers/${SERVER}/snapshot`);
    await recorder.send('GET', '/_test/clearinghouse/purchases');
    await recorder.send('GET', '/_test/clearinghouse/issuances');
    await recorder.send('GET', '/_test/digest');
    await recorder.send('GET', '/_test/unexpected-errors');
    const { snapshotId } = (await recorder.send('POST', '/_test/snapshots')) as { snapshotId: string };
    await recorder.send('PUT', `/_test/license-servers/${SERVER}/faults`, { busySignals: 1, latencyMs: 250 });
    await recorder.send('DELETE', `/_test/license-servers/${SERVER}/faults`);
    await recorder.send('POST', `/_test/snapshots/${snapshotId}/restore`);
    await pages(recorder, keyPackId ?? '');
    await recorder.send('POST', '/_test/reset');
    await recorder.send('POST', '/_test/fixtures/demo');
    await recorder.send('POST', '/_test/reset');
    await recorder.send('POST', '/_test/seed', FIXTURE);
    recorder.inEnvironment(undefined);
    await recorder.send('DELETE', `/_test/environments/${environmentId}`);
    await recorder.send('GET', '/openapi.json', undefined, { basic: false });
  } finally {
    registry.closeAll();
    server.closeAllConnections();
    server.close();
  }
  // The document itself is its own example only in part: its version and title.
  const contract = recorder.examples.getOpenApiDocument?.answers?.['200'];
  if (contract)
    contract.recorded = {
      openapi: (contract.recorded as { openapi: string }).openapi,
      info: (contract.recorded as { info: unknown }).info,
    };
  return recorder.examples;
}

/** The console's pages that take a path parameter, signed in through the form. */
async function pages(recorder: Recorder, keyPackId: string): Promise<void> {
  await recorder.send('GET', '/sign-in', undefined, { basic: false });
  const form = `userName=${encodeURIComponent(ADMIN.userName)}&password=${encodeURIComponent(ADMIN.password)}`;
  await recorder.send('POST', '/sign-in', undefined, { form, basic: false });
  for (const path of [
    '/',
    `/servers/${SERVER}`,
    `/servers/${SERVER}/properties`,
    '/clearinghouse',
    `/clearinghouse/key-packs/${keyPackId}`,
  ]) {
    await recorder.send('GET', path, undefined, { basic: false });
  }
}
