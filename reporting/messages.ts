/**
 * Reads cucumber's message stream (NDJSON, one envelope a line) into one result per
 * scenario, with its tags and every attempt, so reports need no second test run.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
  /**
   * The pictures of pages linked from the scenario (the browser driver writes them as files
   * beside the report and links them), in order, each with the path of its file.
   */
  pictures: { fileName: string; file: string }[];
}

interface Envelope {
  pickle?: { id: string; name: string; uri: string; tags: { name: string }[]; astNodeIds: string[] };
  gherkinDocument?: { uri: string; feature?: { children: GherkinChild[] } };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string; attempt: number };
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: Status } };
  testCaseFinished?: { testCaseStartedId: string };
  hook?: { id: string; name?: string; type?: string; sourceReference?: { uri?: string; location?: { line: number } } };
  testRunHookStarted?: { id: string; hookId: string };
  testRunHookFinished?: { testRunHookStartedId: string; result: { status: Status; message?: string } };
  testRunFinished?: { success: boolean; message?: string; exception?: { message?: string } };
  attachment?: { testCaseStartedId?: string; mediaType: string; body: string; fileName?: string };
}

interface GherkinChild {
  scenario?: { id: string; location: { line: number }; examples?: { tableBody: { id: string; location: { line: number } }[] }[] };
  rule?: { children: GherkinChild[] };
}

/** The worst status wins, in Cucumber's own order of severity (@cucumber/messages' TestStepResultStatus). */
const SEVERITY: Status[] = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

/**
 * A test case's status from its steps (hooks included): the worst of them. One with no steps at all
 * passed, as Cucumber says, once it finished; one that never finished is UNKNOWN.
 */
function statusOf(steps: Status[] | undefined, finished: boolean): Status {
  if (!steps || steps.length === 0) return finished ? 'PASSED' : 'UNKNOWN';
  return steps.reduce((a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a));
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

function readEnvelopes(ndjsonPath: string): Envelope[] {
  return readFileSync(ndjsonPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Envelope);
}

export function readScenarioResults(ndjsonPath: string): ScenarioResult[] {
  const envelopes = readEnvelopes(ndjsonPath);
  const astLines = new Map<string, number>();
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const pickleOfTestCase = new Map<string, string>();
  const startedCase = new Map<string, { testCaseId: string; attempt: number }>();
  const stepStatuses = new Map<string, Status[]>();
  const finished = new Set<string>();
  const picturesOf = new Map<string, { fileName: string; file: string }[]>();
  for (const envelope of envelopes) {
    const attached = envelope.attachment;
    if (attached?.testCaseStartedId && attached.mediaType === 'text/uri-list') {
      const list = picturesOf.get(attached.testCaseStartedId) ?? [];
      list.push(...picturesLinked(attached.body, dirname(ndjsonPath)));
      picturesOf.set(attached.testCaseStartedId, list);
    }
    if (envelope.gherkinDocument?.feature) lines(envelope.gherkinDocument.feature.children, astLines);
    if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) pickleOfTestCase.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted) startedCase.set(envelope.testCaseStarted.id, envelope.testCaseStarted);
    if (envelope.testCaseFinished) finished.add(envelope.testCaseFinished.testCaseStartedId);
    if (envelope.testStepFinished) {
      const statuses = stepStatuses.get(envelope.testStepFinished.testCaseStartedId) ?? [];
      statuses.push(envelope.testStepFinished.testStepResult.status);
      stepStatuses.set(envelope.testStepFinished.testCaseStartedId, statuses);
    }
  }
  const attemptsByPickle = new Map<string, { attempt: number; status: Status; startedId: string }[]>();
  for (const [startedId, started] of startedCase) {
    const pickleId = pickleOfTestCase.get(started.testCaseId);
    if (!pickleId) continue;
    const list = attemptsByPickle.get(pickleId) ?? [];
    list.push({ attempt: started.attempt, status: statusOf(stepStatuses.get(startedId), finished.has(startedId)), startedId });
    attemptsByPickle.set(pickleId, list);
  }
  // A pickle without a test case was left out of the run (by --tags, for instance): it is not a result.
  const run = new Set(pickleOfTestCase.values());
  return [...pickles.values()]
    .filter((pickle) => run.has(pickle.id))
    .map((pickle) => {
      const ordered = (attemptsByPickle.get(pickle.id) ?? []).sort((a, b) => a.attempt - b.attempt);
      const attempts = ordered.map((attempt) => attempt.status);
      const last = ordered.at(-1);
      const line = Math.max(...pickle.astNodeIds.map((id) => astLines.get(id) ?? 0));
      return {
        name: pickle.name,
        uri: pickle.uri,
        line,
        tags: pickle.tags.map((tag) => tag.name.replace(/^@/, '')),
        attempts,
        status: attempts.at(-1) ?? 'UNKNOWN',
        pictures: last ? (picturesOf.get(last.startedId) ?? []) : [],
      };
    });
}

/**
 * The relative links of a text/uri-list attachment (support/evidence/evidence-files.ts writes them
 * URL-encoded, relative to the report's folder), decoded, with `/` between segments.
 */
export function relativeLinks(uriList: string): string[] {
  return uriList
    .split(/\r?\n/)
    .filter((link) => link !== '' && !/^[a-z]+:/i.test(link))
    .map((link) => link.split('/').map(decodeURIComponent).join('/'));
}

/** Links to pictures, as files under the stream's folder. */
function picturesLinked(uriList: string, folder: string): { fileName: string; file: string }[] {
  return relativeLinks(uriList)
    .filter((link) => link.endsWith('.png'))
    .map((link) => {
      const file = join(folder, ...link.split('/'));
      return { fileName: basename(file), file };
    });
}

/**
 * The results of one suite split across several runs (cucumber's `--shard i/n`, one stream
 * each): every stream lists every pickle but runs only its shard's, so the union of what
 * was run is the whole suite. A scenario run in more than one stream (overlapping shards,
 * a stream given twice) keeps every attempt in the order the streams were given, and the
 * last attempt decides, as with cucumber's own retries.
 */
export function readShardedResults(ndjsonPaths: readonly string[]): ScenarioResult[] {
  const merged: ScenarioResult[] = [];
  const earlier = new Map<string, number>();
  for (const path of ndjsonPaths) {
    const results = readScenarioResults(path);
    for (const result of results) {
      const key = `${result.uri}:${result.line}`;
      const at = earlier.get(key);
      const before = at === undefined ? undefined : merged[at];
      if (at === undefined || !before) {
        merged.push(result);
        continue;
      }
      const attempts = [...before.attempts, ...result.attempts];
      merged[at] = { ...result, attempts, status: attempts.at(-1) ?? 'UNKNOWN' };
    }
    // Only results of earlier streams are merged into: within one stream every result stands.
    merged.forEach((result, index) => earlier.set(`${result.uri}:${result.line}`, index));
  }
  return merged;
}

/**
 * What failed in a run outside every scenario, one sentence each: a BeforeAll or AfterAll hook
 * that did not pass, and an error that stopped the run (testRunFinished's message). Either makes
 * the run fail (testRunFinished.success is false) whatever its scenarios did.
 */
export function readRunFailures(ndjsonPath: string): string[] {
  const hooks = new Map<string, NonNullable<Envelope['hook']>>();
  const hookOfStarted = new Map<string, string>();
  const failures: string[] = [];
  for (const envelope of readEnvelopes(ndjsonPath)) {
    if (envelope.hook) hooks.set(envelope.hook.id, envelope.hook);
    if (envelope.testRunHookStarted) hookOfStarted.set(envelope.testRunHookStarted.id, envelope.testRunHookStarted.hookId);
    const hookFinished = envelope.testRunHookFinished;
    if (hookFinished && hookFinished.result.status !== 'PASSED') {
      const hook = hooks.get(hookOfStarted.get(hookFinished.testRunHookStartedId) ?? '');
      const kind = hook?.type === 'BEFORE_TEST_RUN' ? 'BeforeAll' : hook?.type === 'AFTER_TEST_RUN' ? 'AfterAll' : 'run';
      const name = hook?.name ? ` "${hook.name}"` : '';
      const where = hook?.sourceReference?.uri ? ` (${hook.sourceReference.uri}:${hook.sourceReference.location?.line ?? 0})` : '';
      const why = hookFinished.result.message ? `: ${hookFinished.result.message.split('\n')[0]}` : '';
      failures.push(`the ${kind} hook${name}${where} ${hookFinished.result.status.toLowerCase()}${why}`);
    }
    const runFinished = envelope.testRunFinished;
    const stopped = runFinished?.message ?? runFinished?.exception?.message;
    if (runFinished && !runFinished.success && stopped) failures.push(`the run stopped: ${stopped.split('\n')[0]}`);
  }
  return failures;
}
