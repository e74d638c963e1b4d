/** Reads HTTP Basic credentials: every request acts as a local account of a license server. */
import { Request } from 'express';
import { Credentials } from '../domain/model';

/** The user name and password of the request's Basic header, or undefined when it carries none that can be read. */
export function credentialsOf(req: Request): Credentials | undefined {
  // Node's parser has already taken the whitespace around the header's value away.
  const header = req.get('authorization');
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
