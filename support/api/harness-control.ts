/**
 * The harness's own control of the fake, over its test-control API in every profile: the
 * scenario's environment, seeding, the clock, faults, snapshots, and reads of what the fake
 * stores. None of it is something a person does in the procedure, so no driver does it on pages.
 */
import { DatabaseContents, FaultSwitches, HarnessControl, PurchaseRecord, StateSnapshot, WorldFixture } from '../seams/person-and-harness';
import { FakeApi } from './fake-api';
import { expectKeyPackAsTheConsoleShowsIt } from '../words/console-words';

export class ApiHarness implements HarnessControl {
  constructor(private readonly api: FakeApi) {}

  async startScenario(): Promise<void> {
    const { environmentId } = await this.api.call('post', '/_test/environments', { body: {} });
    this.api.environmentId = environmentId;
  }

  async endScenario(): Promise<void> {
    const id = this.api.environmentId;
    if (id === undefined) return;
    await this.api.call('delete', '/_test/environments/{id}', { path: { id } });
    this.api.environmentId = undefined;
  }

  async seed(fixture: WorldFixture): Promise<void> {
    await this.api.call('post', '/_test/seed', { body: fixture });
  }

  async resetWorld(): Promise<void> {
    await this.api.call('post', '/_test/reset');
  }

  async seedFixtureFile(name: string): Promise<void> {
    await this.api.call('post', '/_test/fixtures/{name}', { path: { name } });
  }

  async takeSnapshot(): Promise<string> {
    return (await this.api.call('post', '/_test/snapshots')).snapshotId;
  }

  async restoreSnapshot(snapshotId: string): Promise<void> {
    await this.api.call('post', '/_test/snapshots/{snapshotId}/restore', { path: { snapshotId } });
  }

  async setClock(instant: string): Promise<void> {
    await this.api.call('put', '/_test/clock', { body: { now: instant } });
  }

  readClock(): Promise<{ now: string; frozen: boolean }> {
    return this.api.call('get', '/_test/clock');
  }

  async advanceClock(by: { days?: number; minutes?: number }): Promise<void> {
    await this.api.call('post', '/_test/clock/advance', { body: by });
  }

  /** The fake answers with the plan it now holds: a plan it took differently would make the scenario prove something else. */
  async setFaults(serverName: string, faults: FaultSwitches): Promise<void> {
    const held = await this.api.call('put', '/_test/license-servers/{server}/faults', { path: { server: serverName }, body: faults });
    if (JSON.stringify(held) !== JSON.stringify(faults)) {
      throw new Error(`The fake holds the faults ${JSON.stringify(held)} for ${serverName}, not ${JSON.stringify(faults)}`);
    }
  }

  async clearFaults(serverName: string): Promise<void> {
    await this.api.call('delete', '/_test/license-servers/{server}/faults', { path: { server: serverName } });
  }

  /**
   * Reads every page of the database (issued CALs come at most 2,500 to an answer). Its packs are
   * held to the words the console shows (support/words/console-words.ts), like everything a person reads.
   */
  async databaseOf(name: string): Promise<DatabaseContents> {
    const route = '/_test/license-servers/{server}/database';
    const first = await this.api.call('get', route, { path: { server: name } });
    const issuedCals = [...first.issuedCals];
    for (let from = first.nextIssuedCalsFrom; from !== null;) {
      const page = await this.api.call('get', route, { path: { server: name }, query: { issuedCalsFrom: from } });
      issuedCals.push(...page.issuedCals);
      from = page.nextIssuedCalsFrom;
    }
    first.keyPacks.forEach(expectKeyPackAsTheConsoleShowsIt);
    return { keyPacks: first.keyPacks, issuedCals };
  }

  async purchaseRecords(): Promise<PurchaseRecord[]> {
    return (await this.api.call('get', '/_test/clearinghouse/purchases')).purchases;
  }

  async issuedKeyPackIds(): Promise<string[]> {
    const { issuances } = await this.api.call('get', '/_test/clearinghouse/issuances');
    return issuances.map((issuance) => issuance.licenseKeyPackId);
  }

  async environmentDigest(): Promise<string> {
    return (await this.api.call('get', '/_test/digest')).digest;
  }

  snapshot(name: string): Promise<StateSnapshot> {
    return this.api.call('get', '/_test/license-servers/{server}/snapshot', { path: { server: name } });
  }

  async unexpectedServerErrors(): Promise<string[]> {
    const { errors } = await this.api.call('get', '/_test/unexpected-errors');
    return errors.map((error) => `${error.method} ${error.path}: ${error.message}`);
  }
}
