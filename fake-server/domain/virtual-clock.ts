/**
 * The time a fake environment lives in. It follows the system clock until a test sets it;
 * from then on it stands still except when advanced, so event timestamps and key pack
 * expiry are exactly what the scenario says.
 */
import { Clock } from './ports';

export class VirtualClock implements Clock {
  private frozenAt: number | null = null;
  private offsetMs = 0;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  /** Stops the clock at the given instant. */
  set(instant: Date): void {
    this.frozenAt = instant.getTime();
  }

  /** Moves the clock forward (or, with a negative amount, back). */
  advance(milliseconds: number): void {
    if (this.frozenAt === null) this.offsetMs += milliseconds;
    else this.frozenAt += milliseconds;
  }

  /** Whether a test has set the clock. */
  isFrozen(): boolean {
    return this.frozenAt !== null;
  }
}
