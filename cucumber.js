// Cucumber profiles. TypeScript is loaded transpile-only through swc (tsconfig "ts-node"):
// type-checking is its own step (npm run typecheck), so workers never pay for it again.
//  - default: for people at a terminal, one process, random order, a progress bar.
//  - ci: what npm test runs: two workers in random order (which is also what proves that
//    scenarios cannot see each other), JUnit XML, cucumber's HTML report, the message
//    stream the traceability report is built from, and a rerun file, all under reports/.
//  - rerun: only the scenarios that failed in the last ci run.
const common = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/**/*.ts', 'steps/**/*.ts'],
  strict: true,
  order: 'random',
};

const reports = ['junit:reports/junit.xml', 'html:reports/cucumber.html', 'message:reports/messages.ndjson', 'rerun:reports/rerun.txt'];

module.exports = {
  default: { ...common, paths: ['features/**/*.feature'], format: ['progress-bar'] },
  ci: { ...common, paths: ['features/**/*.feature'], parallel: 2, format: ['summary', ...reports] },
  rerun: { ...common, paths: ['@reports/rerun.txt'], format: ['progress-bar', ...reports] },
};
