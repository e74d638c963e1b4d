/**
 * Local accounts of the license server computers and the procedure's permission rule:
 * membership in the local Administrators group is the minimum to change anything.
 * Passwords are kept only as salted scrypt hashes.
 */
import { createHash, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { NotAuthenticatedError, PermissionDeniedError } from './errors';
import { Caller, Credentials, LocalAccount } from './model';
import { sameName, foldName, shownName } from './names';
import { AccountRepository } from './ports';
import { SignInLockout } from './sign-in-lockout';

export const ADMINISTRATORS_GROUP = 'Administrators';

const SCRYPT_OPTIONS = { N: 1024, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const REMEMBERED_HASHES = 10_000;

/**
 * Hashes passwords with scrypt (cost lowered for a test fake). The salt is derived from the
 * user name alone, so the same account in many scenario environments, and the accounts of one
 * user name on many servers, hash alike. Hashes made to be stored are remembered, so a suite
 * pays for scrypt once per user name and password when it seeds, instead of in every
 * environment. Checking a password never uses that memory: an environment's own memory of the
 * passwords that proved right (AccountDirectory) does, so no environment's answer times tell
 * anything of another's passwords. (A real license server salts each hash at random; for a fake
 * with test credentials, bounded work matters more.)
 */
export class PasswordHasher {
  private readonly remembered = new Map<string, Buffer>();

  /** `scrypt$<salt hex>$<hash hex>` for this account and password. */
  hash(userName: string, password: string): string {
    const salt = saltFor(userName);
    const key = rememberedKey(password, salt);
    const derived = this.remembered.get(key) ?? this.remember(key, this.derive(password, salt));
    return `scrypt$${salt.toString('hex')}$${derived.toString('hex')}`;
  }

  /**
   * Derives and remembers the hash of an account about to be stored, on libuv's thread pool,
   * so that the hash() which stores it finds it made: hashed in line, each new account of a
   * seed held the event loop for about a millisecond of scrypt, every other client waiting.
   */
  // Stryker disable next-line BlockStatement: equivalent in answers, hash() derives in line what was not prepared (a cost, not a behaviour)
  async prepare(userName: string, password: string): Promise<void> {
    const salt = saltFor(userName);
    const key = rememberedKey(password, salt);
    // Stryker disable next-line ConditionalExpression: equivalent, hashing a remembered password again derives the same hash (a cost, not a behaviour)
    if (this.remembered.has(key)) return;
    const derived = await new Promise<Buffer>((resolve, reject) =>
      scrypt(fixedLength(password), salt, KEY_LENGTH, SCRYPT_OPTIONS, (error, made) => (error ? reject(error) : resolve(made))),
    );
    this.remember(key, derived);
  }

  /**
   * Which of these stored hashes the password was made into, with one scrypt per salt among
   * them (the accounts of one user name share a salt: 150 servers cost one derivation, not 150).
   * Every stored hash was made by hash(): seeds hash what they store, and a --db file whose
   * hashes have another shape is refused at start (persistence/database-file.ts).
   */
  matches(password: string, stored: readonly string[]): boolean[] {
    const derivedBySalt = new Map<string, Buffer>();
    return stored.map((hash) => {
      const [, saltHex, hashHex] = hash.split('$') as [string, string, string];
      let derived = derivedBySalt.get(saltHex);
      if (derived === undefined) {
        derived = this.derive(password, Buffer.from(saltHex, 'hex'));
        derivedBySalt.set(saltHex, derived);
      }
      return timingSafeEqual(derived, Buffer.from(hashHex, 'hex'));
    });
  }

  /** The work of checking a password of this user name, for a name no account has: one scrypt, as for a wrong password. */
  spendAsOnACheck(userName: string, password: string): void {
    this.derive(password, saltFor(userName));
  }

  private derive(password: string, salt: Buffer): Buffer {
    return scryptSync(fixedLength(password), salt, KEY_LENGTH, SCRYPT_OPTIONS);
  }

  // Stryker disable next-line BlockStatement: equivalent in answers, a hash not remembered is derived again (a cost, not a behaviour)
  private remember(key: string, derived: Buffer): Buffer {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, when the memory of hashes is emptied changes cost, not answers
    if (this.remembered.size >= REMEMBERED_HASHES) this.remembered.clear();
    this.remembered.set(key, derived);
    return derived;
  }
}

function saltFor(userName: string): Buffer {
  // Stryker disable next-line StringLiteral: equivalent in answers, the salt is never shown, and one the same for every name answers alike
  const salted = `account\0${foldName(userName)}`;
  return createHash('sha256').update(salted).digest().subarray(0, SALT_LENGTH);
}

function rememberedKey(password: string, salt: Buffer): string {
  // The salt has a fixed length, so salt and password run together name one pair only.
  const hashed = createHash('sha256').update(salt).update(password);
  // Stryker disable next-line StringLiteral: equivalent in answers, a key of another encoding (a Buffer, with digest("")) only makes the memo miss
  return hashed.digest('hex');
}

/**
 * scrypt keys its HMAC with the password, and HMAC pads short keys with zero bytes, so "pw"
 * and "pw\0" would derive the same hash. A fixed-length digest of the password has no such twins.
 */
function fixedLength(password: string): Buffer {
  return createHash('sha256').update(password).digest(); // a string is hashed as UTF-8
}

export function isAdministrator(caller: Caller): boolean {
  return caller.groups.some((group) => sameName(group, ADMINISTRATORS_GROUP));
}

/**
 * Refuses callers outside the local Administrators group, naming what they would need and, where
 * it is one move of several (a button of the wizard), what they tried: refusals of Back, Cancel
 * and Finish must not read the same.
 */
export function requireAdministrator(caller: Caller, whatFor: string, tried?: string): void {
  if (!isAdministrator(caller)) {
    throw new PermissionDeniedError(
      `${whatFor} needs membership in the local Administrators group on ${caller.serverName}` +
        `${tried === undefined ? '' : `, so ${tried} was refused`}; ` +
        `"${caller.userName}" is a member of: ${caller.groups.join(', ') || 'no group'}.`,
    );
  }
}

/**
 * The credentials someone signs in with: none at all is asked to sign in with an account of the
 * server named (or of "a license server"), and a blank password is refused as below.
 */
function presented(credentials: Credentials | undefined, accountOf: string): Credentials {
  if (credentials === undefined) throw new NotAuthenticatedError(`Sign in with a local account of ${shownName(accountOf)}.`);
  refuseBlankPassword(credentials.password);
  return credentials;
}

/**
 * Windows' default policy "Accounts: Limit local account use of blank passwords to console
 * logon only": every way into the fake is a network logon, so a blank password never signs in,
 * whichever account it is given for (the refusal tells nothing about the account).
 */
function refuseBlankPassword(password: string): void {
  if (password === '') {
    throw new NotAuthenticatedError(
      'A blank password cannot sign in over the network: Windows limits local accounts with blank passwords to console logon. ' +
        'Give the account a password.',
    );
  }
}

/** Checks credentials against the local accounts of license server computers. */
export class AccountDirectory {
  /**
   * The passwords that proved right, each for the one stored hash it matched: this environment's
   * own, so a right password of a same-named account elsewhere (another server, another
   * environment) costs here what any wrong password costs. Only right passwords are kept, so
   * guessing does not grow it.
   */
  private readonly confirmed = new Set<string>();

  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly lockout: SignInLockout = new SignInLockout(),
  ) {}

  /** Hashes these passwords off the event loop, so adding the accounts afterwards holds it for no scrypt. */
  // Stryker disable next-line BlockStatement: equivalent in answers, addAccount hashes in line what was not prepared (a cost, not a behaviour)
  async preparePasswords(accounts: readonly { userName: string; password: string }[]): Promise<void> {
    // Stryker disable next-line ArrowFunction: equivalent in answers, as above
    await Promise.all(accounts.map((account) => this.hasher.prepare(account.userName, account.password)));
  }

  /** Adds or replaces a local account; the password is hashed before it is stored. */
  addAccount(serverName: string, userName: string, password: string, groups: string[]): void {
    const passwordHash = this.hasher.hash(userName, password);
    this.accounts.save({ serverName, userName, passwordHash, groups });
    this.confirm(passwordHash, password);
  }

  /** The identity of a user on one server, or NotAuthenticatedError. */
  authenticate(serverName: string, credentials: Credentials | undefined): Caller {
    const { userName, password } = presented(credentials, serverName);
    this.lockout.refuseIfLocked(userName);
    const account = this.accounts.find(serverName, userName);
    // An unknown user costs the one scrypt a wrong password costs, so timing tells no names apart.
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent in answers, this hashing only makes an unknown user cost as much time as a wrong password
    if (!account) this.hasher.spendAsOnACheck(userName, password);
    if (!account || !this.rightFor([account], password)[0]) {
      this.lockout.failed(userName);
      throw new NotAuthenticatedError(`The user name or password is not correct for ${shownName(serverName)}.`);
    }
    this.lockout.succeeded(userName);
    return { serverName, userName: account.userName, groups: this.effectiveGroups(serverName, account) };
  }

  /** Adds a member (an account or a group, such as a domain group) to a local group of a server. */
  addGroupMember(serverName: string, group: string, member: string): void {
    this.accounts.addGroupMember(serverName, group, member);
  }

  /**
   * The account's own groups, and every local group that has the account, or one of its
   * groups, as a member, however deeply nested ("or equivalent" in the permissions note:
   * a domain group made a member of the local Administrators group).
   */
  private effectiveGroups(serverName: string, account: LocalAccount): string[] {
    const memberships = this.accounts.groupMembers(serverName);
    const groups = [...account.groups];
    const known = new Set([foldName(account.userName), ...groups.map(foldName)]);
    for (let added = true; added;) {
      added = false;
      for (const { group, member } of memberships) {
        if (known.has(foldName(member)) && !known.has(foldName(group))) {
          known.add(foldName(group));
          groups.push(group);
          added = true;
        }
      }
    }
    return groups;
  }

  /**
   * For a server that does not exist: refuses exactly as authenticate() refuses for one
   * that does (same message, same hashing), unless the credentials are valid on some server.
   */
  requireValidElsewhere(serverName: string, credentials: Credentials | undefined): void {
    const { userName, password } = presented(credentials, serverName);
    this.lockout.refuseIfLocked(userName);
    const accounts = this.accounts.listByUserName(userName);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent in answers, this hashing only makes an unknown user cost as much time as a wrong password
    if (accounts.length === 0) this.hasher.spendAsOnACheck(userName, password);
    if (!this.rightFor(accounts, password).includes(true)) {
      this.lockout.failed(userName);
      throw new NotAuthenticatedError(`The user name or password is not correct for ${shownName(serverName)}.`);
    }
    this.lockout.succeeded(userName);
  }

  /** The servers on which these credentials are valid (RD Licensing Manager's server list). */
  serversFor(credentials: Credentials | undefined): string[] {
    const { userName, password } = presented(credentials, 'a license server');
    this.lockout.refuseIfLocked(userName);
    const accounts = this.accounts.listByUserName(userName);
    // An unknown user name costs the same scrypt as a known one with a wrong password: the answer's time tells no names apart.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent in answers, this hashing changes only the time an answer takes
    if (accounts.length === 0) this.hasher.spendAsOnACheck(userName, password);
    const right = this.rightFor(accounts, password);
    const servers = accounts.filter((_, index) => right[index]).map((account) => account.serverName);
    if (servers.length === 0) {
      this.lockout.failed(userName);
      throw new NotAuthenticatedError('The user name or password is not correct for any license server.');
    }
    this.lockout.succeeded(userName);
    return servers;
  }

  /** For each account, whether the password is its own: remembered ones free, the rest with one scrypt per salt. */
  private rightFor(accounts: readonly LocalAccount[], password: string): boolean[] {
    const unsure = accounts.filter((account) => !this.confirmed.has(confirmationKey(account.passwordHash, password)));
    const matched = this.hasher.matches(
      password,
      unsure.map((account) => account.passwordHash),
    );
    const proved = new Set(unsure.filter((_, index) => matched[index]).map((account) => account.passwordHash));
    for (const hash of proved) this.confirm(hash, password);
    return accounts.map((account) => proved.has(account.passwordHash) || !unsure.includes(account));
  }

  // Stryker disable next-line BlockStatement: equivalent in answers, a password not remembered is checked with scrypt again (a cost, not a behaviour)
  private confirm(passwordHash: string, password: string): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, when the memory is emptied changes cost, not answers
    if (this.confirmed.size >= REMEMBERED_HASHES) this.confirmed.clear();
    this.confirmed.add(confirmationKey(passwordHash, password));
  }
}

/** One stored hash and one password; a hash has no NUL, so the pair is named once. */
function confirmationKey(passwordHash: string, password: string): string {
  return createHash('sha256').update(`${passwordHash}\0`).update(password).digest('hex');
}
