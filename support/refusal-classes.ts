/**
 * How a client tells the wizard's refusals apart: "not possible now" for a move that does not
 * fit the page or the moment (it may work later), "invalid input" for a value that is wrong
 * whatever the page. The fake chooses this split (Microsoft's wizard is a dialog, not an API;
 * the HTTP driver reads it from 409 and 422), so the harness holds it to it for every wizard
 * refusal a scenario names.
 */
import { Refusal } from './driver';

export const WIZARD_REFUSAL_CLASS: Readonly<Record<string, NonNullable<Refusal['answeredAs']>>> = {
  'action-not-modelled': 'invalid input',
  'unknown-reason': 'invalid input',
  'rebuild-not-selected': 'not possible now',
  'no-action-selected': 'not possible now',
  'no-reason-selected': 'not possible now',
  'server-not-activated': 'not possible now',
  'connection-method-not-telephone': 'not possible now',
  'deletion-not-confirmed': 'not possible now',
  'no-key-pack-id': 'not possible now',
  'no-choice': 'not possible now',
  'not-available-on-this-page': 'not possible now',
};
