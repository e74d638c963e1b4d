/**
 * `npm start -- --db <file>`: the fake is killed with SIGKILL in the middle of a run of
 * writes, restarted on the same file, and must hold exactly what was committed: every
 * acknowledged change, none half-written, at most the changes that were in flight.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../fake-server/environment-registry';
import { readDatabaseFile, writeDatabaseFile } from '../fake-server/persistence/database-file';
import { loadSqlEngine } from '../fake-server/persistence/sql-database';
import { createEnvironment } from '../fake-server/environment';
import { ADMIN, FIXTURE, basic } from './helpers/http-fake';
import { startKeptFake } from './helpers/kept-fake';

const ROOT = join(__dirname, '..');
const DEMO_ADMIN = `Basic ${Buffer.from('administrator:demo-Admin-1').toString('base64')}`;
const ACKNOWLEDGED_WRITES = 40;
const IN_FLIGHT = 10;

function spawnFake(args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', './tools/register-typescript.cjs', 'fake-server/main.ts', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function startFake(databaseFile: string, extra: string[] = []): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawnFake(['--db', databaseFile, '--test-control', ...extra]);
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

/** Starts the fake expecting it to refuse: resolves with its exit code and what it printed on stderr. */
function refusedStart(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawnFake(args);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

async function json(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: DEMO_ADMIN, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
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

  it('undoes a change it cannot write to the file, answers 503, and works again once it can', async () => {
    const file = join(folder, 'unwritable.db');
    const running = await startFake(file);
    children.push(running.child);
    const before = readFileSync(file);
    // A directory where the temporary file goes makes the next write fail, as a full disk would.
    const temporary = `${file}.${running.child.pid}.tmp`;
    mkdirSync(temporary);
    const refused = await json(running.baseUrl, 'PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'webBrowser' });
    assert.equal(refused.status, 503);
    assert.equal((refused.body as { code: string }).code, 'database-file-write-failed');
    assert.deepEqual(readFileSync(file), before, 'the file is as it was');
    // The same refusal after a page's post is a page a person can read, not raw JSON.
    const signIn = await fetch(`${running.baseUrl}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'userName=administrator&password=demo-Admin-1',
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const pagePost = await fetch(`${running.baseUrl}/servers/LS-CONTOSO/properties`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
      body: 'connectionMethod=webBrowser',
    });
    assert.equal(pagePost.status, 503);
    assert.match(pagePost.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await pagePost.text(), /role="alert"[\s\S]*database-file-write-failed/);
    const inMemory = (await json(running.baseUrl, 'GET', '/license-servers/LS-CONTOSO')).body as { connectionMethod: string };
    assert.equal(inMemory.connectionMethod, 'automatic', 'memory agrees with the file: the change was undone');
    rmSync(temporary, { recursive: true });
    const again = await json(running.baseUrl, 'PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'webBrowser' });
    assert.equal(again.status, 200, 'the environment works again once the file can be written');
    const reset = await json(running.baseUrl, 'POST', '/_test/reset');
    assert.equal(reset.status, 204);
    running.child.kill('SIGKILL');
    const restarted = await startFake(file);
    children.push(restarted.child);
    const servers = await json(restarted.baseUrl, 'GET', '/license-servers/LS-CONTOSO');
    assert.equal(servers.status, 401, 'the reset was written to the file too: the demo server is gone');
    restarted.child.kill('SIGKILL');
  });

  it('groups commits: a burst of changes costs a few file writes, and the file then equals memory', async (t) => {
    const file = join(folder, 'grouped.db');
    const { registry, keeper, baseUrl, close } = await startKeptFake(file);
    try {
      const methods = ['telephone', 'webBrowser', 'automatic'];
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          fetch(`${baseUrl}/license-servers/LS-CONTOSO/connection-method`, {
            method: 'PUT',
            headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
            body: JSON.stringify({ connectionMethod: methods[i % 3] }),
          }).then((answer) => ({ status: answer.status })),
        ),
      );
      assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([200]));
      assert.ok(keeper.writes >= 1 && keeper.writes < 30 / 2, `${keeper.writes} file writes for 30 changes`);
      // The last change answered is in the file: the file's state equals memory's.
      const reopened = new EnvironmentRegistry();
      await reopened.create(undefined, 'copy', await readDatabaseFile(file));
      assert.equal(reopened.get('copy').digest(), registry.get(DEFAULT_ENVIRONMENT).digest());
      reopened.closeAll();
      t.diagnostic(`30 concurrent changes, ${keeper.writes} file writes`);
    } finally {
      close();
    }
  });

  it('refuses a file holding a password hash the fake did not make, naming the account, and reads one it made', async () => {
    const environment = await createEnvironment({ fixture: FIXTURE });
    const images = environment.images();
    environment.close();
    const SQL = await loadSqlEngine();
    const made = join(folder, 'hashes-as-made.db');
    writeDatabaseFile(made, images);
    await readDatabaseFile(made);
    const edited = new SQL.Database(images.licensing);
    edited.exec(`UPDATE accounts SET password_hash = 'scrypt$00$00' WHERE user_name = '${ADMIN.userName}'`);
    const file = join(folder, 'hash-edited.db');
    writeDatabaseFile(file, { licensing: edited.export(), clearinghouse: images.clearinghouse });
    edited.close();
    await assert.rejects(readDatabaseFile(file), new RegExp(`password hash of "${ADMIN.userName}" on LS-\\w+ was not made by the fake`));
  });

  it('refuses a second process on the same file, naming the first', async () => {
    const file = join(folder, 'shared.db');
    const first = await startFake(file);
    children.push(first.child);
    const second = await refusedStart(['--db', file]);
    assert.equal(second.code, 1);
    assert.match(second.stderr, new RegExp(`in use by another fake license server \\(process ${first.child.pid}\\)`));
    first.child.kill('SIGKILL');
  });

  it('writes through a symbolic link, removes temporaries of killed writers, and takes over a lock whose process id was reused', async () => {
    const target = join(folder, 'real.db');
    const link = join(folder, 'linked.db');
    const first = await startFake(target);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    symlinkSync(target, link);
    const stale = `${target}.999999.tmp`;
    writeFileSync(stale, 'left by a writer killed in the middle');
    // A lock naming init (process 1, always running) with no start time, as a hand-made or foreign one would.
    writeFileSync(`${target}.lock`, '1');
    const second = await startFake(link);
    children.push(second.child);
    const changed = await json(second.baseUrl, 'PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'webBrowser' });
    assert.equal(changed.status, 200);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(existsSync(stale), false, 'the stale temporary file is gone');
    const images = await readDatabaseFile(target);
    const reopened = await createEnvironment({ images });
    assert.equal(reopened.inspect('LS-CONTOSO').keyPacks.length > 0, true);
    assert.equal(reopened.snapshot('LS-CONTOSO').server.connectionMethod, 'webBrowser', 'the change reached the target');
    reopened.close();
  });

  it('names the file when --db is a directory', async () => {
    const directory = join(folder, 'a-directory.db');
    mkdirSync(directory);
    const refused = await refusedStart(['--db', directory]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`${directory.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be loaded: it is a directory`));
  });

  it('refuses to start on a damaged file, naming the file and the fault, and leaves it untouched', async (t) => {
    const valid = join(folder, 'valid.db');
    const running = await startFake(valid);
    running.child.kill('SIGKILL');
    const good = readFileSync(valid);
    const header = (licensing: number, clearinghouse: number) => {
      const lengths = Buffer.alloc(8);
      lengths.writeUInt32BE(licensing, 0);
      lengths.writeUInt32BE(clearinghouse, 4);
      return lengths;
    };
    const damaged: [string, Buffer, RegExp][] = [
      ['empty', Buffer.alloc(0), /not a database file of the fake/],
      ['magic only', Buffer.from('RDLFAKE1'), /ends before the licensing database/],
      ['zero-length images', Buffer.concat([Buffer.from('RDLFAKE1'), header(0, 0)]), /licensing database is not SQLite/],
      [
        'not SQLite',
        Buffer.concat([Buffer.from('RDLFAKE1'), Buffer.from([0, 0, 0, 4]), Buffer.from('junk'), Buffer.from([0, 0, 0, 0])]),
        /not SQLite/,
      ],
      ['trailing junk', Buffer.concat([good, Buffer.from('junk')]), /4 unexpected bytes follow/],
      ['truncated', good.subarray(0, good.length - 100), /truncated/],
    ];
    for (const [what, bytes, expected] of damaged) {
      const file = join(folder, `damaged-${what.replace(/ /g, '-')}.db`);
      writeFileSync(file, bytes);
      const outcome = await refusedStart(['--db', file]);
      assert.equal(outcome.code, 1, `${what}: ${outcome.stderr}`);
      assert.ok(outcome.stderr.includes(file), `${what}: the message names the file: ${outcome.stderr}`);
      assert.match(outcome.stderr, expected, what);
      assert.deepEqual(readFileSync(file), bytes, `${what}: the file was left as it was`);
    }
    t.diagnostic(`damaged files refused: ${damaged.length}`);
  });

  it('refuses --test-control beyond loopback without a token, and requires the token when given', async () => {
    const open = await refusedStart(['--host', '0.0.0.0', '--test-control']);
    assert.equal(open.code, 1);
    assert.match(open.stderr, /--test-control-token/);
    const token = 'a-long-enough-secret-token';
    const guarded = await startFake(join(folder, 'token.db'), ['--test-control-token', token]);
    children.push(guarded.child);
    assert.equal((await json(guarded.baseUrl, 'POST', '/_test/reset')).status, 403);
    const allowed = await fetch(`${guarded.baseUrl}/_test/reset`, { method: 'POST', headers: { 'x-test-control-token': token } });
    assert.equal(allowed.status, 204);
    guarded.child.kill('SIGKILL');
  });
});
