/** License servers, their local accounts and their open wizards, stored in sql.js. */
import { ConnectionMethod } from '../domain/catalogue';
import { LicenseServer, LocalAccount } from '../domain/model';
import { foldName } from '../domain/names';
import { AccountRepository, LicenseServerRepository, WizardSessionRepository } from '../domain/ports';
import { WizardSession } from '../domain/wizard-session';
import { WizardState } from '../domain/wizard';
import { SqlDatabase } from './sql-database';

type ServerRow = { name: string; license_server_id: string | null; country_region: string | null; connection_method: string };

function toServer(row: ServerRow): LicenseServer {
  return {
    name: row.name,
    licenseServerId: row.license_server_id,
    countryRegion: row.country_region,
    connectionMethod: row.connection_method as ConnectionMethod,
  };
}

export class SqlLicenseServers implements LicenseServerRepository {
  constructor(private readonly sql: SqlDatabase) {}

  list(): LicenseServer[] {
    return this.sql.all<ServerRow>('SELECT * FROM license_servers ORDER BY name').map(toServer);
  }

  /** The server of that name, in any case; misses are not remembered (any name can be asked for). */
  find(name: string): LicenseServer | undefined {
    const read = () => {
      const row = this.sql.get<ServerRow>('SELECT * FROM license_servers WHERE name = ?', [name]);
      return row && toServer(row);
    };
    return this.sql.rememberFound(`server:${name}`, ['license_servers'], read);
  }

  findByLicenseServerId(licenseServerId: string): LicenseServer | undefined {
    const row = this.sql.get<ServerRow>('SELECT * FROM license_servers WHERE license_server_id = ?', [licenseServerId]);
    return row && toServer(row);
  }

  save(server: LicenseServer): void {
    const values = [server.licenseServerId, server.countryRegion, server.connectionMethod, server.name];
    if (this.sql.get('SELECT 1 AS found FROM license_servers WHERE name = ?', [server.name])) {
      this.sql.run('UPDATE license_servers SET license_server_id = ?, country_region = ?, connection_method = ? WHERE name = ?', values);
      return;
    }
    this.sql.run('INSERT INTO license_servers (license_server_id, country_region, connection_method, name) VALUES (?, ?, ?, ?)', values);
  }
}

type AccountRow = { server_name: string; user_name: string; password_hash: string; groups_json: string };

function toAccount(row: AccountRow): LocalAccount {
  return {
    serverName: row.server_name,
    userName: row.user_name,
    passwordHash: row.password_hash,
    groups: JSON.parse(row.groups_json) as string[],
  };
}

export class SqlAccounts implements AccountRepository {
  constructor(private readonly sql: SqlDatabase) {}

  /** The account of that name (folded as Windows does); misses are not remembered. */
  find(serverName: string, userName: string): LocalAccount | undefined {
    const key = foldName(userName);
    const read = () => {
      const row = this.sql.get<AccountRow>('SELECT * FROM accounts WHERE server_name = ? AND user_key = ?', [serverName, key]);
      return row && toAccount(row);
    };
    return this.sql.rememberFound(`account:${serverName}\0${key}`, ['accounts'], read);
  }

  listByUserName(userName: string): LocalAccount[] {
    return this.sql.all<AccountRow>('SELECT * FROM accounts WHERE user_key = ? ORDER BY server_name', [foldName(userName)]).map(toAccount);
  }

  addGroupMember(serverName: string, group: string, member: string): void {
    this.sql.run(
      `INSERT INTO local_group_members (server_name, group_name, group_key, member_name, member_key) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [serverName, group, foldName(group), member, foldName(member)],
    );
  }

  groupMembers(serverName: string): { group: string; member: string }[] {
    return this.sql.remember(`group-members:${serverName}`, ['local_group_members'], () =>
      this.sql
        .all<{ group_name: string; member_name: string }>(
          'SELECT group_name, member_name FROM local_group_members WHERE server_name = ? ORDER BY group_key, member_key',
          [serverName],
        )
        .map((row) => ({ group: row.group_name, member: row.member_name })),
    );
  }

  save(account: LocalAccount): void {
    this.sql.run(
      `INSERT INTO accounts (server_name, user_name, user_key, password_hash, groups_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (server_name, user_key) DO UPDATE SET password_hash = excluded.password_hash, groups_json = excluded.groups_json`,
      [account.serverName, account.userName, foldName(account.userName), account.passwordHash, JSON.stringify(account.groups)],
    );
  }
}

type SessionRow = { server_name: string; state_json: string; opened_by: string; opened_at: string };

export class SqlWizardSessions implements WizardSessionRepository {
  constructor(private readonly sql: SqlDatabase) {}

  find(serverName: string): WizardSession | undefined {
    return this.sql.remember(`wizard:${serverName}`, ['wizard_sessions'], () => {
      const row = this.sql.get<SessionRow>('SELECT * FROM wizard_sessions WHERE server_name = ?', [serverName]);
      if (!row) return undefined;
      return {
        serverName: row.server_name,
        state: JSON.parse(row.state_json) as WizardState,
        openedBy: row.opened_by,
        openedAt: row.opened_at,
      };
    });
  }

  save(session: WizardSession): void {
    this.sql.run(
      `INSERT INTO wizard_sessions (server_name, state_json, opened_by, opened_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (server_name) DO UPDATE SET state_json = excluded.state_json`,
      [session.serverName, JSON.stringify(session.state), session.openedBy, session.openedAt],
    );
  }

  remove(serverName: string): void {
    this.sql.run('DELETE FROM wizard_sessions WHERE server_name = ?', [serverName]);
  }
}
