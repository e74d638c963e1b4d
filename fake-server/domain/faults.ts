/**
 * Fault switches for one fake environment, each scoped to one license server: the next
 * database writes fail, the Clearinghouse line is busy, answers are slow. Tests set them
 * through the test-control API; nothing in the fake ever reacts to magic input values.
 */
import { UnavailableError } from './errors';
import { foldName } from './names';

export interface ServerFaults {
  /** Let `after` writes of the RD Licensing database through, then fail the next `count`. */
  failWrites?: { after: number; count: number } | undefined;
  /** Answer the next calls to the Clearinghouse about this server with a busy signal. */
  busySignals?: number | undefined;
  /** Delay every answer about this server by this many milliseconds. */
  latencyMs?: number | undefined;
}

/** Keys switches by the server's name as Windows compares it, whatever case a request used. */
class ServerMap<T> {
  private readonly entries = new Map<string, T>();
  get = (name: string) => this.entries.get(foldName(name));
  set = (name: string, value: T) => this.entries.set(foldName(name), value);
  delete = (name: string) => this.entries.delete(foldName(name));
}

/** What has been injected, per server, and how much of it is left. */
export class FaultPlan {
  private readonly byServer = new ServerMap<ServerFaults>();

  set(serverName: string, faults: ServerFaults): void {
    this.byServer.set(serverName, structuredClone(faults));
  }

  clear(serverName: string): void {
    this.byServer.delete(serverName);
  }

  current(serverName: string): ServerFaults {
    return structuredClone(this.byServer.get(serverName) ?? {});
  }

  /** Called before each write of a server's RD Licensing database; throws when a fault is due. */
  beforeWrite(serverName: string): void {
    const plan = this.byServer.get(serverName)?.failWrites;
    if (!plan || plan.count <= 0) return;
    if (plan.after > 0) {
      plan.after -= 1;
      return;
    }
    plan.count -= 1;
    throw new UnavailableError(
      'database-write-failed',
      `The RD Licensing database of ${serverName} could not be written (injected fault). Nothing was changed; try again.`,
    );
  }

  /** Called when the Clearinghouse picks up a call about a server; throws while the line is busy. */
  answerCall(serverName: string): void {
    const faults = this.byServer.get(serverName);
    if (!faults?.busySignals) return;
    faults.busySignals -= 1;
    throw new UnavailableError('clearinghouse-line-busy', 'The Clearinghouse line is busy. Nothing was recorded; call again.');
  }

  latencyFor(serverName: string): number {
    return this.byServer.get(serverName)?.latencyMs ?? 0;
  }
}
