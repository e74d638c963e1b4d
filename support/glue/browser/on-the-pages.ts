/**
 * The browser profile's own glue (cucumber.js loads it there only; the API profile never loads
 * playwright): the person's verbs on the fake's web pages in headless Chromium, one browser per
 * worker; the Givens still arrange over the API (support/glue/who-acts.ts decides which driver
 * acts). The lifecycle the pages need: their scenario started and ended, the page the set-up
 * left open loaded as the person sitting down at the screen sees it, and pictures of the screens.
 *
 * It imports the common hooks, so they are defined first whatever the order of the require
 * globs: cucumber runs Before and BeforeStep hooks in the order defined, After hooks in reverse.
 */
import { AfterAll, AfterStep, Before, BeforeAll, Status } from '@cucumber/cucumber';
import { HttpDriver } from '../../api/http-driver';
import { BrowserDriver } from '../../browser/browser-driver';
import { browserSession, closeBrowserSessionIfLoaded, loadBrowserSession } from '../../browser/browser-loader';
import { Refusal } from '../../seams/person-and-harness';
import { whenTheSetUpEnds } from '../hooks';
import { whoActs } from '../who-acts';
import { LicensingWorld, performVerbsWith } from '../world';

/** Each World's pages driver, for the lifecycle below (the World itself knows only the verbs). */
const pagesOf = new WeakMap<LicensingWorld, BrowserDriver>();

function pages(world: LicensingWorld): BrowserDriver {
  const driver = pagesOf.get(world);
  if (!driver) throw new Error('This World was built before the browser glue was loaded: it has no pages');
  return driver;
}

performVerbsWith((world) => {
  const onPages = new BrowserDriver(world.api, {
    browser: () => browserSession().workerBrowser(),
    contextFor: (account, create) => browserSession().contextFor(account, create),
    allContexts: () => browserSession().allContexts(),
    onPage: (page) => browserSession().checkAccessibility(page),
  });
  pagesOf.set(world, onPages);
  return whoActs({ overApi: new HttpDriver(world.api), onPages, settingUp: () => world.stepType === 'Context' });
});

// The browser starts with the worker, not inside a scenario's first step (the bundled Chromium
// unpacks itself the first time, which takes seconds).
BeforeAll({ timeout: 60_000 }, async function () {
  await (await loadBrowserSession()).workerBrowser();
});

AfterAll(async function () {
  await closeBrowserSessionIfLoaded();
});

/** After the harness has started the scenario's environment (the common Before): the pages are pointed at it. */
Before(async function (this: LicensingWorld) {
  const driver = pages(this);
  await driver.startScenario();
  // Run in reverse, so before the harness ends the environment, as the pages were started after it.
  this.cleanups.push(() => driver.endScenario());
});

/**
 * When the set-up has left the wizard open, the first step after it loads the page the fake now
 * shows, as the person sitting down at the screen would see it, and what the steps know of the
 * wizard is read from that page. As whoever did the set-up: the step's own person is not yet acting.
 */
whenTheSetUpEnds(async (world) => {
  if (!world.page || world.page.page === 'closed') return;
  try {
    world.page = await world.person.currentWizardPage(world.page.serverName);
  } catch (error) {
    // The set-up may have closed the wizard without a step seeing it (a reset, a snapshot restored).
    if (!(error instanceof Refusal && error.code === 'wizard-not-open')) throw error;
  }
});

/**
 * Pictures for the reports: of the page each When step leaves on the screen, and of the page as
 * it was when a step failed, whatever its kind; handed to the World's evidence.
 */
AfterStep(async function (this: LicensingWorld, { pickleStep, result }) {
  const driver = pages(this);
  if (result.status === Status.FAILED) await driver.pictureOfFailure(pickleStep.text);
  else if (pickleStep.type === 'Action') await driver.pictureOfStep();
  else driver.forgetScreen();
  this.pictures.push(...driver.pictures.splice(0));
});
