/**
 * RD Licensing Manager over HTTP: the license servers, their properties, installed key
 * packs, event log and the Manage RDS CALs Wizard. Every route signs the caller in
 * against the local accounts of the server it names.
 */
import { Request, Response, Router } from 'express';
import { caseSensitiveRouter } from './routing';
import { Caller } from '../domain/model';
import { WizardView } from '../domain/wizard-view';
import { ProductServices } from '../services';
import { credentialsOf } from './credentials';
import { installedKeyPacksJson, serverJson } from './representations';
import { RequestProblem } from './problem';
import { connectionMethodBody, wizardActionBody } from './schemas';
import { pageChanged, revisionOf } from './wizard-revision';

type EnvironmentOf = (req: Request) => ProductServices;

export function licenseServerRoutes(environmentOf: EnvironmentOf): Router {
  const router = caseSensitiveRouter();

  const signIn = (req: Request<{ server: string }>): [ProductServices, Caller] => {
    const environment = environmentOf(req);
    return [environment, environment.manager.signIn(req.params.server, credentialsOf(req))];
  };

  router.get('/license-servers', (req, res) => {
    res.json({ licenseServers: environmentOf(req).manager.listServers(credentialsOf(req)).map(serverJson) });
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
    res.json({ keyPacks: installedKeyPacksJson(environment, caller) });
  });

  router.get('/license-servers/:server/events', (req, res) => {
    const [environment, caller] = signIn(req);
    res.json({ events: environment.manager.eventLog(caller) });
  });

  // Every wizard page carries its drawing as an ETag; a move may name it in If-Match (optional).
  const sendView = (res: Response, view: WizardView, status = 200) =>
    res
      .status(status)
      .set('ETag', `"${revisionOf(view)}"`)
      .json(view);

  router.post('/license-servers/:server/manage-cals-wizard', (req, res) => {
    const [environment, caller] = signIn(req);
    sendView(res, environment.manager.openWizard(caller), 201);
  });

  router.get('/license-servers/:server/manage-cals-wizard', (req, res) => {
    const [environment, caller] = signIn(req);
    sendView(res, environment.manager.wizardView(caller));
  });

  router.post('/license-servers/:server/manage-cals-wizard/actions', (req, res) => {
    const [environment, caller] = signIn(req);
    const move = wizardActionBody.parse(req.body);
    const expected = req.get('if-match');
    if (expected !== undefined) {
      const now = environment.manager.wizardView(caller);
      if (expected !== `"${revisionOf(now)}"` && expected !== '*') throw new RequestProblem(pageChanged(now, 412));
    }
    sendView(res, environment.manager.actOnWizard(caller, move));
  });

  return router;
}
