/**
 * The one place that decides who performs a person's verbs in the browser profile
 * (support/glue/who-acts.ts): Givens over the API, When and Then on the pages, with three
 * exceptions written down here again on purpose, so that a verb routed the wrong way fails.
 * Every verb of PersonVerbs is tried under every kind of step, on two fake drivers that record
 * what reaches them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { whoActs } from '../support/glue/who-acts';
import { PERSON_VERBS, PersonVerbs } from '../support/seams/person-and-harness';

type Verb = (typeof PERSON_VERBS)[number];
type Call = { driver: string; verb: Verb; args: unknown[] };

/** A driver that does nothing but record each call and answer with a token naming itself and the verb. */
function recordingDriver(driver: string, calls: Call[]): PersonVerbs {
  return Object.fromEntries(
    PERSON_VERBS.map((verb) => [
      verb,
      (...args: unknown[]) => {
        calls.push({ driver, verb, args });
        return `${driver} did ${verb}`;
      },
    ]),
  ) as unknown as PersonVerbs;
}

const PAGES_ONLY: readonly Verb[] = [
  'signIn',
  'signInFormHolds',
  'copySessionCookie',
  'openManagerWithCopiedCookie',
  'signOut',
  'notesOnServerPage',
  'focusOnScreen',
];

/** Cucumber's kinds of step (Given, When, Then), and no step at all (a hook). */
const STEP_TYPES = ['Context', 'Action', 'Outcome', undefined] as const;

/** Who must do a verb in a step of this kind: the scenario's words for the rule, not the module's table. */
function expectedDrivers(verb: Verb, stepType: string | undefined): string[] {
  if (verb === 'actAs') return ['api', 'pages'];
  if (verb === 'openWizardInSecondTab' || verb === 'moveWizardInSecondTab' || verb === 'useKeyboardOnly') return ['pages'];
  // The verbs only a page has (the console's sign-in, its cookie, notes and focus), in a Given as in a When.
  if (PAGES_ONLY.includes(verb)) return ['pages'];
  return stepType === 'Context' ? ['api'] : ['pages'];
}

describe("who performs a person's verbs (support/glue/who-acts.ts)", () => {
  for (const stepType of STEP_TYPES) {
    it(`hands every verb to the driver that does it in a step of type ${stepType ?? '(none)'}`, () => {
      const calls: Call[] = [];
      const person = whoActs({
        overApi: recordingDriver('api', calls),
        onPages: recordingDriver('pages', calls),
        settingUp: () => stepType === 'Context',
      });
      for (const verb of PERSON_VERBS) {
        calls.length = 0;
        const args = [`${verb} argument`, { second: verb }];
        const answer = (person[verb] as (...args: unknown[]) => unknown)(...args);
        const drivers = expectedDrivers(verb, stepType);
        assert.deepEqual(
          calls,
          drivers.map((driver) => ({ driver, verb, args })),
          `${verb} in a ${stepType ?? 'hook'} step`,
        );
        assert.equal(answer, `${drivers.at(-1)} did ${verb}`, `${verb} answers with what its driver answered`);
      }
    });
  }

  it('reads the kind of step at each call, not once when it is built', () => {
    const calls: Call[] = [];
    let stepType = 'Context';
    const person = whoActs({
      overApi: recordingDriver('api', calls),
      onPages: recordingDriver('pages', calls),
      settingUp: () => stepType === 'Context',
    });
    void person.listLicenseServers();
    stepType = 'Action';
    void person.listLicenseServers();
    assert.deepEqual(
      calls.map((call) => call.driver),
      ['api', 'pages'],
    );
  });
});
