/**
 * Finds a Chromium to drive with playwright-core, without downloading anything:
 *  1. CHROMIUM_PATH, when set (it must exist: a wrong path is an error, not a fallback);
 *  2. Debian's /usr/bin/chromium, when installed;
 *  3. otherwise the Chromium shipped inside the npm package @sparticuz/chromium, which
 *     unpacks itself once into the temporary folder and brings its own launch flags.
 * So `npm ci && npm test` needs no system package, and a machine that has one uses it.
 */
import { existsSync } from 'node:fs';
import { Browser, LaunchOptions, chromium } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless browser on a machine with a closed network, run as root. */
const QUIET_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  /** Where it came from, for messages and reports. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

let chosen: Promise<ChromiumChoice> | undefined;

/** The Chromium this process uses; decided once (unpacking the bundled one takes a second). */
export function chooseChromium(): Promise<ChromiumChoice> {
  chosen ??= decide();
  return chosen;
}

async function decide(): Promise<ChromiumChoice> {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`CHROMIUM_PATH names ${fromEnvironment}, which does not exist.`);
    return { executablePath: fromEnvironment, args: QUIET_FLAGS, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: QUIET_FLAGS, source: 'system' };
  // Loaded only here: importing the package has side effects on some hosts (library paths).
  const bundled = (await import('@sparticuz/chromium')).default;
  bundled.setGraphicsMode = false;
  const executablePath = await bundled.executablePath();
  // Its own list also switches web security off (made for serverless scraping): keep ours,
  // plus the two process flags the bundled build needs to start in a container.
  const args = [...QUIET_FLAGS, '--no-zygote', '--disable-dev-shm-usage'];
  return { executablePath, args, source: '@sparticuz/chromium' };
}

/** Launches the chosen Chromium headless. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath, args } = await chooseChromium();
  return chromium.launch({ ...options, executablePath, args: [...args, ...(options.args ?? [])] });
}
