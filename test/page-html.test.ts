/**
 * Every kind of page the console draws, in one telephone rebuild of LS-CONTOSO through its forms
 * and the refusals met on the way, compared with the drawing approved in test/approved-pages/:
 * the words, labels, hints, marks and controls a person reads, as the pages' code writes them.
 *
 * Why: the page tests and the browser scenarios read what the procedure names (the IDs, the
 * counts, the refusals, the notes); the rest of a page's words were read by nothing, and the
 * mutation run of http/pages/ left them alive (docs/mutation-scores.md). Here a page whose text
 * or markup changes fails until its new drawing is approved:
 *
 *   RDL_APPROVE_PAGES=1 node -r ./tools/register-typescript.cjs --test test/page-html.test.ts
 *
 * rewrites the folder, and its diff is what a reviewer reads and signs off, as for
 * docs/openapi.json. The clock is set before anything is seeded and every ID the fake makes is
 * derived from the fixture, so the same code draws the same pages on every machine. Beside
 * them, each page's Content-Security-Policy is read against the hashes of its own script and
 * style, computed here.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN,
  Answer,
  FIXTURE,
  FORM_POST,
  STANDARD_USER,
  TestFake,
  WIZARD_PAGE,
  drawnFrom,
  keyPackIdFromCall,
  signInToPages,
} from './helpers/http-fake';
import { EnvironmentFixture } from '../fake-server/domain/seeding';

const APPROVED = join(__dirname, 'approved-pages');
const APPROVING = process.env.RDL_APPROVE_PAGES === '1';

/** The file a page is approved in, named for what it shows, with the request and status on its first line. */
interface Drawing {
  file: string;
  text: string;
}

/**
 * The tests' fixture, and a server not yet activated (no ID, no country) and a Services Provider
 * pack (the one kind that expires) on LS-FABRIKAM: what the other pages of a server can show.
 */
const WALK_FIXTURE: EnvironmentFixture = {
  licenseServers: [
    ...(FIXTURE.licenseServers ?? []),
    { name: 'LS-NEW', activated: false, connectionMethod: 'automatic', accounts: [{ ...ADMIN, groups: ['Administrators'] }] },
  ],
  purchases: [
    ...(FIXTURE.purchases ?? []),
    {
      information: { program: 'servicesProvider', agreementNumber: '7310555' },
      productVersion: 'Windows Server 2022',
      calType: 'perUser',
      quantity: 20,
      installedOn: 'LS-FABRIKAM',
    },
  ],
};

async function drawEveryPage(fake: TestFake): Promise<Drawing[]> {
  // The clock first: what is seeded is dated by it (a Services Provider pack's expiry).
  const environmentId = await fake.environment({});
  const clock = await fake.json(environmentId, 'PUT', '/_test/clock', { now: '2026-12-01T09:00:00.000Z' });
  assert.equal(clock.status, 200, clock.text);
  const seeded = await fake.json(environmentId, 'POST', '/_test/seed', WALK_FIXTURE);
  assert.equal(seeded.status, 204, seeded.text);
  const admin = await signInToPages(fake, environmentId, ADMIN);
  const standardUser = await signInToPages(fake, environmentId, STANDARD_USER);
  const drawings: Drawing[] = [];

  const keep = (name: string, request: string, answer: Answer) => {
    assert.match(answer.contentType, /^text\/html/, `${request} answered ${answer.status} ${answer.text}`);
    // The first page is kept whole: the frame every page shares (head, style sheet, script) is
    // approved once, so that a change to it reads as one diff, not one per page.
    const text = drawings.length === 0 ? answer.text : ownParts(answer.text);
    drawings.push({ file: `${name}.html`, text: `<!-- ${request}: ${answer.status} -->\n${text}` });
  };
  const get = (path: string, cookie?: string) =>
    fake.send(environmentId, { method: 'GET', path, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
  const post = (path: string, form: URLSearchParams, cookie?: string) =>
    fake.send(environmentId, { method: 'POST', path, headers: { ...FORM_POST, ...(cookie ? { cookie } : {}) }, body: form.toString() });
  const draw = async (name: string, path: string, cookie?: string) => keep(name, `GET ${path}`, await get(path, cookie));
  /** Posts the wizard's form as drawn now, with these fields, and draws the page it leads to (or the refusal). */
  const move = async (name: string, fields: [string, string][]) => {
    const form = new URLSearchParams([['drawnFrom', drawnFrom((await get(WIZARD_PAGE, admin)).text)], ...fields]);
    const posted = await post(`${WIZARD_PAGE}/moves`, form, admin);
    if (posted.status !== 303) return keep(name, `POST ${WIZARD_PAGE}/moves ${fields.map(([key]) => key).join(',')}`, posted);
    return draw(name, posted.headers.location ?? '', admin);
  };
  const boxes = (id: string): [string, string][] => id.split('-').map((box) => ['keyPackId', box]);

  await draw('sign-in', '/sign-in');
  keep('sign-in-refused', 'POST /sign-in', await post('/sign-in', new URLSearchParams({ userName: ADMIN.userName, password: 'wrong' })));
  await draw('manager', '/', admin);
  await draw('server', '/servers/LS-CONTOSO', admin);
  await draw('properties', '/servers/LS-CONTOSO/properties', admin);
  await draw('server-not-activated', '/servers/LS-NEW', admin);
  await draw('server-not-activated-properties', '/servers/LS-NEW/properties', admin);
  await draw('server-with-a-pack-that-expires', '/servers/LS-FABRIKAM', admin);
  await draw('unknown-server', '/servers/LS-NOWHERE', admin);
  await draw('wizard-not-open', WIZARD_PAGE, admin);
  assert.equal((await post(WIZARD_PAGE, new URLSearchParams(), admin)).status, 303);
  await draw('wizard-welcome', WIZARD_PAGE, admin);
  await draw('wizard-refused-to-a-user', WIZARD_PAGE, standardUser);
  keep(
    'wizard-stale-form',
    `POST ${WIZARD_PAGE}/moves drawnFrom,move`,
    await post(`${WIZARD_PAGE}/moves`, new URLSearchParams({ drawnFrom: 'an-older-drawing', move: 'next' }), admin),
  );
  await move('wizard-action-selection', [['move', 'next']]);
  await move('wizard-action-chosen', [
    ['action', 'rebuild'],
    ['reason', 'Other'],
  ]);
  await move('wizard-confirm-deletion', [['move', 'next']]);
  await move('wizard-deletion-not-confirmed', [['move', 'next']]);
  await move('wizard-deletion-box-checked', [
    ['deletionShown', '1'],
    ['deletionConfirmed', 'on'],
  ]);
  await move('wizard-deletion-box-cleared', [['deletionShown', '1']]);
  await move('wizard-after-deletion', [
    ['deletionShown', '1'],
    ['deletionConfirmed', 'on'],
    ['move', 'next'],
  ]);
  await move('wizard-obtain-key-pack', [['move', 'next']]);
  const keyPackId = await keyPackIdFromCall(fake, environmentId, 'LS-CONTOSO', '+1 555 0100', {
    program: 'enterpriseAgreement',
    agreementNumber: '4271956',
  });
  await move('wizard-key-pack-id-mistyped', [...boxes(keyPackId.replace(/^./, keyPackId.startsWith('A') ? 'B' : 'A')), ['move', 'next']]);
  await move('wizard-reinstalling-additional', [...boxes(keyPackId), ['move', 'next']]);
  await move('wizard-no-more-packs-chosen', [['additional', 'finish']]);
  await move('wizard-completing', [['move', 'next']]);
  await move('server-after-finish', [['move', 'finish']]);
  await draw('server-later', '/servers/LS-CONTOSO', admin);

  await draw('clearinghouse', '/clearinghouse');
  const refusedCall = new URLSearchParams({
    dialledNumber: '+1 555 0100',
    licenseServerId: '00000-00000-00000-00000-00000-00000-00000',
    program: 'campus',
    agreementNumber: '6120456',
  });
  keep('clearinghouse-call-refused', 'POST /clearinghouse/calls', await post('/clearinghouse/calls', refusedCall));
  await draw('key-pack-just-issued', `/clearinghouse/key-packs/${keyPackId}?issued=1`);
  await draw('key-pack-known', `/clearinghouse/key-packs/${keyPackId}`, admin);
  await draw('key-pack-unknown', '/clearinghouse/key-packs/AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
  return drawings;
}

/** What a page has of its own, in the shared frame: its title, the header (who is signed in) and <main>. */
function ownParts(page: string): string {
  return [/<title>[\s\S]*?<\/title>/, /<header>[\s\S]*?<\/header>/, /<main[\s\S]*?<\/main>/]
    .map((part) => {
      const found = part.exec(page)?.[0];
      assert.ok(found !== undefined, `the page has no ${part.source.slice(0, 8)}: ${page}`);
      return found;
    })
    .join('\n');
}

describe('the pages, as approved in test/approved-pages/', () => {
  let fake: TestFake;
  before(async () => {
    fake = await TestFake.start();
  });
  after(() => fake.stop());

  it('are drawn as approved, every one, and none is approved that is no longer drawn', async () => {
    const drawings = await drawEveryPage(fake);
    if (APPROVING) {
      rmSync(APPROVED, { recursive: true, force: true });
      mkdirSync(APPROVED, { recursive: true });
      for (const { file, text } of drawings) writeFileSync(join(APPROVED, file), text);
    }
    const approved = readdirSync(APPROVED).sort();
    assert.deepEqual(
      drawings.map(({ file }) => file).sort(),
      approved,
      'the pages drawn are not the pages approved: approve them again (the command is at the top of this file)',
    );
    for (const { file, text } of drawings) {
      assert.equal(text, readFileSync(join(APPROVED, file), 'utf8'), `${file} is not drawn as approved`);
    }
  });

  it('may run their own script and style and nothing else, named by hash in the Content-Security-Policy', async () => {
    const environmentId = await fake.environment(FIXTURE);
    const answer = await fake.send(environmentId, { method: 'GET', path: '/sign-in', headers: { accept: 'text/html' } });
    const inline = (tag: string) => {
      const found = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(answer.text)?.[1];
      assert.ok(found !== undefined, `the page has no <${tag}>`);
      return `'sha256-${createHash('sha256').update(found, 'utf8').digest('base64')}'`;
    };
    assert.equal(
      answer.headers['content-security-policy'],
      `default-src 'none'; script-src ${inline('script')}; style-src ${inline('style')}; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
  });

  it('are drawn the same way twice (nothing in them depends on the run)', async () => {
    const [first, second] = [await drawEveryPage(fake), await drawEveryPage(fake)];
    assert.deepEqual(second, first);
  });
});
