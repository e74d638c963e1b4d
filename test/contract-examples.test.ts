/**
 * The contract's examples (recorded from a real rebuild by `npm run examples`): one for every
 * JSON success answer and every path parameter, every one of them allowed by its schema, both
 * the fake's own (zod) and the published document's (JSON Schema, as clients and Prism read it).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openApiDocument } from '../fake-server/http/contract/openapi';
import { operations } from '../fake-server/http/contract/operations';
import { comparableExamples, recordedExamples } from '../fake-server/http/contract/recorded-examples';
import { recordExamples } from '../fake-server/examples-recorder';
import { Contract } from '../support/api/contract-check';

type JsonObject = Record<string, unknown>;
interface Media {
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface OperationObject {
  parameters: { in?: string; name?: string; example?: string }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

const document = openApiDocument({ testControl: true }) as {
  paths: Record<string, Record<string, OperationObject>>;
  components: JsonObject;
};
const contract = new Contract(document as never);
const all = operations({ testControl: true });
const objectOf = (operation: (typeof all)[number]) => document.paths[operation.path]?.[operation.method] as OperationObject;

/** The recorded answers of one success, named ("example" when there is one). */
function examplesOf(media: Media | undefined): [string, unknown][] {
  if (media?.example !== undefined) return [['example', media.example]];
  return Object.entries(media?.examples ?? {}).map(([name, { value }]) => [name, value]);
}

/** The path of an operation with its parameters' examples in place. */
function pathWithExamples(operation: (typeof all)[number]): string {
  const examples = new Map(
    objectOf(operation)
      .parameters.filter((p) => p.in === 'path')
      .map((p) => [p.name, p.example]),
  );
  return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => String(examples.get(name)));
}

describe('the examples in the contract', () => {
  it('give every path parameter an example', () => {
    const missing = all.flatMap((operation) =>
      objectOf(operation)
        .parameters.filter((parameter) => parameter.in === 'path' && typeof parameter.example !== 'string')
        .map((parameter) => `${operation.operationId} {${parameter.name}}`),
    );
    assert.deepEqual(missing, []);
  });

  it('give every JSON success answer an example its schema allows, in the fake and in the document', () => {
    let checked = 0;
    for (const operation of all) {
      for (const success of operation.successes.filter((candidate) => candidate.body)) {
        const examples = examplesOf(objectOf(operation).responses[String(success.status)]?.content?.['application/json']);
        assert.notEqual(examples.length, 0, `${operation.operationId} ${success.status} has no example`);
        for (const [name, value] of examples) {
          const where = `${operation.operationId} ${success.status} ${name}`;
          const parsed = success.body?.schema.safeParse(value);
          assert.ok(parsed?.success, `${where}: ${parsed?.error?.message}`);
          const text = JSON.stringify(value);
          contract.check(operation.method, pathWithExamples(operation), {
            status: success.status,
            contentType: 'application/json',
            text,
            json: value,
          });
          checked += 1;
        }
      }
    }
    assert.ok(checked >= 30, `only ${checked} examples`);
  });

  it('give every request body an example its schema accepts', () => {
    for (const operation of all.filter((candidate) => candidate.body)) {
      const [example] = examplesOf(objectOf(operation).requestBody?.content['application/json']);
      assert.ok(example, `${operation.operationId} has no request example`);
      const parsed = operation.body?.schema.safeParse(example[1]);
      assert.ok(parsed?.success, `${operation.operationId}: ${parsed?.error?.message}`);
    }
  });

  it('show every page of the wizard, each named by the page it is, with the part that page comes with', () => {
    const pages = new Map<string, JsonObject>();
    for (const operation of all.filter((candidate) => candidate.tag === 'manage cals wizard')) {
      for (const response of Object.values(objectOf(operation).responses)) {
        for (const [name, value] of examplesOf(response.content?.['application/json'])) {
          assert.equal((value as JsonObject).page, name, `${operation.operationId}: the example named ${name}`);
          pages.set(name, value as JsonObject);
        }
      }
    }
    assert.deepEqual([...pages.keys()].sort(), [
      'actionSelection',
      'closed',
      'completing',
      'confirmDeletion',
      'obtainKeyPack',
      'reinstallingAdditional',
      'reinstallingCals',
      'welcome',
    ]);
    const parts = ['actionSelection', 'confirmDeletion', 'obtainKeyPack', 'reinstallingAdditional'];
    for (const [name, value] of pages) {
      for (const part of parts) assert.equal(part in value, part === name, `the ${name} page and its ${part} part`);
      assert.equal('outcome' in value, name === 'closed', `the ${name} page and the outcome`);
    }
  });

  it('are what the fake answers now: a rebuild recorded again gives the same, but for generated ids', async () => {
    const again = await recordExamples();
    assert.equal(
      comparableExamples(again),
      comparableExamples(recordedExamples),
      'fake-server/http/contract/examples.json is stale: run npm run examples and npm run openapi',
    );
  });

  it('compare with their random ids masked, and nothing else changed', () => {
    const id = '0f8fe3b2-6c1d-4e2a-9b7f-3d5c8a1e4b20';
    assert.equal(
      comparableExamples({ createEnvironment: { answers: { '201': { recorded: { environmentId: id, note: 'kept' } } } } }),
      '{"createEnvironment":{"answers":{"201":{"recorded":{"environmentId":"<uuid>","note":"kept"}}}}}',
    );
  });

  it('document the challenge of a 401', () => {
    const refused = (document.components.responses as Record<string, { headers?: Record<string, { required?: boolean }> }>).Refused401;
    assert.equal(refused?.headers?.['WWW-Authenticate']?.required, true);
  });
});
