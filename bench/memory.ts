/**
 * Child process: resident memory of the fake with 1,000 license servers loaded in one
 * environment (each activated, with a local administrator and one installed pack of 20
 * CALs, 5 of them issued). Prints JSON: RSS before and after, in MiB.
 */
import { createEnvironment } from '../fake-server/environment';

export const SERVERS = 1000;

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  (await createEnvironment()).close();
  gc?.();
  const before = process.memoryUsage().rss;
  const names = Array.from({ length: SERVERS }, (_, index) => `LS-${String(index).padStart(4, '0')}`);
  const environment = await createEnvironment({
    fixture: {
      licenseServers: names.map((name) => ({ name, accounts: [{ userName: 'admin', password: 'x', groups: ['Administrators'] }] })),
      purchases: names.map((name, index) => ({
        information: { program: 'select' as const, agreementNumber: String(3_000_000 + index) },
        productVersion: 'Windows Server 2022',
        calType: 'perDevice' as const,
        quantity: 20,
        installedOn: name,
        issuedCals: 5,
      })),
    },
  });
  gc?.();
  const after = process.memoryUsage().rss;
  if (environment.manager.listServers({ userName: 'admin', password: 'x' }).length !== SERVERS)
    throw new Error('not every server was loaded');
  process.stdout.write(`${JSON.stringify({ beforeMiB: before / 2 ** 20, afterMiB: after / 2 ** 20 })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
