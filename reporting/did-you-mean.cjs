// Cucumber loads formatters with import(), which knows no TypeScript: this shim registers the
// project's TypeScript loader (the same as for the support code; it registers only once) and
// hands over the plugin.
require('../tools/register-typescript.cjs');
module.exports = require('./did-you-mean.ts').default;
