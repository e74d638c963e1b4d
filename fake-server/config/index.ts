/** Configuration of the fake that the real product leaves undocumented, loaded from JSON. */
import telephoneTable from './clearinghouse-telephone-numbers.json';
import reasonList from './rebuild-reasons.json';
import { LockoutPolicy, WINDOWS_LOCKOUT_POLICY } from '../domain/sign-in-lockout';

export interface FakeConfig {
  /** Clearinghouse telephone number per country/region chosen at activation. */
  telephoneNumbers: Readonly<Record<string, string>>;
  /** Reasons the wizard offers for a rebuild. */
  rebuildReasons: readonly string[];
  /** Shared by the Clearinghouse and the license servers to seal license key pack IDs. */
  sealingSecret: string;
  /**
   * The most issued CALs seeding may leave on one license server: every read of a
   * server's database (and every before/after comparison of a refusal) is then bounded.
   * The benchmarks raise it to build very large databases in process.
   */
  maxIssuedCalsPerServer: number;
  /** Account lockout after failed sign-ins (domain/sign-in-lockout.ts); `npm start -- --lockout-threshold`. */
  signInLockout: LockoutPolicy;
}

export const DEFAULT_CONFIG: FakeConfig = {
  telephoneNumbers: telephoneTable.numbers,
  rebuildReasons: reasonList.reasons,
  sealingSecret: 'fake-clearinghouse-sealing-secret',
  maxIssuedCalsPerServer: 10_000,
  signInLockout: WINDOWS_LOCKOUT_POLICY,
};
