/**
 * Traceability through both drivers: for every part of the procedure, the verdict of the
 * scenarios run over the API and of the same features run through the web pages. A part
 * counts as verified only when both verify it. Scenarios tagged @api-only (no person could
 * perform them on a page) and @browser-only (the keyboard) are counted apart.
 */
import { ScenarioResult } from './messages';
import { ProcedurePart, TraceRow, Traceability, Verdict, traceability } from './traceability';

export const DRIVERS = ['api', 'browser'] as const;
export type Driver = (typeof DRIVERS)[number];
export const DRIVER_LABELS: Record<Driver, string> = { api: 'API', browser: 'browser' };

export interface DriverRow {
  part: ProcedurePart;
  byDriver: Partial<Record<Driver, TraceRow>>;
  verdict: Verdict;
}

export interface DriverTraceability {
  procedure: string;
  drivers: Driver[];
  reports: Partial<Record<Driver, Traceability>>;
  rows: DriverRow[];
  /** Each part not verified through some driver, with the drivers that do not verify it. */
  unverified: { part: ProcedurePart; drivers: Driver[] }[];
  apiOnly: number;
  browserOnly: number;
}

export function traceabilityByDriver(
  results: Partial<Record<Driver, ScenarioResult[]>>,
  runFailures: Partial<Record<Driver, string[]>> = {},
): DriverTraceability {
  const drivers = DRIVERS.filter((driver) => results[driver] !== undefined);
  const reports: Partial<Record<Driver, Traceability>> = {};
  for (const driver of drivers) reports[driver] = traceability(results[driver] ?? [], runFailures[driver]);
  const first = reports[drivers[0] ?? 'api'] ?? traceability([]);
  const rows = first.rows.map((row, index): DriverRow => {
    const byDriver: Partial<Record<Driver, TraceRow>> = {};
    for (const driver of drivers) byDriver[driver] = reports[driver]?.rows[index];
    const verdicts = drivers.map((driver) => byDriver[driver]?.verdict ?? 'not verified');
    const verdict: Verdict = verdicts.includes('not verified') ? 'not verified' : verdicts.includes('failing') ? 'failing' : 'verified';
    return { part: row.part, byDriver, verdict };
  });
  const tagged = (driver: Driver, tag: string) => (results[driver] ?? []).filter((result) => result.tags.includes(tag)).length;
  return {
    procedure: first.procedure,
    drivers,
    reports,
    rows,
    unverified: rows
      .map((row) => ({ part: row.part, drivers: drivers.filter((driver) => (row.byDriver[driver]?.passed ?? 0) === 0) }))
      .filter((entry) => entry.drivers.length > 0),
    apiOnly: tagged('api', 'api-only'),
    browserOnly: tagged('browser', 'browser-only'),
  };
}
