/**
 * What each of a scenario's pages shows, and whether it still shows the fake as it is now.
 * Every change the driver makes or asks for (an API request other than GET, a form posted on
 * a page) is counted; a page drawn since the last one shows the fake as it is, so a read or a
 * move may use it as it stands instead of loading it again (a new document costs about 100 ms
 * here). Anything else is loaded afresh. One record per scenario: nothing a page showed in an
 * earlier scenario is ever taken as current.
 */
import type { Page } from 'playwright-core';

export class Screens {
  private changes = 0;
  private readonly drawnAt = new Map<Page, { shows: string; changes: number }>();

  /** Something may have changed in the fake: every page on screen is out of date. */
  changed(): void {
    this.changes += 1;
  }

  /** The page shows this (a path, or a server's wizard: `wizardShown`), as the fake is now. */
  drawn(page: Page, shows: string): void {
    this.drawnAt.set(page, { shows, changes: this.changes });
  }

  /** Something was done on the page: the fake may have changed, and what the page shows is not known until it is read. */
  actedOn(page: Page): void {
    this.changed();
    this.drawnAt.delete(page);
  }

  /** The page's controls are being worked (a menu opened, fields typed): it is not taken as it stands again. */
  inUse(page: Page): void {
    this.drawnAt.delete(page);
  }

  /** Whether the page shows this, drawn since the last change. */
  showsNow(page: Page, shows: string): boolean {
    const drawn = this.drawnAt.get(page);
    return drawn?.shows === shows && drawn.changes === this.changes;
  }
}

/** What a page that shows a server's wizard is recorded as (a path never looks like this). */
export function wizardShown(name: string): string {
  return `wizard of ${name}`;
}
