/** Cucumber parameter types: the procedure's words turned into driver values. */
import { defineParameterType } from '@cucumber/cucumber';
import { ConnectionMethod } from './driver';
import { PERSONA_PHRASES } from './personas';
import { Persona } from './world';

const CONNECTION_METHODS: Record<string, ConnectionMethod> = {
  'Automatic connection': 'automatic',
  'Web Browser': 'webBrowser',
  Telephone: 'telephone',
};

defineParameterType({
  name: 'connectionMethod',
  regexp: /Automatic connection|Web Browser|Telephone/,
  transformer: (label: string): ConnectionMethod => CONNECTION_METHODS[label] as ConnectionMethod,
});

defineParameterType({
  name: 'persona',
  regexp: new RegExp([...PERSONA_PHRASES, 'someone without credentials', 'someone with a wrong password'].join('|')),
  transformer: (text: string): Persona => text.replace(/^the /, '') as Persona,
});

/** A person other than the administrator, for sentences whose administrator form already exists. */
defineParameterType({
  name: 'anotherPerson',
  regexp: new RegExp(PERSONA_PHRASES.filter((phrase) => phrase !== 'the administrator').join('|')),
  transformer: (text: string): Persona => text.replace(/^the /, '') as Persona,
});

/** Any caller but the administrator, signed in or not, for sentences whose administrator form already exists. */
defineParameterType({
  name: 'otherCaller',
  regexp: new RegExp(
    [
      ...PERSONA_PHRASES.filter((phrase) => phrase !== 'the administrator'),
      'someone without credentials',
      'someone with a wrong password',
    ].join('|'),
  ),
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
