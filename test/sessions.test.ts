/** The console's sessions: closed after 8 idle hours, at most 20 per account (a signed-out one no longer counted), 10,000 in all, and the once-said note of a wizard a session closed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SESSIONS, SESSIONS_PER_USER, SESSION_IDLE_MS, Sessions, sessionOwner } from '../fake-server/http/pages/sessions';

const ADMIN = { userName: 'admin', password: 'x' };

describe('console sessions', () => {
  it('closes a session not used for 8 hours, and keeps one that is used', () => {
    let now = 0;
    const sessions = new Sessions(() => now);
    const idle = sessions.open(ADMIN);
    const used = sessions.open(ADMIN);
    for (let hour = 1; hour <= 8; hour += 1) {
      now = hour * 60 * 60 * 1000;
      assert.ok(sessions.find(used), `used every hour, still open at hour ${hour}`);
    }
    now += 1;
    assert.equal(sessions.find(idle), undefined, 'idle for 8 hours and a millisecond');
    assert.ok(sessions.find(used));
    now += SESSION_IDLE_MS + 1;
    assert.equal(sessions.find(used), undefined);
  });

  it('keeps at most 20 sessions of one user name, closing its oldest, and none of anyone else', () => {
    const sessions = new Sessions(() => 0);
    const other = sessions.open({ userName: 'jdoe', password: 'y' });
    const mine = Array.from({ length: 1_000 }, () => sessions.open(ADMIN));
    assert.ok(sessions.find(other), "another user's session survives 1,000 sign-ins of admin");
    assert.equal(mine.filter((id) => sessions.find(id)).length, SESSIONS_PER_USER);
    assert.ok(sessions.find(mine.at(-1)), 'the newest is kept');
    assert.equal(sessions.find(mine[0]), undefined, 'the oldest is closed');
    assert.equal(sessions.find(sessions.open({ userName: 'ADMIN', password: 'x' })) !== undefined, true);
    assert.equal(mine.filter((id) => sessions.find(id)).length, SESSIONS_PER_USER - 1, 'user names are one whatever their case');
  });

  it('holds at most 10,000 sessions in all, closing the least recently used', () => {
    const sessions = new Sessions(() => 0);
    const first = sessions.open({ userName: 'user-0', password: 'p' });
    const second = sessions.open({ userName: 'user-1', password: 'p' });
    sessions.find(first);
    for (let index = 2; index <= MAX_SESSIONS; index += 1) sessions.open({ userName: `user-${index}`, password: 'p' });
    assert.equal(sessions.size, MAX_SESSIONS);
    assert.ok(sessions.find(first), 'used recently, kept');
    assert.equal(sessions.find(second), undefined, 'the least recently used is closed');
  });

  it('knows no session for no id or a made-up one', () => {
    const sessions = new Sessions();
    assert.equal(sessions.find(undefined), undefined);
    assert.equal(sessions.find('constructor'), undefined);
    assert.equal(sessions.find('__proto__'), undefined);
  });

  it('keeps a session idle for exactly 8 hours open, and closes it a millisecond later', () => {
    let now = 0;
    const sessions = new Sessions(() => now);
    const id = sessions.open(ADMIN);
    now = SESSION_IDLE_MS;
    assert.ok(sessions.find(id), 'idle for exactly 8 hours');
    now += SESSION_IDLE_MS + 1;
    assert.equal(sessions.find(id), undefined);
  });

  it("counts a signed-out session no more among its user's 20, and every other one still", () => {
    const sessions = new Sessions(() => 0);
    const mine = Array.from({ length: SESSIONS_PER_USER }, () => sessions.open(ADMIN));
    sessions.close(mine.at(-1));
    const next = sessions.open(ADMIN);
    assert.ok(sessions.find(mine[0]), 'the oldest stays: with one signed out, the next sign-in is the 20th');
    const later = Array.from({ length: SESSIONS_PER_USER }, () => sessions.open(ADMIN));
    const open = [...mine, next, ...later].filter((id) => sessions.find(id));
    assert.deepEqual(open, later, 'after 20 more sign-ins, only those 20 are open');
  });

  it('does nothing with no id, or one it does not know, and closes nothing else', () => {
    const sessions = new Sessions(() => 0);
    const kept = sessions.open(ADMIN);
    for (const id of [undefined, 'unknown', 'constructor']) {
      sessions.noteWizardClosed(id, 'LS-CONTOSO', 'finished');
      assert.equal(sessions.takeWizardClosed(id, 'LS-CONTOSO'), undefined);
      sessions.close(id);
    }
    assert.equal(sessions.size, 1);
    assert.ok(sessions.find(kept));
  });

  it('says how a wizard closed once, to its own session, for that server only', () => {
    const sessions = new Sessions(() => 0);
    const mine = sessions.open(ADMIN);
    const another = sessions.open(ADMIN);
    sessions.noteWizardClosed(mine, 'LS-CONTOSO', 'cancelled');
    assert.equal(sessions.takeWizardClosed(another, 'LS-CONTOSO'), undefined);
    assert.equal(sessions.takeWizardClosed(mine, 'LS-FABRIKAM'), undefined);
    assert.equal(sessions.takeWizardClosed(mine, 'LS-CONTOSO'), 'cancelled');
    assert.equal(sessions.takeWizardClosed(mine, 'LS-CONTOSO'), undefined, 'said once');
  });

  it("makes an account's owner of its environment, its servers in any order and case, and its user name in any case", () => {
    assert.equal(sessionOwner('env-1', ['LS-B', 'ls-a'], 'Admin'), sessionOwner('env-1', ['LS-A', 'LS-B'], 'ADMIN'));
    assert.notEqual(sessionOwner('env-1', ['LS-A'], 'admin'), sessionOwner('env-2', ['LS-A'], 'admin'));
    assert.notEqual(sessionOwner('env-1', ['LS-A'], 'admin'), sessionOwner('env-1', ['LS-B'], 'admin'));
  });
});
