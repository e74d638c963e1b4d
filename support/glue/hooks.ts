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
import { expect } from 'chai';
import { BrowserDriver } from '../browser/browser-driver';
import { JsonEvidence, writeEvidenceFiles } from '../evidence/evidence-files';
import { Refusal } from '../seams/person-and-harness';
import { closeBrowserSessionIfLoaded, loadBrowserSession } from '../browser/browser-loader';
import { startProcessFake, stopProcessFake } from '../fake/process-fake';
import { PERSONA_PHRASES } from './personas';
import { LicensingWorld, NO_KEY_PACK_ID_ISSUED, Persona } from './world';

// Here rather than in world.ts, so that the World can be built by plain unit tests too.
setWorldConstructor(LicensingWorld);
// A step through the browser makes several page loads, and two workers share two cores with
// their browsers: cucumber's default of 5 s is too tight there. The heaviest steps go through a
// whole rebuild (twenty-odd pages); on a busy 2-core CI machine one took over 20 s. No step is
// slow through the API, and a hang still fails the step.
setDefaultTimeout(60_000);

BeforeAll({ timeout: 60_000 }, async function (this: { parameters?: { driver?: string } }) {
  await startProcessFake();
  // The browser starts with the worker, not inside a scenario's first step (the bundled
  // Chromium unpacks itself the first time, which takes seconds).
  if (this.parameters?.driver === 'browser') await (await loadBrowserSession()).workerBrowser();
});

AfterAll(async function () {
  await closeBrowserSessionIfLoaded();
  await stopProcessFake();
});

Before(async function (this: LicensingWorld) {
  await this.harness.startScenario();
  this.cleanups.push(() => this.harness.endScenario());
  const browser = this.browser;
  if (browser) {
    await browser.startScenario();
    this.cleanups.push(() => browser.endScenario());
  }
});

/**
 * A sentence that opens by naming a person acts as that person, whatever an earlier step
 * did ("the standard user tries to …", then "the administrator clicks Next"). And the
 * first When marks the end of the set-up: what the Clearinghouse has issued so far is
 * remembered, so "no license key pack ID was issued" speaks of the scenario's own actions.
 */
/** "exactly N license key pack IDs were issued" (support/glue/world.ts), which counts from the first When too. */
const COUNTS_ISSUED_IDS = /^exactly \d+ license key pack IDs? (?:was|were) issued$/;

BeforeStep(async function (this: LicensingWorld, { pickle, pickleStep }) {
  const settingUpUntilNow = this.stepType === 'Context';
  this.stepType = pickleStep.type;
  if (this.browser) await arrangeOrAct(this, this.browser, settingUpUntilNow);
  const phrase = PERSONA_PHRASES.find((candidate) => pickleStep.text.startsWith(`${candidate} `));
  if (phrase) this.actAs(phrase.replace(/^the /, '') as Persona);
  else if (pickleStep.type === 'Outcome' && this.actor !== 'administrator') {
    // A check that names nobody reads what the fake holds and shows as the administrator, whoever
    // acted last ("the standard user tries to click Next", then "the wizard shows the … page").
    this.actorAfterCheck = this.actor;
    this.actAs('administrator');
  }
  // Only scenarios that ask about it pay for the read.
  const asks = pickle.steps.some((step) => step.text === NO_KEY_PACK_ID_ISSUED || COUNTS_ISSUED_IDS.test(step.text));
  if (asks && pickleStep.type === 'Action' && this.issuedBeforeActions === undefined) {
    this.issuedBeforeActions = await this.harness.issuedKeyPackIds();
  }
});

/**
 * The browser profile arranges with the Given steps over the API and acts and reads on the
 * pages (README, "Arrange through the API"). When the set-up has left the wizard open, the
 * first step after it loads the page the fake now shows, as the person sitting down at the
 * screen would see it, and what the steps know of the wizard is read from that page.
 */
async function arrangeOrAct(world: LicensingWorld, driver: BrowserDriver, settingUpUntilNow: boolean): Promise<void> {
  const arranging = world.stepType === 'Context';
  driver.arrangeOverApi(arranging);
  if (arranging || !settingUpUntilNow || !world.page || world.page.page === 'closed') return;
  try {
    world.page = await world.person.currentWizardPage(world.page.serverName);
  } catch (error) {
    // The set-up may have closed the wizard without a step seeing it (a reset, a snapshot restored).
    if (!(error instanceof Refusal && error.code === 'wizard-not-open')) throw error;
  }
}

/**
 * Pictures for the reports: of the page each When step leaves on the screen, and of the page
 * as it was when a step failed, whatever its kind.
 */
AfterStep(async function (this: LicensingWorld, { pickleStep, result }) {
  if (this.actorAfterCheck !== undefined) {
    this.actAs(this.actorAfterCheck);
    this.actorAfterCheck = undefined;
  }
  if (!this.browser) return;
  if (result.status === Status.FAILED) await this.browser.pictureOfFailure(pickleStep.text);
  else if (pickleStep.type === 'Action') await this.browser.pictureOfStep();
  else this.browser.forgetScreen();
});

/**
 * The scenario's evidence: every request it made to the fake, copies of the database around the
 * deletion and after Finish, and the browser's pictures. Profiles that write a report
 * (worldParameters.reportFolder) get them as files beside it, linked; the others inline.
 */
After(async function (this: LicensingWorld, { pickle, result }) {
  const failures: unknown[] = [];
  let unexpected: string[] = [];
  try {
    unexpected = await this.harness.unexpectedServerErrors();
    attachEvidence(this, pickle);
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

function attachEvidence(world: LicensingWorld, pickle: { uri: string; location?: { line: number } }): void {
  const json: JsonEvidence[] = [
    { fileName: 'requests to the fake.json', value: world.api.exchanges },
    ...world.person.databases.map((evidence) => ({
      fileName: `${evidence.serverName} database ${evidence.label}.json`,
      value: evidence.database,
    })),
  ];
  const pictures = world.browser?.pictures ?? [];
  const reportFolder = (world.parameters as { reportFolder?: string }).reportFolder;
  if (reportFolder !== undefined) {
    const scenario = { uri: pickle.uri, line: pickle.location?.line ?? 0 };
    for (const link of writeEvidenceFiles(reportFolder, scenario, { json, pictures })) world.link(link);
    return;
  }
  for (const { fileName, value } of json) world.attach(JSON.stringify(value, null, 2), { mediaType: 'application/json', fileName });
  for (const picture of pictures) world.attach(picture.image, { mediaType: 'image/png', fileName: `${picture.label}.png` });
}
