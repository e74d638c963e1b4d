/**
 * The console's own sign-in and Sign out, and what the pages say and focus, read as a person
 * meets them (issue 28: a refused sign-in that cleared the user name, a Sign out that left the
 * session open on the server, a closed-wizard note on another server's page and the focus taken
 * from a refusal all passed every scenario).
 *
 * Signing in and out happens in a browser context of the scenario's own: the worker's signed-in
 * contexts are reused by later scenarios (support/browser/session.ts), and signing one of them
 * out would sign those scenarios out too. The contexts opened here are closed with the scenario.
 */
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { LicenseServerInfo } from '../seams/person-and-harness';
import { CONNECTION_METHOD_LABELS, valueOf } from '../words/page-labels';
import { andWaitForPage, shownOrNull, tableRecords, throwIfRefused } from './page-reading';

export interface OwnBrowserDeps {
  browser(): Promise<Browser>;
  /** The scenario's environment headers and the fake's address, as the worker's contexts have them. */
  headers(): Record<string, string>;
  base(): string;
  /** The accessibility check every page shown passes. */
  onPage(page: Page): Promise<void>;
}

export class OwnSignIn {
  /** The page of the browser that signed in (or tried to). */
  private signedIn: Page | undefined;
  private copied: Cookie[] | undefined;
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly deps: OwnBrowserDeps) {}

  /** Types the account on the sign-in page and clicks Sign in; a refusal the page then shows is thrown. */
  async signIn(account: { userName: string; password: string }): Promise<void> {
    const page = await this.freshPage();
    this.signedIn = page;
    await page.goto('/sign-in', { waitUntil: 'domcontentloaded' });
    await page.getByLabel('User name').fill(account.userName);
    await page.getByLabel('Password').fill(account.password);
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    await this.deps.onPage(page);
    await throwIfRefused(page);
  }

  async signInFormHolds(): Promise<{ userName: string; password: string }> {
    const page = this.page();
    return { userName: await page.getByLabel('User name').inputValue(), password: await page.getByLabel('Password').inputValue() };
  }

  /** The cookies of the signed-in browser, as someone with its developer tools could copy them (HttpOnly or not). */
  async copySessionCookie(): Promise<void> {
    this.copied = await this.page().context().cookies();
    if (this.copied.length === 0) throw new Error('The signed-in browser holds no cookie to copy: the sign-in set none');
  }

  async openManagerWithCopiedCookie(): Promise<LicenseServerInfo[]> {
    if (!this.copied) throw new Error('No session cookie was copied: copy it first');
    const page = await this.freshPage();
    await page.context().addCookies(this.copied);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await this.deps.onPage(page);
    await throwIfRefused(page);
    return serversListed(page);
  }

  async signOut(): Promise<void> {
    const page = this.page();
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign out' }).click());
    await this.deps.onPage(page);
  }

  async close(): Promise<void> {
    const contexts = this.contexts.splice(0);
    this.signedIn = undefined;
    this.copied = undefined;
    for (const context of contexts) await context.close();
  }

  private page(): Page {
    if (!this.signedIn) throw new Error('Nobody has signed in on the sign-in page in this scenario: sign in first');
    return this.signedIn;
  }

  private async freshPage(): Promise<Page> {
    const context = await (
      await this.deps.browser()
    ).newContext({ viewport: { width: 1000, height: 760 }, extraHTTPHeaders: this.deps.headers(), baseURL: this.deps.base() });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    return page;
  }
}

/** The servers RD Licensing Manager's first page lists. */
async function serversListed(page: Page): Promise<LicenseServerInfo[]> {
  return (await tableRecords(page, 'License servers')).map((row) => ({
    name: row.Name ?? '',
    activated: row['Activation status'] === 'Activated',
    licenseServerId: shownOrNull(row['License Server ID']),
    countryRegion: null,
    connectionMethod: valueOf(CONNECTION_METHOD_LABELS, row['Connection method'] ?? ''),
  }));
}

/** The notes (role "status") on the page: what it says once, such as how the wizard closed. */
export async function notesShown(page: Page): Promise<string[]> {
  return (await page.getByRole('main').getByRole('status').allInnerTexts()).map((note) => note.replace(/\s+/g, ' ').trim());
}

/**
 * What has the keyboard focus on the page: "the refusal" for the alert that announces one, else
 * the control's role and accessible name as a screen reader would start to read them, or
 * "nothing" (the document itself). Evaluated as text: this project's TypeScript has no DOM types.
 */
export function focusDescribed(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return 'nothing';
    if (focused.getAttribute('role') === 'alert') return 'the refusal';
    const tag = focused.tagName.toLowerCase();
    const type = (focused.getAttribute('type') || '').toLowerCase();
    const role = focused.getAttribute('role') || ({ button: 'button', select: 'combobox', a: 'link', h1: 'heading', h2: 'heading' })[tag] ||
      (tag === 'input' ? ({ checkbox: 'checkbox', radio: 'radio', submit: 'button' })[type] || 'textbox' : tag);
    const label = focused.getAttribute('aria-label') || (focused.labels && focused.labels[0] ? focused.labels[0].textContent : focused.textContent) || '';
    return role + ' "' + label.replace(/\\s+/g, ' ').trim() + '"';
  })()`);
}
