/**
 * Account lockout, after Windows' account lockout policy: after `threshold` failed sign-ins of a
 * user name, its sign-ins are refused for `durationMs` (429 with Retry-After over HTTP), the
 * right password included, and at no scrypt's cost; failures further apart than `durationMs`
 * start the count again ("Reset account lockout counter after"). Without it, 100 guesses took
 * 323 ms. The defaults are Windows 11's (10 failures, 10 minutes, reset after 10 minutes).
 *
 * Counted per user name within one environment, whatever server is named: as a domain account
 * is locked on every server, and so that the refusal is the same whether the server, or the
 * account, exists (a count per existing account would tell which names exist). Real time, not
 * the virtual clock: a scenario that moves the licences' time on by years unlocks nothing.
 */
import { TooManyFailedSignInsError } from './errors';
import { foldName, shownName } from './names';

export interface LockoutPolicy {
  /** Failed sign-ins of one user name before it is locked; 0 turns lockout off. */
  threshold: number;
  /** How long a locked user name stays locked, and how long a failure counts. */
  durationMs: number;
}

export const WINDOWS_LOCKOUT_POLICY: LockoutPolicy = { threshold: 10, durationMs: 10 * 60_000 };

/** User names remembered at most; the oldest failure is forgotten first, so guessing names grows nothing without bound. */
const REMEMBERED_USER_NAMES = 10_000;

interface Failures {
  count: number;
  lastAt: number;
  lockedUntil: number;
}

export class SignInLockout {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly policy: LockoutPolicy = WINDOWS_LOCKOUT_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuses a sign-in of a locked user name before any password is checked. */
  refuseIfLocked(userName: string): void {
    const held = this.failures.get(foldName(userName));
    const left = held ? held.lockedUntil - this.now() : 0;
    if (left > 0) {
      const seconds = Math.ceil(left / 1000);
      throw new TooManyFailedSignInsError(
        `"${shownName(userName)}" is locked out after ${this.policy.threshold} failed sign-ins (account lockout policy); ` +
          `try again in ${seconds} s.`,
        seconds,
      );
    }
  }

  failed(userName: string): void {
    if (this.policy.threshold <= 0) return;
    const key = foldName(userName);
    const now = this.now();
    const earlier = this.failures.get(key);
    // A lock that has ended starts the count again: Windows' "reset counter after" is never
    // longer than the lockout's duration, so by then the failures before the lock no longer count.
    const counting = earlier !== undefined && earlier.lockedUntil === 0 && now - earlier.lastAt <= this.policy.durationMs;
    const count = counting ? earlier.count + 1 : 1;
    this.failures.delete(key); // and in again: the map's order is the order of the last failure
    this.failures.set(key, { count, lastAt: now, lockedUntil: count >= this.policy.threshold ? now + this.policy.durationMs : 0 });
    if (this.failures.size > REMEMBERED_USER_NAMES) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeeded(userName: string): void {
    this.failures.delete(foldName(userName));
  }
}
