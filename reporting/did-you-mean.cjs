// Cucumber loads formatters with import(), which knows no TypeScript: this shim makes sure
// ts-node is registered (transpile-only, as for the support code) and hands over the plugin.
if (!process[Symbol.for('ts-node.register.instance')]) require('ts-node/register/transpile-only');
module.exports = require('./did-you-mean.ts').default;
