/**
 * What a person does in the procedure, over the fake's HTTP API: the PersonVerbs as JSON
 * requests (support/api/fake-api.ts holds the transport). The browser driver does the same verbs
 * on the pages instead; in the browser profile this one still does the Givens' (the glue decides,
 * support/glue/who-acts.ts). The API answers with the
 * console's words beside its codes; each answer is held to them here (support/words/console-words.ts),
 * as the browser driver, which reads the words themselves, holds them by reading them.
 */
import {
  Account,
  ConnectionMethod,
  GrantedKeyPack,
  KeyPack,
  LicenseServerInfo,
  LoggedEvent,
  PersonVerbs,
  TelephoneCall,
  WizardMove,
  WizardPage,
} from '../seams/person-and-harness';
import { FakeApi } from './fake-api';
import { expectKeyPackAsTheConsoleShowsIt, expectServerAsTheConsoleShowsIt } from '../words/console-words';

export class HttpDriver implements PersonVerbs {
  constructor(private readonly api: FakeApi) {}

  actAs(account: Account): void {
    this.api.actAs(account);
  }

  useKeyboardOnly(): void {
    throw new Error('The API has no keyboard: tag the scenario @browser-only, and it runs in the browser profile only');
  }

  async listLicenseServers(): Promise<LicenseServerInfo[]> {
    return (await this.api.call('get', '/license-servers')).licenseServers;
  }

  /** Over the API, Properties are the server's own resource. */
  async connectionMethodInProperties(name: string): Promise<ConnectionMethod> {
    return (await this.licenseServer(name)).connectionMethod;
  }

  async licenseServer(name: string): Promise<LicenseServerInfo> {
    const server = await this.api.call('get', '/license-servers/{server}', { path: { server: name } });
    expectServerAsTheConsoleShowsIt(server);
    return server;
  }

  async setConnectionMethod(name: string, method: ConnectionMethod): Promise<LicenseServerInfo> {
    const server = await this.api.call('put', '/license-servers/{server}/connection-method', {
      path: { server: name },
      body: { connectionMethod: method },
    });
    expectServerAsTheConsoleShowsIt(server);
    return server;
  }

  async installedKeyPacks(name: string): Promise<KeyPack[]> {
    const { keyPacks } = await this.api.call('get', '/license-servers/{server}/key-packs', { path: { server: name } });
    keyPacks.forEach(expectKeyPackAsTheConsoleShowsIt);
    return keyPacks;
  }

  async eventLog(name: string): Promise<LoggedEvent[]> {
    return (await this.api.call('get', '/license-servers/{server}/events', { path: { server: name } })).events;
  }

  openManageCalsWizard(name: string): Promise<WizardPage> {
    return this.api.call('post', '/license-servers/{server}/manage-cals-wizard', { path: { server: name } });
  }

  currentWizardPage(name: string): Promise<WizardPage> {
    return this.api.call('get', '/license-servers/{server}/manage-cals-wizard', { path: { server: name } });
  }

  moveWizard(name: string, move: WizardMove): Promise<WizardPage> {
    return this.api.call('post', '/license-servers/{server}/manage-cals-wizard/actions', { path: { server: name }, body: move });
  }

  /** The ETag of the wizard page the second tab shows (over the API, a tab is the drawing it shows). */
  private secondTab: string | undefined;

  async openWizardInSecondTab(name: string): Promise<WizardPage> {
    this.api.lastEtag = undefined;
    const page = await this.currentWizardPage(name);
    if (this.api.lastEtag === undefined)
      throw new Error('The fake gave the wizard page without an ETag: a second tab cannot be told apart');
    this.secondTab = this.api.lastEtag;
    return page;
  }

  async moveWizardInSecondTab(name: string, move: WizardMove): Promise<WizardPage> {
    if (this.secondTab === undefined) throw new Error('No second tab is open: open the wizard in a second tab first');
    this.api.lastEtag = undefined;
    const page = await this.api.call('post', '/license-servers/{server}/manage-cals-wizard/actions', {
      path: { server: name },
      body: move,
      ifMatch: this.secondTab,
    });
    // The tab now shows the page the move led to.
    this.secondTab = this.api.lastEtag;
    return page;
  }

  /** The API has no boxes: pasting an ID, or the rest of one after typing its first groups, is entering it. */
  pasteKeyPackId(name: string, keyPackId: string): Promise<WizardPage> {
    return this.moveWizard(name, { type: 'enterKeyPackId', keyPackId });
  }

  // The console's sessions, its notes and its focus are the pages' own: the API has none of them.
  signIn(): Promise<void> {
    return pagesOnly('signing in on the sign-in page');
  }

  signInFormHolds(): Promise<{ userName: string; password: string }> {
    return pagesOnly('the sign-in form');
  }

  copySessionCookie(): Promise<void> {
    return pagesOnly('a session cookie');
  }

  openManagerWithCopiedCookie(): Promise<LicenseServerInfo[]> {
    return pagesOnly('a session cookie');
  }

  signOut(): Promise<void> {
    return pagesOnly('Sign out');
  }

  notesOnServerPage(): Promise<string[]> {
    return pagesOnly("the notes on a server's page");
  }

  focusOnScreen(): Promise<string> {
    return pagesOnly('the keyboard focus');
  }

  async telephoneNumbers(): Promise<Record<string, string>> {
    return (await this.api.call('get', '/clearinghouse/telephone-numbers')).telephoneNumbers;
  }

  callClearinghouse(call: TelephoneCall): Promise<GrantedKeyPack> {
    return this.api.call('post', '/clearinghouse/telephone-calls', { body: call });
  }

  askClearinghouseAbout(licenseKeyPackId: string): Promise<{ licenseServerId: string; purchaseNumber: number; quantity: number }> {
    return this.api.call('get', '/clearinghouse/license-key-packs/{licenseKeyPackId}', { path: { licenseKeyPackId } });
  }
}

/** A verb only a browser does: the scenario belongs to the browser profile. */
function pagesOnly(what: string): Promise<never> {
  return Promise.reject(new Error(`The API has no ${what}: tag the scenario @browser-only, and it runs in the browser profile only`));
}
