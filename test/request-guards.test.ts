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

  /** One request with exactly these headers (node would otherwise add its own Host). */
  function send(headers: Record<string, string>, method = 'GET'): Promise<number> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, path: '/', method, headers, setHost: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
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
  ];
  for (const host of foreign) {
    it(`refuses a request addressed to ${host} as a foreign host (421)`, async () => assert.equal(await send({ host }), 421));
  }

  it('refuses a request with an empty Host as malformed (400)', async () => assert.equal(await send({ host: '' }), 400));

  it("takes an Origin of the fake's own, in either scheme and any case, and no other", async () => {
    const host = `localhost:${port}`;
    assert.equal(await send({ host, origin: `http://localhost:${port}` }, 'POST'), 200);
    assert.equal(await send({ host, origin: `https://LOCALHOST:${port}` }, 'POST'), 200);
    assert.equal(await send({ host, origin: `ftp://localhost:${port}` }, 'POST'), 403);
    assert.equal(await send({ host, origin: 'null' }, 'POST'), 403);
    assert.equal(await send({ host, origin: `http://localhost:${port + 1}` }, 'POST'), 403);
  });

  it('answers OPTIONS with 405: the fake allows no cross-origin use', async () => {
    assert.equal(await send({ host: 'localhost' }, 'OPTIONS'), 405);
  });
});
