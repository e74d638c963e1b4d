/**
 * The token the test-control routes require when the fake was started with
 * --test-control-token. It is the first handler of the router that serves /_test, matched by
 * that router's own rule: a guard comparing a path prefix by hand disagreed with Express's
 * matching (`/_TEST/reset` reached the route without the token).
 */
import { timingSafeEqual } from 'node:crypto';
import { RequestHandler } from 'express';
import { problem, sendProblem } from './problem';
import { TEST_CONTROL_TOKEN_HEADER } from './request-guards';

export function requireTestControlToken(expected: string | undefined): RequestHandler {
  const token = expected === undefined ? undefined : Buffer.from(expected);
  return (req, res, next) => {
    if (token === undefined) return next();
    const given = Buffer.from(req.get(TEST_CONTROL_TOKEN_HEADER) ?? '');
    if (given.length === token.length && timingSafeEqual(given, token)) return next();
    return sendProblem(
      res,
      problem(
        403,
        'Test-control token required',
        'test-control-token-required',
        `The test-control routes need the token given with --test-control-token, in the ${TEST_CONTROL_TOKEN_HEADER} header.`,
      ),
    );
  };
}
