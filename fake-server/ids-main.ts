/**
 * `npm run ids -- <kind> [--count n] [--seed text]`: prints valid test data to paste
 * into a scenario: retail license codes, Open License numbers, agreement numbers and
 * License Server IDs, each with a correct check character where the format has one.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ID_KINDS, IdKind, validExample } from './domain/test-data';

const USAGE = `Usage: npm run ids -- <${ID_KINDS.join('|')}> [--count n] [--seed text]
  retail             a purchase reference with a valid 25-character retail license code
  open-license       an Open License number and authorization number
  agreement          an agreement number (for Enterprise, Select, Campus, School… agreements)
  license-server-id  a License Server ID, for a fixture's licenseServerId
  --count n          how many (default 1, at most 100)
  --seed text        the same seed prints the same values`;

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { count: { type: 'string', default: '1' }, seed: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  const kind = positionals[0];
  if (values.help || kind === undefined) {
    console.log(USAGE);
    return;
  }
  if (!(ID_KINDS as readonly string[]).includes(kind)) throw new Error(`"${kind}" is not one of ${ID_KINDS.join(', ')}.\n${USAGE}`);
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new Error('--count must be a whole number from 1 to 100.');
  const seed = values.seed ?? randomUUID();
  for (let i = 0; i < count; i += 1) console.log(validExample(kind as IdKind, `${seed}#${i}`));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
