/**
 * The web pages stay small: every page of a whole telephone rebuild, with its stylesheet and
 * script (both inline), is under 50 KB, and none loads anything else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, AS_ADMIN, FIXTURE, TO_OBTAIN_PAGE, TestFake, drive, signInToPages } from './helpers/http-fake';

const LIMIT = 50 * 1024;

describe('page weight', () => {
  let fake: TestFake;

  before(async () => {
    fake = await TestFake.start();
  });

  after(() => fake.stop());

  it('keeps every page of a rebuild under 50 KB, with nothing else to load', async (t) => {
    const environmentId = await fake.environment(FIXTURE);
    await fake.json(environmentId, 'PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'telephone' });
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    const weights: [string, number][] = [];
    const weigh = async (path: string) => {
      const answer = await fake.send(environmentId, { method: 'GET', path, headers: { cookie } });
      assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 200)}`);
      assert.doesNotMatch(answer.text, /<(?:link|img|iframe)\b|<script\s+src=/i, `${path} loads another file`);
      weights.push([path, Buffer.byteLength(answer.text)]);
    };
    await weigh('/sign-in');
    await weigh('/');
    await weigh('/servers/LS-CONTOSO');
    await weigh('/servers/LS-CONTOSO/properties');
    await weigh('/clearinghouse');
    await fake.send(environmentId, { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard', headers: AS_ADMIN });
    await weigh('/servers/LS-CONTOSO/wizard');
    for (const move of TO_OBTAIN_PAGE) {
      await drive(fake, environmentId, [move]);
      await weigh('/servers/LS-CONTOSO/wizard');
    }
    const heaviest = weights.reduce((a, b) => (b[1] > a[1] ? b : a));
    t.diagnostic(`pages weighed: ${weights.length}; heaviest ${heaviest[0]} at ${(heaviest[1] / 1024).toFixed(1)} KB`);
    for (const [path, bytes] of weights) assert.ok(bytes < LIMIT, `${path} is ${bytes} bytes`);
  });
});
