/**
 * Lifecycle: one fake per worker, one environment per scenario, clean-ups in reverse,
 * and a guard that fails any scenario during which the fake hit an unexpected error,
 * even if no step looked at that response.
 */
import { After, AfterAll, Before, BeforeAll, BeforeStep, setWorldConstructor } from '@cucumber/cucumber';
import { expect } from 'chai';
import { startProcessFake, stopProcessFake } from './process-fake';
import { PERSONA_PHRASES } from './personas';
import { LicensingWorld, Persona } from './world';

// Here rather than in world.ts, so that the World can be built by plain unit tests too.
setWorldConstructor(LicensingWorld);

BeforeAll(async function () {
  await startProcessFake();
});

AfterAll(async function () {
  await stopProcessFake();
});

Before(async function (this: LicensingWorld) {
  await this.driver.startScenario();
  this.cleanups.push(() => this.driver.endScenario());
});

/**
 * A sentence that opens by naming a person acts as that person, whatever an earlier step
 * did ("the standard user tries to …", then "the administrator clicks Next"). And the
 * first When marks the end of the set-up: what the Clearinghouse has issued so far is
 * remembered, so "no license key pack ID was issued" speaks of the scenario's own actions.
 */
BeforeStep(async function (this: LicensingWorld, { pickleStep }) {
  const phrase = PERSONA_PHRASES.find((candidate) => pickleStep.text.startsWith(`${candidate} `));
  if (phrase) this.actAs(phrase.replace(/^the /, '') as Persona);
  if (pickleStep.type === 'Action' && this.issuedBeforeActions === undefined) {
    this.issuedBeforeActions = await this.driver.issuedKeyPackIds();
  }
});

After(async function (this: LicensingWorld) {
  const unexpected = await this.driver.unexpectedServerErrors();
  this.attach(JSON.stringify(this.driver.exchanges, null, 2), { mediaType: 'application/json', fileName: 'requests to the fake.json' });
  for (const evidence of this.driver.databases) {
    this.attach(JSON.stringify(evidence.database, null, 2), {
      mediaType: 'application/json',
      fileName: `${evidence.serverName} database ${evidence.label}.json`,
    });
  }
  for (const cleanup of this.cleanups.reverse()) await cleanup();
  expect(unexpected, 'the fake license server failed unexpectedly during this scenario').to.deep.equal([]);
});
