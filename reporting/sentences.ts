/**
 * Step definitions as a person reads and writes them: the sentence of a cucumber
 * expression as it stands, a regular expression turned back into a sentence with its
 * choices shown, and a step text reduced to the shape of a sentence for comparison.
 */
import { distance } from 'fastest-levenshtein';

export interface StepDefinitionPattern {
  source: string;
  type: 'CUCUMBER_EXPRESSION' | 'REGULAR_EXPRESSION';
}

/** What a scenario writer types: `{string}` stays, regex groups become their choices. */
export function sentenceOf(pattern: StepDefinitionPattern): string {
  if (pattern.type === 'CUCUMBER_EXPRESSION') return pattern.source;
  return pattern.source
    .replace(/^\^|\$$/g, '')
    .replace(/\(\?:([^()]*)\)\?/g, '[$1]')
    .replace(/\("\(\[\^"\]\+\)"\)/g, '"…"')
    .replace(/"\(\[\^"\]\+\)"/g, '{string}')
    .replace(/\(\\d\+\)/g, '{int}')
    .replace(/\(\?:([^()]*)\)/g, '($1)')
    .replace(/\\(.)/g, '$1');
}

/** A step text with its arguments replaced by parameter names, lower case. */
function shapeOf(text: string): string {
  return text
    .replace(/"[^"]*"/g, '{string}')
    .replace(/\b\d+\b/g, '{int}')
    .toLowerCase();
}

/**
 * The concrete sentences a sentence stands for: each `(a|b)` choice and `[optional]` part
 * spelt out, and each `{parameter}` whose choices are known (from its regular expression)
 * too, so that "clicks Nxt" is compared with "clicks Next" and not with a list of buttons.
 */
export function spelledOut(sentence: string, choicesOf: ReadonlyMap<string, string[]> = new Map(), limit = 50): string[] {
  const group = /\(([^()]*\|[^()]*)\)|\[([^[\]]*)\]|\{(\w+)\}/.exec(sentence);
  if (!group) return [sentence];
  const [whole, alternatives, optional, parameter] = group;
  let choices: string[];
  if (alternatives !== undefined) choices = alternatives.split('|');
  else if (optional !== undefined) choices = [optional, ''];
  else choices = choicesOf.get(parameter ?? '') ?? [];
  // A parameter with no known choices ({string}, {int}) stays as it is, and so does the rest.
  if (choices.length === 0) {
    const head = sentence.slice(0, group.index + whole.length);
    return spelledOut(sentence.slice(group.index + whole.length), choicesOf, limit).map((tail) => head + tail);
  }
  const out: string[] = [];
  for (const choice of choices) {
    const replaced = sentence.slice(0, group.index) + choice + sentence.slice(group.index + whole.length);
    for (const expanded of spelledOut(replaced.replace(/ {2,}/g, ' ').trim(), choicesOf, limit)) {
      if (out.length < limit) out.push(expanded);
    }
  }
  return out;
}

/** The `count` sentences closest to a step text that matched none, closest first. */
export function closestSentences(
  text: string,
  sentences: readonly string[],
  choicesOf: ReadonlyMap<string, string[]> = new Map(),
  count = 3,
): string[] {
  const shape = shapeOf(text);
  return [...new Set(sentences.flatMap((sentence) => spelledOut(sentence, choicesOf)))]
    .map((sentence) => ({ sentence, score: distance(shape, sentence.toLowerCase()) }))
    .sort((a, b) => a.score - b.score || a.sentence.localeCompare(b.sentence))
    .slice(0, count)
    .map((entry) => entry.sentence);
}
