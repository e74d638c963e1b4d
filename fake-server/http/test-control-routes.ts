/**
 * The test-control API, mounted only when the fake runs for tests (or with
 * --test-control): isolated environments, reset, seeding, snapshots, the virtual clock,
 * per-server fault switches, and direct reads of stored state so scenarios assert on
 * what the fake holds rather than on what it answered.
 */
import { readFileSync } from 'node:fs';
import { Request, Router } from 'express';
import { caseSensitiveRouter } from './routing';
import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { EnvironmentFixture } from '../domain/seeding';
import { EnvironmentRegistry } from '../environment-registry';
import { HarnessControls, StoredStateReads } from '../services';
import { UnexpectedErrors } from './problem';
import { keyPackJson } from './representations';
import { requireTestControlToken } from './test-control-token';
import { environmentFixture } from './schemas';
import { clockAdvance, clockSetting, databasePage, faultSwitches } from './test-control-schemas';

const FIXTURES_FOLDER = `${__dirname}/../fixtures`;
/** Issued CALs per page of a database read: one answer stays small and quick whatever the server holds. */
export const ISSUED_CALS_PER_PAGE = 2_500;
export function testControlRoutes(
  registry: EnvironmentRegistry,
  environmentOf: (req: Request) => HarnessControls & StoredStateReads,
  environmentIdOf: (req: Request) => string,
  unexpected: UnexpectedErrors,
  token: string | undefined,
): Router {
  const router = caseSensitiveRouter();
  // Before every route, matched by this router's own rule, so no spelling of /_test reaches a route without it.
  router.use('/_test', requireTestControlToken(token));

  router.post('/_test/environments', async (req, res) => {
    const fixture: EnvironmentFixture = environmentFixture.parse(req.body ?? {});
    res.status(201).json({ environmentId: await registry.create(fixture) });
  });

  router.delete('/_test/environments/:id', (req, res) => {
    registry.remove(req.params.id);
    unexpected.forget(req.params.id);
    res.status(204).end();
  });

  router.post('/_test/reset', async (req, res) => {
    await registry.reset(environmentIdOf(req));
    res.status(204).end();
  });

  router.post('/_test/seed', async (req, res) => {
    await environmentOf(req).seeder.seedWithoutStalling(environmentFixture.parse(req.body));
    res.status(204).end();
  });

  router.post('/_test/fixtures/:name', async (req, res) => {
    const name = z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'a fixture name: lower-case letters, digits and hyphens')
      .parse(req.params.name);
    let text: string;
    try {
      text = readFileSync(`${FIXTURES_FOLDER}/${name}.json`, 'utf8');
    } catch {
      throw new NotFoundError('unknown-fixture', `There is no fixture file "${name}.json" in fake-server/fixtures.`);
    }
    await environmentOf(req).seeder.seedWithoutStalling(environmentFixture.parse(JSON.parse(text)));
    res.status(204).end();
  });

  router.post('/_test/snapshots', (req, res) => {
    res.status(201).json({ snapshotId: registry.snapshot(environmentIdOf(req)) });
  });

  router.post('/_test/snapshots/:snapshotId/restore', (req, res) => {
    registry.restore(environmentIdOf(req), req.params.snapshotId);
    res.status(204).end();
  });

  router.get('/_test/clock', (req, res) => {
    const { clock } = environmentOf(req);
    res.json({ now: clock.now().toISOString(), frozen: clock.isFrozen() });
  });

  router.put('/_test/clock', (req, res) => {
    const { clock } = environmentOf(req);
    clock.set(new Date(clockSetting.parse(req.body).now));
    res.json({ now: clock.now().toISOString(), frozen: true });
  });

  router.post('/_test/clock/advance', (req, res) => {
    const { days = 0, minutes = 0 } = clockAdvance.parse(req.body);
    const { clock } = environmentOf(req);
    clock.advance((days * 24 * 60 + minutes) * 60_000);
    res.json({ now: clock.now().toISOString(), frozen: clock.isFrozen() });
  });

  router.put('/_test/license-servers/:server/faults', (req, res) => {
    const environment = environmentOf(req);
    environment.inspect(req.params.server);
    environment.faults.set(req.params.server, faultSwitches.parse(req.body));
    res.json(environment.faults.current(req.params.server));
  });

  router.delete('/_test/license-servers/:server/faults', (req, res) => {
    environmentOf(req).faults.clear(req.params.server);
    res.status(204).end();
  });

  // Paged: issued CALs from `issuedCalsFrom`, at most ISSUED_CALS_PER_PAGE of them, and where the next page starts.
  router.get('/_test/license-servers/:server/database', (req, res) => {
    const { issuedCalsFrom } = databasePage.parse(req.query);
    const environment = environmentOf(req);
    // Paged in SQL: reading all 10,000 CALs a server may hold to answer 500 held the event loop for 50 ms.
    const { keyPacks, issuedCals, issuedCalsTotal } = environment.inspectPage(req.params.server, issuedCalsFrom, ISSUED_CALS_PER_PAGE);
    const next = issuedCalsFrom + issuedCals.length;
    res.json({
      keyPacks: keyPacks.map((pack) => keyPackJson(pack, environment.clock.now())),
      issuedCals,
      issuedCalsTotal,
      nextIssuedCalsFrom: next < issuedCalsTotal ? next : null,
    });
  });

  // The issued CALs as a count and a digest (see EnvironmentSnapshot).
  router.get('/_test/license-servers/:server/snapshot', (req, res) => {
    res.json(environmentOf(req).snapshot(req.params.server));
  });

  router.get('/_test/clearinghouse/purchases', (req, res) => {
    res.json({ purchases: environmentOf(req).purchaseRecords() });
  });

  router.get('/_test/clearinghouse/issuances', (req, res) => {
    res.json({ issuances: environmentOf(req).issuances() });
  });

  router.get('/_test/digest', (req, res) => {
    res.json({ digest: environmentOf(req).digest() });
  });

  router.get('/_test/unexpected-errors', (req, res) => {
    res.json({ errors: unexpected.of(environmentIdOf(req)) });
  });

  return router;
}
