/** Signing in to the console's pages with a license server's local account, and signing out. */
import { Router } from 'express';
import { problemFor } from '../problem';
import { text, formOf } from '../pages/forms';
import { signInBody } from '../pages/manager-pages';
import { sessionOwner } from '../pages/sessions';
import { PageContext, SESSION_COOKIE, send, sessionIdOf } from './context';

export function signInPages(router: Router, { environmentOf, environmentIdOf, sessions }: PageContext): void {
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
}
