/**
 * `npm run catalogue`: writes docs/steps.md from a dry run of every feature.
 * `npm run catalogue -- --check`: exits 1, saying so, when the vocabulary in docs/steps.md
 * (sentences, parameters, personas, codes) is not what the step definitions now give (npm test
 * runs the check). How often each sentence is used, and where, is left out of the check: a team
 * adding scenarios with existing sentences does not break the build on documentation.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dryRunMessages, renderCatalogue } from './step-catalogue';

const TARGET = 'docs/steps.md';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const text = renderCatalogue(await dryRunMessages());
  if (!values.check) {
    writeFileSync(TARGET, text);
    console.log(`Wrote ${TARGET}.`);
    return;
  }
  const committed = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
  if (vocabularyOf(committed) !== vocabularyOf(text)) {
    console.error(`${TARGET} is stale: the sentences, parameters or codes changed. Run npm run catalogue and commit the result.`);
    process.exit(1);
  }
  console.log(
    committed === text
      ? `${TARGET} is up to date.`
      : `${TARGET} lists every sentence; its usage counts and examples are out of date (npm run catalogue refreshes them).`,
  );
}

/** The catalogue without the usage columns of its sentence tables (scenarios, procedure ids, example). */
function vocabularyOf(text: string): string {
  let inSentenceTable = false;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('| sentence |')) inSentenceTable = true;
      else if (!line.startsWith('|')) inSentenceTable = false;
      if (!inSentenceTable || !line.startsWith('| `')) return line;
      // Cells are split on unescaped bars: a sentence may hold (a\|b).
      return line.split(/(?<!\\)\|/)[1]?.trim() ?? line;
    })
    .filter((line) => !/^\| (scenarios|---) /.test(line))
    .join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
