/**
 * The OpenAPI 3.1 document of the fake, built from the operations table and the zod schemas
 * the routes validate with (requests) and answer with (answers.ts), so it cannot drift from
 * the code. Served at GET /openapi.json and written to docs/openapi.json (npm run openapi).
 */
import { z } from 'zod';
import { TEST_CONTROL_TOKEN_HEADER } from '../request-guards';
import { BASIC_CHALLENGE } from '../problem';
import { COMMON_REFUSALS, Operation, operations } from './operations';
import { problemAnswer } from './answers';
import { RecordedOperation, recordedExamples } from './recorded-examples';

export const ENVIRONMENT_HEADER = 'x-fake-environment';

type JsonObject = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is malformed or does not have the expected form',
  401: 'Not signed in: missing or wrong credentials',
  403: 'Not permitted: not an administrator, a foreign Origin, or no test-control token',
  404: 'No such license server, environment, snapshot, fixture or key pack ID',
  408: 'The headers or the body came too slowly; the connection is closed',
  409: 'Not possible now (the wizard or the data is in another state)',
  412: 'If-Match names a drawing of the page that is no longer shown',
  413: 'The body is over 64 KiB',
  415: 'The body is not UTF-8 JSON',
  421: 'Addressed to a host name that is not the fake (DNS rebinding)',
  422: 'Refused: the input is understood but not acceptable',
  429: 'Too many failed sign-ins of this user name (account lockout): try again after Retry-After seconds',
  431: 'The request headers are over 16 KiB',
  500: 'A bug in the fake (recorded for GET /_test/unexpected-errors)',
  503: 'Temporarily unavailable (an injected fault, the environment limit, a failed --db write): try again',
};

/** The challenge every 401 carries (problem.ts), so that a client knows to sign in with Basic. */
const WWW_AUTHENTICATE = {
  description: 'The challenge to sign in with a local account over HTTP Basic, in UTF-8.',
  required: true,
  schema: { type: 'string', const: BASIC_CHALLENGE },
  example: BASIC_CHALLENGE,
};

/** Builds the document; `testControl` says whether the /_test routes are part of it (they are mounted only then). */
export function openApiDocument(options: { testControl: boolean }): JsonObject {
  const chosen = operations(options);
  const named = new Map<string, { schema: z.ZodType; io: 'input' | 'output' }>([['Problem', { schema: problemAnswer, io: 'output' }]]);
  for (const operation of chosen) {
    if (operation.body) named.set(operation.body.name, { schema: operation.body.schema, io: 'input' });
    for (const success of operation.successes)
      if (success.body) named.set(success.body.name, { schema: success.body.schema, io: 'output' });
  }
  const schemas = Object.fromEntries([...named].map(([name, { schema, io }]) => [name, jsonSchemaOf(schema, io)]));
  const paths: Record<string, JsonObject> = {};
  for (const operation of chosen) {
    paths[operation.path] = { ...(paths[operation.path] ?? {}), [operation.method]: operationObject(operation) };
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Fake RD License Server',
      version: '1.0.0',
      summary: 'A fake of a Remote Desktop license server, its RD Licensing database and the Microsoft Clearinghouse by telephone',
      description:
        'The JSON API drives RD Licensing Manager and the Manage RDS CALs Wizard; the test-control API (/_test, mounted with ' +
        '--test-control) creates isolated environments, seeds them and reads what they store. Every refusal is ' +
        'application/problem+json with a stable code; OPTIONS (no cross-origin use) is refused with 405. ' +
        'Generated from the schemas the fake validates with.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:3990', description: 'npm start (another port: --port)' }],
    tags: [
      { name: 'license servers', description: 'RD Licensing Manager: servers, key packs, events' },
      { name: 'manage cals wizard', description: 'The Manage RDS CALs Wizard, one page at a time' },
      { name: 'clearinghouse', description: 'The Microsoft Clearinghouse, reached by telephone' },
      { name: 'test control', description: 'Environments, seeding, the clock, faults and reads of stored state' },
      { name: 'console pages', description: 'The web console (HTML), for browsers' },
      { name: 'contract', description: 'This document' },
      { name: 'health', description: 'Readiness, for container health checks and suites waiting for the fake' },
    ],
    paths,
    components: {
      schemas,
      responses: refusalResponses(chosen),
      securitySchemes: {
        localAccount: {
          type: 'http',
          scheme: 'basic',
          description: 'A local account of the license server named in the path (UTF-8 user name and password).',
        },
        testControlToken: {
          type: 'apiKey',
          in: 'header',
          name: TEST_CONTROL_TOKEN_HEADER,
          description: 'Needed by every /_test route when the fake was started with --test-control-token.',
        },
      },
      parameters: {
        environment: {
          name: ENVIRONMENT_HEADER,
          in: 'header',
          required: false,
          description: 'The environment a request acts in (from POST /_test/environments); the default environment when absent.',
          schema: { type: 'string', maxLength: 64 },
        },
      },
    },
  };
}

function operationObject(operation: Operation): JsonObject {
  const recorded: RecordedOperation = recordedExamples[operation.operationId] ?? {};
  const parameters: JsonObject[] = [{ $ref: '#/components/parameters/environment' }];
  for (const [name, description] of Object.entries(operation.pathParameters ?? {})) {
    const example = recorded.pathParameters?.[name] ?? pathParameterRecordedElsewhere(name, description);
    parameters.push({
      name,
      in: 'path',
      required: true,
      description,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
      ...(example === undefined ? {} : { example }),
    });
  }
  const query = operation.query ? (jsonSchemaOf(operation.query, 'input') as { properties?: Record<string, JsonObject> }) : undefined;
  for (const [name, schema] of Object.entries(query?.properties ?? {})) parameters.push({ name, in: 'query', required: false, schema });
  if (operation.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The ETag of the page the move was decided on: a page drawn since is refused with 412 page-changed.',
      schema: { type: 'string' },
    });
  }
  const responses: Record<string, JsonObject> = {};
  for (const success of operation.successes)
    responses[String(success.status)] = successObject(success, recorded.answers?.[String(success.status)]);
  // No sorting needed: status codes are integer-like keys, which an object lists in ascending order.
  for (const status of new Set(refusalsOf(operation))) {
    responses[String(status)] = { $ref: `#/components/responses/${refusalName(status, operation.tag === 'console pages')}` };
  }
  const isTestControl = operation.path.startsWith('/_test');
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    parameters,
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: `#/components/schemas/${operation.body.name}` },
                ...(recorded.request === undefined ? {} : { example: recorded.request }),
              },
            },
          },
        }
      : {}),
    responses,
    security: operation.signIn ? [{ localAccount: [] }] : isTestControl ? [{}, { testControlToken: [] }] : [],
  };
}

/** Every status an operation may refuse with: a route that signs in may also answer 429 (account lockout). */
function refusalsOf(operation: Operation): number[] {
  return [...COMMON_REFUSALS, ...operation.refusals, ...(operation.refusals.includes(401) ? [429] : [])];
}

function refusalName(status: number, page: boolean): string {
  return `${page ? 'PageRefused' : 'Refused'}${status}`;
}

/** One response object per refusal status, for the JSON routes and for the pages (which refuse with an HTML page too). */
function refusalResponses(chosen: Operation[]): Record<string, JsonObject> {
  const responses: Record<string, JsonObject> = {};
  for (const operation of chosen) {
    const page = operation.tag === 'console pages';
    for (const status of refusalsOf(operation)) {
      const html = page ? { 'text/html': { schema: { type: 'string' } } } : {};
      responses[refusalName(status, page)] = {
        description: STATUS_TEXT[status] ?? 'Refused',
        ...(status === 429
          ? { headers: { 'Retry-After': { description: 'Seconds until the lockout ends', schema: { type: 'integer' } } } }
          : {}),
        ...(status === 401 && !page ? { headers: { 'WWW-Authenticate': WWW_AUTHENTICATE } } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } }, ...html },
      };
    }
  }
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A path parameter of an operation the recording did not call (a form post of the console) takes
 * the value recorded for a parameter of the same name and meaning in another operation.
 */
function pathParameterRecordedElsewhere(name: string, description: string): string | undefined {
  for (const operation of operations({ testControl: true })) {
    const value = recordedExamples[operation.operationId]?.pathParameters?.[name];
    if (value !== undefined && operation.pathParameters?.[name] === description) return value;
  }
  return undefined;
}

/** The recorded answers as OpenAPI examples: one `example`, or the wizard's pages as named `examples`. */
function examplesOf(answers: Record<string, unknown> | undefined): JsonObject {
  const named = Object.entries(answers ?? {});
  if (named.length === 0) return {};
  if (named.length === 1 && named[0]?.[0] === 'recorded') return { example: named[0][1] };
  return { examples: Object.fromEntries(named.map(([name, value]) => [name, { summary: `The ${name} page`, value }])) };
}

function successObject(success: Operation['successes'][number], answers: Record<string, unknown> | undefined): JsonObject {
  const headers: JsonObject = success.etag
    ? { ETag: { description: 'This drawing of the page, for If-Match', schema: { type: 'string' } } }
    : success.redirect
      ? { Location: { description: 'The page that follows', schema: { type: 'string' } } }
      : {};
  const content = success.body
    ? { 'application/json': { schema: { $ref: `#/components/schemas/${success.body.name}` }, ...examplesOf(answers) } }
    : success.html
      ? { 'text/html': { schema: { type: 'string' } } }
      : undefined;
  return {
    description: success.description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(content ? { content } : {}),
  };
}

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the $schema line each would carry. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete converted.$schema;
  return converted;
}
