/**
 * Valid purchase documents and IDs to write into scenarios: retail license codes and
 * License Server IDs need a correct check character, which nobody computes by hand.
 * `npm run ids` prints them; a seed makes the output repeatable.
 */
import { LICENSE_SERVER_ID_LENGTH, RETAIL_LICENSE_CODE_LENGTH, deterministicId, inGroupsOfFive } from './ids';

export const ID_KINDS = ['retail', 'open-license', 'agreement', 'license-server-id'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** A number of `digits` digits, not starting with 0, derived from the seed. */
function digits(seed: string, count: number): string {
  const hex = deterministicId(`digits:${seed}`, 20);
  let out = '';
  for (const character of hex) out += String(parseInt(character, 36) % 10);
  return (out.startsWith('0') ? `1${out.slice(1)}` : out).slice(0, count);
}

/** One valid example of a kind; a different seed gives a different value. */
export function validExample(kind: IdKind, seed: string): string {
  switch (kind) {
    case 'retail':
      return `License Pack (Retail Purchase) ${inGroupsOfFive(deterministicId(`retail:${seed}`, RETAIL_LICENSE_CODE_LENGTH))}`;
    case 'open-license':
      return `Open License ${digits(`open:${seed}`, 8)} ${deterministicId(`authorization:${seed}`, 15)}`;
    case 'agreement':
      return `Enterprise Agreement ${digits(`agreement:${seed}`, 7)}`;
    case 'license-server-id':
      return inGroupsOfFive(deterministicId(`license-server:${seed}`, LICENSE_SERVER_ID_LENGTH));
  }
}
