/**
 * A person's verbs (PersonVerbs) through the fake's web pages, in headless Chromium driven by
 * playwright-core: every procedure verb is done on a page, each control found by its role
 * and the accessible name the procedure uses. Setting up the world, the clock, faults,
 * snapshots and reads of stored state are not a person's verbs: they stay with the harness
 * (support/api/harness-control.ts), so a scenario's Givens and its checks of the fake's state are
 * the same for both drivers: only the way the procedure is performed differs. It shares the
 * scenario's connection to the fake (support/api/fake-api.ts) for the environment and the account.
 * It inherits from no driver: a verb it does not do on the pages does not compile.
 *
 * One browser per cucumber worker; one browser context per account (signed in once, then
 * reused by later scenarios, which only change the environment header).
 *
 * It knows only pages. In the browser profile a scenario's Given steps arrange over the API
 * instead; which driver does a verb is decided in one place, support/glue/who-acts.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  Account,
  ConnectionMethod,
  GrantedKeyPack,
  KeyPack,
  LicenseServerInfo,
  LoggedEvent,
  PersonVerbs,
  Refusal,
  TelephoneCall,
  WizardMove,
  WizardPage,
} from '../seams/person-and-harness';
import { CAL_TYPE_LABELS, CONNECTION_METHOD_LABELS, PROGRAM_LABELS, WIZARD_BUTTONS, valueOf } from '../words/page-labels';
import { andWaitForAnswer, andWaitForPage, refusalShown, shownOrNull, tableFacts, tableRecords, throwIfRefused } from './page-reading';
import { InputMode, buttonOf, moveAndRead, pasteIntoBoxes, reach, readWizardPage } from './wizard-screen';
import { Screens, wizardShown } from './screens';
import {
  CLEARINGHOUSE_PATH,
  fillInCall,
  fillInQuestion,
  keyPackShown,
  pressAsk,
  pressCall,
  telephoneNumbersShown,
} from './clearinghouse-screen';
import { OwnSignIn, focusDescribed, notesShown } from './own-sign-in';
import { Picture } from '../evidence/evidence-files';
import { FakeApi } from '../api/fake-api';

export class BrowserDriver implements PersonVerbs {
  /** Pictures of the pages this scenario's steps left on the screen, in order. */
  readonly pictures: Picture[] = [];
  /**
   * When pictures are taken: of the page each When step leaves on the screen (the browser
   * profile: a picture costs about 45 ms, most of it Chromium drawing a frame), or of every
   * wizard page reached (`npm run pictures`, which shows them all in the README).
   */
  picturesOf: 'each step' | 'every wizard page' = 'each step';
  /** The page the last verb left on the screen, and what to call its picture. */
  private leftOnScreen: { page: Page; label: string | undefined } | undefined;
  /** Mouse by default; the keyboard-only scenario switches to the keyboard. */
  inputMode: InputMode = 'mouse';
  /** What each of this scenario's pages shows, and whether it is still current (support/browser/screens.ts). */
  private readonly screens = new Screens();
  /** The page a verb last used: the one to take a picture of when a step fails. */
  private lastUsed: Page | undefined;
  /** This scenario's page for each account that has acted in it. */
  private readonly pages = new Map<string, Promise<Page>>();
  /** A second tab with the wizard, left as it was drawn (see openWizardInSecondTab). */
  private secondTab: Page | undefined;
  /** Signing in and out by hand, in a browser of the scenario's own (support/browser/own-sign-in.ts). */
  private readonly ownSignIn: OwnSignIn;

  constructor(
    private readonly api: FakeApi,
    private readonly session: {
      browser(): Promise<Browser>;
      /** The worker's signed-in browser context for an account, reused across scenarios. */
      contextFor(account: string, create: () => Promise<BrowserContext>): Promise<BrowserContext>;
      allContexts(): Promise<BrowserContext>[];
      /** Called with every page the driver shows, before it is read (the accessibility check). */
      onPage(page: Page): Promise<void>;
    },
  ) {
    this.ownSignIn = new OwnSignIn({
      browser: () => session.browser(),
      headers: () => api.environmentHeaders(),
      base: () => api.base(),
      onPage: (page) => session.onPage(page),
    });
    // A request that may change the fake (anything but GET), the Givens' over the API among them,
    // leaves every page on screen out of date: the next page verb loads its page afresh.
    api.onChange(() => this.screens.changed());
  }

  /** The pages are drawn in the account's own signed-in context (see `page`). */
  actAs(account: Account): void {
    this.api.actAs(account);
  }

  useKeyboardOnly(): void {
    this.inputMode = 'keyboard';
  }

  /** After the harness has started the scenario's environment: the worker's contexts are pointed at it. */
  async startScenario(): Promise<void> {
    this.pictures.length = 0;
    this.inputMode = 'mouse';
    const headers = this.api.environmentHeaders();
    for (const context of this.session.allContexts()) await (await context).setExtraHTTPHeaders(headers);
  }

  /** This scenario's pages are closed; the signed-in contexts stay for the next scenario. */
  async endScenario(): Promise<void> {
    const pages = [...this.pages.values()];
    if (this.secondTab) pages.push(Promise.resolve(this.secondTab));
    this.secondTab = undefined;
    this.pages.clear();
    this.lastUsed = undefined;
    for (const page of pages) await (await page).close();
    await this.ownSignIn.close();
  }

  async listLicenseServers(): Promise<LicenseServerInfo[]> {
    const page = await this.open('/');
    return (await tableRecords(page, 'License servers')).map((row) => ({
      name: row.Name ?? '',
      activated: row['Activation status'] === 'Activated',
      licenseServerId: shownOrNull(row['License Server ID']),
      countryRegion: null,
      connectionMethod: valueOf(CONNECTION_METHOD_LABELS, row['Connection method'] ?? ''),
    }));
  }

  async licenseServer(name: string): Promise<LicenseServerInfo> {
    return serverInfo(await this.open(serverPath(name)));
  }

  /** The method chosen in the Connection method list of Properties, by the words it shows. */
  async connectionMethodInProperties(name: string): Promise<ConnectionMethod> {
    const page = await this.open(`${serverPath(name)}/properties`);
    const chosen = await page.getByRole('combobox', { name: 'Connection method' }).locator('option:checked').textContent();
    return valueOf(CONNECTION_METHOD_LABELS, chosen?.trim() ?? '');
  }

  async setConnectionMethod(name: string, method: ConnectionMethod): Promise<LicenseServerInfo> {
    const page = await this.openToAct(serverPath(name));
    await page.getByText('Action', { exact: true }).click();
    await this.follow(page, () => page.getByRole('link', { name: 'Properties' }).click());
    const label = CONNECTION_METHOD_LABELS[method];
    if (label === undefined)
      throw new Error(`"${method}" is not in the Connection method list; a person cannot choose it (tag the scenario @api-only)`);
    await page.getByRole('combobox', { name: 'Connection method' }).selectOption({ label });
    await this.answer(page, () => page.getByRole('button', { name: 'OK' }).click());
    return serverInfo(page);
  }

  async installedKeyPacks(name: string): Promise<KeyPack[]> {
    const page = await this.open(serverPath(name));
    return (await tableRecords(page, 'Installed RDS CALs')).map((row) => {
      const expires = row.Expires ?? 'Never';
      return {
        licenseKeyPackId: row['License key pack ID'] ?? '',
        program: valueOf(PROGRAM_LABELS, row['Licensing program'] ?? ''),
        productVersion: row['Product version'] ?? '',
        calType: valueOf(CAL_TYPE_LABELS, row['CAL type'] ?? ''),
        totalLicenses: Number(row.Total),
        issuedLicenses: Number(row.Issued),
        availableLicenses: Number(row.Available),
        purchaseNumber: Number(row.Purchase),
        expiresAt: expires === 'Never' ? null : expires.replace(' (expired)', ''),
        expired: expires.endsWith('(expired)'),
      };
    });
  }

  async eventLog(name: string): Promise<LoggedEvent[]> {
    const page = await this.open(serverPath(name));
    return (await tableRecords(page, 'Event log')).map((row) => ({
      eventId: Number(row['Event ID']),
      level: row.Level ?? '',
      message: row.Message ?? '',
      licenseKeyPackId: shownOrNull(row['License key pack ID'])?.replace(/-/g, '') ?? null,
      recordedAt: row.Recorded ?? '',
    }));
  }

  async openManageCalsWizard(name: string): Promise<WizardPage> {
    const page = await this.openToAct(serverPath(name));
    const menu = page.getByText('Action', { exact: true });
    const entry = page.getByRole('button', { name: 'Manage RDS CALs' });
    if (this.inputMode === 'keyboard') {
      await reach(page, menu);
      await page.keyboard.press('Enter');
      await reach(page, entry);
      await this.answer(page, () => page.keyboard.press('Enter'));
    } else {
      await menu.click();
      await this.answer(page, () => entry.click());
    }
    return this.wizardPage(page, name);
  }

  async currentWizardPage(name: string): Promise<WizardPage> {
    const page = await this.wizardOnScreen(name);
    const view = await readWizardPage(page, name);
    this.screens.drawn(page, wizardShown(name));
    return view;
  }

  async moveWizard(name: string, move: WizardMove): Promise<WizardPage> {
    const page = await this.wizardOnScreen(name, buttonOf(move));
    let view: WizardPage;
    try {
      view = await moveAndRead(page, name, move, this.inputMode, (shown) => this.session.onPage(shown));
    } catch (error) {
      if (error instanceof Refusal) this.leftOnScreen = { page, label: `refused: ${error.code}` };
      throw error;
    } finally {
      this.screens.actedOn(page);
    }
    return this.shownAfterMove(page, view);
  }

  /** A second tab of the acting person's browser with the wizard as it is now. It is not redrawn afterwards. */
  async openWizardInSecondTab(name: string): Promise<WizardPage> {
    const tab = await newPage((await this.page()).context());
    this.secondTab = tab;
    await tab.goto(`${serverPath(name)}/wizard`, { waitUntil: 'domcontentloaded' });
    await this.session.onPage(tab);
    this.leftOnScreen = { page: tab, label: 'second tab' };
    return readWizardPage(tab, name);
  }

  /** A move on the second tab as it stands: its form carries the drawing it was made from. */
  async moveWizardInSecondTab(name: string, move: WizardMove): Promise<WizardPage> {
    const tab = this.secondTab;
    if (!tab) throw new Error('No second tab is open: open the wizard in a second tab first');
    let view: WizardPage;
    try {
      view = await moveAndRead(tab, name, move, this.inputMode, (shown) => this.session.onPage(shown));
    } catch (error) {
      if (error instanceof Refusal) this.leftOnScreen = { page: tab, label: `second tab refused: ${error.code}` };
      throw error;
    }
    // The tab is not one of the pages the driver keeps track of, but its move changed the fake under them all.
    this.screens.changed();
    return view;
  }

  async pasteKeyPackId(name: string, keyPackId: string, typedGroups = 0): Promise<WizardPage> {
    const page = await this.wizardOnScreen(name);
    await pasteIntoBoxes(page, keyPackId, typedGroups);
    // Moving on to Next leaves the boxes, which hands the ID to the wizard (posted in place).
    await this.answer(page, () => page.getByRole('button', { name: WIZARD_BUTTONS.next, exact: true }).focus());
    return this.wizardPage(page, name);
  }

  signIn(account: { userName: string; password: string }): Promise<void> {
    return this.ownSignIn.signIn(account);
  }

  signInFormHolds(): Promise<{ userName: string; password: string }> {
    return this.ownSignIn.signInFormHolds();
  }

  copySessionCookie(): Promise<void> {
    return this.ownSignIn.copySessionCookie();
  }

  openManagerWithCopiedCookie(): Promise<LicenseServerInfo[]> {
    return this.ownSignIn.openManagerWithCopiedCookie();
  }

  signOut(): Promise<void> {
    return this.ownSignIn.signOut();
  }

  /** Always on the page, even while a Given arranges: the note is what the scenario is about. */
  async notesOnServerPage(name: string): Promise<string[]> {
    return notesShown(await this.open(serverPath(name)));
  }

  /** The page the acting account last used (a refused move leaves its answer there). */
  async focusOnScreen(): Promise<string> {
    if (!this.lastUsed) throw new Error('No page has been shown in this scenario: nothing has the focus');
    return focusDescribed(this.lastUsed);
  }

  async telephoneNumbers(): Promise<Record<string, string>> {
    return telephoneNumbersShown(await this.open(CLEARINGHOUSE_PATH));
  }

  async callClearinghouse(call: TelephoneCall): Promise<GrantedKeyPack> {
    const page = await this.openToAct(CLEARINGHOUSE_PATH);
    await fillInCall(page, call, this.inputMode);
    await this.answer(page, () => pressCall(page, this.inputMode));
    return keyPackShown(page);
  }

  async askClearinghouseAbout(licenseKeyPackId: string): Promise<{ licenseServerId: string; purchaseNumber: number; quantity: number }> {
    const page = await this.openToAct(CLEARINGHOUSE_PATH);
    await fillInQuestion(page, licenseKeyPackId);
    await this.follow(page, () => pressAsk(page));
    const { licenseServerId, purchaseNumber, quantity } = await keyPackShown(page);
    return { licenseServerId, purchaseNumber, quantity };
  }

  /**
   * The page of the account acting now: a page of this scenario's own, in the account's
   * context (signed in once per worker). A page is not kept from one scenario to the next:
   * in this Chromium every document a page has shown makes its next one slower (about 2 ms
   * more renderer time for each earlier document), and a new page costs about 100 ms.
   */
  private async page(): Promise<Page> {
    const account = this.api.actingAccount();
    const key = account ? `${account.userName}\0${account.password}` : '(nobody)';
    let page = this.pages.get(key);
    if (!page) {
      page = this.session.contextFor(key, () => this.signedInContext(account)).then(newPage);
      this.pages.set(key, page);
    }
    this.lastUsed = await page;
    return this.lastUsed;
  }

  private async signedInContext(account: Account): Promise<BrowserContext> {
    const browser = await this.session.browser();
    const context = await browser.newContext({
      viewport: { width: 1000, height: 760 },
      extraHTTPHeaders: this.api.environmentHeaders(),
      baseURL: this.api.base(),
    });
    if (account) {
      const page = await newPage(context);
      await page.goto('/sign-in');
      await page.getByLabel('User name').fill(account.userName);
      await page.getByLabel('Password').fill(account.password);
      // A wrong password is refused on the sign-in page; every later page then asks to sign in.
      await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click());
      await page.close();
    }
    return context;
  }

  /**
   * Goes to a page of the fake and throws the refusal it shows, if any. A page already showing
   * it, drawn since the last change, is used as it stands (see `screens`). A page that refuses
   * but still offers the button about to be pressed (the wizard's frame, shown to someone
   * outside Administrators) is not refused yet: the press is, and its answer says why.
   */
  private async open(path: string, buttonToPress?: string): Promise<Page> {
    const page = await this.page();
    if (!this.showsNow(page, path)) {
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      this.screens.drawn(page, path);
      await this.session.onPage(page);
    }
    this.leftOnScreen = { page, label: undefined };
    const refusal = await refusalShown(page);
    if (refusal && !(await offersButton(page, buttonToPress))) throw refusal;
    return page;
  }

  /** Opens a page to work its controls (a menu opened, fields typed): it is not taken as it stands again. */
  private async openToAct(path: string): Promise<Page> {
    const page = await this.open(path);
    this.screens.inUse(page);
    return page;
  }

  /** The acting account's page with this server's wizard on it as the fake now has it (see `open` for the button to press). */
  private async wizardOnScreen(name: string, buttonToPress?: string): Promise<Page> {
    const page = await this.page();
    return this.showsNow(page, wizardShown(name)) ? page : this.open(`${serverPath(name)}/wizard`, buttonToPress);
  }

  /**
   * Whether the page shows this, drawn since the last change. With the keyboard only, every
   * page is loaded afresh: Tab starts from the top of a new document, as the scenario's person does.
   */
  private showsNow(page: Page, shows: string): boolean {
    return this.inputMode === 'mouse' && this.screens.showsNow(page, shows);
  }

  /** Follows a link or a form that loads a new page. */
  private follow(page: Page, action: () => Promise<unknown>): Promise<void> {
    return this.actOn(page, () => andWaitForPage(page, action));
  }

  /** Posts a form whose answer replaces the page's main content in place. */
  private answer(page: Page, action: () => Promise<unknown>): Promise<void> {
    return this.actOn(page, () => andWaitForAnswer(page, action));
  }

  /** Does something on the page and waits for what it brings; the page is then out of date, checked, and read for a refusal. */
  private async actOn(page: Page, actAndWait: () => Promise<unknown>): Promise<void> {
    try {
      await actAndWait();
    } finally {
      this.screens.actedOn(page);
    }
    await this.session.onPage(page);
    await throwIfRefused(page);
  }

  /** Reads the wizard page on the screen and records it (see shownAfterMove). */
  private async wizardPage(page: Page, name: string): Promise<WizardPage> {
    return this.shownAfterMove(page, await readWizardPage(page, name));
  }

  /**
   * Records what a move left on the screen: the wizard's page (drawn as the fake has it now), or
   * the server's page after it closed; with every wizard page pictured, takes its picture the
   * first time the scenario reaches it in a row.
   */
  private async shownAfterMove(page: Page, view: WizardPage): Promise<WizardPage> {
    const label = view.page === 'closed' ? `wizard ${view.outcome}` : view.title;
    if (view.page !== 'closed') this.screens.drawn(page, wizardShown(view.serverName));
    this.leftOnScreen = { page, label };
    if (this.picturesOf === 'every wizard page' && this.pictures.at(-1)?.label !== label) await this.pictureOfStep();
    return view;
  }

  private async picture(page: Page, label: string): Promise<void> {
    this.pictures.push({ label, image: await page.screenshot({ type: 'png' }) });
  }

  /** A picture of the page the last verb left on the screen, if a verb has used a page since the last one. */
  async pictureOfStep(): Promise<void> {
    const shown = this.leftOnScreen;
    this.leftOnScreen = undefined;
    if (!shown || shown.page.isClosed()) return;
    await this.picture(shown.page, shown.label ?? (await shown.page.title()));
  }

  /** Steps that only read (Then) or arrange (Given) leave no picture. */
  forgetScreen(): void {
    this.leftOnScreen = undefined;
  }

  /** A picture of the page the acting account last used, for a step that failed on it. */
  async pictureOfFailure(step: string): Promise<void> {
    const page = this.lastUsed;
    this.leftOnScreen = undefined;
    if (!page || page.isClosed()) return;
    await this.picture(page, `failed ${step}`).catch(() => undefined);
  }
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // A control that is not there fails within seconds, naming it, instead of running out the step's time.
  page.setDefaultTimeout(8_000);
  return page;
}

/** Whether the page has this button to press (none named: no). */
async function offersButton(page: Page, name: string | undefined): Promise<boolean> {
  return name !== undefined && (await page.getByRole('button', { name, exact: true }).count()) > 0;
}

function serverPath(name: string): string {
  return `/servers/${encodeURIComponent(name)}`;
}

async function serverInfo(page: Page): Promise<LicenseServerInfo> {
  const facts = await tableFacts(page, 'Server information');
  return {
    name: facts.get('Name') ?? '',
    activated: facts.get('Activation status') === 'Activated',
    licenseServerId: shownOrNull(facts.get('License Server ID')),
    countryRegion: shownOrNull(facts.get('Country/region')),
    connectionMethod: valueOf(CONNECTION_METHOD_LABELS, facts.get('Connection method') ?? ''),
  };
}
