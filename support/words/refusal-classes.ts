/**
 * How a client tells refusals apart, for every code a scenario can name: "not possible now" for
 * a move that does not fit the page or the moment (it may work later), "invalid input" for a
 * value that is wrong whatever the page, and the classes HTTP names itself (not signed in, not
 * permitted, not found, unavailable). The fake chooses the 409/422 split (docs/modelling-choices.md,
 * "How the API refuses a wizard move"; Microsoft's wizard is a dialog, not an API); this table is
 * the harness's own statement of it, written from that rule and not read from the fake, so a code
 * answered in the wrong class fails `it is refused as "…"` (the HTTP driver reads the class from
 * the status, the browser driver from the status the page shows).
 */
import { Refusal } from '../seams/person-and-harness';

export type RefusalClass = 'not possible now' | 'invalid input' | 'not found' | 'unavailable' | 'not signed in' | 'not permitted';

/** A move that does not fit the page or the moment, and may work later. */
const NOT_POSSIBLE_NOW = [
  'rebuild-not-selected',
  'no-action-selected',
  'no-reason-selected',
  'server-not-activated',
  'connection-method-not-telephone',
  'deletion-not-confirmed',
  'no-key-pack-id',
  'no-choice',
  'not-available-on-this-page',
  'wizard-closed',
  'wizard-open',
  'wizard-already-open',
  'page-changed',
  'license-server-exists',
  'license-server-id-in-use',
  'default-environment',
] as const;

/** A value that is wrong whatever the page: typed wrong, not what the Clearinghouse issued, or refused by its rules. */
const INVALID_INPUT = [
  'action-not-modelled',
  'unknown-reason',
  'invalid-key-pack-id',
  'key-pack-id-typing-error',
  'key-pack-id-already-used',
  'key-pack-id-for-another-server',
  'purchase-already-reinstalled',
  'one-key-pack-at-a-time',
  'invalid-agreement-number',
  'invalid-authorization-number',
  'invalid-license-code',
  'invalid-license-number',
  'invalid-license-server-id',
  'invalid-quantity',
  'license-server-not-activated',
  'no-matching-purchase',
  'not-a-clearinghouse-number',
  'registered-to-another-server',
  'several-purchases-match',
  'wrong-country-line',
  'unknown-product-version',
  'unknown-country-region',
  'too-many-issued',
  'too-many-issued-cals',
  'cannot-install',
  'clock-out-of-range',
  'duplicate-account',
] as const;

const NOT_FOUND = [
  'unknown-license-server',
  'unknown-license-key-pack-id',
  'wizard-not-open',
  'unknown-environment',
  'unknown-snapshot',
  'unknown-fixture',
] as const;
const UNAVAILABLE = ['database-write-failed', 'clearinghouse-line-busy', 'too-many-environments'] as const;

const classes = (codes: readonly string[], kind: RefusalClass) => codes.map((code) => [code, kind] as const);

/** The class each code a scenario can name must be answered in. */
export const REFUSAL_CLASS: ReadonlyMap<string, RefusalClass> = new Map([
  ...classes(NOT_POSSIBLE_NOW, 'not possible now'),
  ...classes(INVALID_INPUT, 'invalid input'),
  ...classes(NOT_FOUND, 'not found'),
  ...classes(UNAVAILABLE, 'unavailable'),
  ['not-authenticated', 'not signed in'],
  ['not-an-administrator', 'not permitted'],
]);

/** The class a refusal was answered in, as far as the driver could tell (a 412 or a 400 tells none). */
export function classOf(refusal: Refusal): RefusalClass | undefined {
  // A failed If-Match is the API's concurrency contract, the same for every code: no class of one.
  if (refusal.answeredAs === 'precondition failed') return undefined;
  if (refusal.answeredAs !== undefined) return refusal.answeredAs;
  const byKind: Partial<Record<Refusal['kind'], RefusalClass>> = {
    'not-signed-in': 'not signed in',
    'not-permitted': 'not permitted',
    'not-found': 'not found',
    unavailable: 'unavailable',
  };
  return byKind[refusal.kind];
}
