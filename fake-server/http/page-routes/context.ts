/**
 * What every family of pages shares: the session cookie, the signed-in caller, and how a page
 * (or, to a client that does not take HTML, its refusal as problem+json) is sent.
 */
import { Request, Response } from 'express';
import { NotAuthenticatedError } from '../../domain/errors';
import { Caller } from '../../domain/model';
import { ProductServices } from '../../services';
import { Problem, sendProblem } from '../problem';
import { Html } from '../pages/html';
import { page } from '../pages/layout';
import { Session, Sessions } from '../pages/sessions';

export const SESSION_COOKIE = 'rdl-session';

/** The session id the request's cookie carries, if any. */
export function sessionIdOf(req: Request): string | undefined {
  const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return cookie?.slice(SESSION_COOKIE.length + 1);
}

/** Sends a page; a refusal goes to a client that does not take HTML (a script, curl -H accept) as problem+json. */
export function send(req: Request, res: Response, status: number, title: string, body: Html, userName?: string, refusal?: Problem): void {
  // The same URL answers HTML or problem+json depending on Accept: caches must keep them apart.
  res.vary('Accept');
  if (refusal && !req.accepts('html')) return sendProblem(res, refusal);
  if (refusal?.retryAfterSeconds !== undefined) res.set('Retry-After', String(refusal.retryAfterSeconds));
  res.status(status).type('html').send(page({ title, body, userName, refusal }));
}

/** The address of a server's page. */
export const serverPath = (name: string): string => `/servers/${encodeURIComponent(name)}`;

export interface PageContext {
  environmentOf: (req: Request) => ProductServices;
  environmentIdOf: (req: Request) => string;
  sessions: Sessions;
  /** The signed-in account, or a refusal that shows the sign-in page. */
  sessionOf(req: Request): Session;
  /** The environment, the signed-in account as a caller on the server the path names, and its session. */
  callerOn(req: Request<{ server: string }>): [ProductServices, Caller, Session];
}

export function pageContext(environmentOf: (req: Request) => ProductServices, environmentIdOf: (req: Request) => string): PageContext {
  const sessions = new Sessions();
  const sessionOf = (req: Request): Session => {
    const session = sessions.find(sessionIdOf(req));
    if (!session) throw new NotAuthenticatedError('Sign in with a local account of the license server to continue.');
    return session;
  };
  return {
    environmentOf,
    environmentIdOf,
    sessions,
    sessionOf,
    callerOn: (req) => {
      const session = sessionOf(req);
      const environment = environmentOf(req);
      return [environment, environment.manager.signIn(req.params.server, session), session];
    },
  };
}
