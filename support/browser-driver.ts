/**
 * The LicensingDriver through the fake's web pages, in headless Chromium driven by
 * playwright-core: every procedure verb is done on a page, each control found by its role
 * and the accessible name the procedure uses. Setting up the world, the clock, faults,
 * snapshots and reads of stored state stay on the test-control API (inherited from the
 * HTTP driver, with the same evidence for the reports), so a scenario's Givens and its
 * checks of the fake's state are the same for both drivers: only the way the procedure is
 * performed differs.
 *
 * One browser per cucumber worker; one browser context per account (signed in once, then
 * reused by later scenarios, which only change the environment header).
 */
import type { Browser, Page } from 'playwright-core';
import {
  Account,
  ConnectionMethod,
  GrantedKeyPack,
  KeyPack,
  LicenseServerInfo,
  LoggedEvent,
  Refusal,
  TelephoneCall,
  WizardMove,
  WizardPage,
} from './driver';
import { CAL_TYPE_LABELS, CONNECTION_METHOD_LABELS, PROGRAM_LABELS, valueOf } from './browser/labels';
import { andWaitForAnswer, andWaitForPage, shownOrNull, tableFacts, tableRecords, throwIfRefused } from './browser/page-reading';
import { InputMode, makeMove, reach, readWizardPage } from './browser/wizard-screen';
import { EvidenceRecordingDriver } from './evidence';
import { ENVIRONMENT_HEADER } from './http-driver';

/** A picture of a page the scenario reached, for the reports. */
export interface PagePicture {
  label: string;
  png: Buffer;
}

export class BrowserDriver extends EvidenceRecordingDriver {
  /** Pictures of the wizard pages this scenario reached, in order. */
  readonly pictures: PagePicture[] = [];
  /** Mouse by default; the keyboard-only scenario switches to the keyboard. */
  inputMode: InputMode = 'mouse';
  /**
   * The server whose wizard the acting account's page shows as the fake now has it, if any.
   * The worker's pages outlive scenarios and other accounts or the test-control API may have
   * changed the wizard since, so a move on any other page first loads the wizard afresh.
   */
  private wizardOnScreen: string | undefined;

  constructor(
    baseUrl: string | (() => string),
    private readonly session: {
      browser(): Promise<Browser>;
      /** The worker's signed-in page for an account, reused across scenarios. */
      pageFor(account: string, create: () => Promise<Page>): Promise<Page>;
      allPages(): Promise<Page>[];
      /** Called with every page the driver shows, before it is read (the accessibility check). */
      onPage(page: Page): Promise<void>;
    },
  ) {
    super(baseUrl);
  }

  override useKeyboardOnly(): void {
    this.inputMode = 'keyboard';
  }

  override actAs(account: Account): void {
    super.actAs(account);
    this.wizardOnScreen = undefined;
  }

  override async resetWorld(): Promise<void> {
    this.wizardOnScreen = undefined;
    await super.resetWorld();
  }

  override async restoreSnapshot(snapshotId: string): Promise<void> {
    this.wizardOnScreen = undefined;
    await super.restoreSnapshot(snapshotId);
  }

  override async startScenario(): Promise<void> {
    this.wizardOnScreen = undefined;
    await super.startScenario();
    this.pictures.length = 0;
    this.inputMode = 'mouse';
    for (const page of this.session.allPages()) await (await page).context().setExtraHTTPHeaders(this.headers());
  }

  override async listLicenseServers(): Promise<LicenseServerInfo[]> {
    const page = await this.open('/');
    return (await tableRecords(page, 'License servers')).map((row) => ({
      name: row.Name ?? '',
      activated: row['Activation status'] === 'Activated',
      licenseServerId: shownOrNull(row['License Server ID']),
      countryRegion: null,
      connectionMethod: valueOf(CONNECTION_METHOD_LABELS, row['Connection method'] ?? ''),
    }));
  }

  override async licenseServer(name: string): Promise<LicenseServerInfo> {
    return serverInfo(await this.open(serverPath(name)));
  }

  override async setConnectionMethod(name: string, method: ConnectionMethod): Promise<LicenseServerInfo> {
    const page = await this.open(serverPath(name));
    await page.getByText('Action', { exact: true }).click();
    await this.follow(page, () => page.getByRole('link', { name: 'Properties' }).click());
    const label = CONNECTION_METHOD_LABELS[method];
    if (label === undefined)
      throw new Error(`"${method}" is not in the Connection method list; a person cannot choose it (tag the scenario @api-only)`);
    await page.getByRole('combobox', { name: 'Connection method' }).selectOption({ label });
    await this.answer(page, () => page.getByRole('button', { name: 'OK' }).click());
    return serverInfo(page);
  }

  override async installedKeyPacks(name: string): Promise<KeyPack[]> {
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

  override async eventLog(name: string): Promise<LoggedEvent[]> {
    const page = await this.open(serverPath(name));
    return (await tableRecords(page, 'Event log')).map((row) => ({
      eventId: Number(row['Event ID']),
      level: row.Level ?? '',
      message: row.Message ?? '',
      licenseKeyPackId: shownOrNull(row['License key pack ID'])?.replace(/-/g, '') ?? null,
      recordedAt: row.Recorded ?? '',
    }));
  }

  protected override async performOpenWizard(name: string): Promise<WizardPage> {
    const page = await this.open(serverPath(name));
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

  override async currentWizardPage(name: string): Promise<WizardPage> {
    const view = await readWizardPage(await this.open(`${serverPath(name)}/wizard`), name);
    this.wizardOnScreen = name;
    return view;
  }

  protected override async performMove(name: string, move: WizardMove): Promise<WizardPage> {
    const page = this.wizardOnScreen === name ? await this.page() : await this.open(`${serverPath(name)}/wizard`);
    this.wizardOnScreen = undefined;
    try {
      await makeMove(page, move, this.inputMode);
    } catch (error) {
      if (error instanceof Refusal) await this.picture(page, `refused: ${error.code}`);
      throw error;
    }
    await this.session.onPage(page);
    const outcome = new URL(page.url()).searchParams.get('wizard');
    if (outcome === 'finished' || outcome === 'cancelled') {
      await this.picture(page, `wizard ${outcome}`);
      return { serverName: name, page: 'closed', title: 'Closed', allowed: [], packsReinstalled: null, reason: null, outcome };
    }
    return this.wizardPage(page, name);
  }

  override async telephoneNumbers(): Promise<Record<string, string>> {
    const page = await this.open('/clearinghouse');
    return Object.fromEntries(await tableFacts(page, 'Clearinghouse telephone numbers').then((facts) => [...facts].slice(1)));
  }

  override async callClearinghouse(call: TelephoneCall): Promise<GrantedKeyPack> {
    const page = await this.open('/clearinghouse');
    const { information } = call;
    const keyboard = this.inputMode === 'keyboard';
    const type = async (label: string, text: string) => {
      const field = page.getByLabel(label);
      if (keyboard) await reach(page, field).then(() => page.keyboard.type(text));
      else await field.fill(text);
    };
    const choose = async (label: string, option: string) => {
      const list = page.getByLabel(label);
      if (keyboard) await reach(page, list).then(() => page.keyboard.type(option));
      else await list.selectOption({ label: option });
    };
    await type('Number dialled', call.dialledNumber);
    await type('License Server ID', call.licenseServerId);
    await choose('Licensing program', PROGRAM_LABELS[information.program]);
    if (information.program === 'retail') await type('License code', information.licenseCode);
    else if (information.program === 'openLicense') {
      await type('License number', information.licenseNumber);
      await type('Authorization number', information.authorizationNumber);
    } else await type('Agreement number', information.agreementNumber);
    if (call.productVersion !== undefined) await choose('Product version', call.productVersion);
    if (call.calType !== undefined) await choose('CAL type', CAL_TYPE_LABELS[call.calType]);
    const callButton = page.getByRole('button', { name: 'Call' });
    await this.answer(page, () => (keyboard ? reach(page, callButton).then(() => page.keyboard.press('Enter')) : callButton.click()));
    return keyPackShown(page);
  }

  override async askClearinghouseAbout(
    licenseKeyPackId: string,
  ): Promise<{ licenseServerId: string; purchaseNumber: number; quantity: number }> {
    const page = await this.open('/clearinghouse');
    await page.getByLabel('License key pack ID').fill(licenseKeyPackId);
    await this.follow(page, () => page.getByRole('button', { name: 'Ask' }).click());
    const { licenseServerId, purchaseNumber, quantity } = await keyPackShown(page);
    return { licenseServerId, purchaseNumber, quantity };
  }

  private headers(): Record<string, string> {
    return this.environmentId === undefined ? {} : { [ENVIRONMENT_HEADER]: this.environmentId };
  }

  /** The page of the account acting now: its own context, signed in once. */
  private page(): Promise<Page> {
    const key = this.account ? `${this.account.userName}\0${this.account.password}` : '(nobody)';
    return this.session.pageFor(key, () => this.signedInPage());
  }

  private async signedInPage(): Promise<Page> {
    const browser = await this.session.browser();
    const context = await browser.newContext({
      viewport: { width: 1000, height: 760 },
      extraHTTPHeaders: this.headers(),
      baseURL: this.base(),
    });
    const page = await context.newPage();
    // A control that is not there fails within seconds, naming it, instead of running out the step's time.
    page.setDefaultTimeout(8_000);
    if (this.account) {
      await page.goto('/sign-in');
      await page.getByLabel('User name').fill(this.account.userName);
      await page.getByLabel('Password').fill(this.account.password);
      // A wrong password is refused on the sign-in page; every later page then asks to sign in.
      await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    }
    return page;
  }

  /** Goes to a page of the fake and throws the refusal it shows, if any. */
  private async open(path: string): Promise<Page> {
    const page = await this.page();
    this.wizardOnScreen = undefined;
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await this.session.onPage(page);
    await throwIfRefused(page);
    return page;
  }

  /** Follows a link or a form that loads a new page. */
  private async follow(page: Page, action: () => Promise<unknown>): Promise<void> {
    await andWaitForPage(page, action);
    await this.session.onPage(page);
    await throwIfRefused(page);
  }

  /** Posts a form whose answer replaces the page's main content in place. */
  private async answer(page: Page, action: () => Promise<unknown>): Promise<void> {
    await andWaitForAnswer(page, action);
    await this.session.onPage(page);
    await throwIfRefused(page);
  }

  /** Reads the wizard page, with a picture of it the first time the scenario reaches it in a row. */
  private async wizardPage(page: Page, name: string): Promise<WizardPage> {
    const view = await readWizardPage(page, name);
    this.wizardOnScreen = name;
    if (this.pictures.at(-1)?.label !== view.title) await this.picture(page, view.title);
    return view;
  }

  private async picture(page: Page, label: string): Promise<void> {
    this.pictures.push({ label, png: await page.screenshot({ type: 'png' }) });
  }
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

/** The Clearinghouse's page about one license key pack, as the representative reads it out. */
async function keyPackShown(page: Page): Promise<GrantedKeyPack & { licenseServerId: string }> {
  const facts = await tableFacts(page, 'License key pack');
  return {
    licenseKeyPackId: facts.get('License key pack ID') ?? '',
    licenseServerId: facts.get('License Server ID') ?? '',
    purchaseNumber: Number(facts.get('Purchase')),
    productVersion: facts.get('Product version') ?? '',
    calType: valueOf(CAL_TYPE_LABELS, facts.get('CAL type') ?? ''),
    quantity: Number(facts.get('Number of CALs')),
  };
}
