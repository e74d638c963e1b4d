/**
 * Regression tests for the fourth outside probe (issue 26) that need a running fake: each
 * fails on the code the probe found. The test-control token, the --db checks and the cost of
 * a sign-in have files of their own (test-control-token, database-file-contents, sign-in-cost).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createEnvironment } from '../fake-server/environment';
import { DatabaseFileKeeper, writeDatabaseFile } from '../fake-server/persistence/database-file';
import { ADMIN, AS_ADMIN, TestFake, basic, signInToPages } from './helpers/http-fake';

describe('the fourth probe', () => {
  let fake: TestFake;

  before(async () => {
    fake = await TestFake.start();
  });

  after(() => fake.stop());

  it('cuts an 8,000-character server name it echoes, in problems and pages', async () => {
    const environmentId = await fake.environment();
    const long = `LS-${'A'.repeat(8_000)}`;
    const short = 'LS-NOWHERE';
    for (const [what, path, headers] of [
      ['the API, signed in', (name: string) => `/license-servers/${name}`, AS_ADMIN],
      [
        'the API, wrong password',
        (name: string) => `/license-servers/${name}`,
        { authorization: basic({ ...ADMIN, password: 'wrong-1' }) },
      ],
      ['no such route', (name: string) => `/${name}`, AS_ADMIN],
    ] as const) {
      const longAnswer = await fake.send(environmentId, { method: 'GET', path: path(long), headers });
      const shortAnswer = await fake.send(environmentId, { method: 'GET', path: path(short), headers });
      assert.equal(longAnswer.status, shortAnswer.status, what);
      assert.ok(
        longAnswer.text.length < shortAnswer.text.length + 100,
        `${what}: ${longAnswer.text.length} characters against ${shortAnswer.text.length}`,
      );
    }
    const cookie = await signInToPages(fake, environmentId, ADMIN);
    const page = (name: string) =>
      fake.send(environmentId, { method: 'GET', path: `/servers/${name}`, headers: { cookie, accept: 'text/html' } });
    const [longPage, shortPage] = [await page(long), await page(short)];
    assert.equal(longPage.status, 404);
    assert.ok(
      longPage.text.length < shortPage.text.length + 100,
      `the page: ${longPage.text.length} characters against ${shortPage.text.length}`,
    );
  });

  it('keeps the cap of 20 sessions per account: namesakes on another server or in another environment close none', async () => {
    const namesake = { userName: ADMIN.userName.toUpperCase(), password: 'Namesake-pass-1', groups: ['Users'] };
    const mineId = await fake.environment({
      licenseServers: [
        { name: 'LS-CONTOSO', accounts: [{ ...ADMIN, groups: ['Administrators'] }] },
        { name: 'LS-OTHER', accounts: [namesake] },
      ],
    });
    const theirsId = await fake.environment({ licenseServers: [{ name: 'LS-ELSEWHERE', accounts: [namesake] }] });
    const cookie = await signInToPages(fake, mineId, ADMIN);
    const signedIn = async () => (await fake.send(mineId, { method: 'GET', path: '/', headers: { cookie, accept: 'text/html' } })).status;
    assert.equal(await signedIn(), 200);
    for (let index = 0; index < 25; index += 1) await signInToPages(fake, theirsId, namesake);
    assert.equal(await signedIn(), 200, 'sign-ins of a namesake in another environment closed it');
    for (let index = 0; index < 25; index += 1) await signInToPages(fake, mineId, namesake);
    assert.equal(await signedIn(), 200, 'sign-ins of a namesake on another server closed it');
    for (let index = 0; index < 25; index += 1) await signInToPages(fake, mineId, ADMIN);
    assert.equal(await signedIn(), 401, 'its own 25 further sign-ins still close its oldest');
  });
  it('answers a request once: a refused post with a malformed chunked body gets no second, unsolicited answer', async () => {
    const socket = connect(fake.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write('POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write('zz-not-a-chunk-size\r\nxx\r\n');
    const ended = setTimeout(() => socket.destroy(), 2_000);
    await closed;
    clearTimeout(ended);
    const statusLines = received.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    assert.deepEqual(statusLines, ['HTTP/1.1 415'], `answers on the connection: ${statusLines.join(', ')}`);
  });

  it('still answers a malformed request with a 400 once an earlier one on the connection has been answered and read', async () => {
    /** The status lines a connection receives for these writes, each sent once the answers before it have come. */
    const statusLinesFor = async (writes: string[], answersBefore: number[]): Promise<string[]> => {
      const socket = connect(fake.port, '127.0.0.1');
      let received = '';
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      const answers = () => (received.match(/HTTP\/1\.1 \d{3}/g) ?? []).length;
      const waitFor = (count: number) =>
        new Promise<void>((resolve) => {
          const check = () => (answers() >= count ? resolve() : socket.once('data', check));
          check();
        });
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      for (const [index, text] of writes.entries()) {
        await waitFor(answersBefore[index] ?? 0);
        // A moment between writes, as the earlier test has it: the body's end is an event of its own.
        if (index > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        socket.write(text);
      }
      const ended = setTimeout(() => socket.destroy(), 2_000);
      await closed;
      clearTimeout(ended);
      return received.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    };
    const malformed = 'NOT HTTP AT ALL\r\n\r\n';
    // A whole request, answered: the connection is not marked as answered before its body.
    assert.deepEqual(await statusLinesFor(['GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', malformed], [0, 1]), [
      'HTTP/1.1 200',
      'HTTP/1.1 400',
    ]);
    // A request whose body was read before its answer (whatever that answer is): the body's end
    // came first, so no mark may be left behind.
    const afterReadBody = await statusLinesFor(
      [
        'PUT /license-servers/LS-CONTOSO/connection-method HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
        malformed,
      ],
      [0, 1],
    );
    assert.deepEqual(afterReadBody.slice(1), ['HTTP/1.1 400'], `answers on the connection: ${afterReadBody.join(', ')}`);
    // A post refused before its body came; the body then comes whole and is read: the mark is gone.
    assert.deepEqual(
      await statusLinesFor(['POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n', '{}', malformed], [0, 1, 1]),
      ['HTTP/1.1 415', 'HTTP/1.1 400'],
    );
  });

  it('refuses to seed two accounts of one server whose names fold together, and changes nothing', async () => {
    const environmentId = await fake.environment();
    const before = fake.digest(environmentId);
    const seeded = await fake.json(environmentId, 'POST', '/_test/seed', {
      licenseServers: [
        {
          name: 'LS-FOLD',
          accounts: [
            { userName: 'admin', password: 'First-pass-1', groups: ['Administrators'] },
            { userName: 'adm\u0131n', password: 'Second-pass-1', groups: ['Users'] },
          ],
        },
      ],
    });
    assert.equal(seeded.status, 422, seeded.text);
    assert.equal((seeded.body as { code: string }).code, 'duplicate-account');
    assert.equal(
      (seeded.body as { detail: string }).detail,
      '"admin" and "adm\u0131n" on LS-FOLD are one account: Windows compares user names without regard to case, ' +
        'and both are "ADMIN" in upper case. Give one of them another name.',
    );
    assert.equal(fake.digest(environmentId), before, 'nothing was stored');
    const apart = await fake.json(environmentId, 'POST', '/_test/seed', {
      licenseServers: [
        {
          name: 'LS-FOLD',
          accounts: [
            { userName: 'stra\u00dfe', password: 'First-pass-1', groups: ['Users'] },
            { userName: 'STRASSE', password: 'Second-pass-1', groups: ['Users'] },
          ],
        },
      ],
    });
    assert.equal(apart.status, 204, `\u00df has no one-character upper case, so it stays apart from SS: ${apart.text}`);
  });
});

describe('a --db write that fails', () => {
  it("names the file to the operator's log, not to API clients", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rd-fake-unwritable-'));
    const file = join(folder, 'licensing.db');
    const environment = await createEnvironment({ fixture: { licenseServers: [{ name: 'LS-CONTOSO' }] } });
    writeDatabaseFile(file, environment.images());
    const keeper = new DatabaseFileKeeper(file, environment.images(), () => environment);
    mkdirSync(`${file}.${process.pid}.tmp`); // the temporary file cannot be written, as on a full disk
    const logged: string[] = [];
    const original = console.error;
    console.error = (...parts: unknown[]) => logged.push(parts.join(' '));
    try {
      keeper.changed();
      await assert.rejects(keeper.durable(), (error: Error) => {
        assert.ok(!error.message.includes(folder), `the answer names no path: ${error.message}`);
        assert.match(error.message, /could not be written to the database file/);
        return true;
      });
    } finally {
      console.error = original;
      environment.close();
      rmSync(folder, { recursive: true, force: true });
    }
    assert.ok(
      logged.some((line) => line.includes(file)),
      `the log names the file: ${logged.join(' | ')}`,
    );
  });
});

describe('a --db file on a full disk at start-up', () => {
  it('names the file and says the disk is full', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rd-fake-full-'));
    const file = join(folder, 'licensing.db');
    const temporary = `${file}.${process.pid}.tmp`;
    symlinkSync('/dev/full', temporary); // every write to /dev/full fails with ENOSPC
    const environment = await createEnvironment({ fixture: { licenseServers: [{ name: 'LS-CONTOSO' }] } });
    try {
      assert.throws(
        () => writeDatabaseFile(file, environment.images()),
        (error: Error) => {
          assert.ok(error.message.startsWith(`${file} cannot be written: the disk is full`), error.message);
          return true;
        },
      );
      assert.equal(existsSync(file), false, 'no file was made');
      assert.throws(() => lstatSync(temporary), /ENOENT/, 'the temporary is removed');
    } finally {
      environment.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Runs `npm start`'s main with these arguments until it listens (then stops it) or exits; what it printed. */
function startMain(args: string[]): Promise<{ listening: boolean; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', './tools/register-typescript.cjs', 'fake-server/main.ts', '--port', '0', ...args], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (/listening on/.test(stdout)) setTimeout(() => child.kill('SIGTERM'), 200);
    });
    child.once('exit', () => resolve({ listening: /listening on/.test(stdout), stdout, stderr }));
  });
}

describe('--fixture files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-fixture-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('loads a file with more accounts than one seeding request may carry', async () => {
    const file = join(folder, 'many-accounts.json');
    const accounts = (server: number) =>
      Array.from({ length: 6 }, (_, index) => ({
        userName: `user-${server}-${index}`,
        password: `Pass-${server}-${index}`,
        groups: ['Users'],
      }));
    writeFileSync(file, JSON.stringify({ licenseServers: [1, 2].map((server) => ({ name: `LS-${server}`, accounts: accounts(server) })) }));
    const started = await startMain(['--fixture', file]);
    assert.ok(started.listening, started.stderr);
    assert.equal(started.stdout.match(/user-\d-\d/g)?.length, 12, started.stdout);
  });

  it('refuses a file that is not a fixture in one sentence naming the file, the place and the fix', async () => {
    const file = join(folder, 'misspelt.json');
    writeFileSync(file, JSON.stringify({ licenseServers: [{ name: 'LS 1' }] }));
    const refused = await startMain(['--fixture', file]);
    assert.equal(refused.listening, false);
    assert.match(refused.stderr, new RegExp(`^--fixture ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a fixture`));
    assert.match(refused.stderr, /licenseServers\.0\.name: a computer name/);
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
  });
});
