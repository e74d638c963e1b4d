/**
 * What the console's page routes (fake-server/http/page-routes/) answer that the page tests did
 * not read: the session cookie's attributes (HttpOnly, SameSite=Strict, the whole site), where
 * sign-in, sign-out, opening the wizard and its moves send the browser, each page's title and
 * type, the page a refusal is drawn on, the form parser's limits and plain field names, and a
 * bug behind a page passed on as itself. The node tests' mutation run of page-routes/ left these
 * alive; the expected values are the README's and the console's words, written out here.
 */
import assert from 'node:assert/strict';
import { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { PermissionDeniedError } from '../fake-server/domain/errors';
import { pageRoutes } from '../fake-server/http/page-routes';
import { UnexpectedErrors, errorHandler } from '../fake-server/http/problem';
import { revisionOf } from '../fake-server/http/wizard-revision';
import { WizardView } from '../fake-server/domain/wizard-view';
import { ProductServices } from '../fake-server/services';
import {
  ADMIN,
  AS_ADMIN,
  FIXTURE,
  FORM_POST,
  STANDARD_USER,
  TO_OBTAIN_PAGE,
  TestFake,
  WIZARD_PAGE,
  drawnFrom,
  drive,
  keyPackIdFromCall,
  signInToPages,
} from './helpers/http-fake';

const titleOf = (html: string): string | undefined => /<title>([^<]*)<\/title>/.exec(html)?.[1];

/** A license key pack ID the Clearinghouse has just issued for LS-CONTOSO. */
const issuedKeyPackId = (fake: TestFake, environmentId: string): Promise<string> =>
  keyPackIdFromCall(fake, environmentId, 'LS-CONTOSO', '+1 555 0100', { program: 'campus', agreementNumber: '6120456' });

describe('the console page routes', () => {
  let fake: TestFake;
  let environmentId: string;
  let cookie: string;

  before(async () => {
    fake = await TestFake.start();
    environmentId = await fake.environment(FIXTURE);
    cookie = await signInToPages(fake, environmentId, ADMIN);
  });
  after(() => fake.stop());

  const page = (path: string, session = cookie) =>
    fake.send(environmentId, { method: 'GET', path, headers: { cookie: session, accept: 'text/html' } });

  it('signs in with a cookie scripts cannot read, sent to this site only, for every page, then shows the manager', async () => {
    const answer = await fake.send(environmentId, {
      method: 'POST',
      path: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `userName=${encodeURIComponent(ADMIN.userName)}&password=${encodeURIComponent(ADMIN.password)}`,
    });
    assert.equal(answer.status, 303);
    assert.equal(answer.headers.location, '/');
    const [setCookie = ''] = answer.cookies;
    assert.match(setCookie, /^rdl-session=[^;]+; /);
    const attributes = setCookie.split(/;\s*/).slice(1);
    assert.deepEqual(attributes.sort(), ['HttpOnly', 'Path=/', 'SameSite=Strict']);
  });

  it('signs out by clearing the cookie for every page, and shows the sign-in page', async () => {
    const session = await signInToPages(fake, environmentId, ADMIN);
    const answer = await fake.send(environmentId, { method: 'POST', path: '/sign-out', headers: { cookie: session } });
    assert.equal(answer.status, 303);
    assert.equal(answer.headers.location, '/sign-in');
    const [cleared = ''] = answer.cookies;
    assert.match(cleared, /^rdl-session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT$/);
  });

  it('titles each page as the console names it', async () => {
    const titles: [string, string][] = [
      ['/sign-in', 'Sign in'],
      ['/', 'RD Licensing Manager'],
      ['/servers/LS-CONTOSO', 'LS-CONTOSO'],
      ['/servers/LS-CONTOSO/properties', 'LS-CONTOSO Properties'],
      ['/clearinghouse', 'Microsoft Clearinghouse'],
    ];
    for (const [path, title] of titles) {
      const answer = await page(path);
      assert.equal(answer.status, 200, path);
      assert.equal(titleOf(answer.text), `${title} - RD Licensing (fake)`, path);
    }
  });

  it('draws a refused sign-in on the sign-in page, keeping the name typed', async () => {
    const answer = await fake.send(environmentId, {
      method: 'POST',
      path: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: `userName=${encodeURIComponent(ADMIN.userName)}&password=wrong-password`,
    });
    assert.equal(answer.status, 401);
    assert.equal(titleOf(answer.text), 'Sign in - RD Licensing (fake)');
    assert.equal(answer.cookies.length, 0, 'no session for a refused sign-in');
  });

  it('draws any other refusal on a page of its own, titled by the refusal, with a way back to the manager', async () => {
    const answer = await page('/servers/LS-NOWHERE');
    assert.equal(answer.status, 404);
    assert.equal(titleOf(answer.text), 'Not found - RD Licensing (fake)');
    assert.match(answer.text, /<h1>Not found<\/h1><p><a href="\/">RD Licensing Manager<\/a><\/p>/);
  });

  it('finds the session among other cookies, written with or without a space after ";", and under its own name only', async () => {
    const id = cookie.slice('rdl-session='.length);
    for (const header of [`theme=dark; rdl-session=${id}`, `theme=dark;rdl-session=${id}`, `rdl-session=${id}; theme=dark`]) {
      const answer = await page('/', header);
      assert.equal(answer.status, 200, header);
    }
    for (const header of [`theme=dark; xrdl-session=${id}`, `theme=${id}`]) {
      const answer = await page('/', header);
      assert.equal(answer.status, 401, header);
      assert.equal(titleOf(answer.text), 'Sign in - RD Licensing (fake)', header);
    }
  });

  it('shows a license key pack ID just issued as the representative reads it out, and asked about later as what is known', async () => {
    const licenseKeyPackId = await issuedKeyPackId(fake, environmentId);
    const justIssued = await page(`/clearinghouse/key-packs/${licenseKeyPackId}?issued=1`);
    const later = await page(`/clearinghouse/key-packs/${licenseKeyPackId}`);
    for (const answer of [justIssued, later]) {
      assert.equal(answer.status, 200);
      assert.equal(titleOf(answer.text), 'License key pack - RD Licensing (fake)');
    }
    assert.match(justIssued.text, /The representative reads out your license key pack ID/);
    assert.match(justIssued.text, /Keep a copy of this license key pack ID/);
    assert.match(later.text, /What the Clearinghouse knows about this license key pack ID/);
    assert.doesNotMatch(later.text, /Keep a copy of this license key pack ID/);
  });

  it("titles the wizard by its page for an administrator, and by the wizard's name for anyone refused it", async () => {
    const opened = await fake.send(environmentId, {
      method: 'POST',
      path: '/servers/LS-CONTOSO/wizard',
      headers: { cookie, accept: 'text/html' },
    });
    assert.ok(opened.status === 303 || opened.status === 200, `opening the wizard answered ${opened.status}`);
    const administrator = await page('/servers/LS-CONTOSO/wizard');
    assert.equal(administrator.status, 200);
    assert.equal(titleOf(administrator.text), 'Welcome to the Manage RDS CALs Wizard - RD Licensing (fake)');
    const standardUser = await page('/servers/LS-CONTOSO/wizard', await signInToPages(fake, environmentId, STANDARD_USER));
    assert.equal(standardUser.status, 403);
    assert.equal(titleOf(standardUser.text), 'Manage RDS CALs Wizard - RD Licensing (fake)');
  });
});

describe('the console page routes, further', () => {
  let fake: TestFake;
  before(async () => {
    fake = await TestFake.start();
  });
  after(() => fake.stop());

  /** A new environment and the administrator's session in it: each test below opens the wizard on a server of its own. */
  async function signedIn(): Promise<{ environmentId: string; cookie: string }> {
    const environmentId = await fake.environment(FIXTURE);
    return { environmentId, cookie: await signInToPages(fake, environmentId, ADMIN) };
  }

  it('answers every page, and every refusal drawn as a page, as HTML in UTF-8', async () => {
    const { environmentId, cookie } = await signedIn();
    for (const path of ['/sign-in', '/', '/servers/LS-CONTOSO', '/clearinghouse', '/servers/LS-NOWHERE']) {
      const answer = await fake.send(environmentId, { method: 'GET', path, headers: { cookie, accept: 'text/html' } });
      assert.equal(answer.headers['content-type'], 'text/html; charset=utf-8', path);
    }
  });

  it('asks anyone not signed in to sign in with a local account of the license server', async () => {
    const { environmentId } = await signedIn();
    for (const path of ['/', '/servers/LS-CONTOSO', WIZARD_PAGE]) {
      const answer = await fake.send(environmentId, { method: 'GET', path, headers: { accept: 'application/problem+json' } });
      assert.equal(answer.status, 401, path);
      assert.deepEqual(
        [(answer.body as { code?: string }).code, (answer.body as { detail?: string }).detail],
        ['not-authenticated', 'Sign in with a local account of the license server to continue.'],
        path,
      );
    }
  });

  it('refuses a form over 16 KiB, or of more than 50 fields, saying which limit it passed, and signs no one in', async () => {
    const { environmentId } = await signedIn();
    const post = (body: string) =>
      fake.send(environmentId, { method: 'POST', path: '/sign-in', headers: { ...FORM_POST, accept: 'application/problem+json' }, body });
    const credentials = `userName=${encodeURIComponent(ADMIN.userName)}&password=${encodeURIComponent(ADMIN.password)}`;
    const fields = (count: number) => Array.from({ length: count }, (_, index) => `note${index}=1`).join('&');
    const oversized = await post(`${credentials}&note=${'a'.repeat(16 * 1024)}`);
    const refusal = (answer: typeof oversized) => {
      const body = answer.body as { code?: string; title?: string; detail?: string };
      return [answer.status, body.code, body.title, body.detail];
    };
    assert.deepEqual(refusal(oversized), [
      413,
      'body-too-large',
      'Body too large',
      'The request body is larger than the fake accepts (16 KiB).',
    ]);
    const crowded = await post(`${credentials}&${fields(49)}`);
    assert.deepEqual(refusal(crowded), [413, 'body-too-large', 'Body too large', 'The form has more fields than the pages accept (50).']);
    for (const refused of [oversized, crowded]) assert.equal(refused.cookies.length, 0);
    // At the limits, the same sign-in is taken.
    const atTheLimits = await post(`${credentials}&${fields(47)}&note=${'a'.repeat(15 * 1024)}`);
    assert.equal(atTheLimits.status, 303);
  });

  it('reads a field by its plain name only: keyPackId[0] to keyPackId[6] are not the boxes of the key pack ID', async () => {
    const { environmentId, cookie } = await signedIn();
    await fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard', {});
    await drive(fake, environmentId, TO_OBTAIN_PAGE);
    const boxes = ['AAAAA', 'BBBBB', 'CCCCC', 'DDDDD', 'EEEEE', 'FFFFF', 'GGGGG'];
    const typedAfter = async (name: (index: number) => string): Promise<string | undefined> => {
      const shown = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
      const form = new URLSearchParams({ drawnFrom: drawnFrom(shown.text) });
      for (const [index, box] of boxes.entries()) form.append(name(index), box);
      const posted = await fake.send(environmentId, {
        method: 'POST',
        path: `${WIZARD_PAGE}/moves`,
        headers: { ...FORM_POST, cookie },
        body: form.toString(),
      });
      assert.equal(posted.status, 303, posted.text);
      const now = await fake.send(environmentId, {
        method: 'GET',
        path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
        headers: AS_ADMIN,
      });
      return (now.body as { obtainKeyPack?: { keyPackId: string } }).obtainKeyPack?.keyPackId;
    };
    assert.equal(await typedAfter((index) => `keyPackId[${index}]`), '', 'nothing typed');
    assert.equal(await typedAfter(() => 'keyPackId'), 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG', 'the boxes, as a browser names them');
  });

  it("opens the Clearinghouse's pages to anyone, signed in or not (the representative is not the license server)", async () => {
    const { environmentId } = await signedIn();
    for (const [path, title] of [
      ['/clearinghouse', 'Microsoft Clearinghouse'],
      [`/clearinghouse/key-packs/${await issuedKeyPackId(fake, environmentId)}`, 'License key pack'],
    ] as const) {
      const answer = await fake.send(environmentId, { method: 'GET', path, headers: { accept: 'text/html' } });
      assert.equal(answer.status, 200, path);
      assert.equal(titleOf(answer.text), `${title} - RD Licensing (fake)`, path);
      assert.doesNotMatch(answer.text, /Signed in as/, path);
    }
  });

  it("refuses the wizard's page before the wizard is opened, as not open, on a page of its own", async () => {
    const { environmentId, cookie } = await signedIn();
    const answer = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
    assert.equal(answer.status, 404);
    assert.match(answer.text, /<code data-problem-code>wizard-not-open<\/code>/);
  });

  it("sends the browser to the wizard's page after opening it and after a move that leaves it open, and to the server's page after Cancel", async () => {
    const { environmentId, cookie } = await signedIn();
    const opened = await fake.send(environmentId, { method: 'POST', path: WIZARD_PAGE, headers: { ...FORM_POST, cookie } });
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.location, '/servers/LS-CONTOSO/wizard');
    const move = async (button: string) => {
      const shown = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
      const body = new URLSearchParams({ drawnFrom: drawnFrom(shown.text), move: button }).toString();
      return fake.send(environmentId, { method: 'POST', path: `${WIZARD_PAGE}/moves`, headers: { ...FORM_POST, cookie }, body });
    };
    const next = await move('next');
    assert.equal(next.status, 303);
    assert.equal(next.headers.location, '/servers/LS-CONTOSO/wizard');
    const cancelled = await move('cancel');
    assert.equal(cancelled.status, 303);
    assert.equal(cancelled.headers.location, '/servers/LS-CONTOSO');
  });
});

describe('a bug behind a page', () => {
  // An environment whose parts fail as a bug would, with a plain Error: the pages must pass it on
  // as it is, to be answered 500 and kept for GET /_test/unexpected-errors, not take it for a refusal.
  const bug = (where: string) => () => {
    throw new Error(`a bug in ${where}`);
  };
  const WELCOME = {
    serverName: 'LS-CONTOSO',
    page: 'welcome',
    title: 'Welcome to the Manage RDS CALs Wizard',
    allowed: ['next', 'cancel'],
  };
  const broken = {
    manager: {
      listServers: (credentials: { password: string }) =>
        credentials.password === 'bug' ? bug('listServers')() : [{ name: 'LS-CONTOSO' }],
      signIn: (serverName: string, credentials: { userName: string }) => ({ serverName, userName: credentials.userName, groups: [] }),
      properties: bug('properties'),
      // The wizard is refused to "someone", and shown on its Welcome page to "administrator".
      wizardView: (caller: { userName: string }) => {
        if (caller.userName === 'someone') throw new PermissionDeniedError('Only Administrators may use the wizard.');
        return WELCOME;
      },
      actOnWizard: bug('actOnWizard'),
    },
    clearinghouse: { call: bug('call'), telephoneNumbers: () => ({}) },
  } as unknown as ProductServices;
  const unexpected = new UnexpectedErrors();
  let base: string;
  let server: ReturnType<ReturnType<typeof express>['listen']>;

  before(async () => {
    const app = express();
    app.use(
      pageRoutes(
        () => broken,
        () => 'env-1',
      ),
    );
    app.use(errorHandler(unexpected, () => 'env-1'));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const post = (path: string, form: Record<string, string>, cookie = '') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
      body: new URLSearchParams(form).toString(),
    });

  it('is answered 500 and kept as itself, from the sign-in, a server page, the wizard and the Clearinghouse', async () => {
    const signIn = async (userName: string) => {
      const signedIn = await post('/sign-in', { userName, password: 'secret' });
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      assert.match(cookie, /^rdl-session=./);
      return cookie;
    };
    const [cookie, administrator] = [await signIn('someone'), await signIn('administrator')];
    const answers = [
      await post('/sign-in', { userName: 'someone', password: 'bug' }),
      await fetch(`${base}/servers/LS-CONTOSO`, { headers: { cookie, accept: 'text/html' } }),
      await post('/servers/LS-CONTOSO/wizard/moves', { move: 'next' }, cookie),
      await post('/servers/LS-CONTOSO/wizard/moves', { drawnFrom: revisionOf(WELCOME as WizardView), move: 'next' }, administrator),
      await post('/clearinghouse/calls', {
        dialledNumber: '+1 555 0100',
        licenseServerId: '00000-00000-00000-00000-00000-00000-00000',
        program: 'campus',
        agreementNumber: '6120456',
      }),
    ];
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [500, 500, 500, 500, 500],
    );
    assert.deepEqual(
      unexpected.of('env-1').map((error) => error.message.split('\n')[0]),
      [
        'Error: a bug in listServers',
        'Error: a bug in properties',
        'Error: a bug in actOnWizard',
        'Error: a bug in actOnWizard',
        'Error: a bug in call',
      ],
    );
  });
});
