/**
 * What a scenario writer meets outside the features themselves: running one file, the
 * "did you mean" suggestions, valid test data, what the harness tells the representative,
 * and failure messages that say what happened.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { IWorldOptions } from '@cucumber/cucumber';
import { ID_KINDS, validExample } from '../fake-server/domain/test-data';
import { checkProgramInformation } from '../fake-server/domain/purchases';
import { hasValidCheckCharacter, normalizeId } from '../fake-server/domain/ids';
import { formatter } from '../reporting/did-you-mean';
import { closestSentences } from '../reporting/sentences';
import { GrantedKeyPack, Refusal, TelephoneCall, WizardPage } from '../support/seams/person-and-harness';
import { programInformationOf } from '../support/words/purchase-references';
import { callClearinghouse } from '../support/seams/tasks';
import { LicensingWorld } from '../support/glue/world';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);

/** Runs cucumber-js as a person would (dry run: nothing executes) and returns the scenario count. */
async function scenariosRun(args: string[]): Promise<number> {
  const { stdout } = await run(process.execPath, ['node_modules/.bin/cucumber-js', '--dry-run', '--format', 'summary', ...args], {
    cwd: ROOT,
  });
  const match = /(\d+) scenarios?/.exec(stdout);
  assert.ok(match?.[1], stdout);
  return Number(match[1]);
}

/** A world whose driver only records the telephone calls made through it. */
function worldWithRecordingDriver(): { world: LicensingWorld; calls: TelephoneCall[] } {
  const world = new LicensingWorld({
    attach: () => undefined,
    log: () => undefined,
    link: () => undefined,
    parameters: {},
  } as unknown as IWorldOptions);
  const calls: TelephoneCall[] = [];
  // Refusals are compared with a digest of the whole environment; this one never changes.
  Object.assign(world.harness, { environmentDigest: () => Promise.resolve('unchanged') });
  Object.assign(world.person, {
    callClearinghouse: (call: TelephoneCall): Promise<GrantedKeyPack> => {
      calls.push(call);
      return Promise.resolve({
        licenseKeyPackId: 'X',
        purchaseNumber: 1,
        productVersion: 'Windows Server 2022',
        calType: 'perDevice',
        quantity: 20,
      });
    },
  });
  world.page = {
    obtainKeyPack: { countryRegion: 'United States', telephoneNumber: '+1 555 0100', licenseServerId: 'ID', keyPackId: '' },
  } as WizardPage;
  return { world, calls };
}

describe('writing scenarios', () => {
  it('runs just the file, or the one scenario, named on the command line, with --tags still working', async () => {
    assert.equal(await scenariosRun(['features/step-07-confirm-deletion.feature']), 6);
    assert.equal(await scenariosRun(['features/step-07-confirm-deletion.feature:17']), 1);
    assert.equal(await scenariosRun(['features/step-07-confirm-deletion.feature', '--tags', 'not @step-7']), 0);
    assert.ok((await scenariosRun(['--tags', '@step-7'])) >= 5, 'tags select across every feature');
    assert.ok((await scenariosRun([])) > 100, 'with no path, every feature runs');
  });

  it('suggests the three closest sentences for a misspelt step', () => {
    const output: string[] = [];
    let handler: ((envelope: object) => void) | undefined;
    formatter({ on: (_event, handle) => (handler = handle as (envelope: object) => void), write: (text) => output.push(text) });
    const send = (envelope: object) => handler?.(envelope);
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      send({ parameterType: { name: 'connectionMethod', regularExpressions: ['Automatic connection|Web Browser|Telephone'] } });
      send({
        stepDefinition: { id: 'a', pattern: { source: 'its connection method is {connectionMethod}', type: 'CUCUMBER_EXPRESSION' } },
      });
      send({
        stepDefinition: {
          id: 'b',
          pattern: { source: '^the administrator clicks (Next|Back|Cancel|Finish)$', type: 'REGULAR_EXPRESSION' },
        },
      });
      send({
        pickle: {
          id: 'p',
          uri: 'features/x.feature',
          name: 'typo',
          steps: [{ id: 's', text: 'its conection method is Telephone', astNodeIds: [] }],
        },
      });
      send({ testCase: { pickleId: 'p', testSteps: [{ pickleStepId: 's', stepDefinitionIds: [] }] } });
      send({ testRunFinished: {} });
    } finally {
      process.stderr.write = original;
    }
    assert.match(output.join(''), /"its conection method is Telephone"[\s\S]*did you mean:\s+its connection method is Telephone/);
    assert.deepEqual(
      closestSentences('the administrator clicks Nxt', ['^the administrator clicks (Next|Back)$'.slice(1, -1)]).slice(0, 1),
      ['the administrator clicks Next'],
    );
  });

  it('makes valid test data of every kind (npm run ids)', () => {
    for (const kind of ID_KINDS) {
      for (let seed = 0; seed < 50; seed += 1) {
        const example = validExample(kind, String(seed));
        if (kind === 'license-server-id') assert.ok(hasValidCheckCharacter(normalizeId(example)), example);
        else assert.doesNotThrow(() => checkProgramInformation(programInformationOf(example)), example);
      }
    }
    assert.throws(
      () => checkProgramInformation(programInformationOf('License Pack (Retail Purchase) 7QK2M-9RD4X-H8TB3-LC6WP-N5FJ5')),
      /npm run ids -- retail/,
    );
  });

  it('reads a retail license code out alone, and says product version and CAL type for other programs', async () => {
    const { world, calls } = worldWithRecordingDriver();
    const purchase = { productVersion: 'Windows Server 2022', calType: 'perDevice' as const, quantity: 20, installedOn: null };
    const retail = 'License Pack (Retail Purchase) 7QK2M-9RD4X-H8TB3-LC6WP-N5FJ4';
    const agreement = 'Enterprise Agreement 4271956';
    world.ledger.describe({ ...purchase, reference: retail, information: programInformationOf(retail) });
    world.ledger.describe({ ...purchase, reference: agreement, information: programInformationOf(agreement) });
    await callClearinghouse(world, retail);
    await callClearinghouse(world, agreement);
    assert.deepEqual(
      calls.map((call) => [call.information.program, call.productVersion, call.calType]),
      [
        ['retail', undefined, undefined],
        ['enterpriseAgreement', 'Windows Server 2022', 'perDevice'],
      ],
    );
  });

  it('says what happened when a refusal was expected, and shows a refusal without a stack into the driver', async () => {
    const { world } = worldWithRecordingDriver();
    await world.attempt(() => Promise.resolve({ page: 'actionSelection', title: 'Action Selection', allowed: [] }));
    assert.throws(() => world.expectRefusal(), /carried out: the wizard went on to the "Action Selection" page/);
    const refusal = new Refusal(
      'not-permitted',
      'not-an-administrator',
      'Changing the connection method needs membership in Administrators.',
    );
    assert.equal(refusal.stack, `Refusal: ${refusal.message}`);
    assert.match(refusal.message, /not-an-administrator/);
  });
});
