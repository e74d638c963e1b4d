/**
 * What a person reads must be what the console shows, whatever a scenario looks at: every
 * wizard page the fake answers with carries the console's title for that page, every key
 * pack the words RD Licensing Manager uses for its program and CAL type, every server the
 * words of its connection method. Checked on everything the drivers read (page titles in
 * support/evidence/evidence.ts, the API's words in support/api/http-driver.ts and support/api/harness-control.ts),
 * so a wrong word fails whichever scenario meets it, not only the few that ask. The words are
 * the browser driver's (support/words/page-labels.ts): one list.
 */
import { expect } from 'chai';
import { KeyPack, LicenseServerInfo, WizardPage } from '../seams/person-and-harness';
import { CAL_TYPE_LABELS, CLOSED_TITLE, CONNECTION_METHOD_LABELS, PAGE_NAMES, PROGRAM_LABELS } from './page-labels';

// A closed wizard has no page; the fake and the browser driver both call it "Closed".
const TITLES = new Map<string, string>([
  ...Object.entries(PAGE_NAMES).map(([title, page]): [string, string] => [page, title]),
  ['closed', CLOSED_TITLE],
]);

export function expectPageAsTheConsoleShowsIt(page: WizardPage): void {
  expect(page.title, `the "${page.page}" page is not titled as the console titles it`).to.equal(TITLES.get(page.page));
}

/** For what the API answers, which carries the words beside the codes (the browser driver reads the words themselves). */
export function expectKeyPackAsTheConsoleShowsIt(pack: KeyPack): void {
  expect(pack.programLabel, 'the licensing program as shown').to.equal(PROGRAM_LABELS[pack.program]);
  expect(pack.calTypeLabel, 'the CAL type as shown').to.equal(CAL_TYPE_LABELS[pack.calType]);
}

export function expectServerAsTheConsoleShowsIt(server: LicenseServerInfo): void {
  expect(server.connectionMethodLabel, 'the connection method as shown').to.equal(CONNECTION_METHOD_LABELS[server.connectionMethod]);
}
