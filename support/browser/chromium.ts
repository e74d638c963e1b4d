/**
 * Finds a Chromium to drive with playwright-core, without downloading anything:
 *  1. CHROMIUM_PATH, when set (it must exist: a wrong path is an error, not a fallback);
 *  2. Debian's /usr/bin/chromium, when installed;
 *  3. otherwise the Chromium shipped inside the npm package @sparticuz/chromium, which
 *     unpacks itself once into the temporary folder and brings its own launch flags. It is
 *     a Linux x64 build only: elsewhere (macOS, Windows, ARM) the run stops with one sentence
 *     saying to set CHROMIUM_PATH.
 * So on Linux x64 `npm ci && npm test` needs no system package, and a machine that has one uses it.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
  const unavailable = bundledChromiumUnavailable(process.platform, process.arch);
  if (unavailable) throw new Error(unavailable);
  const executablePath = await unpackedBundledChromium();
  // Its own list also switches web security off (made for serverless scraping): keep ours,
  // plus the two process flags the bundled build needs to start in a container.
  const args = [...QUIET_FLAGS, '--no-zygote', '--disable-dev-shm-usage'];
  return { executablePath, args, source: '@sparticuz/chromium' };
}

/** Why the bundled Chromium cannot run on this platform, as one sentence saying what to do; undefined on Linux x64. */
export function bundledChromiumUnavailable(platform: string, arch: string): string | undefined {
  if (platform === 'linux' && arch === 'x64') return undefined;
  return (
    `No Chromium to run the browser profile: CHROMIUM_PATH is not set, ${DEBIAN_CHROMIUM} does not exist, and the ` +
    `Chromium bundled in @sparticuz/chromium runs on Linux x64 only (this is ${platform} ${arch}); ` +
    'set CHROMIUM_PATH to a Chromium or Chrome executable.'
  );
}

/**
 * The bundled Chromium unpacks itself into the temporary folder, and two cucumber workers
 * starting at once would unpack over each other (one launching a half-written binary).
 * So each process unpacks into a folder of its own and renames it into place; whoever is
 * second finds the first's copy and uses that. One copy per package version stays.
 */
async function unpackedBundledChromium(): Promise<string> {
  // The package exports no package.json; its entry point is build/cjs/index.cjs.
  const packageFile = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };
  const shared = join(tmpdir(), `rdl-chromium-${version}`);
  if (existsSync(join(shared, 'chromium'))) return join(shared, 'chromium');
  const own = mkdtempSync(join(tmpdir(), 'rdl-chromium-unpacking-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = own; // the package unpacks into os.tmpdir()
  try {
    // Loaded only here: importing the package has side effects on some hosts (library paths).
    const bundled = (await import('@sparticuz/chromium')).default;
    bundled.setGraphicsMode = false;
    await bundled.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  try {
    renameSync(own, shared);
  } catch {
    rmSync(own, { recursive: true, force: true }); // another process was first
  }
  return join(shared, 'chromium');
}

/** Launches the chosen Chromium headless. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath, args } = await chooseChromium();
  return chromium.launch({ ...options, executablePath, args: [...args, ...(options.args ?? [])] });
}
