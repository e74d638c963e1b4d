/**
 * `npm run examples`: records the contract's examples from a real rebuild (examples-recorder.ts)
 * into fake-server/http/contract/examples.json; then `npm run openapi` puts them in the document.
 * `npm run examples -- --check`: exits 1 when a recording now differs from the file in more than
 * its generated ids (UUIDs), i.e. when the fake answers differently than the examples show.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXAMPLES_FILE, comparableExamples } from './http/contract/recorded-examples';
import { recordExamples } from './examples-recorder';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const examples = await recordExamples();
  if (values.check) {
    const kept = JSON.parse(readFileSync(EXAMPLES_FILE, 'utf8')) as typeof examples;
    if (comparableExamples(kept) !== comparableExamples(examples)) {
      console.error(
        `${EXAMPLES_FILE} is stale: the fake now answers differently. Run npm run examples and npm run openapi, and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`${EXAMPLES_FILE} is what the fake answers.`);
    return;
  }
  writeFileSync(EXAMPLES_FILE, `${JSON.stringify(examples, null, 2)}\n`);
  console.log(`Recorded the examples of ${Object.keys(examples).length} operations in ${EXAMPLES_FILE}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
