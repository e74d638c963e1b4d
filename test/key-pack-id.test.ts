import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deterministicId, inGroupsOfFive } from '../fake-server/domain/ids';
import { KeyPackContents, KeyPackIdCodec } from '../fake-server/domain/key-pack-id';

const codec = new KeyPackIdCodec('unit-test-secret');
const SERVER = deterministicId('server-a', 35);
const OTHER_SERVER = deterministicId('server-b', 35);
const CONTENTS: KeyPackContents = {
  program: 'enterpriseAgreement',
  productVersionId: 7,
  calType: 'perUser',
  quantity: 250,
  purchaseNumber: 42,
  issueSerial: 3,
};

describe('license key pack ID', () => {
  it('is 35 letters and digits and reads back what was issued', () => {
    const id = codec.issue(SERVER, CONTENTS);
    assert.match(id, /^[0-9A-Z]{35}$/);
    assert.deepEqual(codec.read(id, SERVER), { ok: true, keyPackId: id, contents: CONTENTS });
  });

  it('accepts the grouped, lower-case form a person types', () => {
    const id = codec.issue(SERVER, CONTENTS);
    assert.equal(codec.read(inGroupsOfFive(id).toLowerCase(), SERVER).ok, true);
  });

  it('is refused on another license server', () => {
    const reading = codec.read(codec.issue(SERVER, CONTENTS), OTHER_SERVER);
    assert.deepEqual(reading, { ok: false, problem: { kind: 'sealed-for-another-server' } });
  });

  it('is refused when sealed with another secret', () => {
    const forged = new KeyPackIdCodec('someone-else').issue(SERVER, CONTENTS);
    assert.deepEqual(codec.read(forged, SERVER), { ok: false, problem: { kind: 'sealed-for-another-server' } });
  });

  it('names a typing error for one wrong character', () => {
    const id = codec.issue(SERVER, CONTENTS);
    const typo = (id[10] === 'A' ? 'B' : 'A') + id.slice(1);
    assert.deepEqual(codec.read(typo, SERVER), { ok: false, problem: { kind: 'typing-error' } });
  });

  it('tells apart a wrong length, foreign characters and several IDs at once', () => {
    const id = codec.issue(SERVER, CONTENTS);
    assert.deepEqual(codec.read(id.slice(0, 30), SERVER), { ok: false, problem: { kind: 'wrong-length', length: 30 } });
    assert.deepEqual(codec.read(`${id.slice(0, 34)}!`, SERVER), { ok: false, problem: { kind: 'wrong-characters' } });
    assert.deepEqual(codec.read(`${id} ${id}`, SERVER), { ok: false, problem: { kind: 'several-ids', count: 2 } });
  });

  it('gives a different ID for each issue of the same purchase', () => {
    assert.notEqual(codec.issue(SERVER, CONTENTS), codec.issue(SERVER, { ...CONTENTS, issueSerial: 4 }));
  });
});
