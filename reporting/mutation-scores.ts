/**
 * The fake's mutation scores per folder, from the reports the three Stryker runs leave behind:
 * `npm run mutation` (the domain, the scenarios), `npm run mutation:http` (http/ and
 * persistence/, the scenarios) and `npm run mutation:node-tests` (http/ and persistence/, the node
 * tests). Stryker runs one test runner at a time, but `npm test` runs both kinds of test: a mutant
 * is caught by `npm test` when either kind kills it, so the runs are merged mutant by mutant
 * (a mutant is the same in two reports when its file, place, mutator and replacement are).
 *
 * Every mutant that survives both is listed with the reason it is left, from
 * docs/mutation-survivors.json (keyed by file, mutator, the code mutated and its replacement, so
 * that a reason survives edits elsewhere in the file); one with no reason is flagged. The scores
 * are Stryker's own (mutation-testing-metrics, the package Stryker computes them with).
 */
import type { FileResult, MutantResult, MutantStatus } from 'mutation-testing-report-schema';

/** Where each folder's reports are: the scenarios' run, and the node tests' run if it mutates that folder. */
export const FOLDER_REPORTS = {
  domain: { scenarios: 'reports/mutation/mutation.json', nodeTests: 'reports/mutation-node-tests-domain/mutation.json' },
  http: { scenarios: 'reports/mutation-http/mutation.json', nodeTests: 'reports/mutation-node-tests-http/mutation.json' },
  persistence: {
    scenarios: 'reports/mutation-persistence/mutation.json',
    nodeTests: 'reports/mutation-node-tests-persistence/mutation.json',
  },
} as const;
export type Folder = keyof typeof FOLDER_REPORTS;

/** The better of two verdicts on one mutant: caught beats survived, survived (it ran) beats not covered. */
const RANK: Record<MutantStatus, number> = {
  Killed: 5,
  Timeout: 5,
  Survived: 3,
  NoCoverage: 2,
  Pending: 1,
  CompileError: 0,
  RuntimeError: 0,
  Ignored: 0,
};

type Files = Record<string, FileResult>;

/** A mutant's identity across reports, whatever ids the runs gave it. */
export function mutantKey(fileName: string, mutant: MutantResult): string {
  const { start, end } = mutant.location;
  return `${fileName}:${start.line}:${start.column}-${end.line}:${end.column} ${mutant.mutatorName} ${mutant.replacement ?? ''}`;
}

/** The files of `folder` only, from a report that may hold others. */
export function filesOf(files: Files, folder: string): Files {
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.startsWith(`fake-server/${folder}/`)));
}

/**
 * The files of a report whose code has changed since the run (the report keeps the source it
 * mutated): their verdicts are about other code, and merged by place they would be given to
 * other mutants, or leave new ones out.
 */
export function staleFiles(files: Files, sourceNow: (fileName: string) => string | undefined): string[] {
  return Object.entries(files)
    .filter(([name, file]) => sourceNow(name) !== file.source)
    .map(([name]) => name);
}

/**
 * One report from two runs over the same files: each mutant with the better verdict of the two.
 * A mutant only one run made (a file only one of them mutates) keeps that run's verdict.
 */
export function mergeRuns(first: Files, second: Files): Files {
  const merged: Files = {};
  for (const name of new Set([...Object.keys(first), ...Object.keys(second)])) {
    const base = first[name] ?? second[name];
    if (!base) continue;
    const other = new Map((first[name] && second[name] ? second[name].mutants : []).map((mutant) => [mutantKey(name, mutant), mutant]));
    const mutants = base.mutants.map((mutant) => {
      const theirs = other.get(mutantKey(name, mutant));
      if (!theirs || RANK[theirs.status] <= RANK[mutant.status]) return mutant;
      return { ...mutant, status: theirs.status, killedBy: theirs.killedBy ?? [] };
    });
    merged[name] = { ...base, mutants };
  }
  return merged;
}

/** The code a mutant replaced, as written in the file. */
export function originalCode(file: FileResult, mutant: MutantResult): string {
  const lines = file.source.split('\n');
  const { start, end } = mutant.location;
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  const first = (lines[start.line - 1] ?? '').slice(start.column - 1);
  const last = (lines[end.line - 1] ?? '').slice(0, end.column - 1);
  return [first, ...lines.slice(start.line, end.line - 1), last].join('\n');
}

/** How a reason is looked up: by file, mutator, the code and its replacement (not the line, which moves). */
export function reasonKey(fileName: string, file: FileResult, mutant: MutantResult): string {
  const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
  return `${fileName} | ${mutant.mutatorName} | ${squeeze(originalCode(file, mutant))} => ${squeeze(mutant.replacement ?? '')}`;
}

export interface Survivor {
  where: string;
  mutator: string;
  code: string;
  replacement: string;
  key: string;
  reason: string | undefined;
}

/** The mutants some test reached and none caught, each with its recorded reason, if any. */
export function survivorsOf(files: Files, reasons: Record<string, string>): Survivor[] {
  const survivors: Survivor[] = [];
  for (const [name, file] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const mutant of file.mutants) {
      if (mutant.status !== 'Survived') continue;
      const key = reasonKey(name, file, mutant);
      survivors.push({
        where: `${name}:${mutant.location.start.line}`,
        mutator: mutant.mutatorName,
        code: originalCode(file, mutant).replace(/\s+/g, ' ').trim(),
        replacement: (mutant.replacement ?? '').replace(/\s+/g, ' ').trim(),
        key,
        reason: reasons[key],
      });
    }
  }
  return survivors.sort((a, b) => a.where.localeCompare(b.where, undefined, { numeric: true }));
}
