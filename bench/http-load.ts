/** Reads of a license server's key packs under load: the fake against bare Express and bare node:http. */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { NODE, ROOT } from './lib';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface ServerPorts {
  fakePort: number;
  expressPort: number;
  nodePort: number;
  path: string;
}

/** Starts bench/servers.ts in its own process, so that the load generator has the other core. */
export async function startServers(): Promise<{ ports: ServerPorts; stop: () => void }> {
  const child = spawn(NODE, ['-r', './tools/register-typescript.cjs', 'bench/servers.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
  return { ports: JSON.parse(firstLine) as ServerPorts, stop: () => child.kill() };
}

/** Loopback only, bounded in time: 10 connections for the given seconds. */
export async function load(port: number, path: string, seconds: number, authorization?: string): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: 10,
    duration: seconds,
    ...(authorization ? { headers: { authorization } } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
