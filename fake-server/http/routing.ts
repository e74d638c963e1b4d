/**
 * One rule for matching paths, for the app and every router in it: as written, case and all.
 * Express matches without regard to case unless told otherwise, and a check made on a path
 * string elsewhere (a guard on `/_test`) then disagreed with what the routes served.
 */
import { Express, Router } from 'express';

export const CASE_SENSITIVE_ROUTING = 'case sensitive routing';

/** A router that matches paths as the app does: case-sensitively. */
export function caseSensitiveRouter(): Router {
  return Router({ caseSensitive: true });
}

/** Makes the app's own mounts (`app.use(path, …)`, `app.get(path, …)`) case-sensitive too. */
export function matchPathsAsWritten(app: Express): void {
  app.set(CASE_SENSITIVE_ROUTING, true);
}
