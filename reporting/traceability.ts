/**
 * The traceability matrix: for each part of the procedure, the scenarios tagged with its
 * id and how they ended; parts with no passing scenario; scenarios tied to no part.
 */
import catalogue from './procedure-catalogue.json';
import { ScenarioResult } from './messages';

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
  failed: number;
  verdict: Verdict;
}

export interface Traceability {
  procedure: string;
  rows: TraceRow[];
  /** Parts of the procedure that no passing scenario verifies. */
  unverified: ProcedurePart[];
  /** Scenarios tagged with no id of the procedure (harness checks, for instance). */
  untagged: ScenarioResult[];
  totals: { scenarios: number; passed: number; failed: number; retried: number };
}

export const PROCEDURE_PARTS: readonly ProcedurePart[] = catalogue.parts;

export function traceability(results: ScenarioResult[]): Traceability {
  const ids = new Set(PROCEDURE_PARTS.map((part) => part.id));
  const rows = PROCEDURE_PARTS.map((part): TraceRow => {
    const scenarios = results.filter((result) => result.tags.includes(part.id));
    const passed = scenarios.filter((result) => result.status === 'PASSED').length;
    const failed = scenarios.length - passed;
    const verdict: Verdict = passed === 0 ? 'not verified' : failed > 0 ? 'failing' : 'verified';
    return { part, scenarios, passed, failed, verdict };
  });
  return {
    procedure: catalogue.procedure,
    rows,
    unverified: rows.filter((row) => row.passed === 0).map((row) => row.part),
    untagged: results.filter((result) => !result.tags.some((tag) => ids.has(tag))),
    totals: {
      scenarios: results.length,
      passed: results.filter((result) => result.status === 'PASSED').length,
      failed: results.filter((result) => result.status !== 'PASSED').length,
      retried: results.filter((result) => result.attempts.length > 1).length,
    },
  };
}
