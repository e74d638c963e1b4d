/**
 * The OpenAPI document is the fake's contract: it lists every route the app serves, the fake
 * serves the document it publishes, and the checker the HTTP driver runs on every answer
 * refuses what the contract does not allow (so a green API run means something).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApiDocument } from '../fake-server/http/contract/openapi';
import { Contract, ContractBroken } from '../support/api/contract-check';
import { appRoutes } from './helpers/app-routes';
import { AS_ADMIN, FIXTURE, TestFake } from './helpers/http-fake';

type Paths = Record<string, Record<string, unknown>>;

/** "METHOD /path/:param" for every operation of a document. */
function documented(document: { paths: Paths }): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
  );
}

describe('the OpenAPI contract', () => {
  let fake: TestFake;

  before(async () => {
    fake = await TestFake.start();
  });

  after(() => fake.stop());

  for (const testControl of [true, false]) {
    it(`lists exactly the routes the app serves (test control ${testControl ? 'on' : 'off'})`, () => {
      const served = appRoutes({ testControl }).sort();
      const inDocument = documented(openApiDocument({ testControl }) as { paths: Paths }).sort();
      assert.deepEqual(
        served.filter((route) => !inDocument.includes(route)),
        [],
        'routes the app serves that the document does not describe',
      );
      assert.deepEqual(
        inDocument.filter((route) => !served.includes(route)),
        [],
        'operations in the document that no route serves',
      );
    });
  }

  it('is served at GET /openapi.json as docs/openapi.json holds it', async () => {
    const answer = await fake.send('', { method: 'GET', path: '/openapi.json' });
    assert.equal(answer.status, 200);
    assert.match(answer.contentType, /^application\/json/);
    // Compared as text, in order: the document's order (operations, refusal statuses, responses)
    // is part of the reviewed file, which deepEqual would not see.
    assert.equal(answer.text, JSON.stringify(JSON.parse(readFileSync('docs/openapi.json', 'utf8'))));
  });

  it('accepts what the fake answers, successes and refusals alike', async () => {
    const contract = Contract.published();
    const environmentId = await fake.environment(FIXTURE);
    const exchanges = [
      { method: 'GET', path: '/license-servers', headers: AS_ADMIN },
      { method: 'GET', path: '/license-servers/LS-CONTOSO/key-packs', headers: AS_ADMIN },
      { method: 'GET', path: '/license-servers/LS-CONTOSO/key-packs', headers: {} },
      { method: 'GET', path: '/_test/license-servers/LS-CONTOSO/database?issuedCalsFrom=5', headers: {} },
      { method: 'DELETE', path: '/_test/license-servers/LS-CONTOSO/faults', headers: {} },
    ];
    for (const exchange of exchanges) {
      const answer = await fake.send(environmentId, exchange);
      contract.check(exchange.method, exchange.path, { ...answer, json: answer.body });
    }
  });

  describe('refuses an answer the contract does not allow', () => {
    const contract = Contract.published();
    const server = {
      name: 'LS-A',
      licenseServerId: null,
      activated: false,
      countryRegion: null,
      connectionMethod: 'telephone',
      connectionMethodLabel: 'Telephone',
    };
    const json = (status: number, body: unknown, contentType = 'application/json; charset=utf-8') => ({
      status,
      contentType,
      text: JSON.stringify(body),
      json: body,
    });
    const cases: [string, string, string, ReturnType<typeof json>, RegExp][] = [
      [
        'a status the route does not list',
        'GET',
        '/license-servers/LS-A',
        json(418, {}),
        /answered 418, a status the contract does not list/,
      ],
      [
        'another content type',
        'GET',
        '/license-servers/LS-A',
        json(200, server, 'text/plain'),
        /as "text\/plain", where the contract allows application\/json/,
      ],
      [
        'a field the schema does not name',
        'GET',
        '/license-servers/LS-A',
        json(200, { ...server, extra: 1 }),
        /LicenseServer does not allow.*additionalProperty.*extra/,
      ],
      [
        'a field of the wrong type, naming where',
        'GET',
        '/license-servers',
        json(200, { licenseServers: [{ ...server, activated: 'no' }] }),
        /at \/licenseServers\/0\/activated, must be boolean/,
      ],
      [
        'a refusal with a code the fake does not have',
        'GET',
        '/license-servers/LS-A',
        json(404, { type: 'x', title: 'x', status: 404, code: 'made-up', detail: 'x' }, 'application/problem+json'),
        /Problem does not allow: at \/code/,
      ],
      [
        'a body where the contract has none',
        'DELETE',
        '/_test/environments/x',
        json(204, { deleted: true }),
        /with a body, where the contract has none/,
      ],
      ['a route the contract does not have', 'GET', '/license-servers/LS-A/secrets', json(200, {}), /is not a route of the contract/],
    ];
    for (const [what, method, path, answer, message] of cases) {
      it(what, () => {
        assert.throws(
          () => contract.check(method, path, answer),
          (error: unknown) => error instanceof ContractBroken && message.test(error.message),
        );
      });
    }
  });
});
