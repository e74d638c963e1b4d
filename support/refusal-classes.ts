/**
 * How a client of the API tells the wizard's refusals apart: 409 "not possible now" for a move
 * that does not fit the page or the moment (it may work later), 422 "invalid input" for a value
 * that is wrong whatever the page. The fake chooses this split (Microsoft's wizard is a dialog,
 * not an API), so the harness holds it to it for every wizard refusal a scenario names.
 */
export const WIZARD_REFUSAL_STATUS: Readonly<Record<string, 409 | 422>> = {
  'action-not-modelled': 422,
  'unknown-reason': 422,
  'rebuild-not-selected': 409,
  'no-action-selected': 409,
  'no-reason-selected': 409,
  'server-not-activated': 409,
  'connection-method-not-telephone': 409,
  'deletion-not-confirmed': 409,
  'no-key-pack-id': 409,
  'no-choice': 409,
  'not-available-on-this-page': 409,
};
