/** The traceability matrix as Markdown, for a pull-request comment or a CI job summary. */
import { ScenarioResult } from './messages';
import { Traceability, Verdict } from './traceability';

const MARK: Record<Verdict, string> = { verified: '✅ verified', failing: '❌ failing', 'not verified': '⚠️ not verified' };

function scenarioLine(result: ScenarioResult): string {
  const retries = result.attempts.length > 1 ? ` (after ${result.attempts.length} attempts: ${result.attempts.join(', ')})` : '';
  return `  - ${result.status === 'PASSED' ? '✅' : '❌'} ${result.name} — \`${result.uri}:${result.line}\`${retries}`;
}

export function renderMarkdown(report: Traceability): string {
  const { totals } = report;
  const out: string[] = [
    `# Traceability: ${report.procedure}`,
    '',
    `${totals.scenarios} scenarios, ${totals.passed} passed, ${totals.failed} failed, ${totals.retried} retried. ` +
      `${report.rows.length - report.unverified.length} of ${report.rows.length} parts of the procedure verified.`,
    '',
    'The sentences scenarios are written in, and what they can name: [docs/steps.md](../docs/steps.md).',
    '',
    '| id | kind | what it asks | scenarios | result |',
    '| --- | --- | --- | --- | --- |',
    ...report.rows.map(
      (row) =>
        `| \`${row.part.id}\` | ${row.part.kind} | ${row.part.title} | ${row.passed}/${row.scenarios.length} | ${MARK[row.verdict]} |`,
    ),
    '',
  ];
  if (report.unverified.length > 0) {
    out.push('## Parts with no passing scenario', '', ...report.unverified.map((part) => `- \`${part.id}\`: ${part.title}`), '');
  }
  out.push('## Scenarios by part', '');
  for (const row of report.rows) out.push(`- \`${row.part.id}\` ${row.part.title}`, ...row.scenarios.map(scenarioLine));
  out.push('', '## Scenarios tied to no part of the procedure', '');
  out.push(...(report.untagged.length ? report.untagged.map(scenarioLine) : ['  - none']), '');
  return out.join('\n');
}
