/**
 * `npm run build`: compiles the fake (fake-server/) to JavaScript in dist/, with the fixture
 * files it reads at run time, so that the packed fake runs on Node alone: no ts-node, no swc,
 * no TypeScript (tools/package-fake.sh packs and installs it; the Dockerfile runs that).
 * dist/ keeps fake-server/'s layout, so `${__dirname}/..` is the package's root in both.
 * The tools that only the repository uses (npm run openapi, npm run examples)
 * are left out: they need dev dependencies.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { chmodSync, cpSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
cpSync(join(root, 'fake-server', 'fixtures'), join(dist, 'fixtures'), { recursive: true });
chmodSync(join(dist, 'main.js'), 0o755);
console.log('Built the fake into dist/ (start it with: node dist/main.js --help).');
