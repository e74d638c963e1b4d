// Cucumber loads formatters with import(), which knows no TypeScript: this shim registers the
// project's TypeScript loader and hands over the plugin (as did-you-mean.cjs does).
require('../tools/register-typescript.cjs');
module.exports = require('./linked-files.ts').default;
