/**
 * Writing the --db file, in this process (fake-server/persistence/database-file.ts): the first
 * write at start-up and the DatabaseFileKeeper's group commit. test/persistence.test.ts proves
 * the same through fakes of their own processes, which Stryker cannot see into; here the writer
 * is called directly, with an environment whose images are plain words, so what the file holds
 * at any moment can be read back.
 */
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { UnavailableError } from '../fake-server/domain/errors';
import { DatabaseFileKeeper, SavedEnvironment, writeDatabaseFile } from '../fake-server/persistence/database-file';
import { EnvironmentImages } from '../fake-server/persistence/open-databases';

/** Images standing for a state of the environment: each side's bytes are a word naming it. */
const stateNamed = (name: string): EnvironmentImages => ({
  licensing: Buffer.from(`${name} licensing`),
  clearinghouse: Buffer.from(`${name} clearinghouse`),
});

/** The state a file holds, read from its framing ("RDLFAKE1", then each side's length and bytes). */
function stateIn(file: string): string {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 8).toString('ascii'), 'RDLFAKE1');
  const licensingLength = bytes.readUInt32BE(8);
  const licensing = bytes.subarray(12, 12 + licensingLength).toString('utf8');
  const clearinghouseLength = bytes.readUInt32BE(12 + licensingLength);
  const clearinghouse = bytes.subarray(16 + licensingLength).toString('utf8');
  assert.equal(clearinghouse.length, clearinghouseLength, 'nothing follows the clearinghouse database');
  const name = licensing.replace(/ licensing$/, '');
  assert.equal(clearinghouse, `${name} clearinghouse`, 'both sides of one state');
  return name;
}

/** An environment whose state the test sets; it records what the keeper puts back. */
class Environment implements SavedEnvironment {
  readonly putBack: string[] = [];
  /** Called as the keeper exports the state, before the write that carries it. */
  onExport: (() => void) | undefined;

  constructor(public state: EnvironmentImages) {}

  images(): EnvironmentImages {
    const exporting = this.onExport;
    this.onExport = undefined;
    exporting?.();
    return this.state;
  }

  replaceWith(images: EnvironmentImages): void {
    this.putBack.push(Buffer.from(images.licensing).toString('utf8'));
    this.state = images;
  }
}

describe('writing the --db file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-keeper-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** A file written at start-up with the state 'seeded', and a keeper of it over an environment in that state. */
  const keptFile = (name: string) => {
    const file = join(folder, `${name}.db`);
    writeDatabaseFile(file, stateNamed('seeded'));
    const environment = new Environment(stateNamed('seeded'));
    const keeper = new DatabaseFileKeeper(file, stateNamed('seeded'), () => environment);
    return { file, environment, keeper };
  };

  it('writes the first file whole, with no temporary file left', () => {
    const file = join(folder, 'first.db');
    writeDatabaseFile(file, stateNamed('seeded'));
    assert.equal(stateIn(file), 'seeded');
    assert.equal(existsSync(`${file}.${process.pid}.tmp`), false);
  });

  it('refuses a first write on a full disk in words, removing its temporary file and leaving no file', () => {
    const file = join(folder, 'full.db');
    // The temporary file is a link to /dev/full, which refuses every write with ENOSPC, as a full disk does.
    const temporary = `${file}.${process.pid}.tmp`;
    symlinkSync('/dev/full', temporary);
    assert.throws(() => writeDatabaseFile(file, stateNamed('seeded')), {
      message: `${file} cannot be written: the disk is full (ENOSPC: no space left on device, write).`,
    });
    assert.equal(existsSync(temporary), false, 'the temporary file is removed');
    assert.equal(existsSync(file), false, 'no file is made');
  });

  it('refuses a first write whose temporary file cannot be made, naming the cause rather than the clean-up', () => {
    const file = join(folder, 'no-such-folder', 'licensing.db');
    const temporary = `${file}.${process.pid}.tmp`;
    assert.throws(() => writeDatabaseFile(file, stateNamed('seeded')), {
      message: `${file} cannot be written: the system refused (ENOENT: no such file or directory, open '${temporary}').`,
    });
  });

  it('acknowledges at once when nothing is waiting to be written', async () => {
    const { file, keeper } = keptFile('idle');
    await keeper.durable();
    assert.equal(keeper.writes, 0);
    assert.equal(stateIn(file), 'seeded');
  });

  it('acknowledges a change only once the file holds it', async () => {
    const { file, environment, keeper } = keptFile('one-change');
    environment.state = stateNamed('changed');
    keeper.changed();
    // durable() must resolve (a rejection, even with nothing in it, is a refused answer).
    const heldWhenAcknowledged = await keeper.durable().then(() => stateIn(file));
    assert.equal(heldWhenAcknowledged, 'changed');
    assert.equal(keeper.writes, 1);
    assert.deepEqual(environment.putBack, [], 'nothing was undone');
  });

  it('groups the changes of one moment into one write', async () => {
    const { file, environment, keeper } = keptFile('grouped');
    const acknowledged: Promise<string>[] = [];
    for (const name of ['first', 'second', 'third']) {
      environment.state = stateNamed(name);
      keeper.changed();
      acknowledged.push(keeper.durable().then(() => stateIn(file)));
    }
    assert.deepEqual(await Promise.all(acknowledged), ['third', 'third', 'third']);
    assert.equal(keeper.writes, 1);
  });

  it('holds back a change committed while a write is under way until the next write carries it', async () => {
    const { file, environment, keeper } = keptFile('overtaken');
    let later: Promise<string> | undefined;
    // Once the first write has taken its state, and while the disk works on it, another change commits.
    environment.onExport = () =>
      setImmediate(() => {
        environment.state = stateNamed('later');
        keeper.changed();
        later = keeper.durable().then(() => stateIn(file));
      });
    environment.state = stateNamed('earlier');
    keeper.changed();
    const earlier = keeper.durable().then(() => stateIn(file));
    assert.equal(await earlier, 'earlier');
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(later, 'the later change was committed during the first write');
    assert.equal(await later, 'later', 'the later change is acknowledged only once the file holds it');
    assert.equal(keeper.writes, 2);
  });

  it('undoes every change a failed write carried, refuses their answers with 503, and writes the next change once it can', async () => {
    const { file, environment, keeper } = keptFile('fills-up');
    environment.state = stateNamed('kept');
    keeper.changed();
    await keeper.durable();

    const temporary = `${file}.${process.pid}.tmp`;
    symlinkSync('/dev/full', temporary);
    const logged: string[] = [];
    const log = console.error;
    console.error = (line: unknown) => logged.push(String(line));
    const refusals: unknown[] = [];
    try {
      for (const name of ['lost', 'lost too']) {
        environment.state = stateNamed(name);
        keeper.changed();
        refusals.push(
          await keeper.durable().then(
            () => 'acknowledged',
            (error: unknown) => error,
          ),
        );
      }
    } finally {
      console.error = log;
    }
    for (const refusal of refusals) {
      assert.ok(refusal instanceof UnavailableError, String(refusal));
      assert.equal(refusal.code, 'database-file-write-failed');
      assert.match(
        refusal.message,
        /^The change could not be written to the database file \(ENOSPC\), so it was undone; nothing was saved\./,
      );
    }
    assert.deepEqual(environment.putBack, ['kept licensing', 'kept licensing'], 'each time, memory is put back to what the file holds');
    // Memory and file agree again, so an answer that changed nothing (a read) is not held back.
    const read = await Promise.race([
      keeper.durable().then(() => 'acknowledged'),
      new Promise((resolve) => setImmediate(() => resolve('held back'))),
    ]);
    assert.equal(read, 'acknowledged');
    assert.equal(stateIn(file), 'kept');
    assert.equal(logged.length, 2);
    assert.ok(logged[0]?.startsWith(`Could not write ${file}: ENOSPC`), logged[0]);

    assert.ok(lstatSync(temporary).isSymbolicLink(), 'the disk is still full');
    rmSync(temporary);
    environment.state = stateNamed('after');
    keeper.changed();
    await keeper.durable();
    assert.equal(stateIn(file), 'after');
    assert.equal(keeper.writes, 2, 'the write that failed is not counted');
  });
});
