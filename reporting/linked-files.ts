/**
 * A cucumber formatter plugin for the profiles that write their evidence as files beside the
 * report (support/evidence/evidence-files.ts): it writes the list of files the run's scenarios link
 * (its output file, for instance reports/linked-files.txt) and, when the run is over, removes
 * from the `evidence/` and `pages/` folders beside that file whatever no scenario of this run
 * links: so the folder holds the last run's evidence and no more, however often it runs.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { relativeLinks } from './messages';

interface Envelope {
  attachment?: { mediaType: string; body: string };
  testRunFinished?: unknown;
}

interface FormatterContext {
  on(event: 'message', handler: (envelope: Envelope) => void): void;
  write(text: string): void;
  directory?: string;
}

/** The folders this plugin keeps to what the run links (the evidence files' folders). */
const KEPT = ['evidence', 'pages'] as const;

export function formatter({ on, write, directory }: FormatterContext): void {
  if (directory === undefined)
    throw new Error('linked-files writes to a file beside the report: give it one (linked-files.cjs:reports/linked-files.txt)');
  const linked = new Set<string>();
  on('message', (envelope) => {
    if (envelope.attachment?.mediaType === 'text/uri-list') {
      for (const link of relativeLinks(envelope.attachment.body)) linked.add(link);
    }
    if (envelope.testRunFinished) {
      write([...linked].sort().join('\n') + '\n');
      for (const folder of KEPT) prune(directory, folder, linked);
    }
  });
}

/** Removes the files of `folder` (a picture, a scenario's evidence) that no link names. */
function prune(directory: string, folder: string, linked: Set<string>): void {
  const kept = new Set([...linked].filter((link) => link.startsWith(`${folder}/`)).map((link) => link.split('/')[1]));
  let entries: string[];
  try {
    entries = readdirSync(join(directory, folder));
  } catch {
    return;
  }
  for (const entry of entries) if (!kept.has(entry)) rmSync(join(directory, folder, entry), { recursive: true, force: true });
}

export default { type: 'formatter', formatter };
