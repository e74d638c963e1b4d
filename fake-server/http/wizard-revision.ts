/**
 * Which drawing of the Manage RDS CALs Wizard a form or a client acted on: a digest of
 * everything the page shows (page, choices, buttons offered, packs reinstalled, what the
 * boxes hold). A wizard form carries it in a hidden field, and the API gives it as the
 * ETag of the wizard page; a move made from an older drawing is refused as "page changed"
 * before anything is done. Without it, Next on a stale tab still showing Welcome was taken
 * as Next on Confirm Deletion of RDS CALs, and deleted every CAL.
 *
 * The real wizard is one window on one console, so the question never arises there; the
 * fake serves pages that can be open twice, so it decides (docs/modelling-choices.md).
 */
import { createHash } from 'node:crypto';
import { WizardView } from '../domain/wizard-view';
import { Problem, problem } from './problem';

export function revisionOf(view: WizardView): string {
  return createHash('sha256').update(JSON.stringify(view)).digest('base64url').slice(0, 16);
}

/** The refusal for a move made from a drawing of the wizard that is no longer on it. */
export function pageChanged(view: WizardView, status: 409 | 412): Problem {
  return problem(
    status,
    'Page changed',
    'page-changed',
    `The wizard has changed since this page was shown: it is now on "${view.title}". Nothing was done; look at the page again, then choose.`,
  );
}
