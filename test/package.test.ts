/**
 * The fake as other teams get it: the tarball of `npm pack`, installed with --omit=dev into an
 * empty folder, starts and serves with no TypeScript tooling at all. tools/package-fake.cjs makes
 * it (build, pack, install, smoke start), the same script the Dockerfile's build stage runs, so
 * this test is the image's too; the Dockerfile's own promises are read from it below.
 */
import assert from 'node:assert/strict';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

const DEMO_ADMIN = `Basic ${Buffer.from('administrator:demo-Admin-1').toString('base64')}`;
const TOKEN = 'a-token-of-sixteen-or-more';

/** Starts the installed bin; resolves with its URL once it says it listens. */
function startInstalled(bin: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(printed)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`The installed fake exited with ${code}: ${printed}`)));
  });
}

function get(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request(`${url}${path}`, { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the packed fake, installed with --omit=dev into an empty folder', { timeout: 240_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'rdl-installed-'));
  const running: ChildProcess[] = [];
  let bin = '';
  before(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['tools/package-fake.cjs', join(folder, 'app')], {
      maxBuffer: 10_000_000,
    });
    bin = stdout.trim().split('\n').at(-1) ?? '';
  });
  after(() => {
    for (const child of running) child.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has no TypeScript tooling: no ts-node, no TypeScript, no swc, no .ts file of the fake', () => {
    const modules = join(folder, 'app', 'node_modules');
    assert.ok(existsSync(join(modules, '.bin', 'rd-licensing-fake')), 'the bin is installed');
    for (const absent of ['.bin/ts-node', 'ts-node', 'typescript', '@swc/core', 'fake-server/main.ts'])
      assert.equal(existsSync(join(modules, absent)), false, `${absent} is installed`);
    assert.equal(existsSync(join(modules, 'rd-licensing-rebuild-harness', 'fake-server')), false, 'the TypeScript sources are packed');
  });

  it('serves the demo and its health, and takes the options of npm start', async () => {
    const { child, url } = await startInstalled(bin, ['--test-control', '--test-control-token', TOKEN, '--allowed-host', 'fake']);
    running.push(child);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.deepEqual(await get(url, '/healthz', {}), { status: 200, json: { status: 'serving', version, testControl: true } });
    const servers = await get(url, '/license-servers', { authorization: DEMO_ADMIN, host: 'fake:3990' });
    assert.equal(servers.status, 200);
    assert.deepEqual(
      (servers.json.licenseServers as { name: string }[]).map((server) => server.name),
      ['LS-CONTOSO'],
    );
    assert.equal((await get(url, '/_test/clock', { [`x-test-control-token`]: TOKEN })).status, 200);
    assert.equal((await get(url, '/license-servers', { authorization: DEMO_ADMIN, host: 'other:3990' })).status, 421);
  });
});

describe('the Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+ /.test(line));

  it('makes the fake with the script this test runs, and copies only what it installed', () => {
    assert.ok(instructions.includes('RUN node tools/package-fake.cjs /opt/rd-licensing-fake'));
    assert.ok(instructions.includes('COPY --from=build /opt/rd-licensing-fake /opt/rd-licensing-fake'));
  });

  it('runs on a current Node LTS as a non-root user, on all interfaces, with a health check, test control off', () => {
    const bases = instructions.filter((line) => line.startsWith('FROM '));
    assert.equal(bases.length, 2, 'multi-stage');
    for (const base of bases) assert.match(base, /^FROM node:(22|24)-/);
    const user = instructions.find((line) => line.startsWith('USER '));
    assert.ok(user && !/root|\b0\b/.test(user), user);
    assert.ok(instructions.includes('EXPOSE 3990'));
    assert.match(dockerfile, /HEALTHCHECK[\s\S]*http:\/\/127\.0\.0\.1:3990\/healthz/);
    const entrypoint = instructions.find((line) => line.startsWith('ENTRYPOINT '));
    assert.match(entrypoint ?? '', /"--host", "0\.0\.0\.0", "--port", "3990"/);
    assert.doesNotMatch(dockerfile.replace(/^#.*$/gm, ''), /--test-control/);
  });
});
