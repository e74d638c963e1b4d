// Mutation testing of the fake (npm run mutation): Stryker seeds one small bug at a time into
// the domain and asks the acceptance suite, alone, to notice it. The score is the share of
// covered mutants some scenario kills.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'cucumber',
  cucumber: { profile: 'bare' },
  plugins: ['@stryker-mutator/cucumber-runner'],
  mutate: ['fake-server/domain/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // A rerun after a small change tests only the mutants whose code or covering scenarios changed
  // (the file is gitignored with the rest of reports/).
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The other configurations' sandboxes and reports are not source to copy.
  ignorePatterns: ['/.stryker-tmp', '/reports'],
  timeoutMS: 10000,
};
