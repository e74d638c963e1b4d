/**
 * Lifecycle: one fake per worker, one environment per scenario, clean-ups in reverse,
 * and a guard that fails any scenario during which the fake hit an unexpected error,
 * even if no step looked at that response.
 */
import {
  After,
  AfterAll,
  AfterStep,
  Before,
  BeforeAll,
  BeforeStep,
  Status,
  setDefaultTimeout,
  setWorldConstructor,
} from '@cucumber/cucumber';
import { CucumberExpression, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { expect } from 'chai';
import { JsonEvidence, writeEvidenceFiles } from '../evidence/evidence-files';
import { startProcessFake, stopProcessFake } from '../fake/process-fake';
import { PERSONA_PHRASES } from './personas';
import { LicensingWorld, NO_KEY_PACK_ID_ISSUED, Persona, SO_MANY_KEY_PACK_IDS_ISSUED } from './world';

// Here rather than in world.ts, so that the World can be built by plain unit tests too.
setWorldConstructor(LicensingWorld);
// A step through the browser makes several page loads, and two workers share two cores with
// their browsers: cucumber's default of 5 s is too tight there. The heaviest steps go through a
// whole rebuild (twenty-odd pages); on a busy 2-core CI machine one took over 20 s. No step is
// slow through the API, and a hang still fails the step.
setDefaultTimeout(60_000);

BeforeAll({ timeout: 60_000 }, async function () {
  await startProcessFake();
});

AfterAll(async function () {
  await stopProcessFake();
});

// A profile's own hooks (support/glue/browser/) are defined after these, by importing this file:
// cucumber runs Before hooks in the order they were defined, After hooks in the reverse order.
Before(async function (this: LicensingWorld) {
  await this.harness.startScenario();
  this.cleanups.push(() => this.harness.endScenario());
});

/** What a profile's glue does when a scenario's set-up has just ended (see whenTheSetUpEnds). */
type SetUpEnded = (world: LicensingWorld) => Promise<void>;
const setUpEnded: SetUpEnded[] = [];

/**
 * Registers something to do at the first step after a scenario's Given steps, before that step
 * switches to the person it names: it is still done as whoever did the set-up (a read of the
 * wizard by the administrator who opened it must not be refused because the step is "the
 * standard user tries to …").
 */
export function whenTheSetUpEnds(then: SetUpEnded): void {
  setUpEnded.push(then);
}

/** "exactly N license key pack IDs were issued", which counts from the first When too: matched as its step definition matches. */
const COUNTS_ISSUED_IDS = new CucumberExpression(SO_MANY_KEY_PACK_IDS_ISSUED, new ParameterTypeRegistry());

/**
 * A sentence that opens by naming a person acts as that person, whatever an earlier step
 * did ("the standard user tries to …", then "the administrator clicks Next"). And the
 * first When marks the end of the set-up: what the Clearinghouse has issued so far is
 * remembered, so "no license key pack ID was issued" speaks of the scenario's own actions.
 */
BeforeStep(async function (this: LicensingWorld, { pickle, pickleStep }) {
  const settingUpUntilNow = this.stepType === 'Context';
  this.stepType = pickleStep.type;
  if (settingUpUntilNow && this.stepType !== 'Context') for (const then of setUpEnded) await then(this);
  const phrase = PERSONA_PHRASES.find((candidate) => pickleStep.text.startsWith(`${candidate} `));
  if (phrase) this.actAs(phrase.replace(/^the /, '') as Persona);
  else if (pickleStep.type === 'Outcome' && this.actor !== 'administrator') {
    // A check that names nobody reads what the fake holds and shows as the administrator, whoever
    // acted last ("the standard user tries to click Next", then "the wizard shows the … page").
    this.actorAfterCheck = this.actor;
    this.actAs('administrator');
  }
  // Only scenarios that ask about it pay for the read.
  const asks = pickle.steps.some((step) => step.text === NO_KEY_PACK_ID_ISSUED || COUNTS_ISSUED_IDS.match(step.text) !== null);
  if (asks && pickleStep.type === 'Action' && this.issuedBeforeActions === undefined) {
    this.issuedBeforeActions = await this.harness.issuedKeyPackIds();
  }
});

/** A check that read as the administrator gives the screen back to whoever acted before it. */
AfterStep(async function (this: LicensingWorld) {
  if (this.actorAfterCheck !== undefined) {
    this.actAs(this.actorAfterCheck);
    this.actorAfterCheck = undefined;
  }
});

/**
 * The scenario's evidence: every request it made to the fake, copies of the database around the
 * deletion and after Finish, and the pictures of the screens, if a driver drew any. Profiles that write a report
 * (worldParameters.reportFolder) get them as files beside it, linked; the others inline.
 */
After(async function (this: LicensingWorld, { pickle, result }) {
  const failures: unknown[] = [];
  let unexpected: string[] = [];
  try {
    unexpected = await this.harness.unexpectedServerErrors();
    await attachEvidence(this, pickle);
  } catch (error) {
    failures.push(error);
  }
  try {
    // Only a scenario whose steps all passed can have missed its refusal: after a failed (or
    // pending, undefined…) step, the step that would have checked it never ran, and a second
    // error would only bury the first.
    if (result?.status === Status.PASSED) this.failOnUncheckedRefusal();
  } catch (error) {
    failures.push(error);
  }
  // Every clean-up runs, whatever failed before it: a skipped one leaves an environment behind in the worker's fake.
  for (const cleanup of this.cleanups.reverse()) await cleanup().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
  expect(unexpected, 'the fake license server failed unexpectedly during this scenario').to.deep.equal([]);
});

async function attachEvidence(world: LicensingWorld, pickle: { uri: string; location?: { line: number } }): Promise<void> {
  const json: JsonEvidence[] = [
    { fileName: 'requests to the fake.json', value: world.api.exchanges },
    ...world.person.databases.map((evidence) => ({
      fileName: `${evidence.serverName} database ${evidence.label}.json`,
      value: evidence.database,
    })),
  ];
  const { pictures } = world;
  const reportFolder = (world.parameters as { reportFolder?: string }).reportFolder;
  if (reportFolder !== undefined) {
    const scenario = { uri: pickle.uri, line: pickle.location?.line ?? 0 };
    for (const link of await writeEvidenceFiles(reportFolder, scenario, { json, pictures })) world.link(link);
    return;
  }
  for (const { fileName, value } of json) world.attach(JSON.stringify(value, null, 2), { mediaType: 'application/json', fileName });
  for (const picture of pictures) world.attach(picture.image, { mediaType: 'image/png', fileName: `${picture.label}.png` });
}
