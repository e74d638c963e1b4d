/**
 * The browser driver's cost beside the API driver's, in the same run: each profile's whole
 * suite (two workers), the median scenario from cucumber's own timestamps, and the median
 * time of one wizard page (a click on Next or Back until the next page is on the screen).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserDriver } from '../support/browser/browser-driver';
import { FakeApi } from '../support/api/fake-api';
import { ApiHarness } from '../support/api/harness-control';
import { allContexts, closeWorkerBrowser, contextFor, workerBrowser } from '../support/browser/session';
import { startFake } from '../support/fake/fake-under-test';
import { PERSONAS } from '../support/glue/personas';
import { CUCUMBER, ROOT, median, timeCommand } from './lib';

interface Timestamp {
  seconds: number;
  nanos: number;
}
const millis = (at: Timestamp) => at.seconds * 1000 + at.nanos / 1e6;

/** One run of a profile: its wall time and the median scenario time from its message stream. */
export function profileTimes(profile: 'ci' | 'browser'): { wallMs: number; medianScenarioMs: number; scenarios: number } {
  const dir = mkdtempSync(join(tmpdir(), 'profile-timing-'));
  try {
    const stream = join(dir, 'messages.ndjson');
    const wallMs = timeCommand([CUCUMBER, '--profile', profile, '--format', `message:${stream}`], ROOT);
    const started = new Map<string, number>();
    const durations: number[] = [];
    for (const line of readFileSync(stream, 'utf8').split('\n')) {
      if (!line) continue;
      const envelope = JSON.parse(line) as {
        testCaseStarted?: { id: string; timestamp: Timestamp };
        testCaseFinished?: { testCaseStartedId: string; timestamp: Timestamp };
      };
      if (envelope.testCaseStarted) started.set(envelope.testCaseStarted.id, millis(envelope.testCaseStarted.timestamp));
      const finished = envelope.testCaseFinished;
      const from = finished && started.get(finished.testCaseStartedId);
      if (finished && from !== undefined) durations.push(millis(finished.timestamp) - from);
    }
    return { wallMs, medianScenarioMs: median(durations), scenarios: durations.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median time of one wizard page in the browser: Next from Welcome, Back from Action Selection, repeated. */
export async function wizardPageMedianMs(moves = 40): Promise<number> {
  const fake = await startFake();
  const api = new FakeApi(fake.baseUrl);
  const harness = new ApiHarness(api);
  const driver = new BrowserDriver(api, { browser: workerBrowser, contextFor, allContexts, onPage: () => Promise.resolve() });
  try {
    await harness.startScenario();
    await driver.startScenario();
    const { administrator } = PERSONAS;
    await harness.seed({ licenseServers: [{ name: 'LS-BENCH', accounts: [{ ...administrator, groups: [...administrator.groups] }] }] });
    driver.actAs(administrator);
    await driver.openManageCalsWizard('LS-BENCH');
    const times: number[] = [];
    for (let i = 0; i < moves; i += 1) {
      const started = performance.now();
      await driver.moveWizard('LS-BENCH', { type: i % 2 === 0 ? 'next' : 'back' });
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await closeWorkerBrowser();
    await fake.stop();
  }
}
