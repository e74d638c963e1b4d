/**
 * What the pages mark and say, as the server draws them (issue 28: each bug below passed
 * every scenario of both profiles): signing out ends the session on the server, not only in
 * the browser; a refused sign-in keeps the user name typed; the note that the wizard closed
 * appears on that server's page only; the count of packs reinstalled shows from the deletion
 * on, 0 included; an expired pack is marked expired on its server's page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, AS_ADMIN, FIXTURE, TestFake, TO_OBTAIN_PAGE, drive, signInToPages } from './helpers/http-fake';

const HTML = { accept: 'text/html' };

describe('what the pages mark and say', () => {
  let fake: TestFake;
  before(async () => {
    fake = await TestFake.start();
  });
  after(() => fake.stop());

  const get = (environmentId: string, path: string, cookie: string) =>
    fake.send(environmentId, { method: 'GET', path, headers: { ...HTML, cookie } });

  it('Sign out closes the session on the server: a copy of the cookie no longer signs anyone in', async () => {
    const environmentId = await fake.environment();
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    assert.equal((await get(environmentId, '/', cookie)).status, 200);
    const out = await fake.send(environmentId, { method: 'POST', path: '/sign-out', headers: { ...HTML, cookie } });
    assert.equal(out.status, 303);
    const copied = await get(environmentId, '/', cookie);
    assert.equal(copied.status, 401, 'the copied cookie still opens the console');
    assert.doesNotMatch(copied.text, /Signed in as/);
  });

  it('a refused sign-in shows the form again with the user name typed, and not the password', async () => {
    const environmentId = await fake.environment();
    const refused = await fake.send(environmentId, {
      method: 'POST',
      path: '/sign-in',
      headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
      body: `userName=${encodeURIComponent(ADMIN.userName)}&password=not-the-password`,
    });
    assert.equal(refused.status, 401);
    assert.match(refused.text, new RegExp(`name="userName"[^>]*value="${ADMIN.userName}"`));
    assert.doesNotMatch(refused.text, /not-the-password/);
  });

  it("the note that the wizard was cancelled is on that server's page, not on another server's", async () => {
    const environmentId = await fake.environment();
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    await fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard', {});
    const wizard = await get(environmentId, '/servers/LS-CONTOSO/wizard', cookie);
    const drawnFrom = /name="drawnFrom" value="([^"]+)"/.exec(wizard.text)?.[1] ?? '';
    const cancelled = await fake.send(environmentId, {
      method: 'POST',
      path: '/servers/LS-CONTOSO/wizard/moves',
      headers: { ...HTML, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `move=cancel&drawnFrom=${encodeURIComponent(drawnFrom)}`,
    });
    assert.equal(cancelled.status, 303);
    const note = /role="status">The Manage RDS CALs Wizard was cancelled/;
    assert.doesNotMatch((await get(environmentId, '/servers/LS-FABRIKAM', cookie)).text, note, "on another server's page");
    assert.match((await get(environmentId, '/servers/LS-CONTOSO', cookie)).text, note);
  });

  it('the wizard shows "RDS CAL packs reinstalled so far: 0" from the deletion on, and no count before it', async () => {
    const environmentId = await fake.environment();
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    await fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard', {});
    await drive(fake, environmentId, TO_OBTAIN_PAGE.slice(0, 5));
    assert.doesNotMatch((await get(environmentId, '/servers/LS-CONTOSO/wizard', cookie)).text, /reinstalled so far/, 'before the deletion');
    await drive(fake, environmentId, [{ type: 'next' }, { type: 'next' }]);
    assert.match((await get(environmentId, '/servers/LS-CONTOSO/wizard', cookie)).text, /<p>RDS CAL packs reinstalled so far: 0<\/p>/);
  });

  it("marks a services provider pack expired on its server's page 30 days after it was installed, and not before", async () => {
    const environmentId = await fake.environment({
      ...FIXTURE,
      purchases: [
        {
          information: { program: 'servicesProvider', agreementNumber: '7001234' },
          productVersion: 'Windows Server 2022',
          calType: 'perUser',
          quantity: 75,
          installedOn: 'LS-CONTOSO',
        },
      ],
    });
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    const page = async () => (await get(environmentId, '/servers/LS-CONTOSO', cookie)).text;
    await fake.json(environmentId, 'PUT', '/_test/clock', { now: new Date().toISOString() }, AS_ADMIN);
    await fake.json(environmentId, 'POST', '/_test/clock/advance', { days: 29 }, AS_ADMIN);
    assert.doesNotMatch(await page(), /\(expired\)/);
    await fake.json(environmentId, 'POST', '/_test/clock/advance', { days: 2 }, AS_ADMIN);
    assert.match(await page(), /<\/time> \(expired\)/);
  });
});
