/**
 * The browser driver does every verb of a person on the pages: each is its own method (or,
 * for opening the wizard and moving it, its own hook under the evidence recorder). A verb only
 * inherited from the HTTP driver would run over HTTP in the browser profile and still count as
 * verified through the pages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrowserDriver } from '../support/browser-driver';
import { PERSON_VERBS } from '../support/driver';

/** Where the evidence recorder wraps a verb, the browser driver supplies the hook it calls. */
const HOOK_OF: Partial<Record<(typeof PERSON_VERBS)[number], string>> = {
  openManageCalsWizard: 'performOpenWizard',
  moveWizard: 'performMove',
};

/**
 * Verbs the HTTP driver's method serves both: actAs only records the account, and the browser
 * driver draws each page in that account's own signed-in context from it.
 */
const SHARED: readonly (typeof PERSON_VERBS)[number][] = ['actAs'];

describe('the drivers', () => {
  it('the browser driver does every verb of a person itself', () => {
    const own = new Set(Object.getOwnPropertyNames(BrowserDriver.prototype));
    const inherited = PERSON_VERBS.filter((verb) => !SHARED.includes(verb) && !own.has(HOOK_OF[verb] ?? verb));
    assert.deepEqual(inherited, [], 'verbs the browser driver only inherits from the HTTP driver');
  });
});
