/**
 * Starts a fake license server in this process, on a free loopback port, with the
 * test-control API mounted: one per cucumber worker, and one per reliability test file.
 * Scenarios do not restart it: each gets its own environment inside it instead.
 */
import { AddressInfo } from 'node:net';
import { createApp } from '../../fake-server/http/app';
import { serve } from '../../fake-server/http/serve';
import { EnvironmentRegistry } from '../../fake-server/environment-registry';

export interface RunningFake {
  baseUrl: string;
  port: number;
  /** The fake's environments, for tests that read stored state in process. */
  registry: EnvironmentRegistry;
  stop(): Promise<void>;
}

export async function startFake(): Promise<RunningFake> {
  const registry = new EnvironmentRegistry();
  const app = createApp({ registry, testControl: true });
  const server = await serve(app, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    registry,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        registry.closeAll();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
