/**
 * How the fake reads HTTP Basic credentials (fake-server/http/credentials.ts), case by case: the
 * user name ends at the first colon, so a password may hold colons and a user name may be empty
 * (an account that then does not exist, refused as any unknown one); a decoded text without a
 * colon is no credentials at all, not a user name cut short.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Request } from 'express';
import { credentialsOf } from '../fake-server/http/credentials';

/** A request carrying only this Authorization header (or none). */
function withAuthorization(value: string | undefined): Request {
  const headers: Record<string, string | undefined> = { authorization: value };
  return { get: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
}

const basic = (text: string): string => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('the credentials of a Basic header', () => {
  const cases: [string, string | undefined, { userName: string; password: string } | undefined][] = [
    ['a user name and password', basic('Administrator:P@ssw0rd'), { userName: 'Administrator', password: 'P@ssw0rd' }],
    ['a password holding colons', basic('Administrator:a:b:c'), { userName: 'Administrator', password: 'a:b:c' }],
    ['an empty user name', basic(':secret'), { userName: '', password: 'secret' }],
    ['an empty password', basic('Administrator:'), { userName: 'Administrator', password: '' }],
    ['letters outside ASCII, as UTF-8', basic('Åsa:pässwörd'), { userName: 'Åsa', password: 'pässwörd' }],
    ['the scheme in another case', basic('u:p').replace('Basic', 'bAsIc'), { userName: 'u', password: 'p' }],
    ['no colon at all', basic('Administrator'), undefined],
    ['no header', undefined, undefined],
    ['another scheme', 'Bearer abc', undefined],
    ['no credentials after the scheme', 'Basic ', undefined],
    ['something that is not base64', 'Basic not*base64', undefined],
  ];
  for (const [what, header, expected] of cases) {
    it(`reads ${what}`, () => assert.deepEqual(credentialsOf(withAuthorization(header)), expected));
  }
});
