/**
 * The accessibility tree of a page region, read in one round trip (Playwright's ARIA
 * snapshot) and flattened: each node's role, accessible name, states ([checked],
 * [disabled], [selected]) and value, in document order. The browser driver reads pages
 * this way, as assistive technology does, instead of asking for each control in turn.
 */
import type { Locator } from 'playwright-core';

export interface AriaNode {
  role: string;
  name: string;
  states: Set<string>;
  /** A text box's value, or a node's own text (a paragraph). */
  value: string;
}

const LINE = /^\s*- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?((?: \[[^\]]+\])*)(?::\s*(.*))?$/;

function unquote(text: string): string {
  return text.startsWith('"') ? (JSON.parse(text) as string) : text;
}

export async function ariaNodes(region: Locator): Promise<AriaNode[]> {
  const snapshot = await region.ariaSnapshot();
  return snapshot.split('\n').flatMap((line) => {
    const match = LINE.exec(line);
    if (!match) return [];
    const [, role = '', name = '', states = '', value = ''] = match;
    return [
      {
        role,
        name: name ? unquote(`"${name}"`) : '',
        states: new Set([...states.matchAll(/\[([^\]=]+)(?:=[^\]]*)?\]/g)].map((state) => state[1] ?? '')),
        value: unquote(value.trim()),
      },
    ];
  });
}

/** The first node of a role (and name, when given). */
export function node(nodes: AriaNode[], role: string, name?: string): AriaNode | undefined {
  return nodes.find((candidate) => candidate.role === role && (name === undefined || candidate.name === name));
}

/** The text after a label in a paragraph such as "RDS CAL packs reinstalled so far: 2". */
export function paragraphAfter(nodes: AriaNode[], label: string): string | null {
  const found = nodes.find((candidate) => candidate.role === 'paragraph' && candidate.value.startsWith(label));
  return found ? found.value.slice(label.length).trim() : null;
}

/** Row header and cell pairs of the tables in the region, in order. */
export function facts(nodes: AriaNode[]): Map<string, string> {
  const out = new Map<string, string>();
  nodes.forEach((candidate, index) => {
    const next = nodes[index + 1];
    if (candidate.role === 'rowheader' && next?.role === 'cell') out.set(candidate.name, next.name);
  });
  return out;
}
