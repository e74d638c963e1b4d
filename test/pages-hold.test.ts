/**
 * The pages hold against what a careless or hostile client does with them (issue 17):
 * a wizard form drawn for one page and posted when the wizard shows another (a stale tab, a
 * double click) is refused as "page changed" and changes nothing; posts with no form or
 * another kind of body get a clear 4xx problem, not a 500; no page can be framed by another
 * page; signed-in pages are not kept by the browser's cache. The API takes the same guard as
 * an optional If-Match with the ETag of the wizard page it read.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN,
  AS_ADMIN,
  STANDARD_USER,
  TestFake,
  TO_OBTAIN_PAGE,
  drive,
  signInToPages,
  FORM_POST,
  WIZARD_PAGE,
  drawnFrom,
} from './helpers/http-fake';

describe('the pages against stale forms and odd posts', () => {
  let fake: TestFake;
  before(async () => {
    fake = await TestFake.start();
  });
  after(() => fake.stop());

  /** Posts a wizard form as the signed-in session of this cookie. */
  function postMoves(environmentId: string, cookie: string, body: string) {
    return fake.send(environmentId, { method: 'POST', path: `${WIZARD_PAGE}/moves`, headers: { ...FORM_POST, cookie }, body });
  }

  async function signedInWizard(): Promise<{ environmentId: string; cookie: string }> {
    const environmentId = await fake.environment();
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    await fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard', {});
    return { environmentId, cookie };
  }

  it('a stale tab still showing Welcome cannot press Next on Confirm Deletion: refused, nothing deleted', async () => {
    const { environmentId, cookie } = await signedInWizard();
    const tabA = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
    const stale = drawnFrom(tabA.text);
    // Tab B goes on to Confirm Deletion and ticks the box.
    await drive(fake, environmentId, TO_OBTAIN_PAGE.slice(0, 5));
    const before = fake.digest(environmentId);
    const posted = await postMoves(environmentId, cookie, `move=next&drawnFrom=${encodeURIComponent(stale)}`);
    assert.equal(posted.status, 409);
    assert.match(posted.text, /page-changed/);
    assert.match(posted.text, /Confirm Deletion of RDS CALs/, 'the answer shows the page the wizard is on now');
    assert.equal(fake.digest(environmentId), before, 'the stale post changed something');
  });

  it("a second post of Confirm Deletion's Next (a double click) goes no further than the first", async () => {
    const { environmentId, cookie } = await signedInWizard();
    await drive(fake, environmentId, TO_OBTAIN_PAGE.slice(0, 5));
    const page = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
    const body = `deletionShown=1&deletionConfirmed=on&move=next&drawnFrom=${encodeURIComponent(drawnFrom(page.text))}`;
    const first = await postMoves(environmentId, cookie, body);
    assert.equal(first.status, 303);
    const before = fake.digest(environmentId);
    const second = await postMoves(environmentId, cookie, body);
    assert.equal(second.status, 409);
    assert.equal(fake.digest(environmentId), before);
    const now = await fake.json(environmentId, 'GET', '/license-servers/LS-CONTOSO/manage-cals-wizard', undefined);
    assert.equal((now.body as { page: string }).page, 'reinstallingCals');
  });

  it('a wizard form without drawnFrom is refused as page changed', async () => {
    const { environmentId, cookie } = await signedInWizard();
    const before = fake.digest(environmentId);
    const posted = await postMoves(environmentId, cookie, 'move=next');
    assert.equal(posted.status, 409);
    assert.equal(fake.digest(environmentId), before);
  });

  describe("someone outside Administrators, on the wizard's frame", () => {
    async function frameOf(environmentId: string, cookie: string) {
      return fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
    }

    it("is refused the wizard's pages and shown none of its content, only its four buttons", async () => {
      const { environmentId } = await signedInWizard();
      await drive(fake, environmentId, TO_OBTAIN_PAGE);
      const cookie = await signInToPages(fake, environmentId, STANDARD_USER);
      const frame = await frameOf(environmentId, cookie);
      assert.equal(frame.status, 403);
      assert.match(frame.text, /data-problem-code>not-an-administrator</);
      for (const label of ['Back', 'Next', 'Finish', 'Cancel'])
        assert.match(frame.text, new RegExp(`<button type="submit" name="move" value="\\w+">${label}</button>`));
      const main = /<main[\s\S]*<\/main>/.exec(frame.text)?.[0] ?? '';
      assert.match(main, /<form/);
      assert.doesNotMatch(main, /<h2|Obtain Client License Key Pack|License Server ID|disabled/, 'the frame shows something of the wizard');
    });

    for (const button of ['back', 'cancel', 'finish', 'next']) {
      it(`pressing ${button} is refused by the wizard, naming it, and changes nothing`, async () => {
        const { environmentId } = await signedInWizard();
        await drive(fake, environmentId, TO_OBTAIN_PAGE);
        const cookie = await signInToPages(fake, environmentId, STANDARD_USER);
        const drawn = drawnFrom((await frameOf(environmentId, cookie)).text);
        const before = fake.digest(environmentId);
        const posted = await postMoves(environmentId, cookie, `move=${button}&drawnFrom=${drawn}`);
        assert.equal(posted.status, 403);
        const label = button.charAt(0).toUpperCase() + button.slice(1);
        assert.match(posted.text, new RegExp(`so clicking ${label} was refused`));
        assert.equal(fake.digest(environmentId), before);
      });
    }

    it('a post with choices and no button is refused as the wizard refuses its pages, and changes nothing', async () => {
      const { environmentId } = await signedInWizard();
      const cookie = await signInToPages(fake, environmentId, STANDARD_USER);
      const before = fake.digest(environmentId);
      const posted = await postMoves(environmentId, cookie, 'action=rebuild&move=constructor&drawnFrom=not-shown');
      assert.equal(posted.status, 403);
      assert.match(posted.text, /data-problem-code>not-an-administrator</);
      assert.doesNotMatch(posted.text, /so .* was refused/);
      assert.equal(fake.digest(environmentId), before);
    });

    it('an administrator posting a form drawn on the frame is refused as page changed: it was drawn for no state of the wizard', async () => {
      const { environmentId, cookie } = await signedInWizard();
      const before = fake.digest(environmentId);
      const posted = await postMoves(environmentId, cookie, 'move=cancel&drawnFrom=not-shown');
      assert.equal(posted.status, 409);
      assert.match(posted.text, /page-changed/);
      assert.equal(fake.digest(environmentId), before);
    });
  });

  it('the API refuses a move whose If-Match names a wizard page no longer shown (412), and takes one that matches', async () => {
    const { environmentId } = await signedInWizard();
    const read = await fake.json(environmentId, 'GET', '/license-servers/LS-CONTOSO/manage-cals-wizard', undefined);
    const etag = String(read.headers.etag ?? '');
    assert.match(etag, /^"[\w-]+"$/, 'the wizard page carries no ETag');
    await drive(fake, environmentId, [{ type: 'next' }]);
    const before = fake.digest(environmentId);
    const stale = await fake.json(
      environmentId,
      'POST',
      '/license-servers/LS-CONTOSO/manage-cals-wizard/actions',
      { type: 'back' },
      {
        ...AS_ADMIN,
        'if-match': etag,
      },
    );
    assert.equal(stale.status, 412);
    assert.equal((stale.body as { code: string }).code, 'page-changed');
    assert.equal(fake.digest(environmentId), before);
    const fresh = await fake.json(environmentId, 'GET', '/license-servers/LS-CONTOSO/manage-cals-wizard', undefined);
    const moved = await fake.json(
      environmentId,
      'POST',
      '/license-servers/LS-CONTOSO/manage-cals-wizard/actions',
      { type: 'back' },
      {
        ...AS_ADMIN,
        'if-match': String(fresh.headers.etag),
      },
    );
    assert.equal(moved.status, 200);
  });

  for (const path of ['/sign-in', '/clearinghouse/calls', `${WIZARD_PAGE}/moves`]) {
    it(`POST ${path} with no body, or a text/plain one, is a 4xx problem and changes nothing`, async () => {
      const { environmentId, cookie } = await signedInWizard();
      const before = fake.digest(environmentId);
      const exchanges: { headers: Record<string, string>; body?: string }[] = [
        { headers: { cookie, accept: 'application/json' } },
        { headers: { cookie, accept: 'application/json', 'content-type': 'text/plain' }, body: 'move=next' },
      ];
      for (const exchange of exchanges) {
        const answer = await fake.send(environmentId, { method: 'POST', path, ...exchange });
        assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status}: ${answer.text.slice(0, 200)}`);
        assert.match(answer.contentType, /problem\+json/);
        assert.equal(fake.digest(environmentId), before);
      }
      const unexpected = await fake.json(environmentId, 'GET', '/_test/unexpected-errors', undefined);
      assert.deepEqual((unexpected.body as { errors: unknown[] }).errors, []);
    });
  }

  it("the Clearinghouse page's form refuses a product version the Clearinghouse does not know, as the API does, and issues nothing", async () => {
    const environmentId = await fake.environment();
    const before = fake.digest(environmentId);
    const form = new URLSearchParams({
      dialledNumber: '+1 (888) 571-2048',
      licenseServerId: 'WMVEL-NE9BU-OKGYF-FNF13-3HLIM-H2Z6L-NXLT0',
      program: 'enterpriseAgreement',
      agreementNumber: '4271956',
      productVersion: 'Windows Server 2099',
      calType: 'perUser',
    });
    const posted = await fake.send(environmentId, {
      method: 'POST',
      path: '/clearinghouse/calls',
      headers: FORM_POST,
      body: form.toString(),
    });
    assert.equal(posted.status, 422);
    assert.match(posted.text, /data-problem-code>unknown-product-version</);
    // Drawn on the Clearinghouse's own page, to be called again, not on a page of the refusal's.
    assert.match(posted.text, /<title>Microsoft Clearinghouse - RD Licensing \(fake\)<\/title>/);
    assert.match(posted.text, /<h1>Microsoft Clearinghouse<\/h1>/);
    assert.equal(fake.digest(environmentId), before);
  });

  it('no page may be framed, sniffed or kept in the cache once signed in', async () => {
    const { environmentId, cookie } = await signedInWizard();
    for (const path of ['/sign-in', '/', '/servers/LS-CONTOSO', WIZARD_PAGE, '/clearinghouse']) {
      const answer = await fake.send(environmentId, { method: 'GET', path, headers: { cookie, accept: 'text/html' } });
      assert.equal(answer.headers['x-frame-options'], 'DENY', path);
      assert.match(String(answer.headers['content-security-policy']), /frame-ancestors 'none'/, path);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(answer.headers['referrer-policy'], 'same-origin', path);
      assert.match(String(answer.headers['cache-control']), /no-store/, path);
    }
  });

  it('says "the wizard was cancelled" once, after the move that cancelled it, and never for an address typed in', async () => {
    const environmentId = await fake.environment();
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    const note = async (query = '') =>
      /role="status">The Manage RDS CALs Wizard (finished|was cancelled)/.exec(
        (await fake.send(environmentId, { method: 'GET', path: `/servers/LS-CONTOSO${query}`, headers: { cookie, accept: 'text/html' } }))
          .text,
      )?.[1];
    assert.equal(await note('?wizard=finished'), undefined, 'an address alone says nothing');
    await fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard', {});
    const wizard = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
    const cancelled = await postMoves(environmentId, cookie, `move=cancel&drawnFrom=${encodeURIComponent(drawnFrom(wizard.text))}`);
    assert.equal(cancelled.status, 303);
    assert.equal(cancelled.headers.location, '/servers/LS-CONTOSO', 'the address carries no outcome');
    const other = await signInToPages(fake, environmentId, ADMIN);
    const seenByAnother = await fake.send(environmentId, {
      method: 'GET',
      path: '/servers/LS-CONTOSO',
      headers: { cookie: other, accept: 'text/html' },
    });
    assert.doesNotMatch(seenByAnother.text, /role="status">The Manage RDS CALs Wizard/, 'another session did not cancel it');
    assert.equal(await note(), 'was cancelled');
    assert.equal(await note(), undefined, 'said once');
  });
});
