/**
 * Playwright, axe-core and the bundled Chromium take about 0.4 s to load, more than the
 * whole start-up of the API profile should. So only the browser profile loads them (its
 * BeforeAll hook), and a run over HTTP never does.
 */
import type * as BrowserSession from './session';

let loaded: typeof BrowserSession | undefined;

export async function loadBrowserSession(): Promise<typeof BrowserSession> {
  loaded ??= await import('./session');
  return loaded;
}

/** The session loaded by the browser profile's BeforeAll hook. */
export function browserSession(): typeof BrowserSession {
  if (!loaded) throw new Error('The browser session is loaded by the BeforeAll hook of the browser profile; it was not.');
  return loaded;
}

export async function closeBrowserSessionIfLoaded(): Promise<void> {
  await loaded?.closeWorkerBrowser();
}
