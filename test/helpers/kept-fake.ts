/**
 * A fake in this process whose default environment is kept in a --db file by a
 * DatabaseFileKeeper, as `npm start -- --db <file>` wires it (fake-server/main.ts), on a
 * loopback port: for the tests of what the file holds when changes come in bursts or fail.
 */
import { AddressInfo } from 'node:net';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../../fake-server/environment-registry';
import { createApp } from '../../fake-server/http/app';
import { serve } from '../../fake-server/http/serve';
import { DatabaseFileKeeper, writeDatabaseFile } from '../../fake-server/persistence/database-file';
import { FIXTURE } from './http-fake';

export interface KeptFake {
  registry: EnvironmentRegistry;
  keeper: DatabaseFileKeeper;
  baseUrl: string;
  close(): void;
}

/** Seeds the fixture, writes it to `file`, and serves it with every commit kept in the file. */
export async function startKeptFake(file: string): Promise<KeptFake> {
  const wiring: { keeper?: DatabaseFileKeeper } = {};
  const registry = new EnvironmentRegistry({ onCommit: () => wiring.keeper?.changed() });
  await registry.create(FIXTURE, DEFAULT_ENVIRONMENT);
  const images = registry.get(DEFAULT_ENVIRONMENT).images();
  writeDatabaseFile(file, images);
  const keeper = new DatabaseFileKeeper(file, images, () => registry.get(DEFAULT_ENVIRONMENT));
  wiring.keeper = keeper;
  const server = await serve(createApp({ registry, testControl: false, durability: keeper }), 0, '127.0.0.1');
  return {
    registry,
    keeper,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
      registry.closeAll();
    },
  };
}
