/** Runs `npm run report` (reporting/main.ts) as CI would, with these arguments, and waits for it. */
import { SpawnSyncReturns, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function runReportCli(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['-r', './tools/register-typescript.cjs', 'reporting/main.ts', ...args], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
}
