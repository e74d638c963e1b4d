/**
 * The fake's version, as its package names it: GET /healthz answers with it, so whoever runs
 * a packed fake or a container can tell which one answers. Read at run time from the
 * package.json one folder up, which is the repository's from fake-server/ and the installed
 * package's from the built dist/ (tsconfig.build.json keeps that layout).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let version: string | undefined;

export function fakeVersion(): string {
  version ??= (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
