/**
 * What one cucumber worker keeps for the browser profile: one headless Chromium, one
 * signed-in browser context per account (reused by later scenarios, which only change the
 * environment header and open pages of their own in it), and the kinds of page already
 * checked with axe-core.
 */
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium';

let browser: Promise<Browser> | undefined;
const contexts = new Map<string, Promise<BrowserContext>>();
const checked = new Set<string>();

export function workerBrowser(): Promise<Browser> {
  browser ??= launchChromium();
  return browser;
}

/** The worker's browser context for an account, made (and signed in) by `create` the first time. */
export function contextFor(account: string, create: () => Promise<BrowserContext>): Promise<BrowserContext> {
  let context = contexts.get(account);
  if (!context) {
    context = create();
    contexts.set(account, context);
  }
  return context;
}

export function allContexts(): Promise<BrowserContext>[] {
  return [...contexts.values()];
}

/**
 * Checks a page with axe-core the first time a page of its kind (its title) is shown in the
 * run, and fails on any serious or critical violation, naming them.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  // The document title names the kind of page; server names are left out of it.
  // One round trip: a Playwright locator costs about 30 ms on a new document, an evaluate a few.
  const [title, refused] = await page.evaluate<[string, boolean]>(`[document.title, document.querySelector('[role="alert"]') !== null]`);
  const kind = title.replace(/\bLS-[\w-]+/gi, '<server>');
  const alert = refused ? ' (with a refusal)' : '';
  if (checked.has(kind + alert)) return;
  checked.add(kind + alert);
  if (!claimForThisRun(kind + alert)) return;
  // Only violations are detailed: the passes, which nobody reads, cost as much again to gather and send.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const grave = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (grave.length > 0) {
    const named = grave.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
    throw new Error(`The page "${kind}" fails accessibility checks:\n  ${named.join('\n  ')}`);
  }
}

/**
 * Whether this worker is the first of the run to check this kind of page. An axe-core run
 * costs about a second here, so each kind is checked once per run, not once per worker: the
 * workers claim kinds by making a folder (which only one of them can) under one named for
 * the run (RDL_RUN_ID, which cucumber.js sets before the workers start). A process with no
 * run id (a script) checks every kind itself.
 */
function claimForThisRun(kind: string): boolean {
  const run = process.env.RDL_RUN_ID;
  if (!run) return true;
  const folder = join(tmpdir(), `rdl-accessibility-${run.replace(/[^\w-]/g, '')}`);
  mkdirSync(folder, { recursive: true });
  try {
    mkdirSync(join(folder, createHash('sha256').update(kind).digest('hex').slice(0, 16)));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export async function closeWorkerBrowser(): Promise<void> {
  contexts.clear();
  checked.clear();
  if (browser) await (await browser).close();
  browser = undefined;
}
