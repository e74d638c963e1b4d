/**
 * Lifecycle: one fake per worker, one environment per scenario, clean-ups in reverse,
 * and a guard that fails any scenario during which the fake hit an unexpected error,
 * even if no step looked at that response.
 */
import { After, AfterAll, Before, BeforeAll } from '@cucumber/cucumber';
import { expect } from 'chai';
import { startProcessFake, stopProcessFake } from './process-fake';
import { LicensingWorld } from './world';

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
