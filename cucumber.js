// Cucumber profiles. TypeScript is loaded transpile-only: type-checking is its own step
// (npm run typecheck), so workers never pay for it again.
const common = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/**/*.ts', 'steps/**/*.ts'],
  paths: ['features/**/*.feature'],
  strict: true,
};

module.exports = {
  default: { ...common, format: ['progress-bar', 'summary'] },
};
