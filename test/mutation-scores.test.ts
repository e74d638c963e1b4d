/**
 * The per-folder mutation scores merge two Stryker runs mutant by mutant (reporting/mutation-scores.ts):
 * a mutant either kind of test catches counts as caught, one that both leave alive is a survivor,
 * and a survivor's reason is found again after the lines around it move.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileResult, MutantResult, MutantStatus } from 'mutation-testing-report-schema';
import { filesOf, mergeRuns, reasonKey, staleFiles, survivorsOf } from '../reporting/mutation-scores';

const SOURCE = 'const a = 1;\nif (a === 1) go();\n';

function mutant(id: string, status: MutantStatus, line = 2): MutantResult {
  return {
    id,
    mutatorName: 'ConditionalExpression',
    replacement: 'true',
    location: { start: { line, column: 5 }, end: { line, column: 12 } },
    status,
  };
}

function report(...mutants: MutantResult[]): Record<string, FileResult> {
  return { 'fake-server/http/x.ts': { language: 'typescript', source: SOURCE, mutants } };
}

describe('merging the scenarios run and the node tests run', () => {
  it('takes the better verdict of the two for the same mutant, whatever ids the runs gave it', () => {
    const merged = mergeRuns(report(mutant('1', 'Survived')), report(mutant('77', 'Killed')));
    assert.equal(merged['fake-server/http/x.ts']?.mutants[0]?.status, 'Killed');
  });

  it('keeps a mutant both runs left alive as a survivor, and one neither covered as not covered', () => {
    assert.equal(
      mergeRuns(report(mutant('1', 'Survived')), report(mutant('2', 'NoCoverage')))['fake-server/http/x.ts']?.mutants[0]?.status,
      'Survived',
    );
    assert.equal(
      mergeRuns(report(mutant('1', 'NoCoverage')), report(mutant('2', 'NoCoverage')))['fake-server/http/x.ts']?.mutants[0]?.status,
      'NoCoverage',
    );
  });

  it('does not take a verdict on another place for this one', () => {
    const merged = mergeRuns(report(mutant('1', 'Survived', 2)), report(mutant('2', 'Killed', 1)));
    assert.equal(merged['fake-server/http/x.ts']?.mutants[0]?.status, 'Survived');
  });

  it('keeps only the folder asked for', () => {
    const files = { ...report(), 'fake-server/persistence/y.ts': { language: 'typescript', source: '', mutants: [] } };
    assert.deepEqual(Object.keys(filesOf(files, 'persistence')), ['fake-server/persistence/y.ts']);
  });
});

describe('the survivors and their reasons', () => {
  it('names the code mutated and finds the reason by it, not by the line', () => {
    const file = report(mutant('1', 'Survived'))['fake-server/http/x.ts'] as FileResult;
    const key = reasonKey('fake-server/http/x.ts', file, mutant('1', 'Survived'));
    assert.equal(key, 'fake-server/http/x.ts | ConditionalExpression | a === 1 => true');
    const moved: FileResult = { ...file, source: `// a comment\n${SOURCE}`, mutants: [mutant('1', 'Survived', 3)] };
    const [survivor] = survivorsOf({ 'fake-server/http/x.ts': moved }, { [key]: 'equivalent' });
    assert.equal(survivor?.reason, 'equivalent');
    assert.equal(survivor?.where, 'fake-server/http/x.ts:3');
  });

  it('lists a survivor with no reason as having none', () => {
    const [survivor] = survivorsOf(report(mutant('1', 'Survived')), {});
    assert.equal(survivor?.reason, undefined);
  });
});

describe('reports of code changed since their run', () => {
  it('names the files of a report whose code changed since the run, or is gone', () => {
    const files = { ...report(mutant('1', 'Killed')), 'fake-server/http/y.ts': { language: 'typescript', source: 'old', mutants: [] } };
    assert.deepEqual(
      staleFiles(files, (name) => (name === 'fake-server/http/x.ts' ? SOURCE : 'new')),
      ['fake-server/http/y.ts'],
    );
    assert.deepEqual(
      staleFiles(files, () => undefined),
      ['fake-server/http/x.ts', 'fake-server/http/y.ts'],
    );
    assert.deepEqual(
      staleFiles(report(), () => SOURCE),
      [],
    );
  });
});
