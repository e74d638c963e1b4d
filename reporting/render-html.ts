/**
 * The traceability matrix as one self-contained HTML page for reviewers: no scripts, no
 * external files. Rows carry data attributes so tools can read the verdicts back.
 */
import { DRIVER_LABELS, Driver, DriverTraceability } from './by-driver';
import { ScenarioResult } from './messages';
import { describeCounts, statusWord } from './statuses';
import { TraceRow, Verdict } from './traceability';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const CLASS: Record<Verdict, string> = { verified: 'ok', failing: 'bad', 'not verified': 'warn' };

/** Passed is green; failed, ambiguous and not finished are red; pending, skipped and undefined amber. */
const statusClass = (status: ScenarioResult['status']) =>
  status === 'PASSED' ? 'ok' : ['FAILED', 'AMBIGUOUS', 'UNKNOWN'].includes(status) ? 'bad' : 'warn';

function scenarioItem(result: ScenarioResult, driver: string): string {
  const retries =
    result.attempts.length > 1
      ? ` <span class="retry">after ${result.attempts.length} attempts: ${result.attempts.map(statusWord).join(', ')}</span>`
      : '';
  return `<li class="${statusClass(result.status)}" data-status="${result.status}"><strong>${statusWord(result.status)}</strong> [${escape(driver)}] ${escape(result.name)} <code>${escape(`${result.uri}:${result.line}`)}</code>${retries}</li>`;
}

/** Where each scenario's pictures were written, keyed by "uri:line", as paths relative to the report. */
export type PictureIndex = Map<string, { label: string; path: string }[]>;

function driverCell(driver: Driver, row: TraceRow | undefined, pictures: PictureIndex): string {
  if (!row) return `<td data-driver="${driver}">—</td>`;
  const links = row.scenarios.flatMap((result) => pictures.get(`${result.uri}:${result.line}`) ?? []);
  const gallery = links.length
    ? `<details><summary>${links.length} page picture${links.length === 1 ? '' : 's'}</summary><ul>${links.map((link) => `<li><a href="${escape(link.path)}">${escape(link.label)}</a></li>`).join('')}</ul></details>`
    : '';
  const statuses = row.notPassed > 0 ? ` <span class="num">${describeCounts(row.statuses)}</span>` : '';
  return `<td data-driver="${driver}" class="${CLASS[row.verdict]}" data-driver-verdict="${row.verdict}">${row.verdict} <span class="num">(${row.passed}/${row.scenarios.length})</span>${statuses}${gallery}</td>`;
}

export function renderHtml(report: DriverTraceability, generatedAt: Date, pictures: PictureIndex = new Map()): string {
  const rows = report.rows
    .map((row) => {
      const scenarios = report.drivers.flatMap((driver) =>
        (row.byDriver[driver]?.scenarios ?? []).map((result) => scenarioItem(result, DRIVER_LABELS[driver])),
      );
      return `<tr data-procedure-id="${escape(row.part.id)}" data-verdict="${row.verdict}">
  <td><code>${escape(row.part.id)}</code></td><td>${escape(row.part.kind)}</td><td>${escape(row.part.title)}</td>
  ${report.drivers.map((driver) => driverCell(driver, row.byDriver[driver], driver === 'browser' ? pictures : new Map())).join('')}
  <td class="${CLASS[row.verdict]}">${row.verdict}</td>
  <td><details><summary>${scenarios.length} scenario run${scenarios.length === 1 ? '' : 's'}</summary><ul>${scenarios.join('')}</ul></details></td>
</tr>`;
    })
    .join('\n');
  const unverified = report.unverified.length
    ? `<section class="alert"><h2>Parts not verified through every driver</h2><ul>${report.unverified
        .map(
          (entry) =>
            `<li data-unverified="${escape(entry.part.id)}"><code>${escape(entry.part.id)}</code> ${escape(entry.part.title)}: not through ${entry.drivers.map((driver) => DRIVER_LABELS[driver]).join(' or ')}</li>`,
        )
        .join('')}</ul></section>`
    : '';
  const totals = report.drivers
    .map((driver) => {
      const t = report.reports[driver]?.totals;
      return t ? `${DRIVER_LABELS[driver]}: ${t.scenarios} scenarios (${describeCounts(t.statuses)}), ${t.retried} retried` : '';
    })
    .join('; ');
  const runFailures = report.drivers.flatMap((driver) =>
    (report.reports[driver]?.runFailures ?? []).map((failure) => `<li data-run-failure>${DRIVER_LABELS[driver]}: ${escape(failure)}</li>`),
  );
  const runFailed = runFailures.length
    ? `<section class="alert"><h2>The run failed outside its scenarios: it verifies nothing</h2><ul>${runFailures.join('')}</ul></section>`
    : '';
  const verified = report.rows.filter((row) => row.verdict === 'verified').length;
  const untagged = report.drivers.flatMap((driver) =>
    (report.reports[driver]?.untagged ?? []).map((result) => scenarioItem(result, DRIVER_LABELS[driver])),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Traceability: ${escape(report.procedure)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } .meta { color: #59636e; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #d1d9e0; padding: .45rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; } .num { white-space: nowrap; font-weight: normal; color: #59636e; }
  td.ok { color: #1a7f37; font-weight: 600; } td.bad { color: #d1242f; font-weight: 600; } td.warn { color: #9a6700; font-weight: 600; }
  li.ok::marker { content: "✔ "; color: #1a7f37; } li.bad::marker { content: "✘ "; color: #d1242f; } li.warn::marker { content: "? "; color: #9a6700; }
  code { font-size: .85em; } .retry { color: #9a6700; } .alert { border: 2px solid #d1242f; padding: .5rem 1rem; margin: 1rem 0; border-radius: 6px; }
  summary { cursor: pointer; color: #0969da; font-weight: normal; }
</style>
</head>
<body>
<h1>Traceability: ${escape(report.procedure)}</h1>
<p class="meta">${escape(totals)}. ${verified} of ${report.rows.length} parts verified through ${report.drivers.map((driver) => DRIVER_LABELS[driver]).join(' and ')}. ${report.apiOnly} scenarios run through the API only (tagged @api-only: raw input no page can send), ${report.browserOnly} through the browser only (@browser-only). Generated ${escape(generatedAt.toISOString())}.</p>
${runFailed}
${unverified}
<p>Each scenario's steps, requests to the fake and database copies are in cucumber's reports: <a href="cucumber.html">API</a>${report.drivers.includes('browser') ? ', <a href="browser/cucumber.html">browser</a> (with a picture of every wizard page reached)' : ''}; search them for <code>@id</code>. Every sentence a scenario can use, and what it can name, is in the <a href="../docs/steps.md">step catalogue</a>.</p>
<table>
<thead><tr><th>id</th><th>kind</th><th>what it asks</th>${report.drivers.map((driver) => `<th>${DRIVER_LABELS[driver]}</th>`).join('')}<th>verdict</th><th>scenarios</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Scenarios tied to no part of the procedure</h2>
<ul>${untagged.join('') || '<li>none</li>'}</ul>
</body>
</html>
`;
}
