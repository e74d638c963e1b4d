/**
 * Evidence for the reports, around whichever driver performs the procedure (over the API or on
 * the pages): copies of the license server's database taken at the moments a reviewer cares
 * about, just before and just after the wizard's deletion, and after Finish. Every wizard page
 * passes through here, so here too it is held to the title the console gives it
 * (support/words/console-words.ts). It adds to a driver and replaces none of its verbs: each is
 * handed on, and the compiler sees that none is left out.
 */
import {
  Account,
  ConnectionMethod,
  DatabaseContents,
  GrantedKeyPack,
  HarnessControl,
  KeyPack,
  LicenseServerInfo,
  LoggedEvent,
  PersonVerbs,
  TelephoneCall,
  WizardMove,
  WizardPage,
} from '../seams/person-and-harness';
import { expectPageAsTheConsoleShowsIt } from '../words/console-words';

export interface DatabaseEvidence {
  label: string;
  serverName: string;
  database: DatabaseContents;
}

export class EvidenceRecorder implements PersonVerbs {
  readonly databases: DatabaseEvidence[] = [];
  private readonly lastPage = new Map<string, WizardPage['page']>();

  /**
   * @param person the driver that performs the procedure
   * @param harness reads the database for the copies
   * @param quietly runs those reads without making them evidence themselves
   */
  constructor(
    private readonly person: PersonVerbs,
    private readonly harness: HarnessControl,
    private readonly quietly: <T>(read: () => Promise<T>) => Promise<T>,
  ) {}

  actAs(account: Account): void {
    this.person.actAs(account);
  }

  useKeyboardOnly(): void {
    this.person.useKeyboardOnly();
  }

  listLicenseServers(): Promise<LicenseServerInfo[]> {
    return this.person.listLicenseServers();
  }

  licenseServer(name: string): Promise<LicenseServerInfo> {
    return this.person.licenseServer(name);
  }

  openWizardInSecondTab(name: string): Promise<WizardPage> {
    return this.person.openWizardInSecondTab(name);
  }

  moveWizardInSecondTab(name: string, move: WizardMove): Promise<WizardPage> {
    return this.person.moveWizardInSecondTab(name, move);
  }

  connectionMethodInProperties(name: string): Promise<ConnectionMethod> {
    return this.person.connectionMethodInProperties(name);
  }

  setConnectionMethod(name: string, method: ConnectionMethod): Promise<LicenseServerInfo> {
    return this.person.setConnectionMethod(name, method);
  }

  installedKeyPacks(name: string): Promise<KeyPack[]> {
    return this.person.installedKeyPacks(name);
  }

  eventLog(name: string): Promise<LoggedEvent[]> {
    return this.person.eventLog(name);
  }

  async openManageCalsWizard(name: string): Promise<WizardPage> {
    return this.remember(name, await this.person.openManageCalsWizard(name));
  }

  async currentWizardPage(name: string): Promise<WizardPage> {
    return this.remember(name, await this.person.currentWizardPage(name));
  }

  async moveWizard(name: string, move: WizardMove): Promise<WizardPage> {
    const deleting = move.type === 'next' && this.lastPage.get(name) === 'confirmDeletion';
    const before = deleting ? await this.copyOf(name) : undefined;
    const page = this.remember(name, await this.person.moveWizard(name, move));
    if (before && page.page === 'reinstallingCals') {
      this.databases.push({ label: 'before the deletion', serverName: name, database: before });
      this.databases.push({ label: 'after the deletion', serverName: name, database: await this.copyOf(name) });
    }
    if (move.type === 'finish' && page.page === 'closed') {
      this.databases.push({ label: 'after Finish', serverName: name, database: await this.copyOf(name) });
    }
    return page;
  }

  async pasteKeyPackId(name: string, keyPackId: string, typedGroups = 0): Promise<WizardPage> {
    return this.remember(name, await this.person.pasteKeyPackId(name, keyPackId, typedGroups));
  }

  signIn(account: { userName: string; password: string }): Promise<void> {
    return this.person.signIn(account);
  }

  signInFormHolds(): Promise<{ userName: string; password: string }> {
    return this.person.signInFormHolds();
  }

  copySessionCookie(): Promise<void> {
    return this.person.copySessionCookie();
  }

  openManagerWithCopiedCookie(): Promise<LicenseServerInfo[]> {
    return this.person.openManagerWithCopiedCookie();
  }

  signOut(): Promise<void> {
    return this.person.signOut();
  }

  notesOnServerPage(name: string): Promise<string[]> {
    return this.person.notesOnServerPage(name);
  }

  focusOnScreen(): Promise<string> {
    return this.person.focusOnScreen();
  }

  telephoneNumbers(): Promise<Record<string, string>> {
    return this.person.telephoneNumbers();
  }

  callClearinghouse(call: TelephoneCall): Promise<GrantedKeyPack> {
    return this.person.callClearinghouse(call);
  }

  askClearinghouseAbout(licenseKeyPackId: string): Promise<{ licenseServerId: string; purchaseNumber: number; quantity: number }> {
    return this.person.askClearinghouseAbout(licenseKeyPackId);
  }

  private copyOf(name: string): Promise<DatabaseContents> {
    return this.quietly(() => this.harness.databaseOf(name));
  }

  private remember(name: string, page: WizardPage): WizardPage {
    expectPageAsTheConsoleShowsIt(page);
    this.lastPage.set(name, page.page);
    return page;
  }
}
