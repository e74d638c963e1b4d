/**
 * How the fake compares and quotes names (fake-server/domain/names.ts). Windows maps each
 * character to its upper-case form through one table and nothing else: no character becomes
 * two, nothing is normalised. Scenarios use plain ASCII names, which any consistent fold passes;
 * these pin the fold itself, and the length at which a refusal stops echoing a name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SHOWN_NAME_LENGTH, foldName, sameName, shownName } from '../fake-server/domain/names';

describe('foldName', () => {
  it('maps each character to its one upper-case form, a dotless i included', () => {
    assert.equal(foldName('admın'), 'ADMIN');
    assert.equal(foldName('Ls-Contoso'), 'LS-CONTOSO');
    assert.equal(foldName(''), '');
  });

  it('keeps a character whose upper case is two characters, and a Kelvin sign apart from K', () => {
    assert.equal(foldName('straße'), 'STRAßE');
    assert.ok(!sameName('strasse', 'straße'));
    assert.equal(foldName('\u212Aelvin'), '\u212AELVIN');
    assert.ok(!sameName('\u212Aelvin', 'Kelvin'));
  });
});

describe('shownName', () => {
  it('quotes a name whole up to 64 characters, counting a character outside the BMP as one', () => {
    assert.equal(SHOWN_NAME_LENGTH, 64);
    const longest = '𝔸'.repeat(64);
    assert.equal(shownName(longest), longest);
  });

  it('cuts a longer name to its first 64 characters and an ellipsis', () => {
    assert.equal(shownName(`${'a'.repeat(64)}bc`), `${'a'.repeat(64)}…`);
    assert.equal(shownName('𝔸'.repeat(65)), `${'𝔸'.repeat(64)}…`);
  });
});
