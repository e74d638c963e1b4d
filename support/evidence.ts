/**
 * Evidence for the reports: the HTTP driver (or, through it, the browser driver), plus copies of the license server's
 * database taken around the moments a reviewer cares about: just before and just after
 * the wizard's deletion, and after Finish. Everything it reads passes through here, so here
 * too it is held to the words the console shows (support/console-words.ts).
 */
import { DatabaseContents, KeyPack, LicenseServerInfo, WizardMove, WizardPage } from './driver';
import { HttpDriver } from './http-driver';
import { expectKeyPackAsTheConsoleShowsIt, expectPageAsTheConsoleShowsIt, expectServerAsTheConsoleShowsIt } from './console-words';

export interface DatabaseEvidence {
  label: string;
  serverName: string;
  database: DatabaseContents;
}

export class EvidenceRecordingDriver extends HttpDriver {
  readonly databases: DatabaseEvidence[] = [];
  private readonly lastPage = new Map<string, WizardPage['page']>();

  override async openManageCalsWizard(name: string): Promise<WizardPage> {
    return this.remember(name, await this.performOpenWizard(name));
  }

  override async moveWizard(name: string, move: WizardMove): Promise<WizardPage> {
    const deleting = move.type === 'next' && this.lastPage.get(name) === 'confirmDeletion';
    const before = deleting ? await this.quietly(() => this.databaseOf(name)) : undefined;
    const page = this.remember(name, await this.performMove(name, move));
    if (before && page.page === 'reinstallingCals') {
      this.databases.push({ label: 'before the deletion', serverName: name, database: before });
      this.databases.push({ label: 'after the deletion', serverName: name, database: await this.quietly(() => this.databaseOf(name)) });
    }
    if (move.type === 'finish' && page.page === 'closed') {
      this.databases.push({ label: 'after Finish', serverName: name, database: await this.quietly(() => this.databaseOf(name)) });
    }
    return page;
  }

  override async databaseOf(name: string): Promise<DatabaseContents> {
    const database = await super.databaseOf(name);
    database.keyPacks.forEach(expectKeyPackAsTheConsoleShowsIt);
    return database;
  }

  override async installedKeyPacks(name: string): Promise<KeyPack[]> {
    const packs = await super.installedKeyPacks(name);
    packs.forEach(expectKeyPackAsTheConsoleShowsIt);
    return packs;
  }

  override async setConnectionMethod(name: string, method: LicenseServerInfo['connectionMethod']): Promise<LicenseServerInfo> {
    const server = await super.setConnectionMethod(name, method);
    expectServerAsTheConsoleShowsIt(server);
    return server;
  }

  override async licenseServer(name: string): Promise<LicenseServerInfo> {
    const server = await super.licenseServer(name);
    expectServerAsTheConsoleShowsIt(server);
    return server;
  }

  /** How the wizard is opened and moved: over HTTP here; the browser driver does it on pages. */
  protected performOpenWizard(name: string): Promise<WizardPage> {
    return super.openManageCalsWizard(name);
  }

  protected performMove(name: string, move: WizardMove): Promise<WizardPage> {
    return super.moveWizard(name, move);
  }

  private remember(name: string, page: WizardPage): WizardPage {
    expectPageAsTheConsoleShowsIt(page);
    this.lastPage.set(name, page.page);
    return page;
  }

  private async quietly<T>(read: () => Promise<T>): Promise<T> {
    this.recording = false;
    try {
      return await read();
    } finally {
      this.recording = true;
    }
  }
}
