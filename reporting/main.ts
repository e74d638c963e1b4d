/**
 * `npm run report`: builds the traceability report from the message streams of the last
 * runs, one per driver (reports/messages.ndjson for the API, reports/browser/messages.ndjson
 * for the browser), as Markdown and HTML. A suite split across CI jobs (`--shard i/n`) gives
 * one stream per shard: repeat `--messages` (or `--browser-messages`) once per stream and the
 * report is that of the union, as if the suite had run in one job. It links the pictures the
 * browser profile wrote beside its stream, and fails, naming them, when any part of the procedure is not
 * verified through every driver (by the union of the shards, when there are several). In GitHub Actions the Markdown also goes to the job summary.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { DRIVERS, DRIVER_LABELS, Driver, traceabilityByDriver } from './by-driver';
import { ScenarioResult, readRunFailures, readShardedResults } from './messages';
import { PictureIndex, renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', multiple: true, default: ['reports/messages.ndjson'] },
    'browser-messages': { type: 'string', multiple: true, default: ['reports/browser/messages.ndjson'] },
    drivers: { type: 'string', default: DRIVERS.join(',') },
    out: { type: 'string', default: 'reports' },
  },
});

const streams: Record<Driver, string[]> = { api: values.messages, browser: values['browser-messages'] };
const drivers = values.drivers.split(',').map((name) => name.trim()) as Driver[];
const results: Partial<Record<Driver, ScenarioResult[]>> = {};
const runFailures: Partial<Record<Driver, string[]>> = {};
for (const driver of drivers) {
  if (!DRIVERS.includes(driver)) {
    console.error(`--drivers takes ${DRIVERS.join(', ')}; "${driver}" is none of them.`);
    process.exit(2);
  }
  for (const stream of streams[driver]) {
    if (existsSync(stream)) continue;
    const how = driver === 'api' ? 'npm run test:acceptance' : 'npm run test:browser';
    console.error(`No message stream at ${stream}: run the ${DRIVER_LABELS[driver]} suite first (${how}), or leave it out with --drivers.`);
    process.exit(2);
  }
  results[driver] = readShardedResults(streams[driver]);
  runFailures[driver] = streams[driver].flatMap(readRunFailures);
}

const report = traceabilityByDriver(results, runFailures);
mkdirSync(values.out, { recursive: true });
// The pictures stay where the browser profile wrote them (beside its stream); the page links to them.
const pictures: PictureIndex = new Map();
for (const result of results.browser ?? []) {
  if (result.pictures.length === 0) continue;
  pictures.set(
    `${result.uri}:${result.line}`,
    result.pictures.map((picture) => ({
      label: `${result.name}: ${picture.fileName.replace(/-[0-9a-f]{12}\.png$/, '').replace(/-/g, ' ')}`,
      path: relative(values.out, picture.file).split(sep).map(encodeURIComponent).join('/'),
    })),
  );
}
const markdown = renderMarkdown(report);
writeFileSync(join(values.out, 'traceability.md'), markdown);
writeFileSync(join(values.out, 'traceability.html'), renderHtml(report, new Date(), pictures));
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);

const verified = report.rows.filter((row) => row.verdict === 'verified').length;
console.log(
  `Traceability: ${verified} of ${report.rows.length} parts of the procedure verified through ${report.drivers.map((driver) => DRIVER_LABELS[driver]).join(' and ')} (${join(values.out, 'traceability.html')}).`,
);
const failedRuns = report.drivers.flatMap((driver) => (runFailures[driver] ?? []).map((failure) => `${DRIVER_LABELS[driver]}: ${failure}`));
if (failedRuns.length > 0) console.error(`The run failed outside its scenarios, so it verifies nothing: ${failedRuns.join('; ')}`);
if (report.unverified.length > 0) {
  const named = report.unverified.map(
    (entry) => `${entry.part.id} (not through ${entry.drivers.map((driver) => DRIVER_LABELS[driver]).join(' or ')})`,
  );
  console.error(`No passing scenario for: ${named.join(', ')}`);
}
if (failedRuns.length > 0 || report.unverified.length > 0) process.exit(1);
