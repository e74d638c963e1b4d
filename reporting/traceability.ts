/**
 * The traceability matrix: for each part of the procedure, the scenarios tagged with its
 * id and how they ended, each status named; parts with no passing scenario; scenarios tied
 * to no part. A run that failed outside its scenarios (a BeforeAll or AfterAll hook, an error
 * that stopped it) verifies nothing: every part it would have verified is failing.
 */
import catalogue from './procedure-catalogue.json';
import { ScenarioResult } from './messages';
import { StatusCounts, countStatuses } from './statuses';

export interface ProcedurePart {
  id: string;
  kind: string;
  title: string;
}

export type Verdict = 'verified' | 'failing' | 'not verified';

export interface TraceRow {
  part: ProcedurePart;
  scenarios: ScenarioResult[];
  passed: number;
  /** The scenarios that did not pass, whatever their status (failed, pending, undefined…). */
  notPassed: number;
  statuses: StatusCounts;
  verdict: Verdict;
}

export interface Traceability {
  procedure: string;
  rows: TraceRow[];
  /** Parts of the procedure that no passing scenario verifies. */
  unverified: ProcedurePart[];
  /** Scenarios tagged with no id of the procedure (harness checks, for instance). */
  untagged: ScenarioResult[];
  totals: { scenarios: number; passed: number; notPassed: number; statuses: StatusCounts; retried: number };
  /** What failed outside every scenario (messages.ts, readRunFailures). */
  runFailures: string[];
}

export const PROCEDURE_PARTS: readonly ProcedurePart[] = catalogue.parts;

export function traceability(results: ScenarioResult[], runFailures: readonly string[] = []): Traceability {
  const ids = new Set(PROCEDURE_PARTS.map((part) => part.id));
  const rows = PROCEDURE_PARTS.map((part): TraceRow => {
    const scenarios = results.filter((result) => result.tags.includes(part.id));
    const passed = scenarios.filter((result) => result.status === 'PASSED').length;
    const notPassed = scenarios.length - passed;
    const verdict: Verdict = passed === 0 ? 'not verified' : notPassed > 0 || runFailures.length > 0 ? 'failing' : 'verified';
    return { part, scenarios, passed, notPassed, statuses: countStatuses(scenarios.map((result) => result.status)), verdict };
  });
  return {
    procedure: catalogue.procedure,
    rows,
    unverified: rows.filter((row) => row.passed === 0).map((row) => row.part),
    untagged: results.filter((result) => !result.tags.some((tag) => ids.has(tag))),
    totals: {
      scenarios: results.length,
      passed: results.filter((result) => result.status === 'PASSED').length,
      notPassed: results.filter((result) => result.status !== 'PASSED').length,
      statuses: countStatuses(results.map((result) => result.status)),
      retried: results.filter((result) => result.attempts.length > 1).length,
    },
    runFailures: [...runFailures],
  };
}
