/**
 * The fake this worker process talks to. It is process-wide on purpose: starting it once
 * per worker keeps scenarios cheap, and each scenario still gets an isolated environment.
 */
import { RunningFake, startFake } from './fake-under-test';

let fake: RunningFake | undefined;

export async function startProcessFake(): Promise<void> {
  fake ??= await startFake();
}

export async function stopProcessFake(): Promise<void> {
  await fake?.stop();
  fake = undefined;
}

export function runningFake(): RunningFake {
  if (!fake) throw new Error('The fake license server has not been started (BeforeAll hook)');
  return fake;
}
