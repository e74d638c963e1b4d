/**
 * The step catalogue (docs/steps.md): every sentence the suite understands, built from
 * cucumber's own messages of a dry run over every feature (step definitions, parameter
 * types, pickles and how their steps matched), with the scenarios and procedure ids that
 * use each sentence and one real example; then what a scenario can name.
 */
import { PassThrough } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import catalogue from './procedure-catalogue.json';
import { REFUSAL_CODES } from '../fake-server/domain/refusal-code-list';
import { StepDefinitionPattern, sentenceOf } from './sentences';
import telephoneTable from '../fake-server/config/clearinghouse-telephone-numbers.json';
import reasonList from '../fake-server/config/rebuild-reasons.json';
import { PERSONAS } from '../support/glue/personas';
import { PURCHASE_REFERENCE_FORMATS } from '../support/words/purchase-references';

export interface Envelope {
  stepDefinition?: { id: string; pattern: StepDefinitionPattern; sourceReference: { uri?: string; location?: { line: number } } };
  parameterType?: { name: string; regularExpressions: string[] };
  pickle?: { id: string; uri: string; name: string; tags: { name: string }[]; steps: { id: string; text: string; type?: string }[] };
  testCase?: { pickleId: string; testSteps: { pickleStepId?: string; stepDefinitionIds?: string[] }[] };
}

/** Runs cucumber's dry run (nothing executes) over every feature and returns its messages. */
export async function dryRunMessages(): Promise<Envelope[]> {
  const envelopes: Envelope[] = [];
  // Not the profiles of cucumber.js (their formatters write reports): the same support code, nothing else.
  const { runConfiguration } = await loadConfiguration({
    file: false,
    provided: {
      requireModule: [require.resolve('../tools/register-typescript.cjs')],
      require: ['support/**/*.ts', 'steps/**/*.ts'],
      dryRun: true,
      order: 'defined',
      paths: ['features/**/*.feature'],
    },
  });
  // The dry run's own summary is not wanted: it goes nowhere.
  await runCucumber(runConfiguration, { stdout: new PassThrough() }, (envelope) => envelopes.push(envelope as Envelope));
  return envelopes;
}

const KEYWORDS: Record<string, string> = { Context: 'Given', Action: 'When', Outcome: 'Then' };
const PROCEDURE_IDS = new Set(catalogue.parts.map((part) => part.id));
const GROUP_TITLES: Record<string, string> = {
  'steps/set-up.steps.ts': 'Setting up the world',
  'steps/licensing-manager.steps.ts': 'RD Licensing Manager and Properties (steps 1 and 2)',
  'steps/wizard.steps.ts': 'The Manage RDS CALs Wizard (steps 3 to 8 and 11)',
  'steps/clearinghouse.steps.ts': 'The Clearinghouse and key pack IDs (steps 9 and 10)',
  'steps/outcomes.steps.ts': 'Refusals, the database and the event log',
  'steps/test-control.steps.ts': 'Faults, time, snapshots and reset',
};

interface Usage {
  scenarios: Set<string>;
  ids: Set<string>;
  example: string | undefined;
}

/** Renders docs/steps.md from the messages; the same messages always give the same text. */
export function renderCatalogue(envelopes: Envelope[]): string {
  const definitions = envelopes.flatMap((envelope) => (envelope.stepDefinition ? [envelope.stepDefinition] : []));
  const pickles = new Map(envelopes.flatMap((envelope) => (envelope.pickle ? [[envelope.pickle.id, envelope.pickle] as const] : [])));
  const usage = new Map<string, Usage>(
    definitions.map((definition) => [definition.id, { scenarios: new Set(), ids: new Set(), example: undefined }]),
  );
  for (const { testCase } of envelopes) {
    const pickle = testCase && pickles.get(testCase.pickleId);
    if (!testCase || !pickle) continue;
    for (const testStep of testCase.testSteps) {
      const step = pickle.steps.find((candidate) => candidate.id === testStep.pickleStepId);
      for (const id of testStep.stepDefinitionIds ?? []) {
        const used = usage.get(id);
        if (!used || !step) continue;
        used.scenarios.add(`${pickle.uri}: ${pickle.name}`);
        for (const tag of pickle.tags) if (PROCEDURE_IDS.has(tag.name.slice(1))) used.ids.add(tag.name.slice(1));
        used.example ??= `${KEYWORDS[step.type ?? ''] ?? '*'} ${step.text}`;
      }
    }
  }
  const lines = [
    '# Step catalogue',
    '',
    'Every sentence the acceptance suite understands, with the scenarios and procedure ids that use',
    "it and one real example from the features. Generated from cucumber's own messages by",
    '`npm run catalogue`; do not edit by hand: `npm test` fails when a sentence, parameter or code is',
    'missing or out of date here (the usage counts and examples may lag until the next regeneration).',
    'A step that matches no sentence gets the three closest ones printed ("did you mean") after the run.',
    '',
    'Any sentence works after `Given`, `When`, `Then`, `And` or `But`; the example shows the one used.',
    '`{string}` is text in double quotes, `{int}` a whole number, `(a|b)` one of the choices,',
    '`[words]` words that may be left out. The other `{parameters}` are listed after the sentences.',
    '',
    'A sentence that opens by naming a person acts as that person; a check (a Then) that names',
    'nobody reads as the administrator, whoever acted last. A `tries to …` that is refused must be',
    'checked by a later step (`it is refused as …`), or the scenario fails.',
    '',
  ];
  const byFile = new Map<string, typeof definitions>();
  for (const definition of definitions) {
    const uri = definition.sourceReference.uri ?? '?';
    byFile.set(uri, [...(byFile.get(uri) ?? []), definition]);
  }
  for (const [uri, inFile] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `## ${GROUP_TITLES[uri] ?? uri}`,
      '',
      `Defined in \`${uri}\`.`,
      '',
      '| sentence | scenarios | procedure ids | example |',
      '| --- | --- | --- | --- |',
    );
    for (const definition of inFile) {
      const used = usage.get(definition.id);
      const ids = [...(used?.ids ?? [])].sort(byProcedureOrder).join(', ');
      lines.push(
        `| ${cell(sentenceOf(definition.pattern))} | ${used?.scenarios.size ?? 0} | ${ids || '—'} | ${used?.example ? cell(used.example) : '— (not used yet)'} |`,
      );
    }
    lines.push('');
  }
  lines.push(...vocabulary(envelopes));
  return `${lines.join('\n')}\n`;
}

function byProcedureOrder(a: string, b: string): number {
  const order = catalogue.parts.map((part) => part.id);
  return order.indexOf(a) - order.indexOf(b);
}

function cell(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/** What a scenario can name: parameter values, personas, purchases, countries, reasons, refusal codes. */
function vocabulary(envelopes: Envelope[]): string[] {
  const parameters = envelopes.flatMap((envelope) => (envelope.parameterType ? [envelope.parameterType] : []));
  const lines = ['# What a scenario can name', '', '## Parameters', '', '| parameter | one of |', '| --- | --- |'];
  for (const parameter of [...parameters].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(
      `| \`{${parameter.name}}\` | ${parameter.regularExpressions
        .join('|')
        .split('|')
        .map((choice) => `\`${choice}\``)
        .join(', ')} |`,
    );
  }
  lines.push(
    '',
    '## Personas',
    '',
    'Local accounts seeded on every license server a scenario activates:',
    '',
    '| persona | user name | groups |',
    '| --- | --- | --- |',
  );
  for (const [name, persona] of Object.entries(PERSONAS))
    lines.push(`| the ${name} | \`${persona.userName}\` | ${persona.groups.join(', ')} |`);
  lines.push(
    '',
    '## Purchase references',
    '',
    'A purchase is named by its licensing program and its documents; `npm run ids -- <program>` prints valid ones.',
    '',
    '| licensing program | reference | example |',
    '| --- | --- | --- |',
  );
  for (const format of PURCHASE_REFERENCE_FORMATS) lines.push(`| ${format.program} | ${format.form} | \`${format.example}\` |`);
  lines.push('', '## Countries/regions and Clearinghouse numbers', '', '| country/region | telephone number |', '| --- | --- |');
  for (const [country, number] of Object.entries(telephoneTable.numbers)) lines.push(`| ${country} | ${number} |`);
  lines.push('', '## Rebuild reasons', '', ...reasonList.reasons.map((reason) => `- ${reason}`));
  lines.push(
    '',
    '## Refusal codes',
    '',
    'Named in `it is refused as "…"` with spaces for the hyphens.',
    '',
    '| code | meaning |',
    '| --- | --- |',
  );
  for (const [code, meaning] of Object.entries(REFUSAL_CODES))
    lines.push(`| \`${code.replace(/-/g, ' ')}\` | ${meaning.replace(/\|/g, '\\|')} |`);
  return lines;
}
