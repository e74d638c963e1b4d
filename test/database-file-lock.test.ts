/**
 * One fake per --db file, in this process (lockDatabaseFile and databaseFileTarget in
 * fake-server/persistence/database-file.ts): what a lock holds, which locks are a live owner's
 * and which are taken over, the temporary files of killed writers, and a --db path that is a
 * symbolic link. test/persistence.test.ts proves the lock between two fakes' processes, which
 * Stryker cannot see into.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { databaseFileTarget, lockDatabaseFile } from '../fake-server/persistence/database-file';

/** When a process started, as Linux tells it (field 22 of /proc/<pid>/stat, after the command's name). */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat
    .slice(stat.lastIndexOf(')') + 1)
    .trim()
    .split(' ');
  const started = fields[19];
  assert.ok(started && /^\d+$/.test(started), stat);
  return started;
}

/** The id of a process that has exited (and whose id no process has taken since, in a test's time). */
function exitedProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the lock of a --db file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-lock-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  let files = 0;
  const freshFile = () => join(folder, `licensing-${(files += 1)}.db`);

  it('holds the process id and the time it started, and is gone once released', () => {
    const file = freshFile();
    const release = lockDatabaseFile(file);
    assert.equal(readFileSync(`${file}.lock`, 'utf8'), `${process.pid} ${startTimeOf(process.pid)}`);
    release();
    assert.equal(existsSync(`${file}.lock`), false);
  });

  it('refuses a lock held by a running process that started when the lock says, naming it, and leaves the lock', () => {
    const file = freshFile();
    const owner = process.ppid;
    const held = `${owner} ${startTimeOf(owner)}`;
    writeFileSync(`${file}.lock`, held);
    assert.throws(() => lockDatabaseFile(file), {
      message: `${file} is in use by another fake license server (process ${owner}); stop it or choose another --db file.`,
    });
    assert.equal(readFileSync(`${file}.lock`, 'utf8'), held);
  });

  it('tells the owner by its start time even when its command name holds a parenthesis and spaces', async () => {
    const file = freshFile();
    // Linux writes the command's name in parentheses in /proc/<pid>/stat: a name with ") " must not shift the fields.
    const command = join(folder, 'owner) 1 2 3');
    symlinkSync('/bin/sleep', command);
    const owner = spawn(command, ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve, reject) => owner.once('spawn', resolve).once('error', reject));
      const pid = owner.pid ?? 0;
      writeFileSync(`${file}.lock`, `${pid} ${startTimeOf(pid)}`);
      assert.throws(() => lockDatabaseFile(file), { message: new RegExp(`in use by another fake license server \\(process ${pid}\\)`) });
    } finally {
      owner.kill('SIGKILL');
    }
  });

  it('takes over a lock whose process is gone, whose id another process now has, or that names no process it can trust', () => {
    const running = process.ppid;
    const left = [
      { lock: `${exitedProcessId()} 12345`, why: 'a process that has exited' },
      { lock: `${running} ${Number(startTimeOf(running)) + 1}`, why: 'a running process that started at another time (its id was reused)' },
      { lock: `${running}`, why: 'a running process, with no start time to tell it is the owner' },
      { lock: '1', why: 'init, always running, with no start time (a lock made by hand)' },
      { lock: `${process.pid} ${startTimeOf(process.pid)}`, why: 'this very process (left by an earlier start in it)' },
      { lock: '0', why: 'no process' },
      { lock: '-5', why: 'a negative id' },
      { lock: 'written by hand', why: 'no number' },
      { lock: '', why: 'nothing' },
    ];
    for (const { lock, why } of left) {
      const file = freshFile();
      writeFileSync(`${file}.lock`, lock);
      const release = lockDatabaseFile(file);
      assert.equal(readFileSync(`${file}.lock`, 'utf8'), `${process.pid} ${startTimeOf(process.pid)}`, why);
      release();
    }
  });

  it('removes the temporary files of writers killed while writing, and nothing else', () => {
    const file = freshFile();
    const name = file.slice(folder.length + 1);
    const stale = [`${name}.999999.tmp`, `${name}.4194301.tmp`];
    const kept = [
      `${name}.${process.pid}.tmp`, // this process's own
      `${name}.0.tmp`, // no process has id 0
      `${name}.12x.tmp`, // not a process id
      `${name}.tmp`,
      `${name}.999999.tmp.bak`,
      `other-${name}.999999.tmp`, // another --db file's
      `${name}.999999`,
      `${name.replace(/./g, 'x')}.999999.tmp`, // another file's, of a name as long as this one's
      `${name}.old999999.tmp`, // not <file>.<process id>.tmp
    ];
    for (const entry of [...stale, ...kept]) writeFileSync(join(folder, entry), 'left');
    // A directory with a stale temporary's name is not a file this fake wrote: it is left, and does not stop the start.
    mkdirSync(join(folder, `${name}.999998.tmp`));
    const release = lockDatabaseFile(file);
    for (const entry of stale) assert.equal(existsSync(join(folder, entry)), false, `${entry} is removed`);
    for (const entry of [...kept, `${name}.999998.tmp`]) assert.equal(existsSync(join(folder, entry)), true, `${entry} is kept`);
    release();
  });

  it('reads a lock written by hand with a line break or several spaces as the fake writes one', () => {
    const owner = process.ppid;
    for (const held of [`${owner} ${startTimeOf(owner)}\n`, `  ${owner}   ${startTimeOf(owner)}`, `${owner}\t${startTimeOf(owner)}`]) {
      const file = freshFile();
      writeFileSync(`${file}.lock`, held);
      assert.throws(
        () => lockDatabaseFile(file),
        { message: new RegExp(`in use by another fake license server \\(process ${owner}\\)`) },
        held,
      );
    }
  });

  it('can be released when it is already gone (removed by hand, or released before)', () => {
    const file = freshFile();
    const release = lockDatabaseFile(file);
    rmSync(`${file}.lock`);
    release();
    release();
    assert.equal(existsSync(`${file}.lock`), false);
  });

  it('names a lock it cannot read, and what to do, leaving it', () => {
    for (const [what, make] of [
      ['a directory', (lock: string) => mkdirSync(lock)],
      ['a link to nothing', (lock: string) => symlinkSync(join(folder, 'no-such-lock'), lock)],
    ] as const) {
      const file = freshFile();
      make(`${file}.lock`);
      assert.throws(
        () => lockDatabaseFile(file),
        {
          message: `The lock ${file}.lock of ${file} cannot be read (${what === 'a directory' ? 'EISDIR' : 'ENOENT'}); remove it if no fake license server uses ${file}.`,
        },
        what,
      );
      assert.ok(lstatSync(`${file}.lock`), `${what} is left`);
    }
  });

  it('names the lock and the file when the lock cannot be made', () => {
    const file = join(folder, 'no-such-folder', 'licensing.db');
    assert.throws(() => lockDatabaseFile(file), {
      message: `The lock ${file}.lock of ${file} cannot be made (ENOENT: no such file or directory, open '${file}.lock').`,
    });
  });
});

describe('the file a --db path stands for', () => {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'rd-fake-target-')));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is the target of a symbolic link, so that writes renamed into place keep the link', () => {
    const target = join(folder, 'real.db');
    writeFileSync(target, 'a database file');
    const link = join(folder, 'linked.db');
    symlinkSync(target, link);
    assert.equal(databaseFileTarget(link), target);
  });

  it('is the path itself for a regular file, and for a file not made yet', () => {
    const regular = join(folder, 'regular.db');
    writeFileSync(regular, 'a database file');
    assert.equal(databaseFileTarget(regular), regular);
    const missing = join(folder, 'not-yet.db');
    assert.equal(databaseFileTarget(missing), missing);
  });
});
