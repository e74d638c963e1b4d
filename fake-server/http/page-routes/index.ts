/**
 * The procedure's screens as server-rendered pages over the same domain and transactions
 * as the JSON API, so both see one state. Forms post, then redirect; a refusal renders the
 * page again with the problem's status and an alert that carries the API's stable code.
 * Sign-in is the license servers' local accounts; the session (an HttpOnly, SameSite
 * cookie) keeps the credentials in memory, and every page checks them as the API does.
 */
import express, { NextFunction, Request, Response, Router } from 'express';
import { caseSensitiveRouter } from '../routing';
import { z } from 'zod';
import { productVersionName } from '../../domain/catalogue';
import { productVersionSaid } from '../../domain/clearinghouse';
import { NotAuthenticatedError, PermissionDeniedError } from '../../domain/errors';
import { inGroupsOfFive, normalizeId } from '../../domain/ids';
import { Caller } from '../../domain/model';
import { ProductServices } from '../../services';
import { Problem, problemFor, sendProblem } from '../problem';
import { keyPackJson } from '../representations';
import { telephoneCallBody } from '../schemas';
import { buttonPressed, callOf, formOf, movesOf, text } from '../pages/forms';
import { pageChanged, revisionOf } from '../wizard-revision';
import { clearinghouseBody, keyPackBody } from '../pages/clearinghouse-pages';
import { Html } from '../pages/html';
import { page } from '../pages/layout';
import { managerBody, propertiesBody, serverBody, signInBody } from '../pages/manager-pages';
import { wizardBody, wizardFrameBody } from '../pages/wizard-page';
import { WizardView } from '../../domain/wizard-view';
import { Session, Sessions, sessionOwner } from '../pages/sessions';

const SESSION_COOKIE = 'rdl-session';

type EnvironmentOf = (req: Request) => ProductServices;

/** The session id the request's cookie carries, if any. */
function sessionIdOf(req: Request): string | undefined {
  const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return cookie?.slice(SESSION_COOKIE.length + 1);
}

/** Sends a page; a refusal goes to a client that does not take HTML (a script, curl -H accept) as problem+json. */
function send(req: Request, res: Response, status: number, title: string, body: Html, userName?: string, refusal?: Problem): void {
  // The same URL answers HTML or problem+json depending on Accept: caches must keep them apart.
  res.vary('Accept');
  if (refusal && !req.accepts('html')) return sendProblem(res, refusal);
  if (refusal?.retryAfterSeconds !== undefined) res.set('Retry-After', String(refusal.retryAfterSeconds));
  res.status(status).type('html').send(page({ title, body, userName, refusal }));
}

/** The wizard as this caller may see it, or, for someone outside Administrators, the refusal to show it. */
function wizardShownTo(environment: ProductServices, caller: Caller): WizardView | PermissionDeniedError {
  try {
    return environment.manager.wizardView(caller);
  } catch (error) {
    if (error instanceof PermissionDeniedError) return error;
    throw error;
  }
}

/** What a move the wizard must refuse was refused with. */
function refusalOf(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('The wizard let someone act on it to whom it refuses to show its pages');
}

export function pageRoutes(environmentOf: EnvironmentOf, environmentIdOf: (req: Request) => string): Router {
  const router = caseSensitiveRouter();
  const sessions = new Sessions();
  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 50 }));

  /** The signed-in account, or a 401 sign-in page that returns here afterwards. */
  const sessionOf = (req: Request): Session => {
    const session = sessions.find(sessionIdOf(req));
    if (!session) throw new NotAuthenticatedError('Sign in with a local account of the license server to continue.');
    return session;
  };
  const callerOn = (req: Request<{ server: string }>): [ProductServices, Caller, Session] => {
    const session = sessionOf(req);
    const environment = environmentOf(req);
    return [environment, environment.manager.signIn(req.params.server, session), session];
  };
  const serverPath = (name: string) => `/servers/${encodeURIComponent(name)}`;

  router.get('/sign-in', (req, res) => send(req, res, 200, 'Sign in', signInBody()));

  router.post('/sign-in', (req, res) => {
    const form = formOf(req);
    const userName = text(form, 'userName');
    const password = typeof form.password === 'string' ? form.password : '';
    let servers: string[];
    try {
      servers = environmentOf(req)
        .manager.listServers({ userName, password })
        .map((server) => server.name);
    } catch (error) {
      const problem = problemFor(error);
      if (!problem) throw error;
      return send(req, res, problem.status, 'Sign in', signInBody(userName), undefined, problem);
    }
    const session = sessions.open({ userName, password }, sessionOwner(environmentIdOf(req), servers, userName));
    res.cookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', path: '/' });
    return res.redirect(303, '/');
  });

  router.post('/sign-out', (req, res) => {
    sessions.close(sessionIdOf(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/sign-in');
  });

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
    const keyPacks = environment.manager.installedKeyPacks(caller).map((pack) => keyPackJson(pack, environment.clock.now()));
    const events = environment.manager.eventLog(caller);
    send(req, res, 200, server.name, serverBody({ server, keyPacks, events, wizardOutcome: outcome }), session.userName);
  });

  router.get('/servers/:server/properties', (req, res) => {
    const [environment, caller, session] = callerOn(req);
    send(req, res, 200, `${req.params.server} Properties`, propertiesBody(environment.manager.properties(caller)), session.userName);
  });

  router.post('/servers/:server/properties', (req, res) => {
    const [environment, caller] = callerOn(req);
    const { connectionMethod } = z.strictObject({ connectionMethod: z.enum(['automatic', 'webBrowser', 'telephone']) }).parse(formOf(req));
    const server = environment.manager.setConnectionMethod(caller, connectionMethod);
    res.redirect(303, serverPath(server.name));
  });

  router.post('/servers/:server/wizard', (req, res) => {
    const [environment, caller] = callerOn(req);
    const view = environment.manager.openWizard(caller);
    res.redirect(303, `${serverPath(view.serverName)}/wizard`);
  });

  /** Someone outside Administrators is refused the wizard's pages and shown its frame, whose buttons the wizard refuses one by one. */
  const sendFrame = (req: Request, res: Response, caller: Caller, session: Session, refusal: unknown) => {
    const problem = problemFor(refusal);
    if (!problem) throw refusal;
    send(req, res, problem.status, 'Manage RDS CALs Wizard', wizardFrameBody(caller.serverName), session.userName, problem);
  };

  router.get('/servers/:server/wizard', (req, res) => {
    const [environment, caller, session] = callerOn(req);
    const view = wizardShownTo(environment, caller);
    if (view instanceof PermissionDeniedError) return sendFrame(req, res, caller, session, view);
    return send(req, res, 200, view.title, wizardBody(view), session.userName);
  });

  // The choices on the page, then the button pressed, each one move of the wizard, in order.
  router.post('/servers/:server/wizard/moves', (req, res) => {
    const [environment, caller, session] = callerOn(req);
    const form = formOf(req);
    const shown = wizardShownTo(environment, caller);
    if (shown instanceof PermissionDeniedError) {
      // The wizard, not the page, refuses the button pressed, and names it.
      const pressed = buttonPressed(form);
      return sendFrame(req, res, caller, session, pressed ? refusalOf(() => environment.manager.actOnWizard(caller, pressed)) : shown);
    }
    let view = shown;
    // A form drawn for another state of the wizard (a stale tab, a second click) does nothing.
    if (text(form, 'drawnFrom') !== revisionOf(view)) {
      return send(req, res, 409, view.title, wizardBody(view), session.userName, pageChanged(view, 409));
    }
    try {
      for (const move of movesOf(view, form)) view = environment.manager.actOnWizard(caller, move);
    } catch (error) {
      const problem = problemFor(error);
      if (!problem) throw error;
      const now = environment.manager.wizardView(caller);
      return send(req, res, problem.status, now.title, wizardBody(now), session.userName, problem);
    }
    if (view.page === 'closed') {
      sessions.noteWizardClosed(sessionIdOf(req), view.serverName, view.outcome ?? 'finished');
      return res.redirect(303, serverPath(view.serverName));
    }
    return res.redirect(303, `${serverPath(view.serverName)}/wizard`);
  });

  router.get('/clearinghouse', (req, res) => {
    send(
      req,
      res,
      200,
      'Microsoft Clearinghouse',
      clearinghouseBody(environmentOf(req).clearinghouse.telephoneNumbers()),
      sessions.find(sessionIdOf(req))?.userName,
    );
  });

  router.post('/clearinghouse/calls', (req, res) => {
    const environment = environmentOf(req);
    try {
      const call = telephoneCallBody.parse(callOf(formOf(req)));
      const granted = environment.clearinghouse.call({ ...call, productVersionId: productVersionSaid(call.productVersion) });
      return res.redirect(303, `/clearinghouse/key-packs/${granted.licenseKeyPackId}?issued=1`);
    } catch (error) {
      const problem = problemFor(error);
      if (!problem) throw error;
      return send(
        req,
        res,
        problem.status,
        'Microsoft Clearinghouse',
        clearinghouseBody(environment.clearinghouse.telephoneNumbers()),
        undefined,
        problem,
      );
    }
  });

  router.get('/clearinghouse/key-packs', (req, res) => {
    const typed = typeof req.query.id === 'string' ? req.query.id : '';
    res.redirect(303, `/clearinghouse/key-packs/${encodeURIComponent(normalizeId(typed) || '-')}`);
  });

  router.get('/clearinghouse/key-packs/:id', (req, res) => {
    const { issuance, purchase } = environmentOf(req).clearinghouse.lookUpKeyPackId(req.params.id);
    const answer = {
      licenseKeyPackId: inGroupsOfFive(issuance.licenseKeyPackId),
      licenseServerId: inGroupsOfFive(issuance.licenseServerId),
      purchaseNumber: purchase.purchaseNumber,
      productVersion: productVersionName(purchase.productVersionId),
      calType: purchase.calType,
      quantity: purchase.quantity,
      issuedAt: issuance.issuedAt,
    };
    send(req, res, 200, 'License key pack', keyPackBody(answer, req.query.issued === '1'), sessions.find(sessionIdOf(req))?.userName);
  });

  // A refusal on any page: the page says why, with the API's code; a missing sign-in shows the sign-in form.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const problem = problemFor(error);
    if (!problem || res.headersSent) return next(error);
    const session = sessions.find(sessionIdOf(req));
    if (problem.status === 401) return send(req, res, 401, 'Sign in', signInBody(), undefined, problem);
    return send(
      req,
      res,
      problem.status,
      problem.title,
      new Html(`<h1>${problem.title}</h1><p><a href="/">RD Licensing Manager</a></p>`),
      session?.userName,
      problem,
    );
  });

  return router;
}
