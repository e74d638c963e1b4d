/** RD Licensing Manager: the servers, a server's installed packs and event log, and Properties (steps 1 and 2). */
import { Router } from 'express';
import { z } from 'zod';
import { CONNECTION_METHODS } from '../../domain/catalogue';
import { formOf } from '../pages/forms';
import { managerBody, propertiesBody, serverBody } from '../pages/manager-pages';
import { installedKeyPacksJson } from '../representations';
import { PageContext, send, serverPath, sessionIdOf } from './context';

const propertiesForm = z.strictObject({ connectionMethod: z.enum(CONNECTION_METHODS) });

export function managerPages(router: Router, { environmentOf, sessions, sessionOf, callerOn }: PageContext): void {
  router.get('/', (req, res) => {
    const session = sessionOf(req);
    send(req, res, 200, 'RD Licensing Manager', managerBody(environmentOf(req).manager.listServers(session)), session.userName);
  });

  router.get('/servers/:server', (req, res) => {
    const [environment, caller, session] = callerOn(req);
    // The note after Finish or Cancel is kept with the session whose move closed the wizard and
    // said once; an address cannot make it up (?wizard=finished once showed it for any server).
    const server = environment.manager.properties(caller);
    const outcome = sessions.takeWizardClosed(sessionIdOf(req), server.name);
    const keyPacks = installedKeyPacksJson(environment, caller);
    const events = environment.manager.eventLog(caller);
    send(req, res, 200, server.name, serverBody({ server, keyPacks, events, wizardOutcome: outcome }), session.userName);
  });

  router.get('/servers/:server/properties', (req, res) => {
    const [environment, caller, session] = callerOn(req);
    send(req, res, 200, `${req.params.server} Properties`, propertiesBody(environment.manager.properties(caller)), session.userName);
  });

  router.post('/servers/:server/properties', (req, res) => {
    const [environment, caller] = callerOn(req);
    const { connectionMethod } = propertiesForm.parse(formOf(req));
    const server = environment.manager.setConnectionMethod(caller, connectionMethod);
    res.redirect(303, serverPath(server.name));
  });
}
