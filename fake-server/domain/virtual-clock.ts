/**
 * The time a fake environment lives in. It follows the system clock until a test sets it;
 * from then on it stands still except when advanced, so event timestamps and key pack
 * expiry are exactly what the scenario says.
 */
import { InvalidInputError } from './errors';
import { Clock } from './ports';

/** The last instant the fake can write as an ISO date with a four-digit year (9999-12-31T23:59:59.999Z). */
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export class VirtualClock implements Clock {
  private frozenAt: number | null = null;
  private offsetMs = 0;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  /** Stops the clock at the given instant. */
  set(instant: Date): void {
    this.frozenAt = checked(instant.getTime());
  }

  /** Moves the clock forward (or, with a negative amount, back); refused whole if it would leave the range. */
  advance(milliseconds: number): void {
    if (this.frozenAt === null) {
      // Stryker disable next-line ArithmeticOperator: unreachable through the fake, a running clock moves at most 3,650 days a request, forward only (request schema)
      checked(Date.now() + this.offsetMs + milliseconds);
      this.offsetMs += milliseconds;
    } else this.frozenAt = checked(this.frozenAt + milliseconds);
  }

  /** Whether a test has set the clock. */
  isFrozen(): boolean {
    return this.frozenAt !== null;
  }
}

/** Refuses an instant outside 1970 to 9999, which event dates and key pack expiry cannot show. */
function checked(time: number): number {
  if (!Number.isFinite(time) || time < 0 || time > LATEST) {
    throw new InvalidInputError(
      'clock-out-of-range',
      'The clock can be set only between 1970-01-01 and 9999-12-31 (UTC); it was not changed.',
    );
  }
  return time;
}
