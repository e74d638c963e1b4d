/**
 * A change the fake cannot write to its --db file, in this process (test/persistence.test.ts
 * proves the same on a fake of its own process, which Stryker cannot see into): the change is
 * undone, the client is told why in words it can act on, the file is as it was, and the next
 * change is written once the file can be.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../fake-server/environment-registry';
import { readDatabaseFile } from '../fake-server/persistence/database-file';
import { ADMIN, basic } from './helpers/http-fake';
import { startKeptFake } from './helpers/kept-fake';

describe('a --db file that cannot be written', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-unwritable-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('undoes the change, says why and what to do, leaves the file, and writes the next change once it can', async () => {
    const file = join(folder, 'unwritable.db');
    const { registry, keeper, baseUrl, close } = await startKeptFake(file);
    const connectionMethod = async (method?: string) => {
      const answer = await fetch(`${baseUrl}/license-servers/LS-CONTOSO${method ? '/connection-method' : ''}`, {
        method: method ? 'PUT' : 'GET',
        headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
        ...(method ? { body: JSON.stringify({ connectionMethod: method }) } : {}),
      });
      return { status: answer.status, body: (await answer.json()) as { code?: string; detail?: string; connectionMethod?: string } };
    };
    const logged: string[] = [];
    const log = console.error;
    console.error = (line: unknown) => logged.push(String(line));
    try {
      const before = readFileSync(file);
      // A directory where the temporary file goes makes the write fail, as a full disk would.
      const temporary = `${file}.${process.pid}.tmp`;
      mkdirSync(temporary);
      const refused = await connectionMethod('webBrowser');
      assert.equal(refused.status, 503);
      assert.equal(refused.body.code, 'database-file-write-failed');
      assert.equal(
        refused.body.detail,
        'The change could not be written to the database file (EISDIR), so it was undone; nothing was saved. ' +
          "Try again once the file can be written (the fake's log says which file and why).",
      );
      assert.ok(!refused.body.detail?.includes(folder), 'the client is not told where the file lives');
      assert.ok(
        logged.some((line) => line.startsWith(`Could not write ${file}: `)),
        'the operator is',
      );
      assert.deepEqual(readFileSync(file), before, 'the file is as it was');
      assert.equal((await connectionMethod()).body.connectionMethod, 'telephone', 'memory agrees with the file');
      assert.equal(keeper.writes, 0);

      rmSync(temporary, { recursive: true });
      assert.equal((await connectionMethod('automatic')).status, 200);
      assert.equal(keeper.writes, 1);
      const reopened = new EnvironmentRegistry();
      await reopened.create(undefined, 'copy', await readDatabaseFile(file));
      assert.equal(reopened.get('copy').digest(), registry.get(DEFAULT_ENVIRONMENT).digest(), 'the file holds the change');
      reopened.closeAll();
    } finally {
      console.error = log;
      close();
    }
  });
});
