/**
 * Reading the fake's pages as a person does: tables by their caption, a refusal by its
 * alert, a control by its role and accessible name. Each table is read in one round trip
 * (the rows' text, cells separated by tabs), which keeps the browser driver quick.
 */
import type { Page } from 'playwright-core';
import { Refusal } from '../seams/person-and-harness';

/** The rows of a table named by its caption, each as its cells' text; the header row is first when there is one. */
export async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const rows = await page.getByRole('table', { name: caption, exact: true }).getByRole('row').allInnerTexts();
  return rows.map((row) => row.split('\t').map((cell) => cell.replace(/\s+/g, ' ').trim()));
}

/** What a page shows for "none" is a dash; the driver's values say null. */
export function shownOrNull(text: string | undefined): string | null {
  return text === undefined || text === '—' ? null : text;
}

/** A table with a header row, as one record per body row keyed by the column headers. */
export async function tableRecords(page: Page, caption: string): Promise<Record<string, string>[]> {
  const [header = [], ...rows] = await tableRows(page, caption);
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

/** A two-column table of facts (a row header and its value), as a map. */
export async function tableFacts(page: Page, caption: string): Promise<Map<string, string>> {
  return new Map((await tableRows(page, caption)).map(([name = '', value = '']) => [name, value]));
}

const KIND_BY_STATUS: Record<string, Refusal['kind']> = {
  '401': 'not-signed-in',
  '403': 'not-permitted',
  '404': 'not-found',
  '503': 'unavailable',
};

/** The refusal the page shows in its alert, if any: the fake's message and its stable code. */
export async function refusalShown(page: Page): Promise<Refusal | undefined> {
  // One round trip for what is asked after every load and every move: the alert's text and status, if there is one.
  const [shown] = await page.locator('[role="alert"]').evaluateAll((alerts) =>
    alerts.map((alert) => ({
      text: (alert as { innerText?: string }).innerText ?? '',
      status: alert.getAttribute('data-problem-status'),
    })),
  );
  if (!shown) return undefined;
  const { text, status } = shown;
  const code = /Code:\s*([a-z0-9-]+)/.exec(text)?.[1] ?? 'unknown';
  const reason = text
    .replace(/\s*Code:\s*[a-z0-9-]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  // The class of refusal, as the API's status gives it: the page carries the status too.
  const answeredAs = status === '409' ? 'not possible now' : status === '422' ? 'invalid input' : undefined;
  return new Refusal(KIND_BY_STATUS[status ?? ''] ?? 'refused', code, reason, answeredAs);
}

/** Throws the refusal the page shows, so a step sees the same Refusal as through the API. */
export async function throwIfRefused(page: Page): Promise<void> {
  const refusal = await refusalShown(page);
  if (refusal) throw refusal;
}

/**
 * Does something that loads a new page (a link, the sign-in form), and waits for it. The wait
 * starts before the action, so a page that loads at once is not missed; the URL may stay the same
 * (a form posts, then is redirected back), so it waits for the document, not for an address.
 */
export async function andWaitForPage(page: Page, action: () => Promise<unknown>): Promise<void> {
  const loaded = page.waitForEvent('domcontentloaded');
  await action();
  await loaded;
}

/**
 * Does something that posts a form in place (the page's script replaces <main>, marked
 * aria-busy meanwhile), and waits until the answer is on the screen.
 */
export async function andWaitForAnswer(page: Page, action: () => Promise<unknown>): Promise<void> {
  await action();
  // A locator, not waitForFunction: the pages' Content-Security-Policy forbids the eval that a
  // predicate given as text needs (and the pages' own script must run under that policy).
  await page.locator('main[aria-busy="true"]').waitFor({ state: 'detached' });
}
