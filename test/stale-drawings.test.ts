/**
 * Protocol guards a scenario does not reach (issue 28): each test here fails with a bug seeded
 * by hand that every scenario let through.
 *  - A wizard form's drawnFrom names the whole drawing, not only the page and its buttons: a
 *    stale tab of the same page with the check box in another state, or another ID typed, is
 *    refused as "page changed"; so is a choice posted from a stale tab without a button.
 *  - An Origin of 127.0.0.1 on another port is another site, and may not post.
 *  - A Basic password may contain ":" (only the first colon ends the user name).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN,
  AS_ADMIN,
  FIXTURE,
  TestFake,
  TO_OBTAIN_PAGE,
  basic,
  drive,
  signInToPages,
  FORM_POST,
  WIZARD_PAGE,
  drawnFrom,
} from './helpers/http-fake';

const WIZARD_API = '/license-servers/LS-CONTOSO/manage-cals-wizard';

describe('a stale drawing of the same wizard page', () => {
  let fake: TestFake;
  before(async () => {
    fake = await TestFake.start();
  });
  after(() => fake.stop());

  /** Signs in, opens the wizard, makes the moves, and returns the drawnFrom of the page then shown (tab A). */
  async function tabOn(moves: object[]): Promise<{ environmentId: string; cookie: string; stale: string }> {
    const environmentId = await fake.environment();
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    await fake.json(environmentId, 'POST', WIZARD_API, {});
    if (moves.length > 0) await drive(fake, environmentId, moves);
    const page = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
    return { environmentId, cookie, stale: drawnFrom(page.text) };
  }

  /** Posts tab A's form after tab B has moved on; asserts "page changed" and that nothing changed. */
  async function refusedAsPageChanged(environmentId: string, cookie: string, body: string, pageNow: RegExp) {
    const before = fake.digest(environmentId);
    const posted = await fake.send(environmentId, {
      method: 'POST',
      path: `${WIZARD_PAGE}/moves`,
      headers: { ...FORM_POST, cookie },
      body,
    });
    assert.equal(posted.status, 409, posted.text.slice(0, 300));
    assert.match(posted.text, /data-problem-code>page-changed</);
    assert.match(posted.text, /Page changed/, 'the refusal has its title');
    assert.match(
      posted.text,
      /The wizard has changed since this page was shown: it is now on &quot;|The wizard has changed since this page was shown: it is now on "/,
    );
    assert.match(posted.text, pageNow);
    assert.equal(fake.digest(environmentId), before, 'the stale post changed something');
  }

  it('Confirm Deletion drawn with the box clear, ticked in another tab: Back from the stale tab is refused', async () => {
    const { environmentId, cookie, stale } = await tabOn(TO_OBTAIN_PAGE.slice(0, 4));
    await drive(fake, environmentId, [{ type: 'setDeletionConfirmed', confirmed: true }]);
    await refusedAsPageChanged(
      environmentId,
      cookie,
      `deletionShown=1&move=back&drawnFrom=${encodeURIComponent(stale)}`,
      /Confirm Deletion/,
    );
    const now = await fake.json(environmentId, 'GET', WIZARD_API, undefined);
    assert.deepEqual(
      (now.body as { confirmDeletion: unknown }).confirmDeletion,
      { deletionConfirmed: true },
      'the tick of tab B was undone',
    );
  });

  it('the Obtain page drawn with empty boxes, an ID typed in another tab: Next from the stale tab is refused', async () => {
    const { environmentId, cookie, stale } = await tabOn(TO_OBTAIN_PAGE);
    await drive(fake, environmentId, [{ type: 'enterKeyPackId', keyPackId: 'ABCDE' }]);
    const boxes = ['', '', '', '', '', '', ''].map((box) => `keyPackId=${box}`).join('&');
    await refusedAsPageChanged(
      environmentId,
      cookie,
      `${boxes}&move=next&drawnFrom=${encodeURIComponent(stale)}`,
      /Obtain Client License Key Pack/,
    );
  });

  it('a choice posted from a stale tab without any button is refused too', async () => {
    const { environmentId, cookie, stale } = await tabOn([{ type: 'next' }]);
    await drive(fake, environmentId, [{ type: 'selectAction', action: 'rebuild' }]);
    await refusedAsPageChanged(environmentId, cookie, `reason=Other&drawnFrom=${encodeURIComponent(stale)}`, /Action Selection/);
  });

  it('the same post from a fresh drawing is taken (the refusals above are not an accident)', async () => {
    const { environmentId, cookie } = await tabOn(TO_OBTAIN_PAGE.slice(0, 4));
    const page = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
    const body = `deletionShown=1&deletionConfirmed=on&drawnFrom=${encodeURIComponent(drawnFrom(page.text))}`;
    const posted = await fake.send(environmentId, {
      method: 'POST',
      path: `${WIZARD_PAGE}/moves`,
      headers: { ...FORM_POST, cookie },
      body,
    });
    assert.equal(posted.status, 303);
    const now = await fake.json(environmentId, 'GET', WIZARD_API, undefined);
    assert.deepEqual((now.body as { confirmDeletion: unknown }).confirmDeletion, { deletionConfirmed: true });
  });
});

describe('who may post, and with what credentials', () => {
  let fake: TestFake;
  before(async () => {
    fake = await TestFake.start();
  });
  after(() => fake.stop());

  it('refuses a post whose Origin is 127.0.0.1 on another port, changes nothing, and takes its own origin', async () => {
    const environmentId = await fake.environment();
    const before = fake.digest(environmentId);
    const otherPort = fake.port === 65535 ? 65534 : fake.port + 1;
    const foreign = await fake.send(environmentId, {
      method: 'POST',
      path: WIZARD_API,
      headers: { ...AS_ADMIN, origin: `http://127.0.0.1:${otherPort}` },
    });
    assert.equal(foreign.status, 403);
    assert.equal((foreign.body as { code: string }).code, 'foreign-origin');
    assert.equal(fake.digest(environmentId), before);
    const own = await fake.send(environmentId, {
      method: 'POST',
      path: WIZARD_API,
      headers: { ...AS_ADMIN, origin: `http://127.0.0.1:${fake.port}` },
    });
    assert.equal(own.status, 201, own.text.slice(0, 300));
  });

  it('signs in an account whose password contains colons, through HTTP Basic and through the sign-in page', async () => {
    const colons = { userName: 'rdl-admin', password: 'Re:build:2026' };
    const [server, ...rest] = FIXTURE.licenseServers ?? [];
    assert.ok(server);
    const environmentId = await fake.environment({
      ...FIXTURE,
      licenseServers: [{ ...server, accounts: [{ ...colons, groups: ['Administrators'] }] }, ...rest],
    });
    const read = await fake.send(environmentId, { method: 'GET', path: '/license-servers', headers: { authorization: basic(colons) } });
    assert.equal(read.status, 200, read.text.slice(0, 300));
    await signInToPages(fake, environmentId, colons);
  });

  it('reads a Basic header only as the scheme, blanks and one token: nothing before it, nothing after', async () => {
    const environmentId = await fake.environment();
    const token = basic(ADMIN).slice('Basic '.length);
    const statusWith = async (authorization: string) =>
      (await fake.send(environmentId, { method: 'GET', path: '/license-servers', headers: { authorization } })).status;
    assert.equal(await statusWith(`Basic  ${token}`), 200, 'two blanks after the scheme');
    assert.equal(await statusWith(`XBasic ${token}`), 401, 'another scheme ending in "Basic"');
    assert.equal(await statusWith(`Basic ${token} ${token}`), 401, 'a second token after the first');
  });
});
