/**
 * The test-control API, mounted only when the fake runs for tests (or with
 * --test-control): creating and removing isolated environments, seeding them, and
 * reading a license server's database directly so scenarios assert on stored state.
 */
import { Request, Router } from 'express';
import { EnvironmentFixture } from '../domain/seeding';
import { EnvironmentRegistry } from '../environment-registry';
import { FakeEnvironment } from '../environment';
import { UnexpectedErrors } from './problem';
import { keyPackJson } from './representations';
import { environmentFixture } from './schemas';

export function testControlRoutes(
  registry: EnvironmentRegistry,
  environmentOf: (req: Request) => FakeEnvironment,
  environmentIdOf: (req: Request) => string,
  unexpected: UnexpectedErrors,
): Router {
  const router = Router();

  router.post('/_test/environments', async (req, res) => {
    const fixture: EnvironmentFixture = environmentFixture.parse(req.body ?? {});
    const environmentId = await registry.create(fixture);
    res.status(201).json({ environmentId });
  });

  router.delete('/_test/environments/:id', (req, res) => {
    registry.remove(req.params.id);
    res.status(204).end();
  });

  router.post('/_test/seed', (req, res) => {
    environmentOf(req).seeder.seed(environmentFixture.parse(req.body));
    res.status(204).end();
  });

  router.get('/_test/license-servers/:server/database', (req, res) => {
    const { keyPacks, issuedCals } = environmentOf(req).inspect(req.params.server);
    res.json({ keyPacks: keyPacks.map(keyPackJson), issuedCals });
  });

  router.get('/_test/license-servers/:server/snapshot', (req, res) => {
    res.json(environmentOf(req).snapshot(req.params.server));
  });

  router.get('/_test/clearinghouse/purchases', (req, res) => {
    res.json({ purchases: environmentOf(req).purchaseRecords() });
  });

  router.get('/_test/unexpected-errors', (req, res) => {
    res.json({ errors: unexpected.of(environmentIdOf(req)) });
  });

  return router;
}
