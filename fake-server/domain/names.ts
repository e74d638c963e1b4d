/**
 * Windows compares account, group and computer names without regard to case, by mapping
 * each character to its upper-case form through one table (no character becomes two, and
 * nothing is normalised). The fake folds names the same way, in one place, so that the
 * database, the caches and the permission rule can never disagree about who is who: a
 * Kelvin sign (U+212A) stays a different character from K, as it does on Windows.
 */
export function foldName(name: string): string {
  let folded = '';
  for (const character of name) {
    const upper = character.toUpperCase();
    folded += [...upper].length === 1 ? upper : character;
  }
  return folded;
}

/** Whether two names are the same name to Windows. */
export function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}

/** The most of a name a message echoes: a caller may send 8,000 characters, and an answer need not carry them back. */
export const SHOWN_NAME_LENGTH = 64;

/** A name as messages quote it: whole up to SHOWN_NAME_LENGTH characters, cut with "…" beyond. */
export function shownName(name: string): string {
  const characters = [...name];
  return characters.length > SHOWN_NAME_LENGTH ? `${characters.slice(0, SHOWN_NAME_LENGTH).join('')}…` : name;
}
