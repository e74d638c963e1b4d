/** Cucumber parameter types: the procedure's words turned into driver values. */
import { defineParameterType } from '@cucumber/cucumber';
import { ConnectionMethod } from './driver';
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
  regexp: /the administrator|the standard user|someone without credentials|someone with a wrong password/,
  transformer: (text: string): Persona => text.replace(/^the /, '') as Persona,
});
