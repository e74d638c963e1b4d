/**
 * RD Licensing Manager: what an administrator does on a license server (procedure steps
 * 1 to 11). Every change checks the caller's permission, then runs in one transaction.
 */
import { AccountDirectory, requireAdministrator } from './accounts';
import { ConnectionMethod } from './catalogue';
import { Clearinghouse } from './clearinghouse';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { shownName } from './names';
import { KeyPackIdCodec } from './key-pack-id';
import { Caller, Credentials, InstalledKeyPack, LicenseServer, LicensingEvent } from './model';
import { Clock, EventLog, LicenseServerRepository, LicensingDatabase, Transactor, WizardSessionRepository } from './ports';
import { applyEffect } from './rebuild-effects';
import { WizardEvent, WizardState, moveInWords, transition } from './wizard';
import { WizardView, viewOf } from './wizard-view';
import { WizardSession } from './wizard-session';

/** The named license server, or NotFoundError: the one place that refuses an unknown name. */
export function existingServer(servers: LicenseServerRepository, name: string): LicenseServer {
  const server = servers.find(name);
  if (!server) throw new NotFoundError('unknown-license-server', `There is no license server named "${shownName(name)}".`);
  return server;
}

export interface LicensingManagerDependencies {
  servers: LicenseServerRepository;
  database: LicensingDatabase;
  events: EventLog;
  wizards: WizardSessionRepository;
  accounts: AccountDirectory;
  transactor: Transactor;
  codec: KeyPackIdCodec;
  clearinghouse: Clearinghouse;
  clock: Clock;
  /** The reasons offered for a rebuild; Microsoft's list is not public, so it is configurable. */
  rebuildReasons: readonly string[];
}

export class LicensingManager {
  constructor(private readonly deps: LicensingManagerDependencies) {}

  /**
   * Checks credentials against the local accounts of the named server (any case of its
   * name; the caller then carries the server's own spelling). A server that does not exist
   * gives a caller without valid credentials the same answer as one that does, so that
   * nobody learns which names exist before signing in; a caller whose credentials are
   * valid on some server is told the name is unknown.
   */
  signIn(serverName: string, credentials: Credentials | undefined): Caller {
    const server = this.deps.servers.find(serverName);
    if (server) return this.deps.accounts.authenticate(server.name, credentials);
    this.deps.accounts.requireValidElsewhere(serverName, credentials);
    throw new NotFoundError('unknown-license-server', `There is no license server named "${shownName(serverName)}".`);
  }

  /** Step 1: the license servers these credentials can manage. */
  listServers(credentials: Credentials | undefined): LicenseServer[] {
    const names = new Set(this.deps.accounts.serversFor(credentials));
    return this.deps.servers.list().filter((server) => names.has(server.name));
  }

  properties(caller: Caller): LicenseServer {
    return this.server(caller.serverName);
  }

  /** Step 2: Properties > Connection Method. */
  setConnectionMethod(caller: Caller, method: ConnectionMethod): LicenseServer {
    requireAdministrator(caller, 'Changing the connection method');
    return this.deps.transactor.inTransaction(() => {
      const server = this.server(caller.serverName);
      if (this.deps.wizards.find(server.name)) {
        throw new ConflictError('wizard-open', `Close the Manage RDS CALs Wizard on ${server.name} before changing its connection method.`);
      }
      const updated = { ...server, connectionMethod: method };
      this.deps.servers.save(updated);
      return updated;
    });
  }

  installedKeyPacks(caller: Caller): InstalledKeyPack[] {
    return this.deps.database.keyPacks(this.server(caller.serverName).name);
  }

  eventLog(caller: Caller): LicensingEvent[] {
    return this.deps.events.list(this.server(caller.serverName).name);
  }

  /** Step 3: Action > Manage RDS CALs. One wizard per server at a time. */
  openWizard(caller: Caller): WizardView {
    requireAdministrator(caller, 'The Manage RDS CALs Wizard');
    return this.deps.transactor.inTransaction(() => {
      const server = this.server(caller.serverName);
      const open = this.deps.wizards.find(server.name);
      if (open) {
        throw new ConflictError(
          'wizard-already-open',
          `The Manage RDS CALs Wizard is already open on ${server.name} (opened by ${open.openedBy} at ${open.openedAt}); finish or cancel it first.`,
        );
      }
      const session: WizardSession = {
        serverName: server.name,
        state: { page: 'welcome' },
        openedBy: caller.userName,
        openedAt: this.deps.clock.now().toISOString(),
      };
      this.deps.wizards.save(session);
      return this.view(session.state, server);
    });
  }

  wizardView(caller: Caller): WizardView {
    requireAdministrator(caller, 'The Manage RDS CALs Wizard');
    const server = this.server(caller.serverName);
    return this.view(this.session(server).state, server);
  }

  /** Steps 4 to 11: one move on the open wizard, with its effects, all or nothing. */
  actOnWizard(caller: Caller, event: WizardEvent): WizardView {
    requireAdministrator(caller, 'The Manage RDS CALs Wizard', moveInWords(event));
    return this.deps.transactor.inTransaction(() => {
      const server = this.server(caller.serverName);
      const session = this.session(server);
      const context = {
        reasons: this.deps.rebuildReasons,
        connectionMethod: server.connectionMethod,
        activated: server.licenseServerId !== null,
      };
      const result = transition(session.state, event, context);
      if (!result.ok) {
        throw result.kind === 'invalid-choice'
          ? new InvalidInputError(result.code, result.message)
          : new ConflictError(result.code, result.message);
      }
      for (const effect of result.effects) applyEffect(effect, server, this.deps);
      if (result.state.page === 'closed') this.deps.wizards.remove(server.name);
      else this.deps.wizards.save({ ...session, state: result.state });
      return this.view(result.state, server);
    });
  }

  private view(state: WizardState, server: LicenseServer): WizardView {
    const telephoneNumber =
      server.countryRegion === null ? null : (this.deps.clearinghouse.telephoneNumberFor(server.countryRegion) ?? null);
    return viewOf(state, server, this.deps.rebuildReasons, telephoneNumber);
  }

  private server(name: string): LicenseServer {
    return existingServer(this.deps.servers, name);
  }

  private session(server: LicenseServer): WizardSession {
    const session = this.deps.wizards.find(server.name);
    if (!session) {
      throw new NotFoundError(
        'wizard-not-open',
        `The Manage RDS CALs Wizard is not open on ${server.name}; open it with Action > Manage RDS CALs.`,
      );
    }
    return session;
  }
}
