/**
 * Reads cucumber's message stream (NDJSON, one envelope a line) into one result per
 * scenario, with its tags and every attempt, so reports need no second test run.
 */
import { readFileSync } from 'node:fs';

export type Status = 'PASSED' | 'FAILED' | 'SKIPPED' | 'PENDING' | 'UNDEFINED' | 'AMBIGUOUS' | 'UNKNOWN';

export interface ScenarioResult {
  name: string;
  uri: string;
  line: number;
  tags: string[];
  /** The status of each attempt, first to last; retries add attempts. */
  attempts: Status[];
  /** The status of the last attempt. */
  status: Status;
}

interface Envelope {
  pickle?: { id: string; name: string; uri: string; tags: { name: string }[]; astNodeIds: string[] };
  gherkinDocument?: { uri: string; feature?: { children: GherkinChild[] } };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string; attempt: number };
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: Status } };
  testCaseFinished?: { testCaseStartedId: string };
}

interface GherkinChild {
  scenario?: { id: string; location: { line: number }; examples?: { tableBody: { id: string; location: { line: number } }[] }[] };
  rule?: { children: GherkinChild[] };
}

/** The worst status wins: a scenario passes only if every step passed. */
const SEVERITY: Status[] = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'UNKNOWN', 'FAILED'];

function worst(statuses: Status[]): Status {
  return statuses.reduce<Status>((a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a), 'PASSED');
}

/** Maps Gherkin AST node ids (scenarios and example rows) to their line numbers. */
function lines(children: GherkinChild[], into = new Map<string, number>()): Map<string, number> {
  for (const child of children) {
    if (child.rule) lines(child.rule.children, into);
    if (child.scenario) {
      into.set(child.scenario.id, child.scenario.location.line);
      for (const examples of child.scenario.examples ?? []) for (const row of examples.tableBody) into.set(row.id, row.location.line);
    }
  }
  return into;
}

export function readScenarioResults(ndjsonPath: string): ScenarioResult[] {
  const envelopes = readFileSync(ndjsonPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Envelope);
  const astLines = new Map<string, number>();
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const pickleOfTestCase = new Map<string, string>();
  const startedCase = new Map<string, { testCaseId: string; attempt: number }>();
  const stepStatuses = new Map<string, Status[]>();
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument?.feature) lines(envelope.gherkinDocument.feature.children, astLines);
    if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) pickleOfTestCase.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted) startedCase.set(envelope.testCaseStarted.id, envelope.testCaseStarted);
    if (envelope.testStepFinished) {
      const statuses = stepStatuses.get(envelope.testStepFinished.testCaseStartedId) ?? [];
      statuses.push(envelope.testStepFinished.testStepResult.status);
      stepStatuses.set(envelope.testStepFinished.testCaseStartedId, statuses);
    }
  }
  const attemptsByPickle = new Map<string, { attempt: number; status: Status }[]>();
  for (const [startedId, started] of startedCase) {
    const pickleId = pickleOfTestCase.get(started.testCaseId);
    if (!pickleId) continue;
    const list = attemptsByPickle.get(pickleId) ?? [];
    list.push({ attempt: started.attempt, status: worst(stepStatuses.get(startedId) ?? ['UNKNOWN']) });
    attemptsByPickle.set(pickleId, list);
  }
  return [...pickles.values()].map((pickle) => {
    const attempts = (attemptsByPickle.get(pickle.id) ?? []).sort((a, b) => a.attempt - b.attempt).map((attempt) => attempt.status);
    const line = Math.max(...pickle.astNodeIds.map((id) => astLines.get(id) ?? 0));
    return {
      name: pickle.name,
      uri: pickle.uri,
      line,
      tags: pickle.tags.map((tag) => tag.name.replace(/^@/, '')),
      attempts,
      status: attempts.at(-1) ?? 'UNKNOWN',
    };
  });
}
