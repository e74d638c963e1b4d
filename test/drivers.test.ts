/**
 * The drivers are composed, not stacked: the browser driver implements a person's verbs
 * (PersonVerbs) itself and inherits from no driver, so a verb it does not do on the pages is a
 * type error, not a call that quietly runs over HTTP and still counts as verified through the
 * pages. The compiler checks the interface; this checks that nobody puts a parent back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrowserDriver } from '../support/browser/browser-driver';
import { EvidenceRecorder } from '../support/evidence/evidence';
import { HttpDriver } from '../support/api/http-driver';
import { PERSON_VERBS } from '../support/seams/person-and-harness';

describe('the drivers', () => {
  for (const driver of [BrowserDriver, HttpDriver, EvidenceRecorder]) {
    it(`${driver.name} inherits from no driver and does every verb of a person as its own method`, () => {
      assert.equal(Object.getPrototypeOf(driver.prototype), Object.prototype);
      const own = new Set(Object.getOwnPropertyNames(driver.prototype));
      assert.deepEqual(
        PERSON_VERBS.filter((verb) => !own.has(verb)),
        [],
      );
    });
  }
});
