/**
 * What a refused sign-in costs must not depend on who exists, nor on another environment's
 * passwords. Costs are counted, not timed: each in-line scrypt derivation is one unit of the
 * work an answer's time is made of (the probe measured an unknown name at two against one for
 * a known name, and a right password of a same-named account in another environment at none).
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PasswordHasher } from '../fake-server/domain/accounts';
import { FakeEnvironment, createEnvironment } from '../fake-server/environment';

const SERVER = 'LS-ALPHA';

/** Counts scryptSync calls made while `work` runs (the hasher's in-line derivations). */
function scryptsDuring(work: () => unknown): number {
  const original = crypto.scryptSync;
  let calls = 0;
  crypto.scryptSync = ((...args: Parameters<typeof original>) => {
    calls += 1;
    return original(...args);
  }) as typeof original;
  try {
    work();
  } catch {
    // refusals are what is measured
  } finally {
    crypto.scryptSync = original;
  }
  return calls;
}

describe('the cost of a sign-in', () => {
  const hasher = new PasswordHasher(); // shared by the environments of a process, as the registry shares it
  let mine: FakeEnvironment;
  let theirs: FakeEnvironment;

  before(async () => {
    const world = (password: string, serverNames: string[]) => ({
      licenseServers: serverNames.map((name) => ({
        name,
        accounts: [{ userName: 'Administrator', password, groups: ['Administrators'] }],
      })),
    });
    mine = await createEnvironment({ hasher, fixture: world('mine-Pass-1', [SERVER, 'LS-BETA']) });
    theirs = await createEnvironment({ hasher, fixture: world('theirs-Pass-1', [SERVER]) });
  });

  after(() => {
    mine.close();
    theirs.close();
  });

  const signIn = (server: string, userName: string, password: string) => () => mine.manager.signIn(server, { userName, password });
  const list = (userName: string, password: string) => () => mine.manager.listServers({ userName, password });

  it('costs an unknown user name what a wrong password of a known one costs', () => {
    const wrong = scryptsDuring(signIn(SERVER, 'Administrator', 'wrong-Pass-1'));
    assert.equal(wrong, 1, 'a wrong password: one scrypt');
    assert.equal(scryptsDuring(signIn(SERVER, 'nobody-here', 'wrong-Pass-2')), wrong, 'an unknown user on a known server');
    assert.equal(scryptsDuring(signIn('LS-NONE', 'nobody-here', 'wrong-Pass-3')), wrong, 'an unknown user on an unknown server');
    assert.equal(scryptsDuring(signIn('LS-NONE', 'Administrator', 'wrong-Pass-4')), wrong, 'a known user on an unknown server');
    assert.equal(scryptsDuring(list('nobody-here', 'wrong-Pass-5')), wrong, 'the server list, an unknown user');
    assert.equal(scryptsDuring(list('Administrator', 'wrong-Pass-6')), wrong, 'the server list, a wrong password of two accounts');
  });

  it("costs another environment's right password what a wrong one costs", () => {
    const wrong = scryptsDuring(signIn(SERVER, 'Administrator', 'wrong-Pass-7'));
    assert.equal(scryptsDuring(signIn(SERVER, 'Administrator', 'theirs-Pass-1')), wrong);
    assert.equal(scryptsDuring(signIn('LS-NONE', 'Administrator', 'theirs-Pass-1')), wrong, 'nor on an unknown server');
    assert.equal(scryptsDuring(list('Administrator', 'theirs-Pass-1')), wrong, 'nor in the server list');
  });

  it("signs in with this environment's right password, remembered, and no one else's", () => {
    assert.equal(mine.manager.signIn(SERVER, { userName: 'administrator', password: 'mine-Pass-1' }).serverName, SERVER);
    assert.equal(scryptsDuring(signIn(SERVER, 'Administrator', 'mine-Pass-1')), 0, 'a right password is remembered');
    assert.throws(signIn(SERVER, 'Administrator', 'theirs-Pass-1'), /not correct/);
    assert.deepEqual(
      mine.manager.listServers({ userName: 'Administrator', password: 'mine-Pass-1' }).map((server) => server.name),
      ['LS-ALPHA', 'LS-BETA'],
    );
  });
});
