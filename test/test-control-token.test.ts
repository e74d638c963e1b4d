/**
 * The test-control token cannot be walked round by writing a path another way. Express
 * matched routes without regard to case while the guard compared `/_test` exactly, so
 * `POST /_TEST/reset` emptied the default environment without the token. Every route of the
 * app (read from its router, so a new one cannot slip past) is tried in other cases.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../fake-server/environment-registry';
import { createApp } from '../fake-server/http/app';
import { serve } from '../fake-server/http/serve';
import { appRoutes } from './helpers/app-routes';
import { FIXTURE } from './helpers/http-fake';

const TOKEN = 'a-long-enough-secret-token';

/** The path of a route with its parameters filled in with values that exist in FIXTURE. */
function concrete(path: string): string {
  return path
    .replace(':server', 'LS-CONTOSO')
    .replace(':id', 'some-environment')
    .replace(':snapshotId', 'some-snapshot')
    .replace(':name', 'demo');
}

/** Other spellings of a path: all upper case, its first letters upper case, one letter changed. */
function otherCases(path: string): string[] {
  const capitalised = path.replace(/(^|\/)_?([a-z])/g, (whole) => whole.toUpperCase());
  const firstLetter = path.replace(/[a-z]/, (letter) => letter.toUpperCase());
  return [...new Set([path.toUpperCase(), capitalised, firstLetter])].filter((other) => other !== path);
}

describe('one rule for matching paths: the test-control token', () => {
  let registry: EnvironmentRegistry;
  let server: Server;

  before(async () => {
    registry = new EnvironmentRegistry();
    await registry.create(FIXTURE, DEFAULT_ENVIRONMENT);
    server = await serve(createApp({ registry, testControl: true, testControlToken: TOKEN }), 0, '127.0.0.1');
  });

  after(() => {
    registry.closeAll();
    server.closeAllConnections();
    server.close();
  });

  const send = (method: string, path: string, headers: Record<string, string> = {}): Promise<number> =>
    new Promise((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const outgoing = request(
        { host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', ...headers } },
        (answer) => {
          answer.resume();
          answer.on('end', () => resolve(answer.statusCode ?? 0));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(method === 'GET' || method === 'DELETE' ? undefined : '{}');
    });

  it('refuses every /_test route written in another case without the token, and changes nothing', async (t) => {
    const testRoutes = appRoutes().filter((route) => route.split(' ')[1]?.startsWith('/_test'));
    assert.ok(testRoutes.length >= 15, `the test-control routes are read from the app: ${testRoutes.length}`);
    let tried = 0;
    for (const route of testRoutes) {
      const [method = '', path = ''] = route.split(' ');
      for (const spelling of otherCases(concrete(path))) {
        const before = registry.get(DEFAULT_ENVIRONMENT).digest();
        const status = await send(method, spelling);
        tried += 1;
        assert.ok(status === 403 || status === 404, `${method} ${spelling} without the token answered ${status}`);
        assert.equal(registry.get(DEFAULT_ENVIRONMENT).digest(), before, `${method} ${spelling} changed the default environment`);
      }
    }
    assert.equal(registry.has(DEFAULT_ENVIRONMENT), true);
    t.diagnostic(`test-control paths in other cases tried without the token: ${tried}`);
  });

  it('still serves /_test as written, with the token, and refuses it without', async () => {
    assert.equal(await send('GET', '/_test/clock'), 403);
    assert.equal(await send('GET', '/_test/clock', { 'x-test-control-token': TOKEN }), 200);
    assert.equal(await send('GET', '/_test/clock/', { 'x-test-control-token': TOKEN }), 200, 'a trailing slash is the same route');
    assert.equal(await send('GET', '/_test/clock/'), 403, 'and needs the token as well');
  });

  it('says in its refusal which token is missing and where it goes', async () => {
    const { port } = server.address() as AddressInfo;
    const body = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, method: 'GET', path: '/_test/clock' }, (answer) => {
        let text = '';
        answer.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        answer.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
      });
      outgoing.on('error', reject).end();
    });
    assert.deepEqual(body, {
      type: 'urn:rd-licensing-fake:problem:test-control-token-required',
      title: 'Test-control token required',
      status: 403,
      code: 'test-control-token-required',
      detail: 'The test-control routes need the token given with --test-control-token, in the x-test-control-token header.',
    });
  });

  it('matches every route of the app by one rule: a path in another case is no route', async () => {
    const routes = appRoutes().filter((route) => !route.split(' ')[1]?.startsWith('/_test'));
    for (const route of routes) {
      const [method = '', path = ''] = route.split(' ');
      for (const spelling of otherCases(concrete(path))) {
        const status = await send(method, spelling, { 'x-test-control-token': TOKEN });
        assert.equal(status, 404, `${method} ${spelling} answered ${status}: routes are matched as written`);
      }
    }
  });
});
