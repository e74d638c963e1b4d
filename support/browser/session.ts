/**
 * What one cucumber worker keeps for the browser profile: one headless Chromium, one
 * signed-in page per account (reused by later scenarios, which only change the
 * environment header), and the pages already checked with axe-core.
 */
import AxeBuilder from '@axe-core/playwright';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';

let browser: Promise<Browser> | undefined;
const pages = new Map<string, Promise<Page>>();
const checked = new Set<string>();

export function workerBrowser(): Promise<Browser> {
  browser ??= launchChromium();
  return browser;
}

/** The worker's page for an account, made (and signed in) by `create` the first time. */
export function pageFor(account: string, create: () => Promise<Page>): Promise<Page> {
  let page = pages.get(account);
  if (!page) {
    page = create();
    pages.set(account, page);
  }
  return page;
}

export function allPages(): Promise<Page>[] {
  return [...pages.values()];
}

/**
 * Checks a page with axe-core the first time a page of its kind (its headings) is shown in
 * this worker, and fails on any serious or critical violation, naming them.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  // The document title names the kind of page; server names are left out of it.
  const [title, alerts] = await Promise.all([page.title(), page.getByRole('alert').count()]);
  const kind = title.replace(/\bLS-[\w-]+/gi, '<server>');
  const alert = alerts > 0 ? ' (with a refusal)' : '';
  if (checked.has(kind + alert)) return;
  checked.add(kind + alert);
  const results = await new AxeBuilder({ page }).analyze();
  const grave = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (grave.length > 0) {
    const named = grave.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
    throw new Error(`The page "${kind}" fails accessibility checks:\n  ${named.join('\n  ')}`);
  }
}

export async function closeWorkerBrowser(): Promise<void> {
  pages.clear();
  checked.clear();
  if (browser) await (await browser).close();
  browser = undefined;
}
