/**
 * A snapshot restored under `--db` is written to the file before it is acknowledged, like
 * any other change: a fake restarted after a restore holds the restored state, not the
 * one before (issue 28: a restore left out of the file passed every test).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../fake-server/environment-registry';
import { createApp } from '../fake-server/http/app';
import { serve } from '../fake-server/http/serve';
import { DatabaseFileKeeper, readDatabaseFile, writeDatabaseFile } from '../fake-server/persistence/database-file';
import { ADMIN, FIXTURE, basic } from './helpers/http-fake';

/**
 * A fake serving the fixture with its database kept in `file` (as main.ts wires --db): the
 * registry, an API call as the administrator that must succeed, what the file holds (as a digest,
 * read back by a fresh registry), and the end of it all.
 */
async function fakeWithDatabaseFile(file: string) {
  const wiring: { keeper?: DatabaseFileKeeper } = {};
  const registry = new EnvironmentRegistry({ onCommit: () => wiring.keeper?.changed() });
  await registry.create(FIXTURE, DEFAULT_ENVIRONMENT);
  const images = registry.get(DEFAULT_ENVIRONMENT).images();
  writeDatabaseFile(file, images);
  wiring.keeper = new DatabaseFileKeeper(file, images, () => registry.get(DEFAULT_ENVIRONMENT));
  const server = await serve(createApp({ registry, testControl: true, durability: wiring.keeper }), 0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    inMemory: () => registry.get(DEFAULT_ENVIRONMENT).digest(),
    call: async (method: string, path: string, body?: unknown): Promise<unknown> => {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await answer.text();
      assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${text.slice(0, 200)}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    inFile: async () => {
      const reopened = new EnvironmentRegistry();
      await reopened.create(undefined, 'copy', await readDatabaseFile(file));
      const digest = reopened.get('copy').digest();
      reopened.closeAll();
      return digest;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
      registry.closeAll();
    },
  };
}

describe('--db file and snapshots', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-fake-snapshot-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a restored snapshot to the file before answering: the file then equals memory, and the state before the change', async () => {
    const fake = await fakeWithDatabaseFile(join(folder, 'restored.db'));
    try {
      const atSnapshot = fake.inMemory();
      const { snapshotId } = (await fake.call('POST', '/_test/snapshots')) as { snapshotId: string };
      await fake.call('PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'webBrowser' });
      await fake.call('POST', '/license-servers/LS-CONTOSO/manage-cals-wizard');
      assert.notEqual(await fake.inFile(), atSnapshot, 'the changes after the snapshot reached the file');
      await fake.call('POST', `/_test/snapshots/${snapshotId}/restore`);
      assert.equal(fake.inMemory(), atSnapshot, 'memory holds the snapshot');
      assert.equal(await fake.inFile(), atSnapshot, 'the file holds the snapshot, as memory does');
    } finally {
      fake.close();
    }
  });

  // The file is the recovery point: a change answered is already in it (issue 28: a point taken
  // before the write let an answer go out while memory and file disagreed).
  it('has every change in the file by the time its answer arrives: after each answer, the file equals memory', async () => {
    const fake = await fakeWithDatabaseFile(join(folder, 'each-answer.db'));
    const changes: [string, string, unknown?][] = [
      ['PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'webBrowser' }],
      ['PUT', '/license-servers/LS-CONTOSO/connection-method', { connectionMethod: 'telephone' }],
      ['POST', '/license-servers/LS-CONTOSO/manage-cals-wizard'],
      ['POST', '/license-servers/LS-CONTOSO/manage-cals-wizard/actions', { type: 'next' }],
    ];
    try {
      let previous = await fake.inFile();
      for (const [method, path, body] of changes) {
        await fake.call(method, path, body);
        const inFile = await fake.inFile();
        assert.notEqual(inFile, previous, `${method} ${path} was answered before it reached the file`);
        assert.equal(inFile, fake.inMemory(), `after ${method} ${path}, the file and memory disagree`);
        previous = inFile;
      }
    } finally {
      fake.close();
    }
  });
});
