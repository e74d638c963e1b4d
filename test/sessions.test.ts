/** The console's sessions: closed after 8 idle hours, at most 20 per user name, 10,000 in all. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SESSIONS, SESSIONS_PER_USER, SESSION_IDLE_MS, Sessions } from '../fake-server/http/pages/sessions';

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
});
