/**
 * Regression tests for what probing the running fake from outside found: each class of
 * defect, tried against the in-process fake over loopback (the bad-input corpus holds the
 * single-request cases; the --db cases are in persistence.test.ts).
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AddressInfo } from 'node:net';
import { EnvironmentRegistry, MAX_ENVIRONMENTS } from '../fake-server/environment-registry';
import { createApp } from '../fake-server/http/app';
import { serve } from '../fake-server/http/serve';
import { UnexpectedErrors } from '../fake-server/http/problem';
import { ADMIN, AS_ADMIN, FIXTURE, TestFake, basic } from './helpers/http-fake';

describe('hostile and careless clients', () => {
  let fake: TestFake;

  before(async () => {
    fake = await TestFake.start();
  });

  after(() => fake.stop());

  it('keeps unexpected errors per environment, so a flood elsewhere hides none', () => {
    const errors = new UnexpectedErrors((id) => id === 'mine' || id === 'object');
    errors.record('mine', 'GET', '/x', new Error('the one my After hook looks for'));
    for (let i = 0; i < 5000; i += 1) errors.record(`made-up-${i % 3000}`, 'GET', '/y', new Error('noise'));
    assert.equal(errors.of('mine').length, 1);
    assert.equal(errors.of('made-up-1').length, 0, 'errors naming no existing environment are kept apart');
    errors.record('object', 'GET', '/z', { code: 'OOM' });
    assert.match(errors.of('object')[0]?.message ?? '', /OOM/, 'a thrown object is described, not "[object Object]"');
  });

  it('refuses environments past its limit with a clear 503, and accepts them again after deletes', async (t) => {
    const created: string[] = [];
    let refused: { status: number; code?: string } | undefined;
    for (let i = 0; i <= MAX_ENVIRONMENTS && !refused; i += 1) {
      const answer = await fake.send('', { method: 'POST', path: '/_test/environments', body: '{}' });
      if (answer.status === 201) created.push((answer.body as { environmentId: string }).environmentId);
      else refused = { status: answer.status, code: (answer.body as { code?: string }).code };
    }
    assert.deepEqual(refused, { status: 503, code: 'too-many-environments' });
    t.diagnostic(`environments created before the limit: ${created.length} (limit ${MAX_ENVIRONMENTS})`);
    for (const id of created) await fake.send('', { method: 'DELETE', path: `/_test/environments/${id}` });
    assert.equal((await fake.send('', { method: 'POST', path: '/_test/environments', body: '{}' })).status, 201);
  });

  it('folds names one way: a Kelvin sign cannot lock "kate" out, and case does not matter', async () => {
    const environmentId = await fake.environment({
      licenseServers: [{ name: 'LS-KATE', accounts: [{ userName: 'kate', password: 'Kate-pass-1', groups: ['administrators'] }] }],
    });
    const as = (userName: string, server = 'LS-KATE') =>
      fake.send(environmentId, {
        method: 'PUT',
        path: `/license-servers/${server}/connection-method`,
        headers: { authorization: basic({ userName, password: 'Kate-pass-1' }) },
        body: JSON.stringify({ connectionMethod: 'telephone' }),
      });
    assert.equal((await as('\u212Aate')).status, 401, 'a Kelvin sign is not a K');
    assert.equal((await as('kate')).status, 200, 'the real kate still signs in (the miss was not remembered)');
    assert.equal((await as('KATE', 'ls-kate')).status, 200, 'user, server and group names are compared without case');
  });

  it('answers an unknown and a known server alike to a caller who is not signed in', async () => {
    const environmentId = await fake.environment();
    const answers = [];
    for (const server of ['LS-CONTOSO', 'LS-NOWHERE']) {
      for (const headers of [{}, { authorization: basic({ ...ADMIN, password: 'wrong' }) }] as Record<string, string>[]) {
        const answer = await fake.send(environmentId, { method: 'GET', path: `/license-servers/${server}`, headers });
        answers.push(`${answer.status} ${(answer.body as { code: string }).code}`);
      }
    }
    assert.deepEqual(answers, Array(4).fill('401 not-authenticated'));
    const signedIn = await fake.send(environmentId, { method: 'GET', path: '/license-servers/LS-NOWHERE', headers: AS_ADMIN });
    assert.equal(
      (signedIn.body as { code: string }).code,
      'unknown-license-server',
      'a signed-in administrator is told the name is unknown',
    );
  });

  it('does not take a password with a trailing NUL for the password', async () => {
    const environmentId = await fake.environment();
    const answer = await fake.send(environmentId, {
      method: 'GET',
      path: '/license-servers/LS-CONTOSO',
      headers: { authorization: basic({ ...ADMIN, password: `${ADMIN.password}\u0000` }) },
    });
    assert.equal(answer.status, 401);
  });

  it('refuses a clock past 9999 with 422 and leaves the clock as it was', async () => {
    const environmentId = await fake.environment();
    await fake.json(environmentId, 'PUT', '/_test/clock', { now: '9999-12-31T00:00:00.000Z' });
    const answer = await fake.json(environmentId, 'POST', '/_test/clock/advance', { days: 2 });
    assert.equal(answer.status, 422);
    assert.equal((answer.body as { code: string }).code, 'clock-out-of-range');
    const clock = await fake.send(environmentId, { method: 'GET', path: '/_test/clock' });
    assert.equal((clock.body as { now: string }).now, '9999-12-31T00:00:00.000Z');
  });

  it('keeps the clock and the fault switches on snapshot restore (a snapshot holds the databases only)', async () => {
    const environmentId = await fake.environment();
    await fake.json(environmentId, 'PUT', '/_test/clock', { now: '2026-01-01T00:00:00.000Z' });
    const snapshotId = ((await fake.send(environmentId, { method: 'POST', path: '/_test/snapshots' })).body as { snapshotId: string })
      .snapshotId;
    await fake.json(environmentId, 'PUT', '/_test/clock', { now: '2027-06-01T00:00:00.000Z' });
    await fake.json(environmentId, 'PUT', '/_test/license-servers/LS-CONTOSO/faults', { busySignals: 2 });
    await fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard', {});
    assert.equal((await fake.send(environmentId, { method: 'POST', path: `/_test/snapshots/${snapshotId}/restore` })).status, 204);
    const clock = (await fake.send(environmentId, { method: 'GET', path: '/_test/clock' })).body as { now: string; frozen: boolean };
    assert.deepEqual(clock, { now: '2027-06-01T00:00:00.000Z', frozen: true });
    const faults = fake.registry.get(environmentId).faults.current('LS-CONTOSO');
    assert.deepEqual(faults, { busySignals: 2 }, 'the fault switches are as they were before the restore');
    const wizard = await fake.send(environmentId, {
      method: 'GET',
      path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
      headers: AS_ADMIN,
    });
    assert.equal((wizard.body as { code: string }).code, 'wizard-not-open', 'the databases are back as at the snapshot');
  });

  it("answers what Node's parser refuses with a problem too", async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(fake.port, '127.0.0.1', () => socket.write(text));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const garbage = await raw('THIS IS NOT HTTP\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400[\s\S]*application\/problem\+json[\s\S]*"code":"malformed-request"/);
    const huge = await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(huge, /^HTTP\/1\.1 431[\s\S]*"code":"headers-too-large"/);
    const hostless = await raw('GET /license-servers HTTP/1.1\r\nConnection: close\r\n\r\n');
    assert.match(hostless, /^HTTP\/1\.1 400[\s\S]*application\/problem\+json[\s\S]*"code":"malformed-request"[\s\S]*Host header/);
  });

  it('closes a connection whose headers or body come too slowly', async () => {
    const registry = new EnvironmentRegistry();
    const server = await serve(createApp({ registry, testControl: false }), 0, '127.0.0.1', { headersMs: 300, requestMs: 600 });
    const { port } = server.address() as AddressInfo;
    // Each sends a little and then nothing more; the fake must not wait for the rest for long.
    const stalled = (start: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(start));
        let answer = '';
        const giveUp = setTimeout(() => reject(new Error(`still open after 5 s: ${JSON.stringify(start)}`)), 5_000);
        socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
        socket.on('close', () => {
          clearTimeout(giveUp);
          resolve(answer);
        });
        socket.on('error', () => undefined);
      });
    try {
      const [headers, body] = await Promise.all([
        stalled('GET /license-servers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '),
        stalled(
          'PUT /license-servers/LS-A/connection-method HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"conn',
        ),
      ]);
      assert.match(headers, /^HTTP\/1\.1 408[\s\S]*"code":"request-timeout"/, 'slow headers');
      assert.match(body, /^HTTP\/1\.1 408[\s\S]*"code":"request-timeout"/, 'a slow body');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // Issue 28: a limit ten times longer passed every test above, which set their own short limits.
  it('gives a client 10 s for its headers and 30 s for its whole request when started as main.ts starts it', async () => {
    const server = await serve(createApp({ registry: new EnvironmentRegistry(), testControl: false }), 0, '127.0.0.1');
    try {
      assert.equal(server.headersTimeout, 10_000, 'the headers');
      assert.equal(server.requestTimeout, 30_000, 'the whole request');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('handles requests pipelined on one connection in order: a GET right behind a PUT sees the PUT', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const body = JSON.stringify({ connectionMethod: 'automatic' });
    const common = `Host: 127.0.0.1\r\nx-fake-environment: ${environmentId}\r\nAuthorization: ${AS_ADMIN.authorization}\r\n`;
    const answers = await new Promise<string>((resolve, reject) => {
      const socket = connect(fake.port, '127.0.0.1', () =>
        socket.write(
          `PUT /license-servers/LS-CONTOSO/connection-method HTTP/1.1\r\n${common}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
            `GET /license-servers/LS-CONTOSO HTTP/1.1\r\n${common}Connection: close\r\n\r\n`,
        ),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const bodies = [...answers.matchAll(/"connectionMethod":"(\w+)"/g)].map((match) => match[1]);
    assert.deepEqual(bodies, ['automatic', 'automatic'], 'the GET answers the state after the PUT');
  });

  it('names an unknown environment with at most 64 characters of its id', async () => {
    const id = 'x'.repeat(8_000);
    const answer = await fake.send('', { method: 'GET', path: '/_test/clock', headers: { 'x-fake-environment': id } });
    assert.equal((answer.body as { code: string }).code, 'unknown-environment');
    assert.ok(answer.text.length < 600, `the answer is ${answer.text.length} characters`);
  });
});
