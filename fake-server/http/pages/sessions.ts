/**
 * Sessions of signed-in browsers: an id in an HttpOnly, SameSite cookie, the credentials in
 * memory (every page checks them again, as the API does). The real RD Licensing Manager is a
 * console with no sessions; these rules are the fake's own, chosen as a careful web console's:
 *  - a session not used for 8 hours is closed (real time: the virtual clock is the licences'
 *    time, and a scenario that moves it on by years must not sign its browser out);
 *  - one account keeps at most 20 sessions, its oldest closed first, so one account signing
 *    in over and over (1,000 times pushed every other session out) closes only its own; an
 *    account is its environment, the servers it opens and its user name (sessionOwner), so a
 *    namesake on another server or in another environment closes none of them;
 *  - at most 10,000 in all, the least recently used closed first.
 */
import { randomUUID } from 'node:crypto';
import { foldName } from '../../domain/names';

export interface Session {
  userName: string;
  password: string;
}

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSIONS_PER_USER = 20;
export const MAX_SESSIONS = 10_000;

interface Held extends Session {
  owner: string;
  lastUsed: number;
  /** How a wizard this session worked just closed, for the next page of that server to say once. */
  wizardClosed?: { serverName: string; outcome: 'finished' | 'cancelled' };
}

export class Sessions {
  /** In order of last use, least recent first. */
  private readonly byId = new Map<string, Held>();
  /** Each owner's session ids, oldest first: a sign-in costs the same however many sessions are open. */
  private readonly byUser = new Map<string, string[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Opens a session for an owner (sessionOwner; by default the user name alone), closing its oldest beyond SESSIONS_PER_USER. */
  open(session: Session, owner: string = foldName(session.userName)): string {
    const id = randomUUID();
    const user = owner;
    const own = this.byUser.get(user) ?? [];
    while (own.length >= SESSIONS_PER_USER) this.byId.delete(own.shift() as string);
    own.push(id);
    this.byUser.set(user, own);
    this.byId.set(id, { ...session, owner, lastUsed: this.now() });
    if (this.byId.size > MAX_SESSIONS) this.close(this.byId.keys().next().value as string);
    return id;
  }

  /** The session the id names, if it is open and has been used within the idle limit; using it keeps it open. */
  find(id: string | undefined): Session | undefined {
    const held = id === undefined ? undefined : this.byId.get(id);
    if (id === undefined || !held) return undefined;
    if (this.now() - held.lastUsed > SESSION_IDLE_MS) {
      this.close(id);
      return undefined;
    }
    held.lastUsed = this.now();
    this.byId.delete(id); // and in again: the map's order is the order of last use
    this.byId.set(id, held);
    return { userName: held.userName, password: held.password };
  }

  /** Remembers that this session's move closed a server's wizard, for that server's next page to say. */
  noteWizardClosed(id: string | undefined, serverName: string, outcome: 'finished' | 'cancelled'): void {
    const held = id === undefined ? undefined : this.byId.get(id);
    if (held) held.wizardClosed = { serverName, outcome };
  }

  /** How the server's wizard just closed, if this session closed it and no page has said so yet; said once. */
  takeWizardClosed(id: string | undefined, serverName: string): 'finished' | 'cancelled' | undefined {
    const held = id === undefined ? undefined : this.byId.get(id);
    const closed = held?.wizardClosed;
    if (!held || !closed || closed.serverName !== serverName) return undefined;
    delete held.wizardClosed;
    return closed.outcome;
  }

  close(id: string | undefined): void {
    const held = id === undefined ? undefined : this.byId.get(id);
    if (id === undefined || !held) return;
    this.byId.delete(id);
    const own = (this.byUser.get(held.owner) ?? []).filter((other) => other !== id);
    if (own.length > 0) this.byUser.set(held.owner, own);
    else this.byUser.delete(held.owner);
  }

  get size(): number {
    return this.byId.size;
  }
}

/**
 * Whose a session is, for the cap of SESSIONS_PER_USER: the environment, the servers the
 * credentials opened at sign-in and the user name. Counting user names alone let 20 sign-ins of
 * another "Administrator" (another server or environment) close the demo administrator's session.
 */
export function sessionOwner(environmentId: string, serverNames: readonly string[], userName: string): string {
  return JSON.stringify([environmentId, serverNames.map(foldName).sort(), foldName(userName)]);
}
