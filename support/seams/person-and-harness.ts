/**
 * The seams between the acceptance suite and the system under test, in domain words: what a
 * person does in the procedure (PersonVerbs, done by the HTTP driver or the browser driver) and
 * the harness's own control of the fake (HarnessControl). Another client (an in-process driver,
 * a desktop one) implements PersonVerbs and runs the same features.
 * A refused action rejects with a Refusal; anything else unexpected rejects with Error.
 */

export type ConnectionMethod = 'automatic' | 'webBrowser' | 'telephone';
export type CalType = 'perDevice' | 'perUser';
export type LicenseProgram =
  'retail' | 'openLicense' | 'select' | 'enterpriseAgreement' | 'campus' | 'school' | 'servicesProvider' | 'otherAgreement';

export type ProgramInformation =
  | { program: 'retail'; licenseCode: string }
  | { program: 'openLicense'; licenseNumber: string; authorizationNumber: string }
  | { program: Exclude<LicenseProgram, 'retail' | 'openLicense'>; agreementNumber: string };

/** A local account the driver signs in with; null means no credentials at all. */
export type Account = { userName: string; password: string } | null;

export interface LicenseServerInfo {
  name: string;
  licenseServerId: string | null;
  activated: boolean;
  countryRegion: string | null;
  connectionMethod: ConnectionMethod;
  /** The words Properties shows for the connection method, where the driver reads them apart from the code. */
  connectionMethodLabel?: string;
}

export interface KeyPack {
  licenseKeyPackId: string;
  program: LicenseProgram;
  productVersion: string;
  calType: CalType;
  totalLicenses: number;
  issuedLicenses: number;
  availableLicenses: number;
  purchaseNumber: number;
  expiresAt: string | null;
  expired: boolean;
  /** The words RD Licensing Manager shows for program and CAL type, where the driver reads them apart from the codes. */
  programLabel?: string;
  calTypeLabel?: string;
}

export interface DatabaseContents {
  keyPacks: KeyPack[];
  issuedCals: { licenseId: number; issuedTo: string; issuedAt?: string; expiresAt?: string | null }[];
}

export interface LoggedEvent {
  eventId: number;
  level: string;
  message: string;
  licenseKeyPackId: string | null;
  recordedAt: string;
}

export type WizardPageName =
  | 'welcome'
  | 'actionSelection'
  | 'confirmDeletion'
  | 'reinstallingCals'
  | 'obtainKeyPack'
  | 'reinstallingAdditional'
  | 'completing'
  | 'closed';

export interface WizardPage {
  serverName: string;
  page: WizardPageName;
  title: string;
  allowed: string[];
  packsReinstalled: number | null;
  /** The reason chosen for the rebuild (from Action Selection on), or null. */
  reason: string | null;
  actionSelection?: { action: string | null; reason: string | null; reasons: string[] };
  confirmDeletion?: { deletionConfirmed: boolean };
  obtainKeyPack?: { countryRegion: string | null; telephoneNumber: string | null; licenseServerId: string; keyPackId: string };
  reinstallingAdditional?: { choice: 'continue' | 'finish' | null };
  outcome?: 'finished' | 'cancelled';
}

/** One move in the Manage RDS CALs Wizard. */
export type WizardMove =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'cancel' }
  | { type: 'finish' }
  | { type: 'selectAction'; action: 'rebuild' | 'migrate' }
  | { type: 'selectReason'; reason: string }
  | { type: 'setDeletionConfirmed'; confirmed: boolean }
  | { type: 'enterKeyPackId'; keyPackId: string }
  | { type: 'chooseAdditionalPacks'; choice: 'continue' | 'finish' };

export interface TelephoneCall {
  dialledNumber: string;
  licenseServerId: string;
  information: ProgramInformation;
  productVersion?: string;
  calType?: CalType;
}

export interface GrantedKeyPack {
  licenseKeyPackId: string;
  purchaseNumber: number;
  productVersion: string;
  calType: CalType;
  quantity: number;
}

export interface PurchaseRecord {
  purchaseNumber: number;
  information: ProgramInformation;
  productVersionId: number;
  calType: CalType;
  quantity: number;
  registeredTo: string | null;
}

/** Everything a refused action must leave as it was; compared as a whole. */
export type StateSnapshot = unknown;

/** Describes a world to seed: the fixture format of the fake's test-control API. */
export interface WorldFixture {
  licenseServers?: {
    name: string;
    activated?: boolean;
    countryRegion?: string;
    connectionMethod?: ConnectionMethod;
    accounts?: { userName: string; password: string; groups: string[] }[];
    /** Members of the server's local groups (accounts or groups, such as a domain group). */
    localGroups?: { name: string; members: string[] }[];
  }[];
  purchases?: {
    information: ProgramInformation;
    productVersion: string;
    calType: CalType;
    quantity: number;
    installedOn?: string;
    issuedCals?: number;
  }[];
}

/**
 * What a person does in the procedure: through the API (support/api/http-driver.ts) or through the
 * pages (support/browser/browser-driver.ts), each driver its own way. Each implements this interface
 * and inherits from no other driver, so a verb the browser driver does not do on the pages is a
 * type error (and test/drivers.test.ts fails if a parent class is put back).
 */
export interface PersonVerbs {
  /** Later calls act as this local account. */
  actAs(account: Account): void;
  /** Later moves use the keyboard only (Tab, Space, Enter, typing); only a browser has one. */
  useKeyboardOnly(): void;

  listLicenseServers(): Promise<LicenseServerInfo[]>;
  licenseServer(name: string): Promise<LicenseServerInfo>;
  setConnectionMethod(name: string, method: ConnectionMethod): Promise<LicenseServerInfo>;
  /** The connection method Properties (Connection Method tab) shows as chosen. */
  connectionMethodInProperties(name: string): Promise<ConnectionMethod>;
  installedKeyPacks(name: string): Promise<KeyPack[]>;
  eventLog(name: string): Promise<LoggedEvent[]>;

  openManageCalsWizard(name: string): Promise<WizardPage>;
  currentWizardPage(name: string): Promise<WizardPage>;
  moveWizard(name: string, move: WizardMove): Promise<WizardPage>;
  /**
   * Shows the server's wizard, as it is now, in a second tab of the acting person's browser (over
   * the API: keeps that drawing's ETag). The tab is not redrawn when the wizard moves on elsewhere.
   */
  openWizardInSecondTab(name: string): Promise<WizardPage>;
  /** A move made from the second tab, as it was last drawn there (over the API: with If-Match). */
  moveWizardInSecondTab(name: string, move: WizardMove): Promise<WizardPage>;
  /**
   * Pastes a whole license key pack ID into the first of the seven boxes, which the page spreads
   * over them, and hands it to the wizard; over the API, which has no boxes, it is entering it.
   * With typedGroups, the first groups are typed into their boxes and the rest of the ID is
   * pasted into the box after them (the page fills from the box pasted into).
   */
  pasteKeyPackId(name: string, keyPackId: string, typedGroups?: number): Promise<WizardPage>;

  /**
   * The console's own sign-in and Sign out, in a browser of the scenario's own (not the worker's
   * signed-in one, which later scenarios reuse). Pages only: the API has no sessions. A refused
   * sign-in rejects with the refusal the sign-in page shows.
   */
  signIn(account: { userName: string; password: string }): Promise<void>;
  /** What the sign-in form on that browser's page holds now, as typed or as the page drew it. */
  signInFormHolds(): Promise<{ userName: string; password: string }>;
  /** Someone copies the session cookie of that browser (a person with its developer tools, a stolen cookie). */
  copySessionCookie(): Promise<void>;
  /** RD Licensing Manager opened in another browser that holds only the copied cookie; rejects with the refusal shown. */
  openManagerWithCopiedCookie(): Promise<LicenseServerInfo[]>;
  /** Sign out, in the browser that signed in. */
  signOut(): Promise<void>;
  /** The notes (role "status") RD Licensing Manager's page of the server shows. Pages only. */
  notesOnServerPage(name: string): Promise<string[]>;
  /**
   * What has the keyboard focus on the page the last verb left on the screen: "the refusal" when
   * it is the alert that announces a refusal, else the control's role and accessible name. Pages only.
   */
  focusOnScreen(): Promise<string>;

  telephoneNumbers(): Promise<Record<string, string>>;
  callClearinghouse(call: TelephoneCall): Promise<GrantedKeyPack>;
  askClearinghouseAbout(licenseKeyPackId: string): Promise<{ licenseServerId: string; purchaseNumber: number; quantity: number }>;
}

/** Every verb of PersonVerbs, by name (the compiler checks that none is left out). */
export const PERSON_VERBS = [
  'actAs',
  'useKeyboardOnly',
  'listLicenseServers',
  'licenseServer',
  'setConnectionMethod',
  'connectionMethodInProperties',
  'installedKeyPacks',
  'eventLog',
  'openManageCalsWizard',
  'currentWizardPage',
  'moveWizard',
  'openWizardInSecondTab',
  'moveWizardInSecondTab',
  'pasteKeyPackId',
  'signIn',
  'signInFormHolds',
  'copySessionCookie',
  'openManagerWithCopiedCookie',
  'signOut',
  'notesOnServerPage',
  'focusOnScreen',
  'telephoneNumbers',
  'callClearinghouse',
  'askClearinghouseAbout',
] as const satisfies readonly (keyof PersonVerbs)[];
type UnlistedVerbs = Exclude<keyof PersonVerbs, (typeof PERSON_VERBS)[number]>;
const everyVerbListed: UnlistedVerbs extends never ? true : never = true;
void everyVerbListed;

/**
 * The harness's own control of the fake: set-up, time, faults, and reads of what it stores. Over
 * the API in every profile (support/api/harness-control.ts); composed beside the person's driver in
 * the World, never mixed into it.
 */
export interface HarnessControl {
  /** Starts an isolated world for one scenario. */
  startScenario(): Promise<void>;
  endScenario(): Promise<void>;
  seed(fixture: WorldFixture): Promise<void>;

  /** Test control: reset, fixture files, snapshots, the clock, faults. */
  resetWorld(): Promise<void>;
  seedFixtureFile(name: string): Promise<void>;
  takeSnapshot(): Promise<string>;
  restoreSnapshot(snapshotId: string): Promise<void>;
  setClock(instant: string): Promise<void>;
  /** The fake's time, and whether a test has set it (it stands still) or it follows the computer's. */
  readClock(): Promise<{ now: string; frozen: boolean }>;
  advanceClock(by: { days?: number; minutes?: number }): Promise<void>;
  setFaults(serverName: string, faults: FaultSwitches): Promise<void>;
  clearFaults(serverName: string): Promise<void>;

  /** Test-only inspection of the fake's stored state. */
  databaseOf(name: string): Promise<DatabaseContents>;
  purchaseRecords(): Promise<PurchaseRecord[]>;
  /** Every license key pack ID the Clearinghouse has issued, in the order issued. */
  issuedKeyPackIds(): Promise<string[]>;
  snapshot(name: string): Promise<StateSnapshot>;
  /** A digest of everything the environment stores (every server's database, the Clearinghouse's). */
  environmentDigest(): Promise<string>;
  unexpectedServerErrors(): Promise<string[]>;
}

/** Fault switches for one license server (see the fake's test-control API). */
export interface FaultSwitches {
  failWrites?: { after: number; count: number };
  busySignals?: number;
  latencyMs?: number;
}

/** Why the system refused an action: who may not, or what is wrong. */
export class Refusal extends Error {
  constructor(
    readonly kind: 'not-signed-in' | 'not-permitted' | 'not-found' | 'unavailable' | 'refused',
    readonly code: string,
    readonly reason: string,
    /**
     * How the fake classed a refused value or move, where the driver can tell: "not possible now"
     * (it may work later) or "invalid input" (wrong whatever the moment). The browser driver
     * reads pages, which do not say. Over the API, "precondition failed" is a move whose If-Match
     * named a drawing of the wizard no longer shown (the API's concurrency contract, HTTP 412).
     */
    readonly answeredAs?: 'not possible now' | 'invalid input' | 'precondition failed',
  ) {
    super(`The fake refused: ${reason} (${kind}, code "${code}")`);
    this.name = 'Refusal';
    // A refusal is the fake's answer, not a bug in the harness: no stack into the driver.
    this.stack = `${this.name}: ${this.message}`;
  }
}
