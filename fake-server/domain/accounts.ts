/**
 * Local accounts of the license server computers and the procedure's permission rule:
 * membership in the local Administrators group is the minimum to change anything.
 * Passwords are kept only as salted scrypt hashes (cost lowered for a test fake; a
 * verified credential is remembered so repeated requests stay cheap).
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { NotAuthenticatedError, PermissionDeniedError } from './errors';
import { Caller, LocalAccount } from './model';
import { AccountRepository } from './ports';

export const ADMINISTRATORS_GROUP = 'Administrators';

const SCRYPT_OPTIONS = { N: 1024, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Hashes a password as `scrypt$<salt hex>$<hash hex>`. */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password, salt, KEY_LENGTH, SCRYPT_OPTIONS);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length, SCRYPT_OPTIONS);
  return timingSafeEqual(actual, expected);
}

export function isAdministrator(caller: Caller): boolean {
  return caller.groups.includes(ADMINISTRATORS_GROUP);
}

/** Refuses callers outside the local Administrators group, naming what they would need. */
export function requireAdministrator(caller: Caller, whatFor: string): void {
  if (!isAdministrator(caller)) {
    throw new PermissionDeniedError(
      `${whatFor} needs membership in the local Administrators group on ${caller.serverName}; ` +
        `"${caller.userName}" is a member of: ${caller.groups.join(', ') || 'no group'}.`,
    );
  }
}

/** Checks credentials against the local accounts of license server computers. */
export class AccountDirectory {
  /** Digests of credentials already verified, so scrypt runs once per account and password. */
  private readonly verified = new Set<string>();

  constructor(private readonly accounts: AccountRepository) {}

  /** Adds or replaces a local account; the password is hashed before it is stored. */
  addAccount(serverName: string, userName: string, password: string, groups: string[]): void {
    this.accounts.save({ serverName, userName, passwordHash: hashPassword(password), groups });
  }

  /** The identity of a user on one server, or NotAuthenticatedError. */
  authenticate(serverName: string, userName: string | undefined, password: string | undefined): Caller {
    if (userName === undefined || password === undefined) {
      throw new NotAuthenticatedError(`Sign in with a local account of ${serverName}.`);
    }
    const account = this.accounts.find(serverName, userName);
    if (!account || !this.passwordMatches(account, password)) {
      throw new NotAuthenticatedError(`The user name or password is not correct for ${serverName}.`);
    }
    return { serverName, userName: account.userName, groups: account.groups };
  }

  /** The servers on which these credentials are valid (RD Licensing Manager's server list). */
  serversFor(userName: string | undefined, password: string | undefined): string[] {
    if (userName === undefined || password === undefined) {
      throw new NotAuthenticatedError('Sign in with a local account of a license server.');
    }
    const servers = this.accounts
      .listByUserName(userName)
      .filter((account) => this.passwordMatches(account, password))
      .map((account) => account.serverName);
    if (servers.length === 0) throw new NotAuthenticatedError('The user name or password is not correct for any license server.');
    return servers;
  }

  private passwordMatches(account: LocalAccount, password: string): boolean {
    const key = createHash('sha256').update(`${account.passwordHash}\0${password}`).digest('hex');
    if (this.verified.has(key)) return true;
    if (!verifyPassword(password, account.passwordHash)) return false;
    this.verified.add(key);
    return true;
  }
}
