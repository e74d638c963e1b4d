/**
 * What a person reads must be what the console shows, whatever a scenario looks at: every
 * wizard page the fake answers with carries the console's title for that page. Checked on
 * every page either driver sees (support/evidence.ts), so a wrong title fails whichever
 * scenario reaches it, not only the few that ask.
 */
import { expect } from 'chai';
import { WizardPage } from './driver';
import { PAGE_NAMES } from './browser/labels';

const TITLES = new Map(Object.entries(PAGE_NAMES).map(([title, page]) => [page, title]));

export function expectPageAsTheConsoleShowsIt(page: WizardPage): void {
  if (page.page === 'closed') return;
  expect(page.title, `the "${page.page}" page is not titled as the console titles it`).to.equal(TITLES.get(page.page));
}
