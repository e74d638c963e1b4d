/**
 * What the console's page routes (fake-server/http/page-routes/) answer that the page tests did
 * not read: the session cookie's attributes (HttpOnly, SameSite=Strict, the whole site), where
 * sign-in and sign-out send the browser, each page's title as a browser tab shows it, and the
 * page a refusal is drawn on. The node tests' mutation run of page-routes/ left these alive;
 * the expected values are the README's and the console's words, written out here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, AS_ADMIN, FIXTURE, STANDARD_USER, TestFake, signInToPages } from './helpers/http-fake';

const titleOf = (html: string): string | undefined => /<title>([^<]*)<\/title>/.exec(html)?.[1];

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
    const server = (await fake.send(environmentId, { method: 'GET', path: '/license-servers/LS-CONTOSO', headers: AS_ADMIN })).body as {
      licenseServerId: string;
    };
    const call = await fake.json(environmentId, 'POST', '/clearinghouse/telephone-calls', {
      dialledNumber: '+1 555 0100',
      licenseServerId: server.licenseServerId,
      information: { program: 'campus', agreementNumber: '6120456' },
    });
    assert.equal(call.status, 201, call.text);
    const { licenseKeyPackId } = call.body as { licenseKeyPackId: string };
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
