// The node tests' view of the same folders (npm run mutation:node-tests): the protocol guards
// no person meets in a scenario (Origin, Host, OPTIONS, a stale form's revision, Basic
// credentials, snapshots under --db, what the pages draw) are proved by node tests, which speak
// TAP; Stryker's TAP runner runs the test files that reach each mutant. Only the test files that
// run the fake in their own process take part (the --db file checks among them, which no
// scenario reaches): the ones that only spawn a fake (persistence.test.ts) cannot see a mutant of
// this process, and the timed event-loop tests and the 10,000-sequence property test would make
// every mutant wait for them.
//
// One folder per run (RDL_MUTATION_FOLDER=http, persistence or domain), and only the lines where
// the scenarios' run of that folder (stryker.http.config.mjs, or stryker.config.mjs for the
// domain, run first) left a mutant alive or never reached one: npm test catches a mutant when
// either kind of test does, so the node tests are asked about the rest only (npm run
// mutation:scores merges the two). A node-test process costs seconds to start, every mutant of a
// first full run took over 20 s here, and most are killed by a scenario already. With no
// scenarios' report yet, the whole folder is mutated.
// RDL_MUTATION_SURVIVORS_ONLY=1 leaves out the lines no scenario reached (a quicker pass that
// settles the covered mutants' score first; the unreached ones are then still counted as such).
//   RDL_MUTATION_FOLDER=http npx stryker run stryker.node-tests.config.mjs --mutate fake-server/http/request-guards.ts
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const folder = process.env.RDL_MUTATION_FOLDER ?? 'http';
if (!['http', 'persistence', 'domain'].includes(folder)) {
  throw new Error(`RDL_MUTATION_FOLDER must be http, persistence or domain, not "${folder}"`);
}
// A part of the folder may be run on its own, with reports and incremental file of its own
// (RDL_MUTATION_PART=pages: a subfolder, or the files whose names start so, as database-file-check;
// =top: the files directly in the folder); npm run mutation:scores merges the parts' reports with
// the whole folder's. A first run of all of http/'s pages and contract takes hours here, so it is
// done a part at a time.
const part = process.env.RDL_MUTATION_PART;
if (part !== undefined && !/^[a-z-]+$/.test(part)) throw new Error(`RDL_MUTATION_PART must be a subfolder's name or top, not "${part}"`);
const reports = `reports/mutation-node-tests-${folder}${part ? `-${part}` : ''}`;
const inNamedPart = (name, named) =>
  named === 'top' ? !name.slice(`fake-server/${folder}/`.length).includes('/') : name.startsWith(`fake-server/${folder}/${named}`);
// A whole-folder run leaves out the files a part has its own run for (its reports are merged
// with this one): the --db files' 559 mutants, measured by their parts, would otherwise be run
// again here as lines the scenarios never reached.
const partsMeasured = existsSync('reports')
  ? readdirSync('reports')
      .filter((name) => name.startsWith(`mutation-node-tests-${folder}-`) && existsSync(`reports/${name}/mutation.json`))
      .map((name) => name.slice(`mutation-node-tests-${folder}-`.length))
  : [];
const inPart = (name) => (part === undefined ? !partsMeasured.some((named) => inNamedPart(name, named)) : inNamedPart(name, part));

const survivorsOnly = process.env.RDL_MUTATION_SURVIVORS_ONLY === '1';

// The TAP runner's tests are whole files with no locations, and an incremental rerun after a
// node test was changed reused the earlier survivors as they were (docs/reliability.md).
// RDL_MUTATION_RETRY_SURVIVORS=1 drops the survivors, the mutants no test reached (a new test
// file may reach them) and the timeouts (on a loaded machine a timeout may be load, not a hang)
// from the incremental file first, so they are tried again against the tests as they are now
// (the killed ones stay killed).
const RETRIED = ['Survived', 'NoCoverage', 'Timeout'];
if (process.env.RDL_MUTATION_RETRY_SURVIVORS === '1' && existsSync(`${reports}/stryker-incremental.json`)) {
  const incremental = JSON.parse(readFileSync(`${reports}/stryker-incremental.json`, 'utf8'));
  for (const file of Object.values(incremental.files)) file.mutants = file.mutants.filter((mutant) => !RETRIED.includes(mutant.status));
  writeFileSync(`${reports}/stryker-incremental.json`, JSON.stringify(incremental));
}

/** The lines of each file where the scenarios left a mutant alive or unreached, as Stryker's `file:from-to` ranges. */
function leftByTheScenarios() {
  // The domain's scenarios run is npm run mutation (stryker.config.mjs), which reports under reports/mutation/.
  const report = folder === 'domain' ? 'reports/mutation/mutation.json' : `reports/mutation-${folder}/mutation.json`;
  if (!existsSync(report)) {
    const base = `fake-server/${folder}/`;
    if (part === undefined) return [`${base}**/*.ts`];
    return part === 'top' ? [`${base}*.ts`] : [`${base}${part}*.ts`, `${base}${part}/**/*.ts`];
  }
  const ranges = [];
  for (const [name, file] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
    if (!inPart(name)) continue;
    const lines = new Set();
    for (const mutant of file.mutants) {
      // Ignored: a static mutant, which the scenarios' run leaves to these tests (stryker.http.config.mjs says why).
      const unreached = mutant.status === 'NoCoverage' || mutant.status === 'Ignored';
      const left = mutant.status === 'Survived' || (unreached && !survivorsOnly);
      if (!left) continue;
      for (let line = mutant.location.start.line; line <= mutant.location.end.line; line += 1) lines.add(line);
    }
    // Runs of consecutive lines, one range each.
    const sorted = [...lines].sort((a, b) => a - b);
    for (let start = 0; start < sorted.length;) {
      let end = start;
      while (sorted[end + 1] === sorted[end] + 1) end += 1;
      ranges.push(`${name}:${sorted[start]}-${sorted[end]}`);
      start = end + 1;
    }
  }
  return ranges;
}

// The --db file's own tests (no scenario reaches it): in the edge's list and persistence/'s alike.
const DATABASE_FILE_TEST_FILES = [
  'test/database-file-contents.test.ts',
  'test/database-file-rules.test.ts',
  'test/database-file-framing.test.ts',
  'test/database-file-write-failure.test.ts',
  'test/database-file-keeper.test.ts',
  'test/database-file-lock.test.ts',
];

// In this order: a static mutant runs every file until one fails (the rest only the files that
// reach it), so the files that catch the most come first: the contract compared with
// docs/openapi.json, then the pages as approved, then the pages' behaviours.
const EDGE_TEST_FILES = [
  'test/openapi.test.ts',
  'test/page-html.test.ts',
  'test/stale-drawings.test.ts',
  'test/page-marks.test.ts',
  'test/pages-hold.test.ts',
  'test/page-weight.test.ts',
  'test/request-guards.test.ts',
  'test/credentials.test.ts',
  'test/edge-answers.test.ts',
  'test/page-routes.test.ts',
  'test/page-forms.test.ts',
  'test/html.test.ts',
  'test/snapshot-file.test.ts',
  'test/hostile-clients.test.ts',
  'test/bad-input.test.ts',
  'test/authorization.test.ts',
  'test/sessions.test.ts',
  'test/read-cache.test.ts',
  'test/remembered-reads-per-table.test.ts',
  'test/issued-cals-storage.test.ts',
  'test/open-databases.test.ts',
  ...DATABASE_FILE_TEST_FILES,
  'test/fourth-probe.test.ts',
  'test/test-control-token.test.ts',
  'test/sign-in-lockout.test.ts',
  'test/sign-in-cost.test.ts',
  'test/service.test.ts',
  'test/clearinghouse.test.ts',
  'test/contract-examples.test.ts',
];

// The domain's own rules that no scenario reads are pinned by tests that call it directly or run
// the fake in this process: the sign-in lockout and the password hashing's cost, the Windows fold
// of names, the account directory over stored hashes, credentials, IDs, the wizard as a state
// machine, injected latency, seeding's refusals (two accounts that fold to one name).
// Every test file reaches the domain, so a surviving mutant runs all of them: only these, which
// take seconds, not the edge's list of minutes. npm test runs more, so the figure is a floor.
const DOMAIN_TEST_FILES = [
  'test/account-directory.test.ts',
  'test/names.test.ts',
  'test/sign-in-lockout.test.ts',
  'test/sign-in-cost.test.ts',
  'test/hostile-clients.test.ts',
  'test/credentials.test.ts',
  'test/ids.test.ts',
  'test/key-pack-id.test.ts',
  'test/wizard.test.ts',
  'test/clearinghouse.test.ts',
  'test/authorization.test.ts',
  'test/bad-input.test.ts',
  'test/service.test.ts',
  'test/edge-answers.test.ts',
  'test/sessions.test.ts',
  'test/issued-cals-storage.test.ts',
  'test/snapshot-file.test.ts',
  'test/fourth-probe.test.ts',
  'test/database-file-rules.test.ts',
];

// persistence/ is on every request's path too, so its surviving mutants would each run the whole
// edge list (an hour's estimate for the 160 the scenarios left): only the tests that read the
// stores, the --db file and the database as a whole after a request (the digests of bad input
// and hostile clients), the domain's rules over the real stores, and snapshots. A floor, as the domain's.
const PERSISTENCE_TEST_FILES = [
  'test/sql-database.test.ts',
  'test/read-cache.test.ts',
  'test/remembered-reads-per-table.test.ts',
  'test/issued-cals-storage.test.ts',
  'test/open-databases.test.ts',
  'test/snapshot-file.test.ts',
  ...DATABASE_FILE_TEST_FILES,
  'test/account-directory.test.ts',
  'test/fourth-probe.test.ts',
  'test/bad-input.test.ts',
  'test/hostile-clients.test.ts',
  'test/clearinghouse.test.ts',
  'test/wizard.test.ts',
];

const TEST_FILES = { domain: DOMAIN_TEST_FILES, persistence: PERSISTENCE_TEST_FILES, http: EDGE_TEST_FILES };

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles: TEST_FILES[folder],
    nodeArgs: ['-r', './tools/register-typescript.cjs'],
  },
  plugins: ['@stryker-mutator/tap-runner'],
  mutate: leftByTheScenarios(),
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  tempDirName: `.stryker-tmp/node-tests-${folder}`,
  // Stryker's default rewrites the scripts of .html files in the sandbox too, which made the
  // approved pages (test/approved-pages/) differ from what the fake draws; no type checker runs
  // here (TypeScript is loaded transpile-only), so there are no type checks to disable.
  disableTypeChecks: false,
  cleanTempDir: 'always',
  // Another run's sandbox (each configuration has its own temp folder) is not source to copy.
  ignorePatterns: ['/.stryker-tmp', '/reports'],
  timeoutMS: 20000,
  // Seventeen test files, one process each, on two shared cores: the first run of them all took over 5 minutes here.
  dryRunTimeoutMinutes: 20,
};
