// Mutation testing of the fake's HTTP edge and persistence (npm run mutation:http): the same
// question stryker.config.mjs asks of the domain (does some scenario notice this bug?), asked
// of fake-server/http/ and fake-server/persistence/. The API profile of the acceptance suite
// runs inside the Stryker process, so per-scenario coverage picks, for each mutant, only the
// scenarios that reach it.
//
// One folder per run (RDL_MUTATION_FOLDER=http or persistence; npm run mutation:http runs
// both in turn), each with its own reports and incremental file under reports/mutation-<folder>/
// (gitignored): a run cut short keeps the other folder's figures, and a rerun after a small
// change tests only the mutants whose code or covering scenarios changed, so it takes minutes,
// not the hour of a first run. To try one file while working:
//   RDL_MUTATION_FOLDER=http npx stryker run stryker.http.config.mjs --mutate fake-server/http/credentials.ts
import process from 'node:process';

const folder = process.env.RDL_MUTATION_FOLDER ?? 'http';
if (!['http', 'persistence'].includes(folder)) throw new Error(`RDL_MUTATION_FOLDER must be http or persistence, not "${folder}"`);
const reports = `reports/mutation-${folder}`;
// A mutant that leaves a request unanswered fails its scenario in 5 s (support/api/http-transport.ts)
// instead of running out Stryker's timeout and restarting the runner: most of a first run's time went there.
process.env.RDL_ANSWER_DEADLINE_MS ??= '5000';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'cucumber',
  cucumber: { profile: 'bare' },
  plugins: ['@stryker-mutator/cucumber-runner'],
  mutate: [`fake-server/${folder}/**/*.ts`],
  coverageAnalysis: 'perTest',
  // A static mutant (one in code run once, when a module loads: the contract's zod schemas and
  // their descriptions, the pages' constants) needs the whole suite rerun in a fresh process: 852
  // of http/'s 2,265 mutants, 85% of a run's time. The node tests get them instead
  // (stryker.node-tests.config.mjs), where every test file is a fresh process anyway and the
  // first test file that fails ends the mutant's run.
  ignoreStatic: true,
  // Two cores, shared: one runner per core at most.
  concurrency: 2,
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  tempDirName: `.stryker-tmp/${folder}`,
  cleanTempDir: 'always',
  // Another run's sandbox (each configuration has its own temp folder) is not source to copy.
  ignorePatterns: ['/.stryker-tmp', '/reports'],
  timeoutMS: 10000,
};
