/**
 * `npm run report`: builds the traceability report from the message stream of the last
 * run (reports/messages.ndjson) as Markdown and HTML, and fails, naming them, when any
 * part of the procedure has no passing scenario. In GitHub Actions the Markdown also goes
 * to the job summary.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readScenarioResults } from './messages';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { traceability } from './traceability';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: 'reports/messages.ndjson' },
    out: { type: 'string', default: 'reports' },
  },
});

if (!existsSync(values.messages)) {
  console.error(`No message stream at ${values.messages}: run the acceptance suite with the ci profile first (npm run test:acceptance).`);
  process.exit(2);
}
const report = traceability(readScenarioResults(values.messages));
const markdown = renderMarkdown(report);
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, 'traceability.md'), markdown);
writeFileSync(join(values.out, 'traceability.html'), renderHtml(report, new Date()));
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);

const verified = report.rows.length - report.unverified.length;
console.log(
  `Traceability: ${verified} of ${report.rows.length} parts of the procedure verified by passing scenarios (${join(values.out, 'traceability.html')}).`,
);
if (report.unverified.length > 0) {
  console.error(`No passing scenario for: ${report.unverified.map((part) => part.id).join(', ')}`);
  process.exit(1);
}
