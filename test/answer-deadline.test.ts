/**
 * A request the fake never answers fails, naming the request, once nothing has come back for
 * the answer deadline (support/api/http-transport.ts): a stalled request is a bug in the fake,
 * and the scenario says so instead of running out its step's time. The connection is usable
 * again afterwards.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

process.env.RDL_ANSWER_DEADLINE_MS = '300';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- read after the deadline is set, as a run sets it
const { send } = require('../support/api/http-transport') as typeof import('../support/api/http-transport');

describe('the answer deadline', () => {
  const server = createServer((request, response) => {
    if (request.url === '/answered') response.end('here');
    // Anything else is never answered: a held answer, a lost next().
  });
  let base = '';
  before(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve())));
  before(() => {
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fails a request nothing comes back to, naming it', { timeout: 5_000 }, async () => {
    const started = Date.now();
    await assert.rejects(send(`${base}/held?x=1`, 'POST', {}, '{}'), /sent nothing back to POST \/held for 300 ms/);
    assert.ok(Date.now() - started < 5_000, 'the deadline, not some other timeout, ended it');
  });

  it('leaves answered requests alone, before and after a stalled one', { timeout: 5_000 }, async () => {
    assert.equal((await send(`${base}/answered`, 'GET', {}, undefined)).text, 'here');
    await assert.rejects(send(`${base}/held`, 'GET', {}, undefined));
    assert.equal((await send(`${base}/answered`, 'GET', {}, undefined)).text, 'here');
  });
});
