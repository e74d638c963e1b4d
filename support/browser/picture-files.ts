/**
 * The browser profile's pictures as files beside its report, not base64 inside it: a
 * reviewer opens a 1 MB cucumber.html and follows a link to the page they want to see. Each
 * scenario's pictures go into a folder named after its feature file and line, and the
 * scenario carries links to them, relative to the report's folder, which `npm run report`
 * follows.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Picture {
  label: string;
  image: Buffer;
  /** The file's ending, after the image's format. */
  extension: 'png' | 'jpeg';
}

/** The folder under the report's folder that holds the pictures. */
export const PICTURE_FOLDER = 'pages';

/**
 * Writes one scenario's pictures under `<reportFolder>/pages/<feature>-<line>/` and
 * returns their paths relative to the report folder, in order, URL-encoded (they are links).
 */
export function writePictureFiles(reportFolder: string, scenario: { uri: string; line: number }, pictures: readonly Picture[]): string[] {
  if (pictures.length === 0) return [];
  const folder = freshFolder(join(reportFolder, PICTURE_FOLDER), `${basename(scenario.uri, '.feature')}-${scenario.line}`);
  return pictures.map((picture, index) => {
    const file = `${String(index + 1).padStart(2, '0')}-${slug(picture.label)}.${picture.extension === 'jpeg' ? 'jpg' : 'png'}`;
    writeFileSync(join(reportFolder, PICTURE_FOLDER, folder, file), picture.image);
    return [PICTURE_FOLDER, folder, file].map(encodeURIComponent).join('/');
  });
}

/**
 * The scenario's folder, emptied first: a scenario runs once per run, so what is there is
 * from an earlier run (or an earlier attempt, which the reports do not show: the last decides).
 */
function freshFolder(parent: string, name: string): string {
  rmSync(join(parent, name), { recursive: true, force: true });
  mkdirSync(join(parent, name), { recursive: true });
  return name;
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'page'
  );
}
