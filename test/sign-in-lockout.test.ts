/**
 * Account lockout: after 10 failed sign-ins of a user name, its sign-ins are refused with 429
 * and Retry-After for 10 minutes, the right password included, whether or not the name, or the
 * server, exists. Before, nothing slowed guessing (100 guesses in 323 ms).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignInLockout, WINDOWS_LOCKOUT_POLICY } from '../fake-server/domain/sign-in-lockout';
import { TooManyFailedSignInsError } from '../fake-server/domain/errors';
import { ADMIN, AS_ADMIN, STANDARD_USER, TestFake, basic } from './helpers/http-fake';

const MINUTE = 60_000;

describe('SignInLockout', () => {
  const clock = { now: 1_000_000 };
  const lockout = () => new SignInLockout(WINDOWS_LOCKOUT_POLICY, () => clock.now);
  const locked = (subject: SignInLockout, userName: string): number | undefined => {
    try {
      subject.refuseIfLocked(userName);
      return undefined;
    } catch (error) {
      assert.ok(error instanceof TooManyFailedSignInsError);
      return error.retryAfterSeconds;
    }
  };

  it('locks a user name, in any case, after 10 failures for 10 minutes, then lets it try again', () => {
    const subject = lockout();
    for (let failure = 1; failure < 10; failure += 1) subject.failed('admin');
    assert.equal(locked(subject, 'admin'), undefined, '9 failures lock nothing');
    subject.failed('ADMIN');
    assert.equal(locked(subject, 'Admin'), 600, 'the 10th locks it, in any case, for 600 s');
    assert.equal(locked(subject, 'jdoe'), undefined, 'another user name is not locked');
    clock.now += 9 * MINUTE;
    assert.equal(locked(subject, 'admin'), 60);
    clock.now += MINUTE + 1;
    assert.equal(locked(subject, 'admin'), undefined, 'unlocked after 10 minutes');
    subject.failed('admin');
    assert.equal(locked(subject, 'admin'), undefined, 'and counting from 1 again');
  });

  it('forgets failures further apart than 10 minutes, and after a success', () => {
    const subject = lockout();
    for (let failure = 0; failure < 20; failure += 1) {
      if (failure > 0) clock.now += 10 * MINUTE + 1;
      subject.failed('spread');
    }
    assert.equal(locked(subject, 'spread'), undefined);
    for (let failure = 0; failure < 9; failure += 1) subject.failed('reset');
    subject.succeeded('reset');
    subject.failed('reset');
    assert.equal(locked(subject, 'reset'), undefined);
  });

  it('says who is locked, after how many failures, and for how many seconds more', () => {
    const subject = lockout();
    for (let failure = 0; failure < 10; failure += 1) subject.failed('admin');
    clock.now += 30_500;
    assert.throws(() => subject.refuseIfLocked('ADMIN'), {
      message: '"ADMIN" is locked out after 10 failed sign-ins (account lockout policy); try again in 570 s.',
    });
  });

  it('counts failures exactly 10 minutes apart, and starts again from 1 the moment a lock ends', () => {
    const subject = lockout();
    for (let failure = 0; failure < 9; failure += 1) {
      subject.failed('steady');
      clock.now += 10 * MINUTE;
    }
    subject.failed('steady');
    assert.equal(locked(subject, 'steady'), 600, 'the 10th failure, each 10 minutes after the one before, locks');
    clock.now += 10 * MINUTE;
    assert.equal(locked(subject, 'steady'), undefined, 'the lock has just ended, to the millisecond');
    subject.failed('steady');
    assert.equal(locked(subject, 'steady'), undefined, 'the first failure after a lock does not lock again');
    for (let failure = 0; failure < 9; failure += 1) subject.failed('steady');
    assert.equal(locked(subject, 'steady'), 600, 'ten more do');
  });

  it('remembers 10,000 user names at most, forgetting first the one whose last failure is oldest', () => {
    const subject = lockout();
    for (let failure = 0; failure < 9; failure += 1) subject.failed('old');
    for (let failure = 0; failure < 9; failure += 1) subject.failed('young');
    // 9,998 guessed names more: 10,000 remembered, the bound reached but not passed.
    for (let name = 0; name < 9_998; name += 1) subject.failed(`guess-${name}`);
    subject.failed('old');
    assert.equal(locked(subject, 'old'), 600, 'at 10,000 names nothing was forgotten: the 10th failure of "old" locks it');
    // One name more passes the bound: "young" is now the oldest failure ("old" failed since), and is forgotten.
    subject.failed('guess-9998');
    subject.failed('young');
    assert.equal(locked(subject, 'young'), undefined, '"young" was forgotten, so this failure counts as its first');
    assert.equal(locked(subject, 'old'), 600, '"old" failed later than "young", so it was kept');
  });

  it('is off with a threshold of 0', () => {
    const subject = new SignInLockout({ threshold: 0, durationMs: MINUTE }, () => clock.now);
    for (let failure = 0; failure < 100; failure += 1) subject.failed('admin');
    assert.equal(locked(subject, 'admin'), undefined);
  });
});

describe('account lockout over HTTP', () => {
  let fake: TestFake;

  before(async () => {
    fake = await TestFake.start();
  });

  after(() => fake.stop());

  const get = (environmentId: string, path: string, account: { userName: string; password: string }) =>
    fake.send(environmentId, { method: 'GET', path, headers: { authorization: basic(account) } });

  it('refuses the 11th sign-in of a user name with 429 and Retry-After, the right password too, and changes nothing', async () => {
    const environmentId = await fake.environment();
    const before = fake.digest(environmentId);
    for (let guess = 0; guess < 10; guess += 1) {
      assert.equal((await get(environmentId, '/license-servers/LS-CONTOSO', { ...ADMIN, password: `guess-${guess}` })).status, 401);
    }
    const right = await get(environmentId, '/license-servers/LS-CONTOSO', ADMIN);
    assert.equal(right.status, 429, right.text);
    assert.equal((right.body as { code: string }).code, 'too-many-failed-sign-ins');
    assert.match(right.headers['retry-after'] ?? '', /^\d+$/);
    assert.ok(Number(right.headers['retry-after']) > 0 && Number(right.headers['retry-after']) <= 600);
    assert.equal((await get(environmentId, '/license-servers', ADMIN)).status, 429, 'the server list too');
    assert.equal((await get(environmentId, '/license-servers/LS-NOWHERE', ADMIN)).status, 429, 'an unknown server too');
    assert.equal((await get(environmentId, '/license-servers/LS-CONTOSO', STANDARD_USER)).status, 200, 'another user name is not locked');
    const page = await fake.send(environmentId, {
      method: 'POST',
      path: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: `userName=${ADMIN.userName}&password=${ADMIN.password}`,
    });
    assert.equal(page.status, 429, 'the sign-in page too');
    assert.match(page.text, /too-many-failed-sign-ins/);
    assert.match(page.headers['retry-after'] ?? '', /^\d+$/);
    assert.equal(fake.digest(environmentId), before, 'nothing stored changed');
    const elsewhere = await fake.environment();
    assert.equal((await get(elsewhere, '/license-servers/LS-CONTOSO', ADMIN)).status, 200, 'another environment is not locked');
  });

  it('locks a user name no account has after as many guesses, so the lockout tells no names apart', async () => {
    const environmentId = await fake.environment();
    const nobody = { userName: 'nobody-here', password: 'x-guess' };
    const statuses: number[] = [];
    for (let guess = 0; guess < 11; guess += 1) statuses.push((await get(environmentId, '/license-servers/LS-CONTOSO', nobody)).status);
    assert.deepEqual(statuses, [...Array<number>(10).fill(401), 429]);
    assert.equal((await fake.send(environmentId, { method: 'GET', path: '/license-servers', headers: AS_ADMIN })).status, 200);
  });
});
