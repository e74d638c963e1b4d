/**
 * What a posted page means (fake-server/http/pages/forms.ts), read from the fake's state after the
 * post: a post with no body is an empty form and any other kind of body is refused by name; a
 * field's surrounding spaces are not part of it; a page's form moves the wizard by its own fields
 * only; the key pack ID's boxes are read as typed; an unknown button is refused; the Clearinghouse
 * form reads the fields of the program chosen. The mutation run of http/pages/ left each of these
 * alive; the expected values are the procedure's and the README's, written out here.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN,
  AS_ADMIN,
  FIXTURE,
  FORM_POST,
  TO_OBTAIN_PAGE,
  TestFake,
  WIZARD_PAGE,
  drawnFrom,
  drive,
  signInToPages,
} from './helpers/http-fake';

let fake: TestFake;
before(async () => {
  fake = await TestFake.start();
});
after(() => fake.stop());

/** A new environment with LS-CONTOSO's wizard open, and the administrator's session in it. */
async function withWizardOpen(): Promise<{ environmentId: string; cookie: string }> {
  const environmentId = await fake.environment(FIXTURE);
  const opened = await fake.send(environmentId, {
    method: 'POST',
    path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
    headers: AS_ADMIN,
  });
  assert.equal(opened.status, 201, opened.text);
  return { environmentId, cookie: await signInToPages(fake, environmentId, ADMIN) };
}

/** Posts the wizard's form as drawn now, with these fields (a refusal as a page, or as problem+json when asked). */
async function postWizardForm(environmentId: string, cookie: string, fields: [string, string][], accept = 'text/html') {
  const shown = await fake.send(environmentId, { method: 'GET', path: WIZARD_PAGE, headers: { cookie, accept: 'text/html' } });
  const body = new URLSearchParams([['drawnFrom', drawnFrom(shown.text)], ...fields]).toString();
  return fake.send(environmentId, { method: 'POST', path: `${WIZARD_PAGE}/moves`, headers: { ...FORM_POST, cookie, accept }, body });
}

/** The wizard as the API shows it now. */
async function wizardNow(environmentId: string): Promise<Record<string, unknown> & { page: string }> {
  const answer = await fake.send(environmentId, {
    method: 'GET',
    path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
    headers: AS_ADMIN,
  });
  return answer.body as Record<string, unknown> & { page: string };
}

/** A raw post, with exactly these headers (the harness's client would add a content type). */
function rawPost(environmentId: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: { code?: string; title?: string; detail?: string } }>((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port: fake.port, method: 'POST', path, headers: { 'x-fake-environment': environmentId, ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('a posted form', () => {
  it('with no body is an empty form: a sign-in with no fields is refused as not signed in', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const empty = await rawPost(environmentId, '/sign-in', { accept: 'application/problem+json', 'content-length': '0' }, '');
    assert.deepEqual([empty.status, empty.body.code], [401, 'not-authenticated']);
  });

  it('of another kind is refused, naming the kind the pages take and the kind sent', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const credentials = `userName=${encodeURIComponent(ADMIN.userName)}&password=${encodeURIComponent(ADMIN.password)}`;
    const plain = await rawPost(
      environmentId,
      '/sign-in',
      { accept: 'application/problem+json', 'content-type': 'text/plain' },
      credentials,
    );
    assert.deepEqual(plain, {
      status: 415,
      body: {
        type: 'urn:rd-licensing-fake:problem:unsupported-media-type',
        title: 'Unsupported media type',
        status: 415,
        code: 'unsupported-media-type',
        detail: 'The pages take forms as application/x-www-form-urlencoded, as a browser posts them, not text/plain.',
      },
    });
    const untyped = await rawPost(environmentId, '/sign-in', { accept: 'application/problem+json' }, credentials);
    assert.equal(untyped.status, 415);
    assert.equal(
      untyped.body.detail,
      'The pages take forms as application/x-www-form-urlencoded, as a browser posts them, not a body of no stated type.',
    );
  });

  it('holds its fields without their surrounding spaces: a user name typed between spaces signs in', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const answer = await fake.send(environmentId, {
      method: 'POST',
      path: '/sign-in',
      headers: FORM_POST,
      body: new URLSearchParams({ userName: `  ${ADMIN.userName} `, password: ADMIN.password }).toString(),
    });
    assert.equal(answer.status, 303, answer.text);
  });
});

describe("the wizard's form", () => {
  it("moves the wizard by the fields of the page shown only: another page's fields are left alone", async () => {
    const { environmentId, cookie } = await withWizardOpen();
    const posted = await postWizardForm(environmentId, cookie, [
      ['action', 'rebuild'],
      ['reason', 'Other'],
      ['deletionShown', '1'],
      ['deletionConfirmed', 'on'],
      ['keyPackId', 'AAAAA'],
      ['additional', 'finish'],
      ['move', 'next'],
    ]);
    assert.equal(posted.status, 303, posted.text);
    const now = await wizardNow(environmentId);
    assert.equal(now.page, 'actionSelection');
    assert.deepEqual([now.actionSelection && (now.actionSelection as { action: unknown }).action, now.reason], [null, null]);
  });

  it('leaves a reason unchosen when the list is left at "Select a reason", as a browser posts it', async () => {
    const { environmentId, cookie } = await withWizardOpen();
    await drive(fake, environmentId, [{ type: 'next' }]);
    const posted = await postWizardForm(environmentId, cookie, [
      ['reason', ''],
      ['move', 'back'],
    ]);
    assert.equal(posted.status, 303, posted.text);
    assert.equal((await wizardNow(environmentId)).page, 'welcome');
  });

  it('checks and clears the deletion check box as posted', async () => {
    const { environmentId, cookie } = await withWizardOpen();
    await drive(fake, environmentId, TO_OBTAIN_PAGE.slice(0, 4));
    const confirmed = () =>
      wizardNow(environmentId).then((now) => (now.confirmDeletion as { deletionConfirmed: boolean }).deletionConfirmed);
    await postWizardForm(environmentId, cookie, [
      ['deletionShown', '1'],
      ['deletionConfirmed', 'on'],
    ]);
    assert.equal(await confirmed(), true);
    // A check box left clear is not posted at all: only the page's mark that it was shown.
    await postWizardForm(environmentId, cookie, [['deletionShown', '1']]);
    assert.equal(await confirmed(), false);
  });

  it("reads the key pack ID's boxes as typed, without their spaces, and the boxes left empty as nothing", async () => {
    const { environmentId, cookie } = await withWizardOpen();
    await drive(fake, environmentId, TO_OBTAIN_PAGE);
    const posted = await postWizardForm(environmentId, cookie, [
      ['keyPackId', ' 137U0 '],
      ['keyPackId', '06Y00'],
      ...Array.from({ length: 5 }, (): [string, string] => ['keyPackId', '']),
    ]);
    assert.equal(posted.status, 303, posted.text);
    const typed = async () => ((await wizardNow(environmentId)).obtainKeyPack as { keyPackId: string }).keyPackId;
    assert.equal(await typed(), '137U0-06Y00');
    // A form with no boxes at all (made by hand: the page always posts its seven) types nothing.
    assert.equal((await postWizardForm(environmentId, cookie, [])).status, 303);
    assert.equal(await typed(), '137U0-06Y00', 'the ID typed stays');
  });

  it('refuses a button the wizard does not have, naming it, and moves nothing', async () => {
    const { environmentId, cookie } = await withWizardOpen();
    const posted = await postWizardForm(environmentId, cookie, [['move', 'fly']], 'application/problem+json');
    assert.equal(posted.status, 422);
    assert.deepEqual(
      [(posted.body as { code: string }).code, (posted.body as { detail: string }).detail],
      ['invalid-request', 'The page sent a choice the wizard does not know: {"type":"fly"}.'],
    );
    assert.equal((await wizardNow(environmentId)).page, 'welcome');
  });
});

describe("the Clearinghouse's form", () => {
  /** Posts the call form; answers the refusal's code, or "issued" (having checked where the browser is sent). */
  async function call(fields: Record<string, string>): Promise<string> {
    const environmentId = await fake.environment(FIXTURE);
    const server = await fake.send(environmentId, { method: 'GET', path: '/license-servers/LS-CONTOSO', headers: AS_ADMIN });
    const form = new URLSearchParams({
      dialledNumber: '+1 555 0100',
      licenseServerId: (server.body as { licenseServerId: string }).licenseServerId,
      ...fields,
    });
    const answer = await fake.send(environmentId, {
      method: 'POST',
      path: '/clearinghouse/calls',
      headers: { ...FORM_POST, accept: 'application/problem+json' },
      body: form.toString(),
    });
    if (answer.status !== 303) return String((answer.body as { code?: string }).code);
    // To the page of the ID just issued, shown as the representative reads it out.
    assert.match(String(answer.headers.location), /^\/clearinghouse\/key-packs\/[0-9A-Z]{35}\?issued=1$/);
    return 'issued';
  }

  it("reads the fields of the program chosen: a retail license code, an Open License's two numbers, an agreement's number", async () => {
    // A made-up retail code fails its check character: refused as the code typed, so the field was read.
    assert.equal(await call({ program: 'retail', licenseCode: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY' }), 'invalid-license-code');
    // The fixture's Open License purchase is already installed on LS-CONTOSO.
    const openLicense = await call({ program: 'openLicense', licenseNumber: '83920147', authorizationNumber: 'QX7R2M9KD4L8T1B' });
    assert.notEqual(openLicense, 'invalid-request');
    assert.notEqual(openLicense, 'no-matching-purchase');
    assert.equal(await call({ program: 'campus', agreementNumber: '6120456' }), 'issued');
  });

  it('reads the CAL type chosen: the campus agreement has per-user CALs only', async () => {
    assert.equal(await call({ program: 'campus', agreementNumber: '6120456', calType: 'perDevice' }), 'no-matching-purchase');
  });
});
