/**
 * The fake this worker process talks to. It is process-wide on purpose: starting it once
 * per worker keeps scenarios cheap, and each scenario still gets an isolated environment.
 *
 * With RDL_FAKE_URL set, the suite starts none: it verifies the fake already running there
 * (a container in CI, a colleague's instance), one environment per scenario as always. That
 * fake must have been started with --test-control; RDL_TEST_CONTROL_TOKEN carries its token.
 */
import { reachRunningFake } from './remote-fake';
import { startFake } from './fake-under-test';

/** What the scenarios need of the fake: where it is, and how to let it go. */
export interface FakeInUse {
  baseUrl: string;
  stop(): Promise<void>;
}

let fake: FakeInUse | undefined;

export async function startProcessFake(): Promise<void> {
  const url = process.env.RDL_FAKE_URL;
  fake ??= url ? await reachRunningFake(url) : await startFake();
}

export async function stopProcessFake(): Promise<void> {
  await fake?.stop();
  fake = undefined;
}

export function runningFake(): FakeInUse {
  if (!fake) throw new Error('The fake license server has not been started (BeforeAll hook)');
  return fake;
}
