/**
 * What the HTTP edge answers that no scenario reads word for word: the headers of a refusal
 * (a 401's challenge, Retry-After only on a 429), the detail of a body of the wrong form, the
 * test-control API's own refusals and limits, If-Match: * and the latency fault. The mutation
 * run of http/ (docs/mutation-scores.md) left each of these alive under every scenario and the
 * other node tests; every expected value here is written from the contract and the README's
 * choices, not read back from the fake.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { ConflictError } from '../fake-server/domain/errors';
import { BASIC_CHALLENGE, UnexpectedErrors, errorHandler } from '../fake-server/http/problem';
import { AS_ADMIN, FIXTURE, STANDARD_USER, TestFake, basic } from './helpers/http-fake';

// One fake for the file; each part works in environments of its own.
let fake: TestFake;
before(async () => {
  fake = await TestFake.start();
});
after(() => fake.stop());

describe('the headers of a refusal', () => {
  let environmentId: string;

  before(async () => {
    environmentId = await fake.environment(FIXTURE);
  });

  it('challenges for Basic credentials on a 401, and on nothing else', async () => {
    const unsigned = await fake.send(environmentId, { method: 'GET', path: '/license-servers/LS-CONTOSO' });
    assert.equal(unsigned.status, 401);
    assert.equal(unsigned.headers['www-authenticate'], 'Basic realm="RD License Server", charset="UTF-8"');
    assert.equal(BASIC_CHALLENGE, unsigned.headers['www-authenticate']);

    const forbidden = await fake.send(environmentId, {
      method: 'POST',
      path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
      headers: { authorization: basic(STANDARD_USER) },
    });
    assert.equal(forbidden.status, 403);
    const missing = await fake.send(environmentId, { method: 'GET', path: '/license-servers/LS-NOWHERE', headers: AS_ADMIN });
    assert.equal(missing.status, 404);
    for (const answer of [forbidden, missing]) {
      assert.equal(answer.headers['www-authenticate'], undefined, `a ${answer.status} asks for no credentials`);
      assert.equal(answer.headers['retry-after'], undefined, `a ${answer.status} says nothing of retrying`);
    }
    assert.equal(unsigned.headers['retry-after'], undefined, 'nor does a 401');
  });

  it('says which part of a body is of the wrong form, and what is wrong with it', async () => {
    const empty = await fake.json(environmentId, 'POST', '/_test/clock/advance', {});
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.body, {
      type: 'urn:rd-licensing-fake:problem:invalid-request',
      title: 'Invalid request',
      status: 400,
      code: 'invalid-request',
      detail: 'The request does not have the expected form. body: give days or minutes.',
    });

    const nested = await fake.json(environmentId, 'POST', '/_test/seed', {
      licenseServers: [{ name: 'LS-OK' }, { name: 42 }],
      purchases: 'none',
    });
    assert.equal(nested.status, 400);
    const { detail } = nested.body as { detail: string };
    assert.match(detail, /^The request does not have the expected form\. licenseServers\.1\.name: [^;]+; purchases: [^;]+\.$/);
  });

  it("names the API's limit on a body too large: 64 KiB of JSON", async () => {
    const oversized = await fake.send(environmentId, {
      method: 'POST',
      path: '/_test/seed',
      body: JSON.stringify({ licenseServers: [], note: 'a'.repeat(64 * 1024) }),
    });
    assert.equal(oversized.status, 413);
    assert.equal((oversized.body as { detail?: string }).detail, 'The request body is larger than the fake accepts (64 KiB).');
  });
});

describe('the test-control API', () => {
  let environmentId: string;

  before(async () => {
    environmentId = await fake.environment(FIXTURE);
  });

  it('makes an environment from the fixture sent with it', async () => {
    const made = await fake.json('', 'POST', '/_test/environments', {
      licenseServers: [{ name: 'LS-NEWLY-MADE', accounts: [{ userName: 'qa', password: 'pass-word-1', groups: ['Administrators'] }] }],
    });
    assert.equal(made.status, 201);
    const { environmentId: madeId } = made.body as { environmentId: string };
    const server = await fake.send(madeId, {
      method: 'GET',
      path: '/license-servers/LS-NEWLY-MADE',
      headers: { authorization: basic({ userName: 'qa', password: 'pass-word-1' }) },
    });
    assert.equal(server.status, 200, server.text);
  });

  it('takes fixture names of lower-case letters, digits and hyphens only, the whole name', async () => {
    for (const name of ['demo!', 'demo.json', 'Demo']) {
      const answer = await fake.send(environmentId, { method: 'POST', path: `/_test/fixtures/${encodeURIComponent(name)}` });
      assert.equal(answer.status, 400, name);
      assert.match((answer.body as { detail: string }).detail, /a fixture name: lower-case letters, digits and hyphens/, name);
    }
    const unknown = await fake.send(environmentId, { method: 'POST', path: '/_test/fixtures/no-such-fixture' });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as { code: string }).code, 'unknown-fixture');
  });

  it('holds one seeding request to 2,500 issued CALs in all, however they are spread', async () => {
    const digestBefore = fake.digest(environmentId);
    const purchase = (agreementNumber: string) => ({
      information: { program: 'select', agreementNumber },
      productVersion: 'Windows Server 2022',
      calType: 'perUser',
      quantity: 2_000,
      installedOn: 'LS-CONTOSO',
      issuedCals: 1_300,
    });
    const answer = await fake.json(environmentId, 'POST', '/_test/seed', { purchases: [purchase('7000001'), purchase('7000002')] });
    assert.equal(answer.status, 400);
    assert.match(
      (answer.body as { detail: string }).detail,
      /purchases: at most 2500 issued CALs in one seeding request; seed more in further requests/,
    );
    assert.equal(fake.digest(environmentId), digestBefore, 'the refused seeding changed nothing');
  });

  it('holds one seeding request to 10 accounts in all: ten pass, eleven do not', async () => {
    const accounts = (count: number, server: string) =>
      Array.from({ length: count }, (_, index) => ({ userName: `${server}-user-${index}`, password: 'pass-word-1', groups: ['Users'] }));
    const ten = await fake.json(environmentId, 'POST', '/_test/seed', {
      licenseServers: [
        { name: 'LS-TEN-A', accounts: accounts(6, 'a') },
        { name: 'LS-TEN-B', accounts: accounts(4, 'b') },
      ],
    });
    assert.equal(ten.status, 204, ten.text);
    const eleven = await fake.json(environmentId, 'POST', '/_test/seed', {
      licenseServers: [
        { name: 'LS-ELEVEN-A', accounts: accounts(6, 'c') },
        { name: 'LS-ELEVEN-B', accounts: accounts(5, 'd') },
      ],
    });
    assert.equal(eleven.status, 400);
    assert.match((eleven.body as { detail: string }).detail, /licenseServers: at most 10 accounts in one seeding request/);
  });
});

describe('If-Match on a wizard move', () => {
  it('takes "*" (any drawing of the wizard) as RFC 9110 has it, and a stale ETag not', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const wizard = '/license-servers/LS-CONTOSO/manage-cals-wizard';
    const opened = await fake.send(environmentId, { method: 'POST', path: wizard, headers: AS_ADMIN });
    assert.equal(opened.status, 201);
    const any = await fake.json(environmentId, 'POST', `${wizard}/actions`, { type: 'next' }, { ...AS_ADMIN, 'if-match': '*' });
    assert.equal(any.status, 200, any.text);
    assert.equal((any.body as { page: string }).page, 'actionSelection');
    const stale = await fake.json(
      environmentId,
      'POST',
      `${wizard}/actions`,
      { type: 'back' },
      { ...AS_ADMIN, 'if-match': opened.headers.etag ?? '' },
    );
    assert.equal(stale.status, 412);
  });
});

describe('the latency fault', () => {
  it('holds answers about the server it is set on for at least as long as it says', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const set = await fake.json(environmentId, 'PUT', '/_test/license-servers/LS-CONTOSO/faults', { latencyMs: 400 });
    assert.equal(set.status, 200, set.text);
    const started = process.hrtime.bigint();
    const answer = await fake.send(environmentId, { method: 'GET', path: '/license-servers/LS-CONTOSO', headers: AS_ADMIN });
    const tookMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(answer.status, 200);
    // A lower bound only: a loaded machine may take longer, never shorter.
    assert.ok(tookMs >= 390, `the answer came after ${tookMs.toFixed(0)} ms`);
  });
});

describe('unexpected errors', () => {
  it('are answered as a 500 problem, kept per environment, and forgotten with it', async () => {
    const unexpected = new UnexpectedErrors();
    const app = express();
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/conflict', () => {
      throw new ConflictError('wizard-open', 'The wizard is open.');
    });
    app.use(errorHandler(unexpected, () => 'env-1'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const get = (path: string) =>
      new Promise<{ status: number; type: string; body: Record<string, unknown> }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path }, (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body: JSON.parse(text) }),
          );
        })
          .on('error', reject)
          .end();
      });
    try {
      const boom = await get('/boom');
      assert.equal(boom.status, 500);
      assert.match(boom.type, /^application\/problem\+json/);
      assert.equal(boom.body.code, 'internal-error');
      const conflict = await get('/conflict');
      assert.equal(conflict.status, 409);
      assert.equal(conflict.body.code, 'wizard-open');
      const kept = unexpected.of('env-1');
      assert.equal(kept.length, 1, 'only the unexpected one is kept');
      assert.match(kept[0]?.message ?? '', /boom/);
      unexpected.forget('env-1');
      assert.deepEqual(unexpected.of('env-1'), []);
    } finally {
      server.close();
    }
  });
});
