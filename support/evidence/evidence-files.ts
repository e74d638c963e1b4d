/**
 * A scenario's evidence as files beside the report, linked from it, instead of inside it: a
 * reviewer opens a small cucumber.html and follows a link to the request log, a database
 * copy or a picture of a page. (Inlined, every picture was stored twice, in cucumber.html
 * and in the message stream, as base64: 186 MB of reports for one run.)
 *
 * - JSON evidence goes to `evidence/<feature>-<line>.json`, one file per scenario whose keys
 *   name each piece ("requests to the fake", "LS-CONTOSO database before the deletion", …).
 * - Pictures go to `pages/<label>-<digest>.png`, in a palette (smaller-picture.ts): the same page drawn the same way is one file,
 *   however many scenarios show it (a third of them are).
 *
 * Links are relative to the report's folder and URL-encoded; `npm run report` follows them, and
 * reporting/linked-files.ts removes what no scenario of the last run links.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { smallerPicture } from './smaller-picture';

/** A PNG of a page (JPEG and WebP came out no smaller for these pages, and no faster). */
export interface Picture {
  label: string;
  image: Buffer;
}

export interface JsonEvidence {
  fileName: string;
  value: unknown;
}

export const EVIDENCE_FOLDER = 'evidence';
export const PICTURE_FOLDER = 'pages';

/** Writes a scenario's JSON evidence and pictures under the report folder; returns the links, in order. */
export async function writeEvidenceFiles(
  reportFolder: string,
  scenario: { uri: string; line: number },
  evidence: { json: readonly JsonEvidence[]; pictures: readonly Picture[] },
): Promise<string[]> {
  const links: string[] = [];
  if (evidence.json.length > 0) {
    // One file per scenario, written whole again when the scenario runs again; compact, since a
    // thousand small pretty-printed files weighed twice what they hold (a browser's JSON viewer lays it out).
    const file = `${basename(scenario.uri, '.feature')}-${scenario.line}.json`;
    const contents = Object.fromEntries(evidence.json.map(({ fileName, value }) => [fileName.replace(/\.json$/, ''), value]));
    mkdirSync(join(reportFolder, EVIDENCE_FOLDER), { recursive: true });
    writeFileSync(join(reportFolder, EVIDENCE_FOLDER, file), JSON.stringify(contents));
    links.push(link(EVIDENCE_FOLDER, file));
  }
  for (const picture of evidence.pictures) {
    // Named after the picture as Chromium drew it, so that a picture already kept is not made smaller again.
    const digest = createHash('sha256').update(picture.image).digest('hex').slice(0, 12);
    const file = `${slug(picture.label)}-${digest}.png`;
    const folder = join(reportFolder, PICTURE_FOLDER);
    if (!existsSync(join(folder, file))) writeOnce(folder, file, await smallerPicture(picture.image));
    links.push(link(PICTURE_FOLDER, file));
  }
  return links;
}

/**
 * Writes a file under a name only its content can have: two workers may write the same one at
 * once, so each writes a file of its own and renames it into place (a reader never sees half of one).
 */
function writeOnce(folder: string, file: string, content: Buffer): void {
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${file}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, join(folder, file));
}

function link(...segments: string[]): string {
  return segments.map(encodeURIComponent).join('/');
}

/** A label as a file name: lower case, letters and digits, hyphens between. */
export function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'page'
  );
}
