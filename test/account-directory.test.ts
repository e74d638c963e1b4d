/**
 * The account directory's rules that no scenario reads, because a scenario signs in with
 * accounts the fake hashed a moment before (their right passwords are remembered as proved):
 * a directory opened again over the stored hashes (the fake restarted on its --db file) checks
 * passwords by scrypt alone; a password proved right for one account proves nothing for
 * another; a group nested two deep still grants its rights; a refusal names every group.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountDirectory, PasswordHasher, isAdministrator, requireAdministrator } from '../fake-server/domain/accounts';
import { NotAuthenticatedError, PermissionDeniedError } from '../fake-server/domain/errors';
import type { LocalAccount } from '../fake-server/domain/model';
import { foldName } from '../fake-server/domain/names';
import type { AccountRepository } from '../fake-server/domain/ports';

/** The accounts as the database keeps them, without the fake's SQL: what a --db file holds between two runs. */
class StoredAccounts implements AccountRepository {
  private readonly accounts = new Map<string, LocalAccount>();
  private readonly memberships: { serverName: string; group: string; member: string }[] = [];

  find(serverName: string, userName: string): LocalAccount | undefined {
    return this.accounts.get(`${foldName(serverName)}\\${foldName(userName)}`);
  }

  listByUserName(userName: string): LocalAccount[] {
    return [...this.accounts.values()].filter((account) => foldName(account.userName) === foldName(userName));
  }

  save(account: LocalAccount): void {
    this.accounts.set(`${foldName(account.serverName)}\\${foldName(account.userName)}`, account);
  }

  addGroupMember(serverName: string, group: string, member: string): void {
    this.memberships.push({ serverName, group, member });
  }

  groupMembers(serverName: string): { group: string; member: string }[] {
    return this.memberships.filter((membership) => foldName(membership.serverName) === foldName(serverName));
  }
}

const signIn = (directory: AccountDirectory, serverName: string, userName: string, password: string) =>
  directory.authenticate(serverName, { userName, password });

describe('the account directory', () => {
  it('opened again over stored hashes, with nothing remembered, signs in with the right password and refuses a wrong one', () => {
    const stored = new StoredAccounts();
    const first = new AccountDirectory(stored, new PasswordHasher());
    first.addAccount('LS-ALPHA', 'admin', 'alpha-secret', ['Administrators']);
    first.addAccount('LS-ALPHA', 'jdoe', 'jdoe-secret', ['Users']);
    // As after a restart on the --db file: the same stored accounts, a new hasher and directory.
    const again = new AccountDirectory(stored, new PasswordHasher());
    assert.equal(signIn(again, 'LS-ALPHA', 'admin', 'alpha-secret').userName, 'admin');
    assert.equal(signIn(again, 'LS-ALPHA', 'jdoe', 'jdoe-secret').userName, 'jdoe');
    assert.throws(() => signIn(again, 'LS-ALPHA', 'jdoe', 'alpha-secret'), NotAuthenticatedError);
    assert.deepEqual(again.serversFor({ userName: 'admin', password: 'alpha-secret' }), ['LS-ALPHA']);
  });

  it('takes a password proved right for one account as proof for no other account', () => {
    const directory = new AccountDirectory(new StoredAccounts(), new PasswordHasher());
    directory.addAccount('LS-ALPHA', 'admin', 'alpha-secret', ['Administrators']);
    directory.addAccount('LS-BETA', 'admin', 'beta-secret', ['Administrators']);
    assert.equal(signIn(directory, 'LS-ALPHA', 'admin', 'alpha-secret').serverName, 'LS-ALPHA');
    assert.throws(() => signIn(directory, 'LS-BETA', 'admin', 'alpha-secret'), NotAuthenticatedError);
    assert.deepEqual(directory.serversFor({ userName: 'admin', password: 'beta-secret' }), ['LS-BETA']);
  });

  it('grants the rights of a group nested two deep, whatever order the memberships were added in', () => {
    const directory = new AccountDirectory(new StoredAccounts(), new PasswordHasher());
    directory.addAccount('LS-ALPHA', 'jdoe', 'jdoe-secret', ['Helpdesk']);
    // The outer link first: a single pass over the memberships would miss Administrators.
    directory.addGroupMember('LS-ALPHA', 'Administrators', 'Operators');
    directory.addGroupMember('LS-ALPHA', 'Operators', 'Helpdesk');
    const caller = signIn(directory, 'LS-ALPHA', 'jdoe', 'jdoe-secret');
    assert.deepEqual(caller.groups, ['Helpdesk', 'Operators', 'Administrators']);
    assert.ok(isAdministrator(caller));
  });

  it('names every group of a caller it refuses, and says so when there is none', () => {
    const refusal = (groups: string[]) => {
      try {
        requireAdministrator({ serverName: 'LS-ALPHA', userName: 'jdoe', groups }, 'Deleting the database');
      } catch (error) {
        assert.ok(error instanceof PermissionDeniedError);
        return error.message;
      }
      return assert.fail('a caller outside Administrators was let through');
    };
    assert.equal(
      refusal(['Users', 'Remote Desktop Users']),
      'Deleting the database needs membership in the local Administrators group on LS-ALPHA; "jdoe" is a member of: Users, Remote Desktop Users.',
    );
    assert.match(refusal([]), /"jdoe" is a member of: no group\.$/);
  });
});
