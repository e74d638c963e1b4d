/**
 * The host names a fake started with --allowed-host or RDL_ALLOWED_HOSTS answers besides the
 * loopback ones (request-guards.ts): the name a container is reached by (`fake` in a compose
 * file) is not loopback, and the Host check would otherwise refuse it as DNS rebinding.
 */

/** A DNS name or label, as a Host header carries it (no port, no scheme). */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** The names of --allowed-host and RDL_ALLOWED_HOSTS; one that is not a host name stops the start, naming it. */
export function allowedHostNames(options: readonly string[], environment: string | undefined): string[] {
  const names = [...options, ...(environment ?? '').split(',').map((name) => name.trim())].filter((name) => name !== '');
  const bad = names.find((name) => !HOST_NAME.test(name));
  if (bad !== undefined) {
    throw new Error(
      `--allowed-host and RDL_ALLOWED_HOSTS take host names (letters, digits, hyphens and dots, no port), not "${bad.slice(0, 100)}".`,
    );
  }
  return names;
}
