/**
 * A fake someone else started (RDL_FAKE_URL): checked once, before any scenario, so that a
 * wrong address fails the run at once with one sentence instead of every scenario timing out.
 */
import { TEST_CONTROL_TOKEN_HEADER } from '../../fake-server/http/request-guards';

/** How long the fake has to answer GET /healthz: a running fake answers in milliseconds. */
const ANSWER_WITHIN_MS = 5_000;

/** The header the test-control routes of a fake started with --test-control-token need (RDL_TEST_CONTROL_TOKEN). */
export function testControlTokenHeaders(): Record<string, string> {
  const token = process.env.RDL_TEST_CONTROL_TOKEN;
  return token ? { [TEST_CONTROL_TOKEN_HEADER]: token } : {};
}

export async function reachRunningFake(url: string): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const baseUrl = url.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#]+$/.test(baseUrl)) {
    throw new Error(`RDL_FAKE_URL must be the fake's address, like http://127.0.0.1:3990, not "${url}".`);
  }
  let health: { status?: string; testControl?: boolean };
  try {
    const answer = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
    if (answer.status !== 200) throw new Error(`it answered ${answer.status}`);
    health = (await answer.json()) as typeof health;
  } catch (error) {
    const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    const sentence =
      `RDL_FAKE_URL is ${baseUrl}, but no fake answers GET ${baseUrl}/healthz there (${why}): start one ` +
      '(docs/running-the-fake.md), or unset RDL_FAKE_URL to let the suite start its own.';
    // Cucumber prints a failed BeforeAll under its own stack trace: the sentence comes first.
    console.error(sentence);
    throw new Error(sentence);
  }
  if (health.testControl !== true) {
    throw new Error(
      `The fake at ${baseUrl} was started without --test-control: the suite needs its /_test routes to give every scenario its own environment.`,
    );
  }
  return { baseUrl, stop: () => Promise.resolve() };
}
