/**
 * The fake as a service others run: GET /healthz for readiness probes, and the host names a
 * container is reached by (--allowed-host, RDL_ALLOWED_HOSTS) beside the loopback ones.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Server } from 'node:http';
import { createApp } from '../fake-server/http/app';
import { serve } from '../fake-server/http/serve';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../fake-server/environment-registry';
import { allowedHostNames } from '../fake-server/http/allowed-hosts';
import { ADMIN, FIXTURE, basic } from './helpers/http-fake';

interface Answer {
  status: number;
  contentType: string;
  json: Record<string, unknown>;
}

function get(port: number, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), json: JSON.parse(text) }),
      );
    });
    req.on('error', reject).end();
  });
}

describe('a fake reached by a container service name', () => {
  let server: Server;
  let port: number;
  let registry: EnvironmentRegistry;
  before(async () => {
    registry = new EnvironmentRegistry();
    await registry.create(FIXTURE, DEFAULT_ENVIRONMENT);
    const app = createApp({
      registry,
      testControl: false,
      listenHost: '0.0.0.0',
      allowedHosts: allowedHostNames(['fake'], 'rdl.test, Other-Name'),
    });
    server = await serve(app, 0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    registry.closeAll();
    server.closeAllConnections();
    server.close();
  });

  it('answers requests addressed to an allowed name, in any case, with or without a port', async () => {
    for (const host of ['fake:3990', 'FAKE', 'rdl.test:80', 'other-name']) {
      const answer = await get(port, '/license-servers', { host, authorization: basic(ADMIN) });
      assert.equal(answer.status, 200, host);
      assert.ok(Array.isArray(answer.json.licenseServers), host);
    }
  });

  it('still refuses any other name with a 421 whose detail names the option', async () => {
    for (const host of ['fake.evil.example', 'fakes', 'rebind.example:3990']) {
      const answer = await get(port, '/license-servers', { host, authorization: basic(ADMIN) });
      assert.equal(answer.status, 421, host);
      assert.equal(answer.contentType, 'application/problem+json; charset=utf-8');
      assert.equal(answer.json.code, 'foreign-host');
      assert.match(String(answer.json.detail), /--allowed-host <name> or RDL_ALLOWED_HOSTS/);
    }
  });

  it('answers GET /healthz with no credentials: serving, its version, whether test control is mounted', async () => {
    const answer = await get(port, '/healthz', { host: 'fake:3990' });
    const { version } = (await import('../package.json')) as { version: string };
    assert.deepEqual([answer.status, answer.json], [200, { status: 'serving', version, testControl: false }]);
  });
});

describe('the names --allowed-host and RDL_ALLOWED_HOSTS take', () => {
  it('joins both, dropping empty entries of the list', () => {
    assert.deepEqual(allowedHostNames(['fake', 'a.b'], ' c , ,d-e '), ['fake', 'a.b', 'c', 'd-e']);
    assert.deepEqual(allowedHostNames([], undefined), []);
  });

  it('refuses what is not a host name, naming it and the two settings', () => {
    for (const bad of ['fake:3990', 'http://fake', '-fake', 'a b', 'fake/', `${'a'.repeat(64)}.test`]) {
      assert.throws(() => allowedHostNames([bad], undefined), /--allowed-host and RDL_ALLOWED_HOSTS take host names/, bad);
      assert.throws(() => allowedHostNames([], `ok,${bad}`), new RegExp(bad.slice(0, 20).replace(/[/.:]/g, '\\$&')), bad);
    }
  });

  it('takes a name of up to 253 characters, as DNS does, and no longer', () => {
    const label = 'a'.repeat(63);
    const longest = [label, label, label, 'b'.repeat(61)].join('.');
    assert.equal(longest.length, 253);
    assert.deepEqual(allowedHostNames([longest], undefined), [longest]);
    assert.throws(() => allowedHostNames([`${longest}c`], undefined), /take host names/);
  });

  it('quotes at most 100 characters of a name it refuses', () => {
    const bad = `${'x'.repeat(150)}:3990`;
    assert.throws(
      () => allowedHostNames([bad], undefined),
      (error: Error) => error.message.endsWith(`not "${'x'.repeat(100)}".`),
    );
  });
});
