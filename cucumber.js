// Cucumber profiles. TypeScript is loaded transpile-only through swc (tsconfig "ts-node"):
// type-checking is its own step (npm run typecheck), so workers never pay for it again.
//  - default: for people at a terminal, one process, random order, a progress bar (the plain
//    progress dots when the output is not a terminal: the bar cannot draw into a pipe or a file).
//  - ci: what npm test runs: two workers in random order (which is also what proves that
//    scenarios cannot see each other), JUnit XML, cucumber's HTML report, the message
//    stream the traceability report is built from, and a rerun file, all under reports/.
//  - rerun: only the scenarios that failed in the last ci run; it updates the rerun file but
//    leaves the other reports of the last full run alone.
//  - browser: every feature through the fake's web pages in headless Chromium (the browser
//    driver), reports under reports/browser/, pictures of the pages as files under
//    reports/browser/pages/. It alone loads the browser glue (support/glue/browser/), which hands
//    the person's verbs to support/glue/who-acts.ts: Given steps arrange over the API; When and
//    Then steps act and read on the pages. Scenarios no person could perform on a page (raw
//    malformed input) are tagged @api-only, the harness's own checks @harness; the keyboard-only
//    rebuild is @browser-only.
const { randomUUID } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');

// One id for the whole run, inherited by the workers: they use it to check each kind of page
// for accessibility once per run between them (support/browser/session.ts).
process.env.RDL_RUN_ID ??= randomUUID();

/** The scenarios the last ci run wrote to reports/rerun.txt as failed (file:line…). */
function failedLastTime() {
  const file = 'reports/rerun.txt';
  return existsSync(file) ? readFileSync(file, 'utf8').split(/\s+/).filter(Boolean) : [];
}

/** Cucumber's progress bar writes only to a terminal; piped or redirected, it refuses the run's formatter. */
const progress = process.stdout.isTTY ? 'progress-bar' : 'progress';

/** What only the browser profile loads: the person's verbs on the pages, and their lifecycle. */
const browserGlue = 'support/glue/browser/*.ts';

const common = {
  requireModule: [require.resolve('./tools/register-typescript.cjs')],
  require: ['support/glue/*.ts', 'steps/**/*.ts'],
  strict: true,
  order: 'random',
};

// Prints the three closest sentences for every step that matches none (and keeps them in a file).
const didYouMean = './reporting/did-you-mean.cjs:reports/did-you-mean.txt';
const reports = [
  didYouMean,
  './reporting/linked-files.cjs:reports/linked-files.txt',
  'junit:reports/junit.xml',
  'html:reports/cucumber.html',
  'message:reports/messages.ndjson',
  'rerun:reports/rerun.txt',
];

const browserReports = [
  './reporting/did-you-mean.cjs:reports/browser/did-you-mean.txt',
  './reporting/linked-files.cjs:reports/browser/linked-files.txt',
  'junit:reports/browser/junit.xml',
  'html:reports/browser/cucumber.html',
  'message:reports/browser/messages.ndjson',
  'rerun:reports/browser/rerun.txt',
];

module.exports = {
  // No `paths` in these profiles: cucumber-js then runs features/**/*.feature, and a path on the
  // command line (a file, or file:line) replaces that instead of being added to it.
  default: { ...common, format: [progress, didYouMean], tags: 'not @browser-only' },
  ci: { ...common, parallel: 2, worldParameters: { reportFolder: 'reports' }, format: ['summary', ...reports], tags: 'not @browser-only' },
  // The same features through the fake's web pages in headless Chromium (support/browser/browser-driver.ts).
  // Harness checks (@harness) test the test-control API, which no page has: they run once, over the API.
  // The browser glue comes after the common glue (it also imports it, so its hooks run after the common ones).
  browser: {
    ...common,
    require: [...common.require, browserGlue],
    parallel: 2,
    worldParameters: { reportFolder: 'reports/browser' },
    tags: 'not @api-only and not @harness',
    format: ['summary', ...browserReports],
  },
  // The API features with no formatter at all, in file order: for tools that bring their own
  // (Stryker in npm run mutation, which also picks the scenarios; the sharding test).
  bare: { ...common, order: 'defined', format: [], tags: 'not @browser-only' },
  // With nothing failed last time, a name no scenario has selects none (empty paths would mean all).
  rerun: failedLastTime().length
    ? { ...common, paths: failedLastTime(), format: [progress, didYouMean, 'rerun:reports/rerun.txt'] }
    : { ...common, name: ['^$'], format: ['summary'] },
};
