/**
 * RD Licensing Manager over HTTP: the license servers, their properties, installed key
 * packs, event log and the Manage RDS CALs Wizard. Every route signs the caller in
 * against the local accounts of the server it names.
 */
import { Request, Router } from 'express';
import { Caller } from '../domain/model';
import { FakeEnvironment } from '../environment';
import { credentialsOf } from './credentials';
import { keyPackJson, serverJson } from './representations';
import { connectionMethodBody, wizardActionBody } from './schemas';

type EnvironmentOf = (req: Request) => FakeEnvironment;

export function licenseServerRoutes(environmentOf: EnvironmentOf): Router {
  const router = Router();

  const signIn = (req: Request<{ server: string }>): [FakeEnvironment, Caller] => {
    const environment = environmentOf(req);
    const { userName, password } = credentialsOf(req);
    return [environment, environment.manager.signIn(req.params.server, userName, password)];
  };

  router.get('/license-servers', (req, res) => {
    const { userName, password } = credentialsOf(req);
    res.json({ licenseServers: environmentOf(req).manager.listServers(userName, password).map(serverJson) });
  });

  router.get('/license-servers/:server', (req, res) => {
    const [environment, caller] = signIn(req);
    res.json(serverJson(environment.manager.properties(caller)));
  });

  router.put('/license-servers/:server/connection-method', (req, res) => {
    const [environment, caller] = signIn(req);
    const { connectionMethod } = connectionMethodBody.parse(req.body);
    res.json(serverJson(environment.manager.setConnectionMethod(caller, connectionMethod)));
  });

  router.get('/license-servers/:server/key-packs', (req, res) => {
    const [environment, caller] = signIn(req);
    res.json({ keyPacks: environment.manager.installedKeyPacks(caller).map((pack) => keyPackJson(pack, environment.clock.now())) });
  });

  router.get('/license-servers/:server/events', (req, res) => {
    const [environment, caller] = signIn(req);
    res.json({ events: environment.manager.eventLog(caller) });
  });

  router.post('/license-servers/:server/manage-cals-wizard', (req, res) => {
    const [environment, caller] = signIn(req);
    res.status(201).json(environment.manager.openWizard(caller));
  });

  router.get('/license-servers/:server/manage-cals-wizard', (req, res) => {
    const [environment, caller] = signIn(req);
    res.json(environment.manager.wizardView(caller));
  });

  router.post('/license-servers/:server/manage-cals-wizard/actions', (req, res) => {
    const [environment, caller] = signIn(req);
    res.json(environment.manager.actOnWizard(caller, wizardActionBody.parse(req.body)));
  });

  return router;
}
