/**
 * The request guards' host rules, each case a Host header a client could send (fake-server/http/
 * request-guards.ts): loopback names in any case, with or without a port or IPv6 brackets, any IP
 * address, the name the fake listens on and the names allowed by --allowed-host pass; anything
 * else, look-alikes included, is a 421. And what main.ts asks of isLoopback before it starts test
 * control without a token. The mutation run of http/ left most of these rules alive: the scenarios
 * and the other node tests only ever send "127.0.0.1:<port>".
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { isLoopback, requestGuards } from '../fake-server/http/request-guards';

describe('isLoopback (what main.ts starts test control without a token on)', () => {
  const cases: [string, boolean][] = [
    ['localhost', true],
    ['LocalHost', true],
    ['127.0.0.1', true],
    ['127.200.3.4', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['128.0.0.1', false],
    ['10.127.0.1', false],
    ['127.example.com', false],
    ['localhost.example.com', false],
    ['evil-localhost', false],
    ['::2', false],
    ['', false],
    // Only a bracket at either end is IPv6 notation; one inside the name makes it no address at all.
    ['[127.0.0.1]', true],
    ['127.0.0.[1', false],
    ['127.0.]0.1', false],
  ];
  for (const [host, expected] of cases) {
    it(`${JSON.stringify(host)} is ${expected ? '' : 'not '}loopback`, () => assert.equal(isLoopback(host), expected));
  }
});

describe('the Host a request may be addressed to', () => {
  const app = express();
  app.use(requestGuards({ listenHost: 'Build-Agent', allowedHosts: ['Fake-Service'] }));
  app.all('/', (_req, res) => {
    res.send('answered');
  });
  let server: ReturnType<typeof app.listen>;
  let port = 0;
  before(async () => {
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  /** One request with exactly these headers (node would otherwise add its own Host), and its answer. */
  function answer(headers: Record<string, string>, method = 'GET'): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, path: '/', method, headers, setHost: false }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }
  const send = async (headers: Record<string, string>, method = 'GET'): Promise<number> => (await answer(headers, method)).status;

  /** The refusal's problem document, whole: a person reads its title and detail, a client its code. */
  async function refusal(headers: Record<string, string>, method = 'GET'): Promise<Record<string, unknown>> {
    const { status, text } = await answer(headers, method);
    const body = JSON.parse(text) as Record<string, unknown>;
    assert.equal(body.status, status);
    return body;
  }

  const passing = [
    'localhost',
    'LOCALHOST:3990',
    '127.0.0.1:80',
    '127.9.9.9',
    '[::1]',
    '[::1]:3990',
    '10.1.2.3:8080',
    '[fe80::1]:1',
    '[fe80::1]:3990',
    '[fe80::1]',
    'build-agent:3990',
    'BUILD-AGENT',
    'fake-service',
    'Fake-Service:3990',
  ];
  for (const host of passing) {
    it(`answers a request addressed to ${host}`, async () => assert.equal(await send({ host }), 200));
  }

  const foreign = [
    'evil.example',
    'evil.example:3990',
    'localhost.evil.example',
    'evil-localhost',
    '127.0.0.1.evil.example',
    'build-agent.evil.example',
    'fake-service.evil.example:80',
    '[::1]:abc',
    '[::1]x',
    'x[::1]',
    '[::1]:3990:1',
    // Only a port at the end is a port: without its ":1" in the middle this would read 127.0.0.1.
    '127.0:1.0.1',
  ];
  for (const host of foreign) {
    it(`refuses a request addressed to ${host} as a foreign host (421)`, async () => assert.equal(await send({ host }), 421));
  }

  it('refuses a request with an empty Host as malformed (400), saying what is missing', async () => {
    assert.deepEqual(await refusal({ host: '' }), {
      type: 'urn:rd-licensing-fake:problem:malformed-request',
      title: 'No host',
      status: 400,
      code: 'malformed-request',
      detail: 'An HTTP/1.1 request names the host it is for in a Host header; this one has none.',
    });
  });

  it('names a foreign host in its refusal, cut at 100 characters, and the option that would let it in', async () => {
    const host = `${'a'.repeat(60)}.${'b'.repeat(60)}.evil.example`;
    const body = await refusal({ host });
    assert.equal(body.title, 'Foreign host');
    assert.equal(body.code, 'foreign-host');
    assert.equal(
      body.detail,
      `The fake answers only requests addressed to itself, not to "${host.slice(0, 100)}"; ` +
        'to reach it by that name (a container service name, say), start it with --allowed-host <name> or RDL_ALLOWED_HOSTS=<name,…>.',
    );
  });

  it('names a foreign origin in its refusal, cut at 100 characters', async () => {
    const origin = `http://${'c'.repeat(120)}.example`;
    const body = await refusal({ host: 'localhost', origin }, 'POST');
    assert.equal(body.title, 'Foreign origin');
    assert.equal(body.code, 'foreign-origin');
    assert.equal(body.detail, `Pages from ${origin.slice(0, 100)} may not use the fake; only its own pages may.`);
  });

  it("takes an Origin of the fake's own, in either scheme and any case, and no other", async () => {
    const host = `localhost:${port}`;
    assert.equal(await send({ host, origin: `http://localhost:${port}` }, 'POST'), 200);
    assert.equal(await send({ host, origin: `https://LOCALHOST:${port}` }, 'POST'), 200);
    assert.equal(await send({ host, origin: `ftp://localhost:${port}` }, 'POST'), 403);
    assert.equal(await send({ host, origin: 'null' }, 'POST'), 403);
    assert.equal(await send({ host, origin: `http://localhost:${port + 1}` }, 'POST'), 403);
  });

  it('answers OPTIONS with 405: the fake allows no cross-origin use', async () => {
    const body = await refusal({ host: 'localhost' }, 'OPTIONS');
    assert.equal(body.status, 405);
    assert.equal(body.title, 'Method not allowed');
    assert.equal(body.code, 'method-not-allowed');
    assert.equal(body.detail, 'The fake answers no OPTIONS requests: it allows no cross-origin use.');
  });
});
