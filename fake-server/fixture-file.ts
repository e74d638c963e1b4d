/**
 * `--fixture <file>`: the world `npm start` seeds. Anything wrong is one sentence naming the
 * file, the place in it and the fix, not a raw validation array.
 */
import { readFileSync } from 'node:fs';
import { EnvironmentFixture } from './domain/seeding';
import { fixtureFile } from './http/schemas';

export function readFixtureFile(path: string): EnvironmentFixture {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--fixture ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`--fixture ${path} is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const parsed = fixtureFile.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'the whole file'}: ${issue.message}`).join('; ');
    throw new Error(
      `--fixture ${path} is not a fixture the fake can seed: ${issues}. Correct the file (its form is EnvironmentFixture in docs/openapi.json).`,
    );
  }
  return parsed.data;
}
