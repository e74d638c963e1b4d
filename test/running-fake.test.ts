/**
 * The suite against a fake that is already running (RDL_FAKE_URL, RDL_TEST_CONTROL_TOKEN):
 * cucumber runs one feature against a fake this test started, and the fake's own registry
 * shows the scenarios' environments were made there, not in a fake of the suite's own.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Server } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../fake-server/http/app';
import { serve } from '../fake-server/http/serve';
import { EnvironmentRegistry } from '../fake-server/environment-registry';
import { reachRunningFake } from '../support/fake/remote-fake';

const FEATURE = 'features/step-04-welcome.feature';
const SCENARIOS_IN_FEATURE = 2;
const TOKEN = 'sixteen-characters-at-least';

function cucumber(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['cucumber-js', '--profile', 'bare', '--format', 'summary', FEATURE], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the suite against a running fake', { timeout: 180_000 }, () => {
  const registry = new EnvironmentRegistry();
  const made: string[] = [];
  let server: Server;
  let url: string;
  before(async () => {
    const create = registry.create.bind(registry);
    registry.create = async (...args) => {
      const id = await create(...args);
      made.push(id);
      return id;
    };
    server = await serve(createApp({ registry, testControl: true, testControlToken: TOKEN }), 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    registry.closeAll();
    server.closeAllConnections();
    server.close();
  });

  it('runs every scenario in its own environment of that fake, sending the token', async () => {
    const { code, output } = await cucumber({ RDL_FAKE_URL: `${url}/`, RDL_TEST_CONTROL_TOKEN: TOKEN });
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`${SCENARIOS_IN_FEATURE} scenarios \\(${SCENARIOS_IN_FEATURE} passed\\)`));
    assert.equal(made.length, SCENARIOS_IN_FEATURE, 'one environment per scenario, made in the running fake');
    assert.equal(new Set(made).size, SCENARIOS_IN_FEATURE);
    for (const id of made) assert.equal(registry.has(id), false, `environment ${id} was left behind`);
  });

  it('fails without the token that fake requires, naming the refusal', async () => {
    const { code, output } = await cucumber({ RDL_FAKE_URL: url, RDL_TEST_CONTROL_TOKEN: '' });
    assert.notEqual(code, 0);
    assert.match(output, /test-control-token/);
  });

  it('fails the run at once, in one sentence, when nothing answers at the URL', async () => {
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const { code, output } = await cucumber({ RDL_FAKE_URL: nowhere });
    assert.notEqual(code, 0);
    assert.match(output, new RegExp(`RDL_FAKE_URL is ${nowhere}, but no fake answers GET ${nowhere}/healthz there \\(`));
    assert.match(output, /0 scenarios|BeforeAll/);
  });
});

describe('RDL_FAKE_URL', () => {
  it('must be an address, and is refused naming what was given', async () => {
    for (const url of ['127.0.0.1:3990', 'ftp://127.0.0.1:3990', 'http://127.0.0.1:3990/api', 'http://127.0.0.1:3990?x=1']) {
      await assert.rejects(reachRunningFake(url), {
        message: `RDL_FAKE_URL must be the fake's address, like http://127.0.0.1:3990, not "${url}".`,
      });
    }
  });

  it('must lead to a fake with test control: the suite cannot isolate scenarios without it', async () => {
    const registry = new EnvironmentRegistry();
    const server = await serve(createApp({ registry, testControl: false }), 0, '127.0.0.1');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await assert.rejects(reachRunningFake(url), { message: new RegExp(`^The fake at ${url} was started without --test-control`) });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
