/**
 * An in-process fake on a loopback port for the reliability tests, with a raw HTTP client
 * that can send anything (bad JSON, odd headers) and a digest of everything stored.
 */
import assert from 'node:assert/strict';
import { IncomingHttpHeaders, request } from 'node:http';
import { RunningFake, startFake } from '../../support/fake/fake-under-test';
import { PERSONAS } from '../../support/glue/personas';
import { EnvironmentRegistry } from '../../fake-server/environment-registry';
import { EnvironmentFixture } from '../../fake-server/domain/seeding';

export const ADMIN = { userName: PERSONAS.administrator.userName, password: PERSONAS.administrator.password };
export const STANDARD_USER = { userName: PERSONAS['standard user'].userName, password: PERSONAS['standard user'].password };

export function basic(account: { userName: string; password: string }): string {
  return `Basic ${Buffer.from(`${account.userName}:${account.password}`).toString('base64')}`;
}

export const AS_ADMIN = { authorization: basic(ADMIN) };

/** One server on the telephone method with two installed packs, and two purchases not installed. */
export const FIXTURE: EnvironmentFixture = {
  licenseServers: [
    {
      name: 'LS-CONTOSO',
      connectionMethod: 'telephone',
      accounts: [
        { ...ADMIN, groups: ['Administrators'] },
        { ...STANDARD_USER, groups: ['Users'] },
      ],
    },
    { name: 'LS-FABRIKAM', countryRegion: 'Germany', connectionMethod: 'telephone', accounts: [{ ...ADMIN, groups: ['Administrators'] }] },
  ],
  purchases: [
    {
      information: { program: 'enterpriseAgreement', agreementNumber: '4271956' },
      productVersion: 'Windows Server 2022',
      calType: 'perUser',
      quantity: 250,
      installedOn: 'LS-CONTOSO',
      issuedCals: 12,
    },
    {
      information: { program: 'openLicense', licenseNumber: '83920147', authorizationNumber: 'QX7R2M9KD4L8T1B' },
      productVersion: 'Windows Server 2019',
      calType: 'perDevice',
      quantity: 50,
      installedOn: 'LS-CONTOSO',
      issuedCals: 7,
    },
    {
      information: { program: 'select', agreementNumber: '5550123' },
      productVersion: 'Windows Server 2016',
      calType: 'perUser',
      quantity: 40,
    },
    {
      information: { program: 'campus', agreementNumber: '6120456' },
      productVersion: 'Windows Server 2022',
      calType: 'perUser',
      quantity: 300,
    },
  ],
};

export interface Answer {
  status: number;
  /** The Set-Cookie headers, if any (the pages' sign-in). */
  cookies: string[];
  contentType: string;
  body: unknown;
  text: string;
  headers: IncomingHttpHeaders;
}

export interface Exchange {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is: a string is not JSON-encoded, so malformed bodies can be sent. */
  body?: string | Buffer;
}

export class TestFake {
  private constructor(private readonly running: RunningFake) {}

  static async start(): Promise<TestFake> {
    return new TestFake(await startFake());
  }

  get registry(): EnvironmentRegistry {
    return this.running.registry;
  }

  get port(): number {
    return this.running.port;
  }

  stop(): Promise<void> {
    return this.running.stop();
  }

  /** A new environment seeded with the fixture; returns its id. */
  environment(fixture: EnvironmentFixture = FIXTURE): Promise<string> {
    return this.registry.create(fixture);
  }

  digest(environmentId: string): string {
    return this.registry.get(environmentId).digest();
  }

  send(environmentId: string, exchange: Exchange): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { 'x-fake-environment': environmentId, ...exchange.headers };
      if (exchange.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json';
      const outgoing = request(
        { host: '127.0.0.1', port: this.port, method: exchange.method, path: exchange.path, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const contentType = response.headers['content-type'] ?? '';
            let body: unknown = text;
            if (contentType.includes('json') && text) body = JSON.parse(text);
            resolve({
              status: response.statusCode ?? 0,
              cookies: response.headers['set-cookie'] ?? [],
              contentType,
              body,
              text,
              headers: response.headers,
            });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(exchange.body);
    });
  }

  /** Sends a JSON value as the body. */
  json(environmentId: string, method: string, path: string, value: unknown, headers: Record<string, string> = AS_ADMIN): Promise<Answer> {
    return this.send(environmentId, { method, path, headers, body: JSON.stringify(value) });
  }
}

/** Moves the wizard on LS-CONTOSO as the administrator, failing loudly on any refusal. */
export async function drive(fake: TestFake, environmentId: string, moves: object[]): Promise<Answer> {
  let last: Answer | undefined;
  for (const move of moves) {
    last = await fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard/actions', move);
    if (last.status !== 200) throw new Error(`move ${JSON.stringify(move)} refused: ${last.text}`);
  }
  if (!last) throw new Error('no move given');
  return last;
}

/**
 * The license key pack ID the Clearinghouse reads out on a call about a purchase for a server
 * (over the API, with the server's own License Server ID), failing loudly on a refusal.
 */
export async function keyPackIdFromCall(
  fake: TestFake,
  environmentId: string,
  serverName: string,
  dialledNumber: string,
  information: Record<string, string>,
): Promise<string> {
  const server = await fake.send(environmentId, { method: 'GET', path: `/license-servers/${serverName}`, headers: AS_ADMIN });
  const { licenseServerId } = server.body as { licenseServerId: string };
  const call = await fake.json(environmentId, 'POST', '/clearinghouse/telephone-calls', { dialledNumber, licenseServerId, information });
  if (call.status !== 201) throw new Error(`the call about ${serverName} was refused: ${call.text}`);
  return (call.body as { licenseKeyPackId: string }).licenseKeyPackId;
}

/** The moves from the Welcome page to the Obtain Client License Key Pack page. */
export const TO_OBTAIN_PAGE = [
  { type: 'next' },
  { type: 'selectAction', action: 'rebuild' },
  { type: 'selectReason', reason: 'Other' },
  { type: 'next' },
  { type: 'setDeletionConfirmed', confirmed: true },
  { type: 'next' },
  { type: 'next' },
];

/** Signs in to the web pages as an account; returns the session cookie to send back. */
export async function signInToPages(
  fake: TestFake,
  environmentId: string,
  account: { userName: string; password: string },
): Promise<string> {
  const answer = await fake.send(environmentId, {
    method: 'POST',
    path: '/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `userName=${encodeURIComponent(account.userName)}&password=${encodeURIComponent(account.password)}`,
  });
  const session = answer.cookies[0]?.split(';')[0] ?? '';
  if (!session.startsWith('rdl-session=')) throw new Error(`signing in as ${account.userName} failed: ${answer.status}`);
  return session;
}

/** LS-CONTOSO's wizard page, and the headers of a page's form posted by a browser that takes HTML. */
export const WIZARD_PAGE = '/servers/LS-CONTOSO/wizard';
export const FORM_POST = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

/** The hidden field that says which drawing of the wizard a form belongs to. */
export function drawnFrom(html: string): string {
  const found = /name="drawnFrom" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(found, 'the wizard form carries no drawnFrom field');
  return found;
}
