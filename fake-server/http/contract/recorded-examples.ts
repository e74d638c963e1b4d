/**
 * The contract's examples: what the fake answered, recorded from a real rebuild by
 * `npm run examples` (fake-server/examples-main.ts) into examples.json beside this file.
 */
import recorded from './examples.json';

export const EXAMPLES_FILE = 'fake-server/http/contract/examples.json';

export interface RecordedOperation {
  /** The path parameters of the request recorded. */
  pathParameters?: Record<string, string>;
  /** The JSON body sent. */
  request?: unknown;
  /** Per success status, the answers, named: by the page shown for the wizard, "recorded" otherwise. */
  answers?: Record<string, Record<string, unknown>>;
}

/** By operationId. */
export type RecordedExamples = Record<string, RecordedOperation>;

export const recordedExamples: RecordedExamples = recorded as RecordedExamples;

/** The examples as text with their random ids (environments, snapshots) masked: two recordings compare equal. */
export function comparableExamples(examples: RecordedExamples): string {
  return JSON.stringify(examples).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}
