/**
 * Cucumber parameter types: the procedure's words turned into driver values. Each regexp is a
 * literal, the only form the Cucumber Language Server (the IDE) can read; that the person types
 * name exactly support/glue/personas.ts's people is checked by test/language-service.test.ts.
 */
import { defineParameterType } from '@cucumber/cucumber';
import { ConnectionMethod } from '../seams/person-and-harness';
import { CONNECTION_METHOD_PHRASES, valueOf } from '../words/page-labels';
import { Persona } from './world';

/**
 * Each regexp below that names the console's words (connection methods, the wizard's buttons)
 * writes them as a literal for the IDE; test/language-service.test.ts holds them to
 * support/words/page-labels.ts, where they are written once.
 */
defineParameterType({
  name: 'connectionMethod',
  regexp: /Automatic connection|Web Browser|Telephone/,
  transformer: (phrase: string): ConnectionMethod => valueOf(CONNECTION_METHOD_PHRASES, phrase),
});

defineParameterType({
  name: 'persona',
  regexp:
    /the passwordless administrator|the delegated administrator|the Remote Desktop user|the administrator|the standard user|someone without credentials|someone with a wrong password/,
  transformer: (text: string): Persona => text.replace(/^the /, '') as Persona,
});

/** A person other than the administrator, for sentences whose administrator form already exists. */
defineParameterType({
  name: 'anotherPerson',
  regexp: /the passwordless administrator|the delegated administrator|the Remote Desktop user|the standard user/,
  transformer: (text: string): Persona => text.replace(/^the /, '') as Persona,
});

/** Any caller but the administrator, signed in or not, for sentences whose administrator form already exists. */
defineParameterType({
  name: 'otherCaller',
  regexp:
    /the passwordless administrator|the delegated administrator|the Remote Desktop user|the standard user|someone without credentials|someone with a wrong password/,
  transformer: (text: string): Persona => text.replace(/^the /, '') as Persona,
});

/** The forms in which a license key pack ID can be typed into the boxes (all accepted). */
defineParameterType({
  name: 'keyPackIdForm',
  regexp: /in lower case|with spaces between the groups|without hyphens|as the representative read it/,
  transformer: (form: string): ((id: string) => string) => {
    if (form === 'in lower case') return (id) => id.toLowerCase();
    if (form === 'with spaces between the groups') return (id) => id.replace(/-/g, ' ');
    if (form === 'without hyphens') return (id) => id.replace(/-/g, '');
    return (id) => id;
  },
});

/** The wizard's own buttons (the option buttons are quoted labels: "the administrator clicks {string}"). */
defineParameterType({ name: 'wizardButton', regexp: /Next|Back|Cancel|Finish/ });

/** The nth write of the RD Licensing database from now, for faults injected by the harness. */
defineParameterType({
  name: 'ordinal',
  regexp: /1st|2nd|3rd|4th/,
  transformer: (ordinal: string): number => Number.parseInt(ordinal, 10),
});

/** The level Event Viewer shows an event at, with or without its article ("as a Warning", "as Information"). */
defineParameterType({
  name: 'eventLevel',
  regexp: /(?:an? )?(?:Information|Warning)/,
  transformer: (level: string): string => level.replace(/^an? /, ''),
});
