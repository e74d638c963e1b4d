/**
 * The refusal codes are one list (fake-server/domain/refusal-codes.json): every code in it is
 * one the fake's source gives, every code the source gives is in it (the errors and problem()
 * take the RefusalCode type, so a code outside it does not compile; this test reads the source
 * for the ones written elsewhere), every code a feature names is in it, and the contract and
 * the step catalogue list exactly these. The harness states the class of each code a scenario
 * can name (support/words/refusal-classes.ts): every code of the list is either classed there or
 * answered only by HTTP itself (malformed requests, guards), which no scenario's step names.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REFUSAL_CODES } from '../fake-server/domain/refusal-code-list';
import { openApiDocument } from '../fake-server/http/contract/openapi';
import { REFUSAL_CLASS } from '../support/words/refusal-classes';

const ROOT = join(__dirname, '..');
const listed = Object.keys(REFUSAL_CODES).sort();

function filesUnder(folder: string, ending: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(ROOT, folder, name));
}

describe('refusal codes', () => {
  it('are each given somewhere in the fake, as a quoted code', () => {
    const source = filesUnder('fake-server', '.ts')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = listed.filter((code) => !source.includes(`'${code}'`));
    assert.deepEqual(unused, [], 'codes in the list that no source file gives');
  });

  it('include every code a feature expects ("it is refused as …", words for hyphens)', () => {
    const named = filesUnder('features', '.feature').flatMap(
      (file) =>
        [...readFileSync(file, 'utf8').matchAll(/refused as "([^"]+)"/g)]
          .map((match) => (match[1] ?? '').replace(/ /g, '-'))
          .filter((code) => !code.startsWith('<')), // an outline's placeholder: its examples run, and the step compares codes
    );
    assert.ok(named.length > 20, `only ${named.length} refusals named in the features`);
    assert.deepEqual([...new Set(named.filter((code) => !listed.includes(code)))], [], 'codes the features name that the list lacks');
  });

  it("are the enumeration of the contract's Problem code, and all in the step catalogue", () => {
    const document = openApiDocument({ testControl: true }) as {
      components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } };
    };
    assert.deepEqual([...document.components.schemas.Problem.properties.code.enum].sort(), listed);
    const catalogue = readFileSync(join(ROOT, 'docs/steps.md'), 'utf8');
    assert.deepEqual(
      listed.filter((code) => !catalogue.includes(`| \`${code.replace(/-/g, ' ')}\` |`)),
      [],
      'codes missing from docs/steps.md',
    );
  });

  it('each have the class the harness expects, unless HTTP itself names their class (400, 405, 413, 429, …)', () => {
    const byHttpItself = [
      'body-too-large',
      'database-file-write-failed',
      'foreign-host',
      'foreign-origin',
      'headers-too-large',
      'internal-error',
      'invalid-request',
      'malformed-json',
      'malformed-path',
      'malformed-request',
      'method-not-allowed',
      'no-such-route',
      'request-timeout',
      'test-control-token-required',
      'too-many-failed-sign-ins',
      'unreadable-request',
      'unsupported-encoding',
      'unsupported-media-type',
    ];
    assert.deepEqual(
      listed.filter((code) => !REFUSAL_CLASS.has(code) && !byHttpItself.includes(code)),
      [],
      'codes with no class in support/words/refusal-classes.ts',
    );
    assert.deepEqual(
      [...REFUSAL_CLASS.keys()].filter((code) => !listed.includes(code)),
      [],
      'classes for codes the fake does not have',
    );
  });
});
