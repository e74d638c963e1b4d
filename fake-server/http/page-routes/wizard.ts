/**
 * The Manage RDS CALs Wizard's pages (steps 3 to 11): opening it, the page it is on, and a
 * page's form, whose choices and button are each one move of the wizard, in order.
 */
import { Request, Response, Router } from 'express';
import { PermissionDeniedError } from '../../domain/errors';
import { Caller } from '../../domain/model';
import { WizardView } from '../../domain/wizard-view';
import { ProductServices } from '../../services';
import { problemFor } from '../problem';
import { buttonPressed, formOf, movesOf, text } from '../pages/forms';
import { Session } from '../pages/sessions';
import { wizardBody, wizardFrameBody } from '../pages/wizard-page';
import { pageChanged, revisionOf } from '../wizard-revision';
import { PageContext, send, serverPath, sessionIdOf } from './context';

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

/** Someone outside Administrators is refused the wizard's pages and shown its frame, whose buttons the wizard refuses one by one. */
function sendFrame(req: Request, res: Response, caller: Caller, session: Session, refusal: unknown): void {
  const problem = problemFor(refusal);
  if (!problem) throw refusal;
  send(req, res, problem.status, 'Manage RDS CALs Wizard', wizardFrameBody(caller.serverName), session.userName, problem);
}

export function wizardPages(router: Router, { sessions, callerOn }: PageContext): void {
  router.post('/servers/:server/wizard', (req, res) => {
    const [environment, caller] = callerOn(req);
    const view = environment.manager.openWizard(caller);
    res.redirect(303, `${serverPath(view.serverName)}/wizard`);
  });

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
}
