/**
 * What a QA engineer's IDE sees. The official Cucumber extension for VS Code (and the language
 * server IntelliJ can run, docs/ide.md) indexes the glue with @cucumber/language-service, reading
 * only literals, on the globs of .vscode/settings.json. This test does what the server does on a
 * reindex, with those settings, and fails on any step it would underline as undefined, any
 * definition or parameter type it cannot read, and any definition it would offer as a raw regex.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ExpressionBuilder, ExpressionBuilderResult, getGherkinDiagnostics, ParameterTypeMeta } from '@cucumber/language-service';
import { WasmParserAdapter } from '@cucumber/language-service/wasm';
import { globSync } from 'glob';
import { PERSONA_PHRASES } from '../support/glue/personas';
import { NO_KEY_PACK_ID_ISSUED, SO_MANY_KEY_PACK_IDS_ISSUED } from '../support/glue/world';
import { CONNECTION_METHOD_PHRASES, WIZARD_BUTTONS } from '../support/words/page-labels';

const ROOT = join(__dirname, '..');
/** Where the service's own build keeps the tree-sitter grammars, as WebAssembly (no native build). */
const GRAMMARS = join(ROOT, 'node_modules', '@cucumber', 'language-service', 'dist');

interface Settings {
  'cucumber.features': string[];
  'cucumber.glue': string[];
  'cucumber.parameterTypes': ParameterTypeMeta[];
}

const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8')) as Settings;
const filesOf = (globs: string[]): string[] => globSync(globs, { cwd: ROOT, posix: true }).sort();

let index: ExpressionBuilderResult;

before(async () => {
  const parser = new WasmParserAdapter(GRAMMARS);
  await parser.init();
  const glue = filesOf(settings['cucumber.glue']).map((file) => ({
    languageName: 'tsx' as const, // what the server calls TypeScript
    uri: `file://${join(ROOT, file)}`,
    content: readFileSync(join(ROOT, file), 'utf8'),
  }));
  index = new ExpressionBuilder(parser).build(glue, settings['cucumber.parameterTypes']);
});

/** The alternatives of the regexp a parameter type was given, as the service read it. */
function alternativesOf(name: string): string[] {
  const parameterType = index.registry.lookupByTypeName(name);
  assert.ok(parameterType, `the IDE does not know the parameter type {${name}}`);
  return parameterType.regexpStrings.flatMap((source) => source.split('|')).sort();
}

describe('the IDE (Cucumber Language Server, with .vscode/settings.json)', () => {
  it('reads every step definition and parameter type without an error', () => {
    assert.deepEqual(
      index.errors.map((error) => error.message),
      [],
    );
    assert.ok(
      index.expressionLinks.length > 100,
      `only ${index.expressionLinks.length} step definitions were found: are the glue globs right?`,
    );
  });

  it('finds a definition for every step of every feature', () => {
    const features = filesOf(settings['cucumber.features']);
    assert.ok(features.length > 10, `only ${features.length} feature files were found: are the feature globs right?`);
    const expressions = index.expressionLinks.map((link) => link.expression);
    const undefinedSteps = features.flatMap((file) =>
      getGherkinDiagnostics(readFileSync(join(ROOT, file), 'utf8'), expressions).map(
        (diagnostic) => `${file}:${diagnostic.range.start.line + 1} ${diagnostic.message}`,
      ),
    );
    assert.deepEqual(undefinedSteps, []);
  });

  it('offers every definition as a sentence (a Cucumber expression), never as a raw regular expression', () => {
    const regexes = index.expressionLinks
      .filter((link) => link.expression.constructor.name !== 'CucumberExpression')
      .map((link) => `${link.locationLink.targetUri.replace(`file://${ROOT}/`, '')}:${link.locationLink.targetRange.start.line + 1}`);
    assert.deepEqual(regexes, []);
  });

  it('knows the person parameter types as naming exactly the people of support/glue/personas.ts', () => {
    const strangers = ['someone with a wrong password', 'someone without credentials'];
    const others = PERSONA_PHRASES.filter((phrase) => phrase !== 'the administrator');
    assert.deepEqual(alternativesOf('persona'), [...PERSONA_PHRASES, ...strangers].sort());
    assert.deepEqual(alternativesOf('anotherPerson'), [...others].sort());
    assert.deepEqual(alternativesOf('otherCaller'), [...others, ...strangers].sort());
  });

  it('knows the connection methods and the wizard buttons as the console words them (support/words/page-labels.ts)', () => {
    assert.deepEqual(alternativesOf('connectionMethod'), Object.values(CONNECTION_METHOD_PHRASES).sort());
    assert.deepEqual(alternativesOf('wizardButton'), Object.values(WIZARD_BUTTONS).sort());
  });

  it('knows the sentences the BeforeStep hook looks for (support/glue/world.ts) as definitions, written as there', () => {
    const sources = index.expressionLinks.map((link) => link.expression.source);
    for (const sentence of [NO_KEY_PACK_ID_ISSUED, SO_MANY_KEY_PACK_IDS_ISSUED]) {
      assert.ok(sources.includes(sentence), `no step definition is written "${sentence}"`);
    }
  });

  /**
   * The 13 definitions that were regular expressions, as they were, and the sentences that replace
   * them. Over every step text of the features and a few texts at their edges, the sentences match
   * what the regexes matched; they only also accept what every other sentence of the project
   * accepts for {int} and {string} (a minus sign, single quotes, an empty string).
   */
  it('matches with the sentences that replaced the regular expressions exactly what those matched', () => {
    const old = [
      /^the administrator tries to enter that license key pack ID(?: again)?$/,
      /^the RD Licensing database(?: of "([^"]+)")? (?:still )?holds (\d+) RDS CAL packs?(?: with (\d+) issued CALs)?$/,
      /^the event log records event (\d+) as (?:an? )?(Information|Warning)$/,
      /^the RD Licensing database of "([^"]+)" will fail on its (1st|2nd|3rd|4th) write from now$/,
      /^(\d+) (days|minutes) pass$/,
      /^the pack of "([^"]+)" (has|has not) expired$/,
      /^the administrator clicks (Next|Back|Cancel|Finish)$/,
      /^(the administrator|the standard user) tries to click (Next|Back|Cancel|Finish)$/,
      /^the standard user tries to (select|clear) the deletion confirmation check box$/,
      /^the administrator (selects|clears) the deletion confirmation check box$/,
      /^the administrator (?:has reached|goes through the wizard to) the Obtain Client License Key Pack page$/,
      /^the deletion confirmation check box is (selected|cleared)$/,
      /^the Manage RDS CALs Wizard was (cancelled|finished)$/,
    ];
    const replacements = index.expressionLinks.filter((link) => {
      const file = link.locationLink.targetUri;
      const source = link.expression.source;
      return (
        (/(\( again\)|\(still \)holds|\{eventLevel\}|\{ordinal\}|\{wizardButton\}|^\{int\} (days|minutes) pass$|^the pack of \{string\} has( not)? expired$)/.test(
          source,
        ) ||
          /deletion confirmation check box$|^the deletion confirmation check box is|Obtain Client License Key Pack page$|^the Manage RDS CALs Wizard was (cancelled|finished)$/.test(
            source,
          )) &&
        file.includes('/steps/') &&
        // Added after the rewrite with a parameter type of it; not one of the replacements.
        !source.endsWith(' in the second tab')
      );
    });
    assert.equal(replacements.length, 24, replacements.map((link) => link.expression.source).join('\n'));
    const stepTexts = filesOf(settings['cucumber.features']).flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*(?:Given|When|Then|And|But|\*) (.+?)\s*$/gm)].map((match) => match[1] ?? ''),
    );
    const edges = [
      'the administrator tries to enter that license key pack ID again again',
      'the RD Licensing database holds 1 RDS CAL packs',
      'the RD Licensing database still still holds 1 RDS CAL pack',
      'the RD Licensing database of "LS-X" still holds 3 RDS CAL pack with 2 issued CALs',
      'the RD Licensing database holds 1 RDS CAL pack with issued CALs',
      'the event log records event 5 as an Information',
      'the event log records event 5 as an Warning',
      'the event log records event 5 as the Warning',
      'the event log records event 5 as Error',
      'the RD Licensing database of "LS-X" will fail on its 4th write from now',
      'the RD Licensing database of "LS-X" will fail on its 5th write from now',
      '1 minutes pass',
      '1 day pass',
      '3 hours pass',
      'the pack of "X" has expired',
      'the pack of "X" had expired',
      'the administrator clicks Help',
      'the standard user tries to click Cancel',
      'the delegated administrator tries to click Next',
      'the standard user tries to selects the deletion confirmation check box',
      'the administrator select the deletion confirmation check box',
      'the administrator goes through the wizard to the Obtain Client License Key Pack page',
      'the administrator has gone to the Obtain Client License Key Pack page',
      'the deletion confirmation check box is ticked',
      'the Manage RDS CALs Wizard was closed',
    ];
    const widened = [
      '-1 days pass',
      "the pack of 'X' has expired",
      'the pack of "" has not expired',
      'the event log records event -5 as Warning',
    ];
    const differing = [...new Set([...stepTexts, ...edges, ...widened])].filter(
      (text) => old.some((regexp) => regexp.test(text)) !== replacements.some((link) => link.expression.match(text) !== null),
    );
    assert.deepEqual(differing.sort(), [...widened].sort());
  });
});
