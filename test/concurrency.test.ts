/**
 * Concurrent requests against one fake: the license server must behave as if they came
 * one at a time (each change is a transaction), and separate servers must not interfere.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AS_ADMIN, TO_OBTAIN_PAGE, TestFake, drive } from './helpers/http-fake';

const CONCURRENT = 50;

describe('concurrency', () => {
  let fake: TestFake;

  before(async () => {
    fake = await TestFake.start();
  });

  after(() => fake.stop());

  async function serverId(environmentId: string, name: string): Promise<string> {
    return (
      (await fake.send(environmentId, { method: 'GET', path: `/license-servers/${name}`, headers: AS_ADMIN })).body as {
        licenseServerId: string;
      }
    ).licenseServerId;
  }

  it(`${CONCURRENT} concurrent reinstalls of one key pack ID: exactly one succeeds`, async (t) => {
    const environmentId = await fake.environment();
    await fake.send(environmentId, { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard', headers: AS_ADMIN });
    await drive(fake, environmentId, TO_OBTAIN_PAGE);
    const granted = await fake.json(environmentId, 'POST', '/clearinghouse/telephone-calls', {
      dialledNumber: '+1 555 0100',
      licenseServerId: await serverId(environmentId, 'LS-CONTOSO'),
      information: { program: 'enterpriseAgreement', agreementNumber: '4271956' },
    });
    const keyPackId = (granted.body as { licenseKeyPackId: string }).licenseKeyPackId;
    await drive(fake, environmentId, [{ type: 'enterKeyPackId', keyPackId }]);
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        fake.json(environmentId, 'POST', '/license-servers/LS-CONTOSO/manage-cals-wizard/actions', { type: 'next' }),
      ),
    );
    assert.equal(answers.filter((answer) => answer.status === 200).length, 1);
    assert.equal(answers.filter((answer) => answer.status === 409).length, CONCURRENT - 1);
    const { keyPacks } = fake.registry.get(environmentId).inspect('LS-CONTOSO');
    assert.equal(keyPacks.length, 1);
    const reinstalls = fake.registry
      .get(environmentId)
      .snapshot('LS-CONTOSO')
      .events.filter((event) => event.eventId === 9001);
    assert.equal(reinstalls.length, 1);
    t.diagnostic(`concurrent reinstalls: ${CONCURRENT}, succeeded: 1`);
  });

  it(`${CONCURRENT} concurrent attempts to open the wizard: one opens it, the rest get 409`, async () => {
    const environmentId = await fake.environment();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        fake.send(environmentId, { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard', headers: AS_ADMIN }),
      ),
    );
    assert.equal(answers.filter((answer) => answer.status === 201).length, 1);
    const conflicts = answers.filter((answer) => answer.status === 409);
    assert.equal(conflicts.length, CONCURRENT - 1);
    for (const conflict of conflicts) assert.equal((conflict.body as { code: string }).code, 'wizard-already-open');
  });

  it('wizards on two servers, driven at the same time, do not affect each other', async () => {
    const environmentId = await fake.environment();
    const rebuild = async (server: string, number: string, information: object) => {
      const path = `/license-servers/${server}/manage-cals-wizard`;
      assert.equal((await fake.send(environmentId, { method: 'POST', path, headers: AS_ADMIN })).status, 201);
      let page: { obtainKeyPack?: { telephoneNumber: string; licenseServerId: string } } = {};
      for (const move of TO_OBTAIN_PAGE) page = (await fake.json(environmentId, 'POST', `${path}/actions`, move)).body as typeof page;
      const granted = await fake.json(environmentId, 'POST', '/clearinghouse/telephone-calls', {
        dialledNumber: page.obtainKeyPack?.telephoneNumber ?? number,
        licenseServerId: page.obtainKeyPack?.licenseServerId,
        information,
      });
      const keyPackId = (granted.body as { licenseKeyPackId: string }).licenseKeyPackId;
      for (const move of [
        { type: 'enterKeyPackId', keyPackId },
        { type: 'next' },
        { type: 'chooseAdditionalPacks', choice: 'finish' },
        { type: 'next' },
        { type: 'finish' },
      ]) {
        const answer = await fake.json(environmentId, 'POST', `${path}/actions`, move);
        assert.equal(answer.status, 200, `${server}: ${answer.text}`);
      }
    };
    await Promise.all([
      rebuild('LS-CONTOSO', '+1 555 0100', { program: 'enterpriseAgreement', agreementNumber: '4271956' }),
      rebuild('LS-FABRIKAM', '+49 30 23125 001', { program: 'select', agreementNumber: '5550123' }),
    ]);
    const environment = fake.registry.get(environmentId);
    assert.deepEqual(
      environment.inspect('LS-CONTOSO').keyPacks.map((pack) => pack.totalLicenses),
      [250],
    );
    assert.deepEqual(
      environment.inspect('LS-FABRIKAM').keyPacks.map((pack) => pack.totalLicenses),
      [40],
    );
    for (const server of ['LS-CONTOSO', 'LS-FABRIKAM']) {
      assert.ok(
        environment.snapshot(server).events.some((event) => event.eventId === 88),
        `${server} was not rebuilt`,
      );
    }
  });
});
