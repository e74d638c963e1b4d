import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WizardContext, WizardEvent, WizardState, WizardTransition, transition } from '../fake-server/domain/wizard';

const CONTEXT: WizardContext = { reasons: ['Corrupt', 'Other'], connectionMethod: 'telephone', activated: true };

function run(events: WizardEvent[], context: WizardContext = CONTEXT): { state: WizardState; effects: string[]; last: WizardTransition } {
  let state: WizardState = { page: 'welcome' };
  const effects: string[] = [];
  let last: WizardTransition = { ok: true, state, effects: [] };
  for (const event of events) {
    last = transition(state, event, context);
    if (!last.ok) return { state, effects, last };
    state = last.state;
    effects.push(...last.effects.map((effect) => effect.kind));
  }
  return { state, effects, last };
}

const TO_CONFIRMATION: WizardEvent[] = [
  { type: 'next' },
  { type: 'selectAction', action: 'rebuild' },
  { type: 'selectReason', reason: 'Corrupt' },
  { type: 'next' },
];
const DELETE: WizardEvent[] = [...TO_CONFIRMATION, { type: 'setDeletionConfirmed', confirmed: true }, { type: 'next' }];

describe('Manage RDS CALs Wizard', () => {
  it('walks the whole telephone rebuild with the effects in order', () => {
    const { state, effects } = run([
      ...DELETE,
      { type: 'next' },
      { type: 'enterKeyPackId', keyPackId: 'A' },
      { type: 'next' },
      { type: 'chooseAdditionalPacks', choice: 'continue' },
      { type: 'next' },
      { type: 'enterKeyPackId', keyPackId: 'B' },
      { type: 'next' },
      { type: 'chooseAdditionalPacks', choice: 'finish' },
      { type: 'next' },
      { type: 'finish' },
    ]);
    assert.deepEqual(state, { page: 'closed', outcome: 'finished' });
    assert.deepEqual(effects, ['deleteDatabaseContents', 'reinstallKeyPack', 'reinstallKeyPack', 'recordRebuilt']);
  });

  it('deletes nothing until the check box is ticked', () => {
    const { last, effects } = run([...TO_CONFIRMATION, { type: 'next' }]);
    assert.equal(last.ok, false);
    assert.equal(!last.ok && last.code, 'deletion-not-confirmed');
    assert.deepEqual(effects, []);
  });

  it('cancels without effects before the deletion, and records an abandoned rebuild after it', () => {
    assert.deepEqual(run([...TO_CONFIRMATION, { type: 'cancel' }]).effects, []);
    assert.deepEqual(run([...DELETE, { type: 'cancel' }]).effects, ['deleteDatabaseContents', 'recordAbandonedRebuild']);
  });

  it('refuses to leave Action Selection unless the connection method is Telephone', () => {
    const { last } = run(TO_CONFIRMATION, { ...CONTEXT, connectionMethod: 'webBrowser' });
    assert.equal(!last.ok && last.code, 'connection-method-not-telephone');
  });

  it('refuses an unactivated server, a missing reason and an unknown one', () => {
    assert.equal(run(TO_CONFIRMATION, { ...CONTEXT, activated: false }).last.ok, false);
    const missing = run([{ type: 'next' }, { type: 'selectAction', action: 'rebuild' }, { type: 'next' }]).last;
    assert.equal(!missing.ok && missing.code, 'no-reason-selected');
    const unknown = run([{ type: 'next' }, { type: 'selectAction', action: 'rebuild' }, { type: 'selectReason', reason: 'Nope' }]).last;
    assert.equal(!unknown.ok && unknown.kind, 'invalid-choice');
  });

  it('refuses the migrate action as not modelled', () => {
    const { last } = run([{ type: 'next' }, { type: 'selectAction', action: 'migrate' }]);
    assert.equal(!last.ok && last.code, 'action-not-modelled');
  });

  it('offers no Back once the database contents are deleted', () => {
    const { last } = run([...DELETE, { type: 'back' }]);
    assert.equal(!last.ok && last.code, 'not-available-on-this-page');
    assert.match(!last.ok ? last.message : '', /already been deleted/);
  });

  it('takes one key pack ID per pass and asks about more after each', () => {
    const { state, last } = run([...DELETE, { type: 'next' }, { type: 'next' }]);
    assert.equal(!last.ok && last.code, 'no-key-pack-id');
    assert.equal(state.page, 'obtainKeyPack');
    const after = run([...DELETE, { type: 'next' }, { type: 'enterKeyPackId', keyPackId: 'X' }, { type: 'next' }]).state;
    assert.deepEqual(after, { page: 'reinstallingAdditional', reason: 'Corrupt', packsReinstalled: 1, choice: null });
  });

  it('refuses every move on a closed wizard, saying where to open it again', () => {
    const closed: WizardState = { page: 'closed', outcome: 'cancelled' };
    for (const event of [{ type: 'next' }, { type: 'cancel' }, { type: 'finish' }] as WizardEvent[]) {
      const result = transition(closed, event, CONTEXT);
      assert.equal(!result.ok && result.code, 'wizard-closed');
      assert.equal(!result.ok && result.message, 'The wizard has been closed; open it again from the Action menu.');
    }
  });

  it('leaves the given state untouched (pure)', () => {
    const state: WizardState = { page: 'actionSelection', action: null, reason: null };
    const copy = structuredClone(state);
    transition(state, { type: 'selectAction', action: 'rebuild' }, CONTEXT);
    assert.deepEqual(state, copy);
  });
});
