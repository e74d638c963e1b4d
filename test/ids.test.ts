import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ID_ALPHABET,
  checkCharacter,
  deterministicId,
  hasValidCheckCharacter,
  inGroupsOfFive,
  normalizeId,
  toBase36,
  withCheckCharacter,
} from '../fake-server/domain/ids';

const PAYLOAD = '7QK2M9RD4XH8TB3LC6WPN5FJ0A1B2C3D4E';

describe('base-36 fields', () => {
  it('pads a value to its width, and refuses one that does not fit rather than write a longer field', () => {
    assert.equal(toBase36(35, 2), '0Z');
    assert.equal(toBase36(36 ** 2 - 1, 2), 'ZZ');
    assert.throws(() => toBase36(36 ** 2, 2), { name: 'RangeError', message: '1296 does not fit in 2 base-36 characters' });
  });
});

describe('Luhn mod 36 check character', () => {
  it('takes no ID shorter than two characters, nor one with characters outside the 36', () => {
    // '0' alone and '0-' would pass the sum (a weight of 0); the guard refuses them first.
    assert.equal(hasValidCheckCharacter(''), false);
    assert.equal(hasValidCheckCharacter('0'), false);
    assert.equal(hasValidCheckCharacter(withCheckCharacter('A')), true, 'two characters are enough');
    assert.equal(hasValidCheckCharacter(withCheckCharacter(PAYLOAD).toLowerCase()), false);
  });

  it('accepts an ID whose last character is the check character', () => {
    assert.equal(hasValidCheckCharacter(withCheckCharacter(PAYLOAD)), true);
  });

  it('catches every single-character substitution', () => {
    const id = withCheckCharacter(PAYLOAD);
    for (let position = 0; position < id.length; position += 1) {
      for (const replacement of ID_ALPHABET) {
        if (replacement === id[position]) continue;
        const typo = id.slice(0, position) + replacement + id.slice(position + 1);
        assert.equal(hasValidCheckCharacter(typo), false, `missed ${typo}`);
      }
    }
  });

  it('catches swapped neighbours except the pairs Luhn mod N cannot tell apart', () => {
    const id = withCheckCharacter(PAYLOAD);
    let caught = 0;
    let swaps = 0;
    for (let position = 0; position < id.length - 1; position += 1) {
      if (id[position] === id[position + 1]) continue;
      swaps += 1;
      const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
      if (!hasValidCheckCharacter(swapped)) caught += 1;
    }
    assert.ok(caught / swaps > 0.9, `caught ${caught} of ${swaps}`);
  });

  it('rejects characters outside the alphabet and too-short input', () => {
    assert.equal(hasValidCheckCharacter('ABC-DEF'), false);
    assert.equal(hasValidCheckCharacter('A'), false);
  });

  it('computes one character from the alphabet', () => {
    assert.ok(ID_ALPHABET.includes(checkCharacter(PAYLOAD)));
  });
});

describe('ID presentation', () => {
  it('shows 35 characters as 7 groups of 5', () => {
    assert.match(inGroupsOfFive(withCheckCharacter(PAYLOAD)), /^(?:[0-9A-Z]{5}-){6}[0-9A-Z]{5}$/);
  });

  it('normalises what a person types: spaces, hyphens and case', () => {
    assert.equal(normalizeId(' ab-cd ef '), 'ABCDEF');
  });

  it('derives the same valid ID from the same seed on every run', () => {
    const first = deterministicId('license-server:LS-CONTOSO', 35);
    assert.equal(first, deterministicId('license-server:LS-CONTOSO', 35));
    assert.notEqual(first, deterministicId('license-server:LS-FABRIKAM', 35));
    assert.equal(first.length, 35);
    assert.equal(hasValidCheckCharacter(first), true);
  });
});
