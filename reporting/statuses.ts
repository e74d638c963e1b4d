/**
 * The words and marks the reports give each scenario status, and the order they are counted in:
 * Cucumber's own summary's ("5 scenarios (1 failed, 1 ambiguous, 1 undefined, 1 pending, 1 passed)").
 * A scenario that did not pass is not therefore failed: pending, skipped, undefined and ambiguous
 * are named as such, as Cucumber's formatters name them.
 */
import { Status } from './messages';

export const SUMMARY_ORDER: readonly Status[] = ['FAILED', 'AMBIGUOUS', 'UNDEFINED', 'PENDING', 'SKIPPED', 'UNKNOWN', 'PASSED'];

export const STATUS_MARK: Record<Status, string> = {
  PASSED: '✅',
  FAILED: '❌',
  AMBIGUOUS: '💥',
  UNDEFINED: '❓',
  PENDING: '🚧',
  SKIPPED: '⏭️',
  UNKNOWN: '❔',
};

/** "passed", "failed", …; a scenario started but never finished (a crashed worker) is "not finished". */
export function statusWord(status: Status): string {
  return status === 'UNKNOWN' ? 'not finished' : status.toLowerCase();
}

export type StatusCounts = Partial<Record<Status, number>>;

export function countStatuses(statuses: readonly Status[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** "1 failed, 2 pending, 3 passed", in Cucumber's order, naming only the statuses there are; "none" if none. */
export function describeCounts(counts: StatusCounts): string {
  const parts = SUMMARY_ORDER.filter((status) => (counts[status] ?? 0) > 0).map((status) => `${counts[status]} ${statusWord(status)}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
