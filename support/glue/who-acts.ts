/**
 * Who performs a person's verbs when two drivers can: the one place that decides. A scenario's
 * Given steps (cucumber's step type Context) arrange the world over the API: its set-up is not
 * what it proves, and reaching the Obtain Client License Key Pack page by clicking costs eight
 * page moves. Its When and Then steps act and read on the pages, where the path is proven by
 * every scenario whose When performs it. What the API moved is on no screen: the pages driver
 * loads its page afresh (it counts the API's changes, support/browser/screens.ts).
 *
 * Built from PERSON_VERBS, so a verb added to PersonVerbs is routed too, by step type, unless it
 * is one of the exceptions below.
 */
import { PERSON_VERBS, PersonVerbs } from '../seams/person-and-harness';

type Verb = (typeof PERSON_VERBS)[number];

/** Where a verb goes: by the kind of step that asks (the rule), always on the pages, or to both drivers. */
type Route = 'by step type' | 'pages' | 'both';

/** The verbs that do not follow the rule, each with why. */
const EXCEPTIONS: Partial<Record<Verb, Route>> = {
  // A second tab is what such a scenario is about, in a Given as in a When: the tab is a page.
  openWizardInSecondTab: 'pages',
  moveWizardInSecondTab: 'pages',
  // Only a browser has a keyboard (the API driver refuses it); it sets how the pages are worked later.
  useKeyboardOnly: 'pages',
  // The console's own sign-in and Sign out, its session cookie, a server page's notes and the focus
  // exist on the pages only (the API driver refuses each): a Given that signs in signs in on a page.
  signIn: 'pages',
  signInFormHolds: 'pages',
  copySessionCookie: 'pages',
  openManagerWithCopiedCookie: 'pages',
  signOut: 'pages',
  notesOnServerPage: 'pages',
  focusOnScreen: 'pages',
  // Each driver acts as the scenario's person, whichever of them a later step goes to. (A verb sent
  // to both answers with the pages' answer: only synchronous verbs with nothing to answer may be.)
  actAs: 'both',
};

function routeOf(verb: Verb): Route {
  return EXCEPTIONS[verb] ?? 'by step type';
}

export interface Performers {
  /** The person's verbs over the API, for the set-up. */
  overApi: PersonVerbs;
  /** The person's verbs on the pages. */
  onPages: PersonVerbs;
  /** Whether the step running now is a Given (cucumber's 'Context'), read at each call. */
  settingUp: () => boolean;
}

/** One PersonVerbs whose every verb is handed to the driver that performs it now. */
export function whoActs({ overApi, onPages, settingUp }: Performers): PersonVerbs {
  const handOn = (driver: PersonVerbs, verb: Verb, args: unknown[]): unknown =>
    (driver[verb] as (...args: unknown[]) => unknown).apply(driver, args);
  const verbs = PERSON_VERBS.map((verb) => {
    const route = routeOf(verb);
    const perform = (...args: unknown[]): unknown => {
      if (route === 'both') {
        handOn(overApi, verb, args);
        return handOn(onPages, verb, args);
      }
      return handOn(route === 'by step type' && settingUp() ? overApi : onPages, verb, args);
    };
    return [verb, perform] as const;
  });
  return Object.fromEntries(verbs) as unknown as PersonVerbs;
}
