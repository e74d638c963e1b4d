/**
 * Every route that changes a license server must refuse callers without credentials
 * (401) and callers outside the local Administrators group (403), and change nothing.
 * The routes are read from the app itself, so a new route cannot slip past this test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appRoutes } from './helpers/app-routes';
import {
  ADMIN,
  AS_ADMIN,
  Exchange,
  FIXTURE,
  STANDARD_USER,
  TO_OBTAIN_PAGE,
  TestFake,
  basic,
  drive,
  signInToPages,
} from './helpers/http-fake';

/**
 * The state-changing routes of the license server, each with a request that an
 * administrator may make. The Clearinghouse is a telephone line, not an account of the
 * license server, and /_test routes exist only for tests; both are outside this rule.
 */
const CHANGING_ROUTES: Record<string, Exchange[]> = {
  'PUT /license-servers/:server/connection-method': [
    { method: 'PUT', path: '/license-servers/LS-CONTOSO/connection-method', body: JSON.stringify({ connectionMethod: 'webBrowser' }) },
  ],
  'POST /license-servers/:server/manage-cals-wizard': [{ method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard' }],
  'POST /license-servers/:server/manage-cals-wizard/actions': [
    { type: 'next' },
    { type: 'back' },
    { type: 'cancel' },
    { type: 'finish' },
    { type: 'selectAction', action: 'rebuild' },
    { type: 'selectReason', reason: 'Other' },
    { type: 'setDeletionConfirmed', confirmed: true },
    { type: 'enterKeyPackId', keyPackId: 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE' },
    { type: 'chooseAdditionalPacks', choice: 'finish' },
  ].map((move) => ({ method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard/actions', body: JSON.stringify(move) })),
};

/**
 * The same rule on the web pages, which sign in with a session cookie instead of HTTP
 * Basic. Signing in and out change only the sessions of the browser, not a license server.
 */
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const PAGE_ROUTES: Record<string, Exchange[]> = {
  'POST /servers/:server/properties': [{ method: 'POST', path: '/servers/LS-CONTOSO/properties', body: 'connectionMethod=webBrowser' }],
  'POST /servers/:server/wizard': [{ method: 'POST', path: '/servers/LS-CONTOSO/wizard', body: '' }],
  'POST /servers/:server/wizard/moves': [
    'move=next',
    'move=back',
    'move=cancel',
    'move=finish',
    'action=rebuild',
    'reason=Other',
    'deletionShown=1&deletionConfirmed=on',
    Array.from({ length: 7 }, () => 'keyPackId=ABCDE').join('&'),
    'additional=finish',
  ].map((body) => ({ method: 'POST', path: '/servers/LS-CONTOSO/wizard/moves', body })),
};
const SESSION_ROUTES = ['POST /sign-in', 'POST /sign-out'];

const CALLERS: [string, Record<string, string>, number][] = [
  ['no credentials', {}, 401],
  ['a wrong password', { authorization: basic({ userName: ADMIN.userName, password: 'wrong' }) }, 401],
  ['an unknown user', { authorization: basic({ userName: 'mallory', password: 'x' }) }, 401],
  ['a standard user', { authorization: basic(STANDARD_USER) }, 403],
];

describe('authorization', () => {
  let fake: TestFake;

  before(async () => {
    fake = await TestFake.start();
  });

  after(() => fake.stop());

  it('knows every state-changing route the app serves', () => {
    const changing = appRoutes().filter(
      (route) => !route.startsWith('GET ') && !route.includes(' /_test/') && !route.includes(' /clearinghouse/'),
    );
    assert.deepEqual(changing.sort(), [...Object.keys(CHANGING_ROUTES), ...Object.keys(PAGE_ROUTES), ...SESSION_ROUTES].sort());
  });

  for (const [route, requests] of Object.entries(PAGE_ROUTES)) {
    it(`the page route ${route} refuses visitors who are not signed-in administrators and changes nothing`, async (t) => {
      for (const wizardOpen of [false, true]) {
        const environmentId = await fake.environment(FIXTURE);
        const session = await signInToPages(fake, environmentId, STANDARD_USER);
        if (wizardOpen) {
          await fake.send(environmentId, { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard', headers: AS_ADMIN });
          await drive(fake, environmentId, TO_OBTAIN_PAGE);
        }
        const visitors: [string, Record<string, string>, number][] = [
          ['no session', FORM, 401],
          ['a forged session', { ...FORM, cookie: 'rdl-session=forged' }, 401],
          ['a standard user', { ...FORM, cookie: session }, 403],
        ];
        for (const request of requests) {
          for (const [who, headers, status] of visitors) {
            const before = fake.digest(environmentId);
            const answer = await fake.send(environmentId, { ...request, headers });
            assert.equal(answer.status, status, `${who}: ${request.method} ${request.path} ${request.body ?? ''}`);
            assert.match(answer.text, /role="alert"/, `${who}: the page says why`);
            assert.equal(fake.digest(environmentId), before, `${who} changed something with ${request.body ?? request.path}`);
          }
        }
        t.diagnostic(
          `${route}: ${requests.length * visitors.length} refused page requests with the wizard ${wizardOpen ? 'open' : 'closed'}`,
        );
      }
    });
  }

  for (const [route, requests] of Object.entries(CHANGING_ROUTES)) {
    it(`${route} refuses callers who are not administrators and changes nothing`, async (t) => {
      // Two states: no wizard open, and a wizard open on the Obtain Client License Key Pack page.
      for (const wizardOpen of [false, true]) {
        const environmentId = await fake.environment(FIXTURE);
        if (wizardOpen) {
          await fake.send(environmentId, { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard', headers: AS_ADMIN });
          await drive(fake, environmentId, TO_OBTAIN_PAGE);
        }
        for (const request of requests) {
          for (const [who, headers, status] of CALLERS) {
            const before = fake.digest(environmentId);
            const answer = await fake.send(environmentId, { ...request, headers });
            assert.equal(answer.status, status, `${who}: ${request.method} ${request.path} ${request.body ?? ''} -> ${answer.text}`);
            assert.equal(fake.digest(environmentId), before, `${who} changed something with ${request.body ?? request.path}`);
          }
        }
        t.diagnostic(`${route}: ${requests.length * CALLERS.length} refused requests with the wizard ${wizardOpen ? 'open' : 'closed'}`);
      }
    });
  }

  it('lets an administrator make the same requests (the refusals above are not an accident)', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const method = await fake.send(environmentId, {
      ...(CHANGING_ROUTES['PUT /license-servers/:server/connection-method']?.[0] as Exchange),
      headers: AS_ADMIN,
    });
    assert.equal(method.status, 200);
    await fake.json(environmentId, 'PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'telephone' });
    const opened = await fake.send(environmentId, {
      method: 'POST',
      path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
      headers: AS_ADMIN,
    });
    assert.equal(opened.status, 201);
    assert.equal((await drive(fake, environmentId, [{ type: 'next' }])).status, 200);
  });

  it('tells a standard user reading the wizard over the API that the wizard needs Administrators, and who they are', async () => {
    const environmentId = await fake.environment(FIXTURE);
    await fake.send(environmentId, { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard', headers: AS_ADMIN });
    const answer = await fake.send(environmentId, {
      method: 'GET',
      path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
      headers: { authorization: basic(STANDARD_USER) },
    });
    assert.equal(answer.status, 403);
    assert.match(
      (answer.body as { detail: string }).detail,
      new RegExp(
        `^The Manage RDS CALs Wizard needs membership in the local Administrators group on LS-CONTOSO; "${STANDARD_USER.userName}" is a member of: `,
      ),
    );
  });

  it('never stores or logs a seeded password in clear', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const environment = fake.registry.get(environmentId);
    const { licensing, clearinghouse } = environment.images();
    const stored = Buffer.concat([Buffer.from(licensing), Buffer.from(clearinghouse)]);
    const logged = JSON.stringify([environment.snapshot('LS-CONTOSO'), fake.registry.get(environmentId).issuances()]);
    for (const password of [ADMIN.password, STANDARD_USER.password]) {
      assert.equal(stored.includes(Buffer.from(password)), false, 'a password is stored in clear');
      assert.equal(logged.includes(password), false, 'a password appears in what the fake reports');
    }
  });
});
