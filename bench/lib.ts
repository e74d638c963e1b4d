/** Small helpers shared by the benchmarks: timing child processes, medians, the table. */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const ROOT = `${__dirname}/..`;
export const NODE = process.execPath;
/** The demo fixture's administrator, and the read the HTTP benchmark repeats. */
export const DEMO_AUTHORIZATION = `Basic ${Buffer.from('administrator:demo-Admin-1').toString('base64')}`;
export const KEY_PACKS_PATH = '/license-servers/LS-CONTOSO/key-packs';
export const CUCUMBER = `${ROOT}/node_modules/@cucumber/cucumber/bin/cucumber.js`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Wall time of a command in milliseconds; throws with its output if it fails. */
export function timeCommand(args: string[], cwd: string = ROOT): number {
  const started = performance.now();
  const result = spawnSync(NODE, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return elapsed;
}

/** The median wall time of several runs of a command. */
export function medianWall(args: string[], runs: number, cwd?: string): number {
  return median(Array.from({ length: runs }, () => timeCommand(args, cwd)));
}

export interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
}

export function printTable(rows: Row[]): void {
  const header: Row = { measure: 'measure', value: 'value', baseline: 'baseline (same run)', ratio: 'ratio', target: 'target' };
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
  const line = (row: Row) => `| ${keys.map((key, i) => row[key].padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const ratio = (value: number) => `${value.toFixed(2)}x`;
