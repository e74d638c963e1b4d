/**
 * What a request must look like before any route sees it. The fake runs on a developer's
 * machine next to their browser, so a web page elsewhere must not be able to drive it:
 *  - the Host must be loopback, an IP address, the address the fake listens on, or a name
 *    allowed by --allowed-host (a container's service name), which defeats DNS rebinding
 *    (a foreign name that resolves to 127.0.0.1);
 *  - an Origin, when a browser sends one, must be the fake's own, which stops a page on
 *    another site from posting a "simple" text/plain request without a preflight;
 *  - OPTIONS is answered with a problem: the fake allows no cross-origin use at all;
 *  - the test-control token is checked where /_test is routed (test-control-token.ts), not here.
 */
import { isIP } from 'node:net';
import { RequestHandler } from 'express';
import { problem, sendProblem } from './problem';

export const TEST_CONTROL_TOKEN_HEADER = 'x-test-control-token';

export interface GuardOptions {
  /** The address the fake listens on (--host). */
  listenHost?: string | undefined;
  /** When set, every /_test route requires this token in the x-test-control-token header (test-control-token.ts). */
  testControlToken?: string | undefined;
  /** More host names requests may be addressed to (--allowed-host, RDL_ALLOWED_HOSTS), e.g. a compose service name. */
  allowedHosts?: readonly string[] | undefined;
}

/** Whether an address is on the loopback network only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** The host name of a Host header value, without port or IPv6 brackets. */
function hostNameOf(hostHeader: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (bracketed?.[1]) return bracketed[1];
  return hostHeader.replace(/:\d+$/, '');
}

export function requestGuards(options: GuardOptions): RequestHandler {
  const listenHost = options.listenHost?.toLowerCase();
  const allowed = new Set((options.allowedHosts ?? []).map((name) => name.toLowerCase()));
  const acceptableHost = (name: string): boolean =>
    isLoopback(name) || isIP(name) !== 0 || name.toLowerCase() === listenHost || allowed.has(name.toLowerCase());

  return (req, res, next) => {
    const host = req.headers.host;
    if (host === undefined || host === '') {
      return sendProblem(
        res,
        problem(400, 'No host', 'malformed-request', 'An HTTP/1.1 request names the host it is for in a Host header; this one has none.'),
      );
    }
    if (!acceptableHost(hostNameOf(host))) {
      return sendProblem(
        res,
        problem(
          421,
          'Foreign host',
          'foreign-host',
          `The fake answers only requests addressed to itself, not to "${host.slice(0, 100)}"; ` +
            'to reach it by that name (a container service name, say), start it with --allowed-host <name> or RDL_ALLOWED_HOSTS=<name,…>.',
        ),
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, host)) {
      return sendProblem(
        res,
        problem(
          403,
          'Foreign origin',
          'foreign-origin',
          `Pages from ${origin.slice(0, 100)} may not use the fake; only its own pages may.`,
        ),
      );
    }
    if (req.method === 'OPTIONS') {
      return sendProblem(
        res,
        problem(405, 'Method not allowed', 'method-not-allowed', 'The fake answers no OPTIONS requests: it allows no cross-origin use.'),
      );
    }
    return next();
  };
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false; // "null" and other opaque origins
  }
}
