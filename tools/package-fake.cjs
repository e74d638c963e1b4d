/**
 * `node tools/package-fake.cjs <folder>`: the fake as other teams get it, made the one way the
 * Dockerfile and test/package.test.ts both use, so the image and the test cannot drift apart:
 *  1. npm run build (tools/build.cjs): the fake compiled to dist/;
 *  2. npm pack: the tarball package.json's "files" and "bin" describe;
 *  3. npm install --omit=dev of that tarball into <folder>, which must be empty or absent:
 *     the runtime dependencies only, no ts-node, swc or TypeScript;
 *  4. a smoke start: <folder>/node_modules/.bin/rd-licensing-fake on a free loopback port
 *     must answer GET /healthz within 20 s, or this fails, with what the fake printed.
 * Prints the folder's bin path last. Uses the npm cache first (--prefer-offline).
 */
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const BIN = 'rd-licensing-fake';

function npm(args, cwd) {
  // npm_execpath is npm's own script when run under npm; otherwise the npm on PATH.
  const viaNode = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js');
  const [command, prefix] = viaNode ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Starts the installed bin on a free port and resolves once GET /healthz answers 200. */
function smokeStart(bin) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    const fail = (why) => {
      child.kill();
      reject(new Error(`The packed fake did not start: ${why}\n${printed}`));
    };
    const timer = setTimeout(() => fail('no answer from GET /healthz within 20 s'), 20_000);
    child.stderr.on('data', (chunk) => (printed += chunk));
    child.on('exit', (code) => fail(`it exited with ${code}`));
    child.stdout.on('data', async (chunk) => {
      printed += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(printed)?.[1];
      if (!url || child.answered) return;
      child.answered = true;
      try {
        const answer = await fetch(`${url}/healthz`);
        if (answer.status !== 200) return fail(`GET /healthz answered ${answer.status}`);
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.kill();
        resolvePromise(await answer.json());
      } catch (error) {
        fail(String(error));
      }
    });
  });
}

async function main() {
  const folder = process.argv[2];
  if (!folder) throw new Error('Usage: node tools/package-fake.cjs <folder to install the fake into>');
  const target = resolve(folder);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty: give an empty or new folder.`);
  execFileSync(process.execPath, [join(root, 'tools', 'build.cjs')], { cwd: root, stdio: 'inherit' });
  const packs = mkdtempSync(join(tmpdir(), 'rdl-pack-'));
  try {
    const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', packs], root));
    mkdirSync(target, { recursive: true });
    npm(['init', '--yes'], target);
    npm(['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--install-links', join(packs, filename)], target);
  } finally {
    rmSync(packs, { recursive: true, force: true });
  }
  const bin = join(target, 'node_modules', '.bin', BIN);
  const health = await smokeStart(bin);
  console.log(`The packed fake ${health.version} answers GET /healthz; installed in ${target}.`);
  console.log(bin);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
