/**
 * Builds the Express app of the fake license server, apart from listening on a port.
 * Routes, then one error handler that maps errors to problem+json, then a JSON 404.
 */
import express, { Express, Request } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_ENVIRONMENT, EnvironmentRegistry } from '../environment-registry';
import { HarnessControls, ProductServices, StoredStateReads } from '../services';
import { clearinghouseRoutes } from './clearinghouse-routes';
import { ENVIRONMENT_HEADER, openApiDocument } from './contract/openapi';
import { licenseServerRoutes } from './license-server-routes';
import { pageRoutes } from './page-routes';
import { acknowledgeWhenDurable } from './durable-answers';
import { UnexpectedErrors, errorHandler, notFoundHandler } from './problem';
import { GuardOptions, requestGuards } from './request-guards';
import { securityHeaders } from './security-headers';
import { inConnectionOrder } from './in-order';
import { matchPathsAsWritten } from './routing';
import { testControlRoutes } from './test-control-routes';
import { fakeVersion } from '../version';

// The environment header is part of the contract (contract/openapi.ts), named there.
export { ENVIRONMENT_HEADER };

export interface AppOptions extends GuardOptions {
  registry: EnvironmentRegistry;
  /** Mounts /_test routes; off unless the fake runs for tests. */
  testControl: boolean;
  /** With a --db file: answers wait until what they changed is on disk (group commit). */
  durability?: { durable(): Promise<void> } | undefined;
}

export function createApp(options: AppOptions): Express & { unexpectedErrors: UnexpectedErrors } {
  const app = express();
  const unexpected = new UnexpectedErrors((id) => options.registry.has(id));
  app.disable('x-powered-by');
  matchPathsAsWritten(app);
  app.set('etag', false);
  app.use(inConnectionOrder);
  app.use(securityHeaders);
  app.use(requestGuards(options));
  // Before the durability hold: a readiness probe neither waits for nor touches a --db write.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'serving', version: fakeVersion(), testControl: options.testControl });
  });
  if (options.durability) app.use(acknowledgeWhenDurable(options.durability));
  app.use(express.json({ limit: '64kb', strict: true }));

  const environmentIdOf = (req: Request): string => req.get(ENVIRONMENT_HEADER) ?? DEFAULT_ENVIRONMENT;
  // Each router is handed the part of the environment it uses (services.ts), never its storage.
  const environmentOf = (req: Request): ProductServices & HarnessControls & StoredStateReads => options.registry.get(environmentIdOf(req));

  // The latency fault: answers about a license server wait as long as its switch says.
  app.use(['/license-servers/:server', '/servers/:server'], async (req, _res, next) => {
    const delay = environmentOf(req).faults.latencyFor(String(req.params.server));
    if (delay > 0) await sleep(delay);
    next();
  });
  // The contract, as mounted: without --test-control the /_test routes are not in it.
  app.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(contractText(options.testControl));
  });
  app.use(licenseServerRoutes(environmentOf));
  app.use(pageRoutes(environmentOf, environmentIdOf));
  app.use(clearinghouseRoutes(environmentOf));
  if (options.testControl)
    app.use(testControlRoutes(options.registry, environmentOf, environmentIdOf, unexpected, options.testControlToken));
  app.use(notFoundHandler);
  app.use(errorHandler(unexpected, environmentIdOf));
  return Object.assign(app, { unexpectedErrors: unexpected });
}

const contractTexts = new Map<boolean, string>();

/** The document as text, built on first request (about 30 ms) and kept: a fake's start-up does not pay for it. */
function contractText(testControl: boolean): string {
  let text = contractTexts.get(testControl);
  if (text === undefined) {
    text = JSON.stringify(openApiDocument({ testControl }));
    contractTexts.set(testControl, text);
  }
  return text;
}
