/**
 * The traceability matrix as one self-contained HTML page for reviewers: no scripts, no
 * external files. Rows carry data attributes so tools can read the verdicts back.
 */
import { ScenarioResult } from './messages';
import { Traceability, Verdict } from './traceability';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const CLASS: Record<Verdict, string> = { verified: 'ok', failing: 'bad', 'not verified': 'warn' };

function scenarioItem(result: ScenarioResult): string {
  const retries = result.attempts.length > 1 ? ` <span class="retry">after ${result.attempts.length} attempts</span>` : '';
  return `<li class="${result.status === 'PASSED' ? 'ok' : 'bad'}" data-status="${result.status}">${escape(result.name)} <code>${escape(`${result.uri}:${result.line}`)}</code>${retries}</li>`;
}

export function renderHtml(report: Traceability, generatedAt: Date): string {
  const { totals } = report;
  const rows = report.rows
    .map(
      (row) => `<tr data-procedure-id="${escape(row.part.id)}" data-verdict="${row.verdict}">
  <td><code>${escape(row.part.id)}</code></td><td>${escape(row.part.kind)}</td><td>${escape(row.part.title)}</td>
  <td class="num">${row.passed}/${row.scenarios.length}</td><td class="${CLASS[row.verdict]}">${row.verdict}</td>
  <td><details><summary>${row.scenarios.length} scenario${row.scenarios.length === 1 ? '' : 's'}</summary><ul>${row.scenarios.map(scenarioItem).join('')}</ul></details></td>
</tr>`,
    )
    .join('\n');
  const unverified = report.unverified.length
    ? `<section class="alert"><h2>Parts with no passing scenario</h2><ul>${report.unverified.map((part) => `<li data-unverified="${escape(part.id)}"><code>${escape(part.id)}</code> ${escape(part.title)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Traceability: ${escape(report.procedure)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } .meta { color: #59636e; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #d1d9e0; padding: .45rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; } .num { text-align: right; white-space: nowrap; }
  td.ok { color: #1a7f37; font-weight: 600; } td.bad { color: #d1242f; font-weight: 600; } td.warn { color: #9a6700; font-weight: 600; }
  li.ok::marker { content: "✔ "; color: #1a7f37; } li.bad::marker { content: "✘ "; color: #d1242f; }
  code { font-size: .85em; } .retry { color: #9a6700; } .alert { border: 2px solid #d1242f; padding: .5rem 1rem; margin: 1rem 0; border-radius: 6px; }
  summary { cursor: pointer; color: #0969da; }
</style>
</head>
<body>
<h1>Traceability: ${escape(report.procedure)}</h1>
<p class="meta">${totals.scenarios} scenarios — ${totals.passed} passed, ${totals.failed} failed, ${totals.retried} retried — ${report.rows.length - report.unverified.length} of ${report.rows.length} parts verified. Generated ${escape(generatedAt.toISOString())}.</p>
${unverified}
<p>Each scenario's steps, requests to the fake and database copies are in <a href="cucumber.html">cucumber's report</a>; search it for <code>@id</code>. Every sentence a scenario can use, and what it can name, is in the <a href="../docs/steps.md">step catalogue</a>.</p>
<table>
<thead><tr><th>id</th><th>kind</th><th>what it asks</th><th>passed</th><th>verdict</th><th>scenarios</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Scenarios tied to no part of the procedure</h2>
<ul>${report.untagged.map(scenarioItem).join('') || '<li>none</li>'}</ul>
</body>
</html>
`;
}
