// Cucumber profiles. TypeScript is loaded transpile-only through swc (tsconfig "ts-node"):
// type-checking is its own step (npm run typecheck), so workers never pay for it again.
// Scenarios run in random order on two workers: each has its own environment in the fake,
// and running this way on every build is what proves that they cannot see each other.
const common = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/**/*.ts', 'steps/**/*.ts'],
  paths: ['features/**/*.feature'],
  strict: true,
  order: 'random',
  parallel: 2,
};

module.exports = {
  default: { ...common, format: ['progress-bar', 'summary'] },
};
