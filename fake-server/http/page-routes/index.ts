/**
 * The procedure's screens as server-rendered pages over the same domain and transactions
 * as the JSON API, so both see one state. Forms post, then redirect; a refusal renders the
 * page again with the problem's status and an alert that carries the API's stable code.
 * Sign-in is the license servers' local accounts; the session (an HttpOnly, SameSite
 * cookie) keeps the credentials in memory, and every page checks them as the API does.
 * One file per family of pages; this one mounts them and answers a refusal on any of them.
 */
import express, { NextFunction, Request, Response, Router } from 'express';
import { ProductServices } from '../../services';
import { RequestProblem, problem as problemOf, problemFor } from '../problem';
import { Html } from '../pages/html';
import { signInBody } from '../pages/manager-pages';
import { caseSensitiveRouter } from '../routing';
import { clearinghousePages } from './clearinghouse';
import { pageContext, send, sessionIdOf } from './context';
import { managerPages } from './manager';
import { signInPages } from './sign-in';
import { wizardPages } from './wizard';

/** A browser's form is small: a page's form has at most a dozen fields and a few hundred bytes. */
const FORM_FIELDS = 50;

export function pageRoutes(environmentOf: (req: Request) => ProductServices, environmentIdOf: (req: Request) => string): Router {
  const router = caseSensitiveRouter();
  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: FORM_FIELDS }));
  const context = pageContext(environmentOf, environmentIdOf);
  signInPages(router, context);
  managerPages(router, context);
  wizardPages(router, context);
  clearinghousePages(router, context);

  // A refusal on any page: the page says why, with the API's code; a missing sign-in shows the sign-in form.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const problem = problemFor(tooManyFields(error) ?? error);
    if (!problem || res.headersSent) return next(error);
    const session = context.sessions.find(sessionIdOf(req));
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

/** The form parser's refusal of a form with too many fields, said in the words of the pages (its own says "too many parameters"). */
function tooManyFields(error: unknown): RequestProblem | undefined {
  if ((error as { type?: unknown } | null)?.type !== 'parameters.too.many') return undefined;
  return new RequestProblem(
    problemOf(413, 'Body too large', 'body-too-large', `The form has more fields than the pages accept (${FORM_FIELDS}).`),
  );
}
