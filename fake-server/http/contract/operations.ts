/**
 * Every route of the fake, as the OpenAPI document describes it: what it takes, what it
 * answers on success, and with which statuses it refuses (always as problem+json, the
 * Problem schema). test/openapi.test.ts reads the routes from the Express app and fails when
 * one is missing here, so this table cannot fall behind the routers.
 */
import { z } from 'zod';
import { connectionMethodBody, environmentFixture, telephoneCallBody, wizardActionBody } from '../schemas';
import { clockAdvance, clockSetting, databasePage, faultSwitches } from '../test-control-schemas';
import * as answers from './answers';

export type Method = 'get' | 'post' | 'put' | 'delete';
export type Tag = 'license servers' | 'manage cals wizard' | 'clearinghouse' | 'test control' | 'console pages' | 'contract' | 'health';

export interface Success {
  status: number;
  description: string;
  /** A JSON body, named in components; none for 204. */
  body?: { name: string; schema: z.ZodType };
  /** The answer carries an ETag (the wizard's drawing). */
  etag?: boolean;
  /** An HTML page (the console) or a redirect to one. */
  html?: boolean;
  redirect?: boolean;
}

export interface Operation {
  method: Method;
  path: string;
  operationId: string;
  tag: Tag;
  summary: string;
  /** HTTP Basic with a local account of the server named in the path (or of any server, for the list). */
  signIn?: boolean;
  pathParameters?: Record<string, string>;
  query?: z.ZodObject;
  body?: { name: string; schema: z.ZodType };
  /** Accepts If-Match with the ETag of the page the move was decided on. */
  ifMatch?: boolean;
  successes: Success[];
  /** Statuses this route refuses with besides the ones every route may (see COMMON_REFUSALS). */
  refusals: number[];
}

/**
 * Any route: malformed JSON or path (400), a foreign Origin or a missing test-control token
 * (403), headers or body too slow (408), a body over 64 KiB (413), not JSON (415), a foreign Host (421), headers over 16 KiB
 * (431), a bug (500), a --db write that failed (503).
 */
export const COMMON_REFUSALS = [400, 403, 408, 413, 415, 421, 431, 500, 503] as const;

const SERVER = { server: 'The computer name of a license server, e.g. LS-CONTOSO (any case).' };
const json = (name: string, schema: z.ZodType) => ({ name, schema });

const LICENSE_SERVER_ROUTES: Operation[] = [
  {
    method: 'get',
    path: '/license-servers',
    operationId: 'listLicenseServers',
    tag: 'license servers',
    summary: 'The license servers the signed-in account can sign in to',
    signIn: true,
    successes: [{ status: 200, description: 'The servers', body: json('LicenseServerList', answers.licenseServersAnswer) }],
    refusals: [401],
  },
  {
    method: 'get',
    path: '/license-servers/{server}',
    operationId: 'getLicenseServer',
    tag: 'license servers',
    summary: "A license server's properties (RD Licensing Manager > Properties)",
    signIn: true,
    pathParameters: SERVER,
    successes: [{ status: 200, description: 'The server', body: json('LicenseServer', answers.licenseServerAnswer) }],
    refusals: [401, 404],
  },
  {
    method: 'put',
    path: '/license-servers/{server}/connection-method',
    operationId: 'setConnectionMethod',
    tag: 'license servers',
    summary: 'Sets the connection method (procedure step 2)',
    signIn: true,
    pathParameters: SERVER,
    body: json('ConnectionMethodChange', connectionMethodBody),
    successes: [{ status: 200, description: 'The server as it now is', body: json('LicenseServer', answers.licenseServerAnswer) }],
    refusals: [401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/license-servers/{server}/key-packs',
    operationId: 'listInstalledKeyPacks',
    tag: 'license servers',
    summary: 'The RDS CAL key packs installed on the server',
    signIn: true,
    pathParameters: SERVER,
    successes: [{ status: 200, description: 'The installed packs', body: json('KeyPackList', answers.keyPacksAnswer) }],
    refusals: [401, 404],
  },
  {
    method: 'get',
    path: '/license-servers/{server}/events',
    operationId: 'listEvents',
    tag: 'license servers',
    summary: "The server's licensing event log",
    signIn: true,
    pathParameters: SERVER,
    successes: [{ status: 200, description: 'The events, oldest first', body: json('EventList', answers.eventsAnswer) }],
    refusals: [401, 404],
  },
  {
    method: 'post',
    path: '/license-servers/{server}/manage-cals-wizard',
    operationId: 'openManageCalsWizard',
    tag: 'manage cals wizard',
    summary: 'Opens the Manage RDS CALs Wizard on its Welcome page (procedure step 3)',
    signIn: true,
    pathParameters: SERVER,
    successes: [{ status: 201, description: 'The Welcome page', body: json('WizardPage', answers.wizardPageAnswer), etag: true }],
    refusals: [401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/license-servers/{server}/manage-cals-wizard',
    operationId: 'getWizardPage',
    tag: 'manage cals wizard',
    summary: 'The wizard page now shown',
    signIn: true,
    pathParameters: SERVER,
    successes: [{ status: 200, description: 'The page', body: json('WizardPage', answers.wizardPageAnswer), etag: true }],
    refusals: [401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/license-servers/{server}/manage-cals-wizard/actions',
    operationId: 'moveWizard',
    tag: 'manage cals wizard',
    summary: 'One move on the wizard page now shown: a choice, a typed value, or Next, Back, Cancel, Finish',
    signIn: true,
    pathParameters: SERVER,
    body: json('WizardMove', wizardActionBody),
    ifMatch: true,
    successes: [{ status: 200, description: 'The page after the move', body: json('WizardPage', answers.wizardPageAnswer), etag: true }],
    refusals: [401, 403, 404, 409, 412, 422],
  },
];

const CLEARINGHOUSE_ROUTES: Operation[] = [
  {
    method: 'get',
    path: '/clearinghouse/telephone-numbers',
    operationId: 'listTelephoneNumbers',
    tag: 'clearinghouse',
    summary: 'The Clearinghouse telephone number of each country or region',
    successes: [{ status: 200, description: 'The numbers', body: json('TelephoneNumbers', answers.telephoneNumbersAnswer) }],
    refusals: [],
  },
  {
    method: 'post',
    path: '/clearinghouse/telephone-calls',
    operationId: 'callClearinghouse',
    tag: 'clearinghouse',
    summary: 'A call to the Clearinghouse: the representative gives a license key pack ID for a purchase (procedure step 11)',
    body: json('TelephoneCall', telephoneCallBody),
    successes: [{ status: 201, description: 'The key pack ID read out', body: json('GrantedKeyPack', answers.grantedKeyPackAnswer) }],
    refusals: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/clearinghouse/license-key-packs/{licenseKeyPackId}',
    operationId: 'lookUpKeyPackId',
    tag: 'clearinghouse',
    summary: 'What the Clearinghouse knows of a license key pack ID it issued (the retained ID of the advice)',
    pathParameters: { licenseKeyPackId: 'A license key pack ID, with or without hyphens.' },
    successes: [
      { status: 200, description: 'The purchase and server it was issued for', body: json('KeyPackLookup', answers.keyPackLookupAnswer) },
    ],
    refusals: [404, 422],
  },
];

const ENVIRONMENT = { id: 'An environment id from POST /_test/environments.' };

const TEST_CONTROL_ROUTES: Operation[] = [
  {
    method: 'post',
    path: '/_test/environments',
    operationId: 'createEnvironment',
    tag: 'test control',
    summary: 'Creates an isolated environment, seeded from the fixture in the body (may be empty)',
    body: json('EnvironmentFixture', environmentFixture),
    successes: [
      {
        status: 201,
        description: 'Its id: send it in x-fake-environment',
        body: json('EnvironmentCreated', answers.environmentCreatedAnswer),
      },
    ],
    refusals: [409, 422],
  },
  {
    method: 'delete',
    path: '/_test/environments/{id}',
    operationId: 'deleteEnvironment',
    tag: 'test control',
    summary: 'Deletes an environment and its snapshots (a missing one is not an error)',
    pathParameters: ENVIRONMENT,
    successes: [{ status: 204, description: 'Deleted' }],
    refusals: [409],
  },
  {
    method: 'post',
    path: '/_test/reset',
    operationId: 'resetEnvironment',
    tag: 'test control',
    summary: 'Empties the environment named in x-fake-environment',
    successes: [{ status: 204, description: 'Reset' }],
    refusals: [404],
  },
  {
    method: 'post',
    path: '/_test/seed',
    operationId: 'seed',
    tag: 'test control',
    summary: 'Adds license servers, accounts and purchases (at most 2,500 issued CALs and 10 accounts a request)',
    body: json('EnvironmentFixture', environmentFixture),
    successes: [{ status: 204, description: 'Seeded, all or nothing' }],
    refusals: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/_test/fixtures/{name}',
    operationId: 'seedFixtureFile',
    tag: 'test control',
    summary: 'Seeds a fixture file of fake-server/fixtures',
    pathParameters: { name: 'The file name without .json: lower-case letters, digits and hyphens.' },
    successes: [{ status: 204, description: 'Seeded' }],
    refusals: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/_test/snapshots',
    operationId: 'takeSnapshot',
    tag: 'test control',
    summary: "Keeps the environment's databases as they are now",
    successes: [{ status: 201, description: 'The snapshot id', body: json('SnapshotTaken', answers.snapshotTakenAnswer) }],
    refusals: [404],
  },
  {
    method: 'post',
    path: '/_test/snapshots/{snapshotId}/restore',
    operationId: 'restoreSnapshot',
    tag: 'test control',
    summary: 'Puts the databases back as they were (the clock and fault switches stay)',
    pathParameters: { snapshotId: 'A snapshot id from POST /_test/snapshots.' },
    successes: [{ status: 204, description: 'Restored' }],
    refusals: [404],
  },
  {
    method: 'get',
    path: '/_test/clock',
    operationId: 'readClock',
    tag: 'test control',
    summary: "The environment's virtual clock",
    successes: [{ status: 200, description: 'The clock', body: json('Clock', answers.clockAnswer) }],
    refusals: [404],
  },
  {
    method: 'put',
    path: '/_test/clock',
    operationId: 'setClock',
    tag: 'test control',
    summary: 'Sets and freezes the virtual clock',
    body: json('ClockSetting', clockSetting),
    successes: [{ status: 200, description: 'The clock', body: json('Clock', answers.clockAnswer) }],
    refusals: [404, 422],
  },
  {
    method: 'post',
    path: '/_test/clock/advance',
    operationId: 'advanceClock',
    tag: 'test control',
    summary: 'Moves the virtual clock on',
    body: json('ClockAdvance', clockAdvance),
    successes: [{ status: 200, description: 'The clock', body: json('Clock', answers.clockAnswer) }],
    refusals: [404, 422],
  },
  {
    method: 'put',
    path: '/_test/license-servers/{server}/faults',
    operationId: 'setFaults',
    tag: 'test control',
    summary: "Sets a server's fault switches (failed writes, busy Clearinghouse line, latency)",
    pathParameters: SERVER,
    body: json('FaultSwitches', faultSwitches),
    successes: [{ status: 200, description: 'The switches now held', body: json('FaultSwitchesHeld', answers.faultSwitchesAnswer) }],
    refusals: [404],
  },
  {
    method: 'delete',
    path: '/_test/license-servers/{server}/faults',
    operationId: 'clearFaults',
    tag: 'test control',
    summary: "Turns a server's fault switches off",
    pathParameters: SERVER,
    successes: [{ status: 204, description: 'Cleared' }],
    refusals: [404],
  },
  {
    method: 'get',
    path: '/_test/license-servers/{server}/database',
    operationId: 'readDatabase',
    tag: 'test control',
    summary: "What the server's RD Licensing database holds, the issued CALs 2,500 to a page",
    pathParameters: SERVER,
    query: databasePage,
    successes: [{ status: 200, description: 'One page', body: json('DatabasePage', answers.databasePageAnswer) }],
    refusals: [404],
  },
  {
    method: 'get',
    path: '/_test/license-servers/{server}/snapshot',
    operationId: 'readStateSnapshot',
    tag: 'test control',
    summary: 'Everything a refused request must leave as it was, for one server',
    pathParameters: SERVER,
    successes: [{ status: 200, description: 'The state', body: json('StateSnapshot', answers.stateSnapshotAnswer) }],
    refusals: [404],
  },
  {
    method: 'get',
    path: '/_test/clearinghouse/purchases',
    operationId: 'listPurchaseRecords',
    tag: 'test control',
    summary: "The Clearinghouse's purchase records",
    successes: [{ status: 200, description: 'The records', body: json('PurchaseRecords', answers.purchasesAnswer) }],
    refusals: [404],
  },
  {
    method: 'get',
    path: '/_test/clearinghouse/issuances',
    operationId: 'listIssuances',
    tag: 'test control',
    summary: 'Every license key pack ID the Clearinghouse has issued',
    successes: [{ status: 200, description: 'The issuances', body: json('Issuances', answers.issuancesAnswer) }],
    refusals: [404],
  },
  {
    method: 'get',
    path: '/_test/digest',
    operationId: 'readDigest',
    tag: 'test control',
    summary: 'A SHA-256 over both databases: equal digests mean nothing stored changed',
    successes: [{ status: 200, description: 'The digest', body: json('Digest', answers.digestAnswer) }],
    refusals: [404],
  },
  {
    method: 'get',
    path: '/_test/unexpected-errors',
    operationId: 'listUnexpectedErrors',
    tag: 'test control',
    summary: "Errors the fake did not expect in this environment (a harness's After hook fails on them)",
    successes: [{ status: 200, description: 'The errors, newest last', body: json('UnexpectedErrors', answers.unexpectedErrorsAnswer) }],
    refusals: [],
  },
];

const page = (method: Method, path: string, operationId: string, summary: string, pathParameters?: Record<string, string>): Operation => ({
  method,
  path,
  operationId,
  tag: 'console pages',
  summary,
  ...(pathParameters ? { pathParameters } : {}),
  successes:
    method === 'get'
      ? [{ status: 200, description: 'The page (text/html)', html: true }]
      : [{ status: 303, description: 'See the page that follows', redirect: true }],
  refusals: [401, 404, 409, 422],
});

/** The console's web pages: HTML for a browser (refusals as HTML pages too), described so that the document lists every route. */
const PAGE_ROUTES: Operation[] = [
  page('get', '/sign-in', 'signInPage', 'The sign-in page'),
  page('post', '/sign-in', 'signIn', 'Signs in with a local account (form post)'),
  page('post', '/sign-out', 'signOut', 'Signs out'),
  page('get', '/', 'consoleHome', 'RD Licensing Manager: the servers'),
  page('get', '/servers/{server}', 'serverPage', 'A license server and its key packs', SERVER),
  page('get', '/servers/{server}/properties', 'propertiesPage', "The server's properties", SERVER),
  page('post', '/servers/{server}/properties', 'saveProperties', 'Saves the connection method (form post)', SERVER),
  page('post', '/servers/{server}/wizard', 'openWizardPage', 'Opens the Manage RDS CALs Wizard', SERVER),
  page('get', '/servers/{server}/wizard', 'wizardPage', 'The wizard page now shown', SERVER),
  page('post', '/servers/{server}/wizard/moves', 'moveWizardPage', 'A move on the wizard page (form post)', SERVER),
  page('get', '/clearinghouse', 'clearinghousePage', 'The Clearinghouse telephone line'),
  page('post', '/clearinghouse/calls', 'clearinghouseCall', 'A call to the representative (form post)'),
  page('get', '/clearinghouse/key-packs', 'keyPackLookupForm', 'Looks up a typed key pack ID (redirects to its page)'),
  page('get', '/clearinghouse/key-packs/{id}', 'keyPackPage', 'What the Clearinghouse knows of a key pack ID', {
    id: 'A license key pack ID.',
  }),
];
// The lookup form answers with a redirect, not a page.
PAGE_ROUTES[12] = { ...(PAGE_ROUTES[12] as Operation), successes: [{ status: 303, description: 'See the key pack page', redirect: true }] };

const CONTRACT_ROUTES: Operation[] = [
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'contract',
    summary: 'This document',
    successes: [
      { status: 200, description: 'The OpenAPI 3.1 document', body: json('OpenApiDocument', z.looseObject({ openapi: z.string() })) },
    ],
    refusals: [],
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tag: 'health',
    summary: 'Whether the fake can serve (for readiness checks: no credentials, no database write)',
    successes: [{ status: 200, description: 'Serving', body: json('Health', answers.healthAnswer) }],
    refusals: [],
  },
];

export function operations(options: { testControl: boolean }): Operation[] {
  return [
    ...LICENSE_SERVER_ROUTES,
    ...CLEARINGHOUSE_ROUTES,
    ...(options.testControl ? TEST_CONTROL_ROUTES : []),
    ...PAGE_ROUTES,
    ...CONTRACT_ROUTES,
  ];
}
