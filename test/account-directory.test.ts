/**
 * The account directory's rules that no scenario reads, because a scenario signs in with
 * accounts the fake hashed a moment before (their right passwords are remembered as proved):
 * a directory opened again over the stored hashes (the fake restarted on its --db file) checks
 * passwords by scrypt alone; a password proved right for one account proves nothing for
 * another; a group nested two deep still grants its rights; a refusal names every group.
 */
import assert from 'node:assert/strict';
import { TestContext, describe, it } from 'node:test';
import { AccountDirectory, PasswordHasher, isAdministrator, requireAdministrator } from '../fake-server/domain/accounts';
import { NotAuthenticatedError, PermissionDeniedError } from '../fake-server/domain/errors';
import { SERVER_A, SERVER_B, openStores } from './helpers/persistence-stores';

/** The accounts as the licensing database keeps them (persistence's own tables, in memory): what a --db file holds between two runs. */
async function storedAccounts(t: TestContext) {
  const stores = await openStores();
  t.after(() => stores.close());
  return stores.accounts;
}

const signIn = (directory: AccountDirectory, serverName: string, userName: string, password: string) =>
  directory.authenticate(serverName, { userName, password });

describe('the account directory', () => {
  it('opened again over stored hashes, with nothing remembered, signs in with the right password and refuses a wrong one', async (t) => {
    const stored = await storedAccounts(t);
    const first = new AccountDirectory(stored, new PasswordHasher());
    first.addAccount(SERVER_A, 'admin', 'alpha-secret', ['Administrators']);
    first.addAccount(SERVER_A, 'jdoe', 'jdoe-secret', ['Users']);
    // As after a restart on the --db file: the same stored accounts, a new hasher and directory.
    const again = new AccountDirectory(stored, new PasswordHasher());
    assert.equal(signIn(again, SERVER_A, 'admin', 'alpha-secret').userName, 'admin');
    assert.equal(signIn(again, SERVER_A, 'jdoe', 'jdoe-secret').userName, 'jdoe');
    assert.throws(() => signIn(again, SERVER_A, 'jdoe', 'alpha-secret'), NotAuthenticatedError);
    assert.deepEqual(again.serversFor({ userName: 'admin', password: 'alpha-secret' }), [SERVER_A]);
    // Windows compares user names without regard to case, in the list of servers as at one server.
    assert.deepEqual(again.serversFor({ userName: 'ADMIN', password: 'alpha-secret' }), [SERVER_A]);
  });

  it('takes a password proved right for one account as proof for no other account', async (t) => {
    const directory = new AccountDirectory(await storedAccounts(t), new PasswordHasher());
    directory.addAccount(SERVER_A, 'admin', 'alpha-secret', ['Administrators']);
    directory.addAccount(SERVER_B, 'admin', 'beta-secret', ['Administrators']);
    assert.equal(signIn(directory, SERVER_A, 'admin', 'alpha-secret').serverName, SERVER_A);
    assert.throws(() => signIn(directory, SERVER_B, 'admin', 'alpha-secret'), NotAuthenticatedError);
    assert.deepEqual(directory.serversFor({ userName: 'admin', password: 'beta-secret' }), [SERVER_B]);
  });

  it('grants the rights of a group nested two deep, whatever order the memberships were added in', async (t) => {
    const directory = new AccountDirectory(await storedAccounts(t), new PasswordHasher());
    directory.addAccount(SERVER_A, 'jdoe', 'jdoe-secret', ['Helpdesk']);
    // The outer link first: a single pass over the memberships would miss Administrators.
    directory.addGroupMember(SERVER_A, 'Administrators', 'Operators');
    directory.addGroupMember(SERVER_A, 'Operators', 'Helpdesk');
    const caller = signIn(directory, SERVER_A, 'jdoe', 'jdoe-secret');
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
