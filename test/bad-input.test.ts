/**
 * A corpus of bad inputs across every route: each must get a 4xx problem+json answer with
 * a stable code and a message, and must leave the digest of everything stored unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Contract } from '../support/api/contract-check';
import { BadInput, corpus } from './helpers/bad-input-corpus';
import { AS_ADMIN, TO_OBTAIN_PAGE, TestFake, drive, keyPackIdFromCall } from './helpers/http-fake';

describe('bad input', () => {
  let fake: TestFake;
  let environmentId: string;
  let inputs: BadInput[];

  before(async () => {
    fake = await TestFake.start();
    environmentId = await fake.environment();
    const server = (await fake.send(environmentId, { method: 'GET', path: '/license-servers/LS-CONTOSO', headers: AS_ADMIN })).body as {
      licenseServerId: string;
    };
    const foreign = await keyPackIdFromCall(fake, environmentId, 'LS-FABRIKAM', '+49 30 23125 001', {
      program: 'select',
      agreementNumber: '5550123',
    });
    const valid = await keyPackIdFromCall(fake, environmentId, 'LS-CONTOSO', '+1 555 0100', {
      program: 'campus',
      agreementNumber: '6120456',
    });
    await fake.send(environmentId, { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard', headers: AS_ADMIN });
    await drive(fake, environmentId, TO_OBTAIN_PAGE);
    inputs = corpus(server.licenseServerId, foreign, valid);
  });

  after(() => fake.stop());

  it('has a corpus of at least 200 bad inputs across all routes', (t) => {
    t.diagnostic(`bad inputs tried: ${inputs.length}`);
    assert.ok(inputs.length >= 200, `only ${inputs.length}`);
  });

  it('answers each with a 4xx problem, a stable code and a message, and changes nothing stored', async () => {
    for (const input of inputs) {
      if (input.prepare) await drive(fake, environmentId, input.prepare);
      const before = fake.digest(environmentId);
      const answer = await fake.send(environmentId, input);
      const problem = answer.body as { code?: unknown; detail?: unknown };
      assert.ok(answer.status >= 400 && answer.status < 500, `${input.name}: status ${answer.status} ${answer.text.slice(0, 200)}`);
      assert.match(answer.contentType, /^application\/problem\+json/, input.name);
      assert.match(String(problem.code), /^[a-z0-9-]+$/, input.name);
      assert.ok(typeof problem.detail === 'string' && problem.detail.length > 10, `${input.name}: no usable message`);
      if (input.code) assert.equal(problem.code, input.code, `${input.name}: ${String(problem.detail)}`);
      assert.equal(fake.digest(environmentId), before, `${input.name} changed the stored state`);
    }
  });

  it('answers each as the contract says the route refuses (status, content type, Problem body)', async (t) => {
    const contract = Contract.published();
    let checked = 0;
    for (const input of inputs) {
      if (input.prepare) await drive(fake, environmentId, input.prepare);
      const answer = await fake.send(environmentId, input);
      // A path that is no route of the contract (a made-up one, a bad percent-encoding) is refused before any route.
      if (contract.templateOf(input.path) === undefined || !contract.hasOperation(input.method, input.path)) continue;
      assert.doesNotThrow(() => contract.check(input.method, input.path, { ...answer, json: answer.body }), input.name);
      checked += 1;
    }
    t.diagnostic(`bad inputs whose answer was checked against the contract: ${checked} of ${inputs.length}`);
    assert.ok(checked >= inputs.length / 2, `only ${checked} of the corpus reached a route of the contract`);
  });
});
