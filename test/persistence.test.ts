/**
 * `npm start -- --db <file>`: the fake is killed with SIGKILL in the middle of a run of
 * writes, restarted on the same file, and must hold exactly what was committed: every
 * acknowledged change, none half-written, at most the changes that were in flight.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';

const ROOT = join(__dirname, '..');
const DEMO_ADMIN = `Basic ${Buffer.from('administrator:demo-Admin-1').toString('base64')}`;
const ACKNOWLEDGED_WRITES = 40;
const IN_FLIGHT = 10;

async function startFake(databaseFile: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'fake-server/main.ts', '--port', '0', '--db', databaseFile, '--test-control'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the fake exited with ${code}`)));
  });
  return { child, baseUrl };
}

async function json(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: DEMO_ADMIN, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

describe('--db file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-db-'));
  const databaseFile = join(folder, 'licensing.db');
  const children: ChildProcess[] = [];

  after(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('holds exactly the committed state after SIGKILL in the middle of writes', async (t) => {
    const first = await startFake(databaseFile);
    children.push(first.child);
    const server = (await json(first.baseUrl, 'GET', '/license-servers/LS-CONTOSO')).body as { licenseServerId: string };
    const call = () =>
      json(first.baseUrl, 'POST', '/clearinghouse/telephone-calls', {
        dialledNumber: '+1 555 0100',
        licenseServerId: server.licenseServerId,
        information: { program: 'enterpriseAgreement', agreementNumber: '4271956' },
      });
    const acknowledged: string[] = [];
    for (let i = 0; i < ACKNOWLEDGED_WRITES; i += 1) {
      const answer = await call();
      assert.equal(answer.status, 201);
      acknowledged.push((answer.body as { licenseKeyPackId: string }).licenseKeyPackId.replace(/-/g, ''));
    }
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    const inFlight = Array.from({ length: IN_FLIGHT }, () => call().catch(() => undefined));
    // Killed as soon as the first of the concurrent writes is answered: the rest are mid-way.
    await Promise.race(inFlight);
    first.child.kill('SIGKILL');
    await Promise.all([exited, ...inFlight]);

    const second = await startFake(databaseFile);
    children.push(second.child);
    const issued = (
      (await json(second.baseUrl, 'GET', '/_test/clearinghouse/issuances')).body as { issuances: { licenseKeyPackId: string }[] }
    ).issuances.map((issuance) => issuance.licenseKeyPackId);
    // The demo's two installed packs were issued at start-up, before any of the calls above.
    const fromCalls = issued.length - 2;
    for (const id of acknowledged) assert.ok(issued.includes(id), `acknowledged key pack ID ${id} was lost`);
    assert.ok(fromCalls > ACKNOWLEDGED_WRITES && fromCalls <= ACKNOWLEDGED_WRITES + IN_FLIGHT, `${fromCalls} issuances after restart`);
    const database = (await json(second.baseUrl, 'GET', '/_test/license-servers/LS-CONTOSO/database')).body as {
      keyPacks: unknown[];
      issuedCals: unknown[];
    };
    assert.equal(database.keyPacks.length, 2);
    assert.equal(database.issuedCals.length, 19);
    t.diagnostic(
      `acknowledged writes: ${ACKNOWLEDGED_WRITES}, in flight at SIGKILL: ${IN_FLIGHT}, committed of those: ${fromCalls - ACKNOWLEDGED_WRITES}, acknowledged writes lost: 0`,
    );
    second.child.kill('SIGKILL');
  });
});
