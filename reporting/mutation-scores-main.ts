/**
 * `npm run mutation:scores`: the fake's mutation score per folder (domain, http, persistence)
 * from the reports the Stryker runs left under reports/ (see reporting/mutation-scores.ts), and
 * every surviving mutant with its reason from docs/mutation-survivors.json.
 *   --write  also writes docs/mutation-scores.md (the table and the survivors) and
 *            docs/mutation-scores.json (the same figures, each folder with the day it was measured)
 *   --check  exits 1 when a folder is under 90% of its covered mutants, or a survivor has no reason
 * reports/ is not committed, and a first run of http/ takes hours: a folder whose runs are not on
 * this machine keeps the figures last published for it (docs/mutation-scores.json, with their
 * day), its survivors' reasons looked up again. A folder never measured is said to be missing,
 * not scored as zero.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { calculateMetrics } from 'mutation-testing-metrics';
import type { FileResult } from 'mutation-testing-report-schema';
import { FOLDER_REPORTS, Folder, Survivor, filesOf, mergeRuns, staleFiles, survivorsOf } from './mutation-scores';

const REASONS = 'docs/mutation-survivors.json';
const TARGET = 'docs/mutation-scores.md';
const PUBLISHED = 'docs/mutation-scores.json';
/** The share of covered mutants `npm test` must catch in every folder (issue 28). */
const FLOOR = 90;

type Files = Record<string, FileResult>;

const sourceNow = (fileName: string) => (existsSync(fileName) ? readFileSync(fileName, 'utf8') : undefined);

/** A folder's files in a report; a report of code changed since is read as absent, and said so. */
function read(path: string | undefined, folder: string): Files | undefined {
  if (!path || !existsSync(path)) return undefined;
  const files = filesOf((JSON.parse(readFileSync(path, 'utf8')) as { files: Files }).files, folder);
  const stale = staleFiles(files, sourceNow);
  if (stale.length > 0) {
    console.error(`${path} is not read: ${stale.join(', ')} changed since that run; run it again (docs/reliability.md)`);
    return undefined;
  }
  return files;
}

/** The reports of the node tests' parts beside a whole folder's report, each with its part's name. */
function partReports(path: string): { part: string; report: string }[] {
  const reports = dirname(dirname(path));
  const whole = basename(dirname(path));
  if (!existsSync(reports)) return [];
  return readdirSync(reports)
    .filter((name) => name.startsWith(`${whole}-`))
    .sort()
    .map((name) => ({ part: name.slice(whole.length + 1), report: join(reports, name, basename(path)) }));
}

/**
 * The node tests' reports of a folder: the whole folder's run and the runs of its parts
 * (RDL_MUTATION_PART, stryker.node-tests.config.mjs, under reports/mutation-node-tests-<folder>-<part>/),
 * merged mutant by mutant like the two kinds of test.
 */
function readNodeTests(path: string | undefined, folder: string): Files | undefined {
  // The parts are merged into the whole folder's run, never stand in for it (a missing or stale
  // whole run would publish what the scenarios left alive elsewhere as never asked of the node tests).
  const whole = read(path, folder);
  if (!path || !whole) return undefined;
  return partReports(path)
    .map(({ report }) => read(report, folder))
    .reduce<Files>((merged, files) => (files ? mergeRuns(merged, files) : merged), whole);
}

interface Row {
  folder: Folder;
  /**
   * A part the node tests measured on its own (RDL_MUTATION_PART) while its folder's figures are
   * the published ones: shown beside them, not merged into them, until the folder's runs are made.
   */
  part?: string;
  /** The day the runs behind the figures were read (YYYY-MM-DD). */
  measured: string;
  mutants: number;
  covered: number;
  scenarios: string;
  nodeTests: string;
  detected: number;
  score: number;
  survivors: Survivor[];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

type PublishedRow = Omit<Row, 'survivors'> & { survivors: Omit<Survivor, 'reason'>[] };

const rowKey = (row: Pick<Row, 'folder' | 'part'>) => (row.part === undefined ? row.folder : `${row.folder}/${row.part}`);
const rowName = (row: Pick<Row, 'folder' | 'part'>) =>
  row.part === undefined ? `${row.folder}/` : `${row.folder}/${row.part}* (node tests alone, on its own)`;

/** The figures last published for each folder (and part), their survivors' reasons looked up again. */
function published(reasons: Record<string, string>): Record<string, Row> {
  if (!existsSync(PUBLISHED)) return {};
  const rows = JSON.parse(readFileSync(PUBLISHED, 'utf8')) as Record<string, PublishedRow>;
  return Object.fromEntries(
    Object.entries(rows).map(([folder, row]) => [
      folder,
      { ...row, survivors: row.survivors.map((survivor) => ({ ...survivor, reason: reasons[survivor.key] })) },
    ]),
  );
}

function toPublished(rows: Row[]): string {
  const entries = rows.map(({ survivors, ...row }) => [
    rowKey(row),
    { ...row, survivors: survivors.map(({ where, mutator, code, replacement, key }) => ({ where, mutator, code, replacement, key })) },
  ]);
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

function percent(files: Files | undefined): string {
  if (!files) return 'not run';
  const { metrics } = calculateMetrics(files);
  return `${metrics.mutationScoreBasedOnCoveredCode.toFixed(2)}% (${metrics.totalDetected} of ${metrics.totalCovered})`;
}

function rowFor(folder: Folder, reasons: Record<string, string>): Row | undefined {
  const scenarios = read(FOLDER_REPORTS[folder].scenarios, folder);
  const nodeTests = readNodeTests(FOLDER_REPORTS[folder].nodeTests, folder);
  // A folder is measured afresh only from its scenarios' run and, where the node tests mutate it
  // too, their run over the whole folder (readNodeTests).
  const wholeFolder = FOLDER_REPORTS[folder].nodeTests;
  if (!scenarios || (wholeFolder && !nodeTests)) return undefined;
  const both = nodeTests ? mergeRuns(scenarios, nodeTests) : scenarios;
  return rowOf(folder, both, reasons, {
    scenarios: percent(scenarios),
    nodeTests: wholeFolder ? percent(nodeTests) : 'not mutated',
  });
}

/** A row of figures for these files, measured today. */
function rowOf(folder: Folder, files: Files, reasons: Record<string, string>, kinds: Pick<Row, 'part' | 'scenarios' | 'nodeTests'>): Row {
  const { metrics } = calculateMetrics(files);
  return {
    folder,
    ...kinds,
    measured: today(),
    mutants: metrics.totalMutants,
    covered: metrics.totalCovered,
    detected: metrics.totalDetected,
    score: metrics.mutationScoreBasedOnCoveredCode,
    survivors: survivorsOf(files, reasons),
  };
}

/** The node tests' parts of a folder measured here, each on its own. */
function partRowsFor(folder: Folder, reasons: Record<string, string>): Row[] {
  const path = FOLDER_REPORTS[folder].nodeTests;
  if (!path) return [];
  return partReports(path).flatMap(({ part, report }) => {
    const files = read(report, folder);
    return files ? [rowOf(folder, files, reasons, { part, scenarios: 'not merged', nodeTests: percent(files) })] : [];
  });
}

function render(rows: Row[], missing: Folder[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/`/g, "'");
  const lines = [
    '# Mutation scores of the fake, per folder',
    '',
    `Written by \`npm run mutation:scores -- --write\` on ${today()} from the reports of`,
    '`npm run mutation`, `npm run mutation:http` and `npm run mutation:node-tests` (see [Reliability](reliability.md));',
    'a folder whose runs were not on the machine keeps its last published figures ([mutation-scores.json](mutation-scores.json)), with the day they were measured.',
    'A mutant counts as caught by `npm test` when the scenarios or the node tests kill it (or time out on it);',
    'the score is the share of covered mutants caught. Do not edit by hand: the reasons live in',
    '[mutation-survivors.json](mutation-survivors.json).',
    '',
    '| folder | measured | mutants | covered | scenarios alone | node tests alone | `npm test` (either) | survivors |',
    '| ------ | -------- | ------: | ------: | --------------- | ---------------- | ------------------- | --------: |',
    ...rows.map(
      (row) =>
        `| ${rowName(row)} | ${row.measured} | ${row.mutants} | ${row.covered} | ${row.scenarios} | ${row.nodeTests} | ` +
        `**${row.score.toFixed(2)}%** (${row.detected} of ${row.covered}) | ${row.survivors.length} |`,
    ),
    ...missing.map((folder) => `| ${folder}/ | not run | | | | | | |`),
    '',
  ];
  for (const row of rows) {
    if (row.survivors.length === 0) continue;
    lines.push(`## Surviving mutants in fake-server/${rowName(row)}`, '');
    lines.push('| where | mutator | code → replacement | why it is left |', '| --- | --- | --- | --- |');
    for (const survivor of row.survivors) {
      const change = `\`${cell(survivor.code).slice(0, 80)}\` → \`${cell(survivor.replacement).slice(0, 80)}\``;
      lines.push(
        `| ${survivor.where.replace('fake-server/', '')} | ${survivor.mutator} | ${change} | ${cell(survivor.reason ?? '**no reason recorded**')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, check: { type: 'boolean', default: false } } });
  const reasons = existsSync(REASONS) ? (JSON.parse(readFileSync(REASONS, 'utf8')) as Record<string, string>) : {};
  const folders = Object.keys(FOLDER_REPORTS) as Folder[];
  const kept = published(reasons);
  const rows: Row[] = [];
  for (const folder of folders) {
    const fresh = rowFor(folder, reasons);
    if (fresh) {
      rows.push(fresh); // its parts are merged into it
      continue;
    }
    const row = kept[folder];
    if (row) {
      console.error(
        `fake-server/${folder}/: the scenarios' run and the node tests' whole-folder run are not both here; ` +
          `the figures published on ${row.measured} are kept`,
      );
      rows.push(row);
    }
    const parts = partRowsFor(folder, reasons);
    const keptParts = Object.values(kept).filter(
      (candidate) => candidate.folder === folder && candidate.part !== undefined && !parts.some((part) => part.part === candidate.part),
    );
    rows.push(...parts, ...keptParts);
  }
  const missing = folders.filter((folder) => !rows.some((row) => row.folder === folder && row.part === undefined));
  const text = render(rows, missing);
  console.log(text);
  if (values.write) {
    writeFileSync(TARGET, text);
    writeFileSync(PUBLISHED, toPublished(rows));
  }
  const unexplained = rows.flatMap((row) => row.survivors.filter((survivor) => survivor.reason === undefined));
  if (values.write || unexplained.length > 0) {
    // The keys to paste into docs/mutation-survivors.json, with a reason each.
    for (const survivor of unexplained) console.error(`no reason recorded: ${JSON.stringify(survivor.key)}`);
  }
  const under = rows.filter((row) => row.score < FLOOR);
  if (values.check && (under.length > 0 || unexplained.length > 0 || missing.length > 0)) {
    console.error(
      [
        ...under.map((row) => `fake-server/${rowName(row)} scores ${row.score.toFixed(2)}%, under ${FLOOR}%`),
        ...(unexplained.length > 0 ? [`${unexplained.length} surviving mutant(s) have no reason in ${REASONS}`] : []),
        ...missing.map((folder) => `fake-server/${folder}/ has no mutation report: run its Stryker configuration first`),
      ].join('\n'),
    );
    process.exit(1);
  }
}

main();
