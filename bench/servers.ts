/**
 * Child process for the HTTP benchmarks: the fake (demo seeded, test control on), a bare
 * Express 5 route and a bare node:http server, the last two answering with the same JSON
 * the fake gives for a license server's key packs. Prints the three ports as JSON.
 */
import express from 'express';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createApp } from '../fake-server/http/app';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../fake-server/environment-registry';
import { environmentFixture } from '../fake-server/http/schemas';

import { DEMO_AUTHORIZATION, KEY_PACKS_PATH } from './lib';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function main(): Promise<void> {
  const registry = new EnvironmentRegistry();
  await registry.create(
    environmentFixture.parse(JSON.parse(readFileSync(`${__dirname}/../fake-server/fixtures/demo.json`, 'utf8'))),
    DEFAULT_ENVIRONMENT,
  );
  const fake = createServer(createApp({ registry, testControl: true }));
  const fakePort = await listen(fake);

  // The bare servers answer with exactly the bytes the fake sends for the same request.
  const body = await (
    await fetch(`http://127.0.0.1:${fakePort}${KEY_PACKS_PATH}`, { headers: { authorization: DEMO_AUTHORIZATION } })
  ).text();

  const bare = express();
  bare.get(KEY_PACKS_PATH, (_req, res) => {
    res.type('application/json').send(body);
  });
  const expressPort = await listen(createServer(bare));

  const nodePort = await listen(
    createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }),
  );
  process.stdout.write(`${JSON.stringify({ fakePort, expressPort, nodePort, path: KEY_PACKS_PATH })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
