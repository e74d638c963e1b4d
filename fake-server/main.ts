#!/usr/bin/env node
/**
 * `npm start`: serves the fake RD License Server on localhost with the demo seeded.
 *
 * What the fake copies from the real product: the telephone rebuild of the RD Licensing
 * database through the Manage RDS CALs Wizard (procedure steps 1-11), the connection
 * method property, the License Server ID and license key pack ID lengths, licensing
 * programs, CAL types, product versions, events 26 and 88, and the local Administrators
 * rule. What it leaves out: activation, the Install Licenses and Migrate flows, the
 * automatic and web-browser connection methods' own pages, issuing CALs to clients at
 * run time, and Windows itself. docs/modelling-choices.md lists every choice made where Microsoft's
 * behaviour is not public.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DatabaseFileKeeper, databaseFileTarget, lockDatabaseFile, readDatabaseFile, writeDatabaseFile } from './persistence/database-file';
import { createApp } from './http/app';
import { isLoopback } from './http/request-guards';
import { allowedHostNames } from './http/allowed-hosts';
import { serve } from './http/serve';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from './environment-registry';
import { EnvironmentFixture } from './domain/seeding';
import { readFixtureFile } from './fixture-file';
import { DEFAULT_CONFIG } from './config';
import { LockoutPolicy, WINDOWS_LOCKOUT_POLICY } from './domain/sign-in-lockout';

const DEMO_FIXTURE = `${__dirname}/fixtures/demo.json`;

const HELP = `Usage: rd-licensing-fake [options]   (in the repository: npm start -- [options])
  --port <n>                  port to listen on (default 3990; 0 picks a free one)
  --host <address>            address to listen on (default 127.0.0.1)
  --fixture <file>            JSON fixture to seed instead of the demo
  --db <file>                 keep the database in this file: loaded if it exists (the fixture is
                              then ignored), rewritten atomically after every committed change;
                              one process per file (<file>.lock)
  --test-control              mount the /_test routes (reset, seed, database inspection)
  --test-control-token <t>    require this token (x-test-control-token header) on the /_test
                              routes; needed with --test-control on a non-loopback --host
  --lockout-threshold <n>     failed sign-ins of a user name before its sign-ins are refused (429,
                              Retry-After) for --lockout-minutes; 0 turns lockout off (default 10)
  --lockout-minutes <n>       how long a lockout lasts, and a failure counts (default 10)
  --allowed-host <name>       also answer requests addressed to this host name (repeatable), e.g. a
                              container's service name; RDL_ALLOWED_HOSTS=<name,name> adds more
  --help                      show this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3990' },
      host: { type: 'string', default: '127.0.0.1' },
      fixture: { type: 'string', default: DEMO_FIXTURE },
      'test-control': { type: 'boolean', default: false },
      'test-control-token': { type: 'string' },
      db: { type: 'string' },
      'lockout-threshold': { type: 'string', default: String(WINDOWS_LOCKOUT_POLICY.threshold) },
      'lockout-minutes': { type: 'string', default: String(WINDOWS_LOCKOUT_POLICY.durationMs / 60_000) },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const token = values['test-control-token'];
  if (values['test-control'] && !isLoopback(values.host) && token === undefined) {
    throw new Error(
      `--test-control on ${values.host} would let anyone who reaches that address reset or seed the fake; ` +
        'listen on 127.0.0.1, or give --test-control-token <a secret> that the /_test routes then require.',
    );
  }
  if (token !== undefined && token.length < 16) throw new Error('--test-control-token must be at least 16 characters.');
  const allowedHosts = allowedHostNames(values['allowed-host'], process.env.RDL_ALLOWED_HOSTS);
  const fixture: EnvironmentFixture = readFixtureFile(values.fixture);
  const databaseFile = values.db === undefined ? undefined : databaseFileTarget(values.db);
  let keeper: DatabaseFileKeeper | undefined;
  const signInLockout = lockoutPolicy(values['lockout-threshold'], values['lockout-minutes']);
  const registry = new EnvironmentRegistry({
    config: { ...DEFAULT_CONFIG, signInLockout },
    // Only the default environment is the one `npm start` serves; test environments stay in memory.
    onCommit: (id) => {
      if (id === DEFAULT_ENVIRONMENT) keeper?.changed();
    },
  });
  const loadedFromFile = databaseFile !== undefined && existsSync(databaseFile);
  const defaultEnvironment = () => registry.get(DEFAULT_ENVIRONMENT);
  if (databaseFile !== undefined) process.on('exit', lockDatabaseFile(databaseFile));
  if (databaseFile !== undefined && loadedFromFile) {
    const images = await readDatabaseFile(databaseFile);
    await registry.create(undefined, DEFAULT_ENVIRONMENT, images);
    keeper = new DatabaseFileKeeper(databaseFile, images, defaultEnvironment);
    console.log(`Loaded the database from ${databaseFile}`);
  } else {
    await registry.create(fixture, DEFAULT_ENVIRONMENT);
    if (databaseFile !== undefined) {
      const images = registry.get(DEFAULT_ENVIRONMENT).images();
      writeDatabaseFile(databaseFile, images);
      keeper = new DatabaseFileKeeper(databaseFile, images, defaultEnvironment);
    }
  }
  const app = createApp({
    registry,
    testControl: values['test-control'],
    listenHost: values.host,
    testControlToken: token,
    allowedHosts,
    durability: keeper,
  });
  const server = await serve(app, port, values.host);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Fake RD License Server listening on http://${values.host}:${actualPort}`);
  // The demo's passwords are public test data in the repository; other fixtures' are never printed.
  const demo = values.fixture === DEMO_FIXTURE;
  // Accounts of a loaded --db file are whatever was stored there, not the fixture's.
  for (const licenseServer of loadedFromFile ? [] : (fixture.licenseServers ?? [])) {
    for (const account of licenseServer.accounts ?? []) {
      const password = demo ? ` / ${account.password}` : '';
      console.log(`  ${licenseServer.name}: ${account.userName}${password} (${account.groups.join(', ')})`);
    }
  }
  if (allowedHosts.length > 0) console.log(`  also answering requests addressed to ${allowedHosts.join(', ')}`);
  if (values['test-control']) console.log(`  test-control routes mounted under /_test${token ? ' (token required)' : ''}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The account lockout policy of --lockout-threshold and --lockout-minutes, or a message naming the option at fault. */
function lockoutPolicy(threshold: string, minutes: string): LockoutPolicy {
  const count = Number(threshold);
  const duration = Number(minutes);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`--lockout-threshold must be a whole number, 0 to turn lockout off, not "${threshold}"`);
  if (!Number.isFinite(duration) || duration <= 0 || duration > 24 * 60)
    throw new Error(`--lockout-minutes must be a number of minutes above 0 and at most 1440, not "${minutes}"`);
  return { threshold: count, durationMs: duration * 60_000 };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
