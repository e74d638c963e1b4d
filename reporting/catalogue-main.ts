/**
 * `npm run catalogue`: writes docs/steps.md from a dry run of every feature.
 * `npm run catalogue -- --check`: exits 1, saying so, when docs/steps.md is not what the
 * features and step definitions now give (npm test runs the check).
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
  if (!existsSync(TARGET) || readFileSync(TARGET, 'utf8') !== text) {
    console.error(`${TARGET} is stale: the step definitions or features changed. Run npm run catalogue and commit the result.`);
    process.exit(1);
  }
  console.log(`${TARGET} is up to date.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
