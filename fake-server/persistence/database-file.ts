/**
 * The --db file: both databases of an environment in one file, replaced atomically
 * (written to a temporary file, flushed to disk, then renamed over the old one), so a
 * crash at any moment leaves either the previous committed state or the new one.
 *
 * Layout: the 8 bytes "RDLFAKE1", then for each database (licensing, clearinghouse) a
 * 4-byte big-endian length followed by the SQLite file bytes.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { EnvironmentImages } from './open-databases';

const MAGIC = Buffer.from('RDLFAKE1', 'ascii');

export function writeDatabaseFile(path: string, images: EnvironmentImages): void {
  const parts: Buffer[] = [MAGIC];
  for (const image of [images.licensing, images.clearinghouse]) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(image.length);
    parts.push(length, Buffer.from(image.buffer, image.byteOffset, image.byteLength));
  }
  const temporary = `${path}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'w');
  try {
    writeSync(descriptor, Buffer.concat(parts));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, path);
}

export function readDatabaseFile(path: string): EnvironmentImages {
  const bytes = readFileSync(path);
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${path} is not a database file of the fake license server`);
  let offset = MAGIC.length;
  const next = (): Uint8Array => {
    const length = bytes.readUInt32BE(offset);
    offset += 4;
    const image = new Uint8Array(bytes.subarray(offset, offset + length));
    if (image.length !== length) throw new Error(`${path} is truncated`);
    offset += length;
    return image;
  };
  const licensing = next();
  const clearinghouse = next();
  return { licensing, clearinghouse };
}
