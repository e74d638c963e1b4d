/** The traceability matrix as Markdown, for a pull-request comment or a CI job summary. */
import { DRIVER_LABELS, DriverTraceability } from './by-driver';
import { ScenarioResult } from './messages';
import { STATUS_MARK, describeCounts, statusWord } from './statuses';
import { TraceRow, Verdict } from './traceability';

const MARK: Record<Verdict, string> = { verified: '✅ verified', failing: '❌ failing', 'not verified': '⚠️ not verified' };

function scenarioLine(result: ScenarioResult, driver: string): string {
  const retries =
    result.attempts.length > 1 ? ` (after ${result.attempts.length} attempts: ${result.attempts.map(statusWord).join(', ')})` : '';
  return `  - ${STATUS_MARK[result.status]} ${statusWord(result.status)} [${driver}] ${result.name} — \`${result.uri}:${result.line}\`${retries}`;
}

/** "2/3 ❌ failing (1 pending, 2 passed)": the statuses are named unless every scenario passed. */
function driverCell(row: TraceRow): string {
  const statuses = row.notPassed > 0 ? ` (${describeCounts(row.statuses)})` : '';
  return `${row.passed}/${row.scenarios.length} ${MARK[row.verdict]}${statuses}`;
}

export function renderMarkdown(report: DriverTraceability): string {
  const labels = report.drivers.map((driver) => DRIVER_LABELS[driver]);
  const totals = report.drivers.map((driver) => {
    const t = report.reports[driver]?.totals;
    return t ? `${DRIVER_LABELS[driver]}: ${t.scenarios} scenarios (${describeCounts(t.statuses)}), ${t.retried} retried` : '';
  });
  const out: string[] = [
    `# Traceability: ${report.procedure}`,
    '',
    `${totals.join('; ')}. ${report.rows.filter((row) => row.verdict === 'verified').length} of ${report.rows.length} parts of the procedure verified through ${labels.join(' and ')}; ` +
      `${report.apiOnly} scenarios through the API only (@api-only), ${report.browserOnly} through the browser only (@browser-only).`,
    '',
    'The sentences scenarios are written in, and what they can name: [docs/steps.md](../docs/steps.md).',
    '',
    `| id | kind | what it asks | ${labels.join(' | ')} | verdict |`,
    `| --- | --- | --- | ${labels.map(() => '---').join(' | ')} | --- |`,
    ...report.rows.map((row) => {
      const cells = report.drivers.map((driver) => {
        const byDriver = row.byDriver[driver];
        return byDriver ? driverCell(byDriver) : '—';
      });
      return `| \`${row.part.id}\` | ${row.part.kind} | ${row.part.title} | ${cells.join(' | ')} | ${MARK[row.verdict]} |`;
    }),
    '',
  ];
  const runFailures = report.drivers.flatMap((driver) =>
    (report.reports[driver]?.runFailures ?? []).map((failure) => `- ${DRIVER_LABELS[driver]}: ${failure}`),
  );
  if (runFailures.length > 0) out.push('## ❌ The run failed outside its scenarios: it verifies nothing', '', ...runFailures, '');
  if (report.unverified.length > 0) {
    out.push(
      '## Parts not verified through every driver',
      '',
      ...report.unverified.map(
        (entry) =>
          `- \`${entry.part.id}\`: ${entry.part.title} (not through ${entry.drivers.map((driver) => DRIVER_LABELS[driver]).join(' or ')})`,
      ),
      '',
    );
  }
  out.push('## Scenarios by part', '');
  for (const row of report.rows) {
    out.push(`- \`${row.part.id}\` ${row.part.title}`);
    for (const driver of report.drivers)
      out.push(...(row.byDriver[driver]?.scenarios ?? []).map((result) => scenarioLine(result, DRIVER_LABELS[driver])));
  }
  const untagged = report.drivers.flatMap((driver) =>
    (report.reports[driver]?.untagged ?? []).map((result) => scenarioLine(result, DRIVER_LABELS[driver])),
  );
  out.push('', '## Scenarios tied to no part of the procedure', '', ...(untagged.length ? untagged : ['  - none']), '');
  return out.join('\n');
}
