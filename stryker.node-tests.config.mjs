// The node tests' view of the same folders (npm run mutation:node-tests): the protocol guards
// no person meets in a scenario (Origin, Host, OPTIONS, a stale form's revision, Basic
// credentials, snapshots under --db, what the pages draw) are proved by node tests, which speak
// TAP; Stryker's TAP runner runs the test files that reach each mutant. Only the test files that
// run the fake in their own process take part (the --db file checks among them, which no
// scenario reaches): the ones that only spawn a fake (persistence.test.ts) cannot see a mutant of
// this process, and the timed event-loop tests and the 10,000-sequence property test would make
// every mutant wait for them. Incremental like stryker.http.config.mjs.
//   npx stryker run stryker.node-tests.config.mjs --mutate fake-server/http/request-guards.ts
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles: [
      'test/stale-drawings.test.ts',
      'test/page-marks.test.ts',
      'test/pages-hold.test.ts',
      'test/snapshot-file.test.ts',
      'test/hostile-clients.test.ts',
      'test/bad-input.test.ts',
      'test/authorization.test.ts',
      'test/sessions.test.ts',
      'test/read-cache.test.ts',
      'test/database-file-contents.test.ts',
      'test/fourth-probe.test.ts',
      'test/test-control-token.test.ts',
      'test/sign-in-lockout.test.ts',
      'test/sign-in-cost.test.ts',
      'test/service.test.ts',
      'test/clearinghouse.test.ts',
      'test/contract-examples.test.ts',
    ],
    nodeArgs: ['-r', './tools/register-typescript.cjs'],
  },
  plugins: ['@stryker-mutator/tap-runner'],
  mutate: ['fake-server/http/**/*.ts', 'fake-server/persistence/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation-node-tests/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation-node-tests/index.html' },
  jsonReporter: { fileName: 'reports/mutation-node-tests/mutation.json' },
  tempDirName: '.stryker-tmp/node-tests',
  cleanTempDir: 'always',
  // Another run's sandbox (each configuration has its own temp folder) is not source to copy.
  ignorePatterns: ['/.stryker-tmp', '/reports'],
  timeoutMS: 20000,
};
