/**
 * Group commit on the wire: every answer is held back until the changes committed so far
 * are on disk, and becomes a 503 problem if writing them failed (they were undone). The
 * handlers stay synchronous and unaware of the file; only the moment of sending moves.
 */
import { RequestHandler, Response } from 'express';
import { problemFor } from './problem';

export function acknowledgeWhenDurable(durability: { durable(): Promise<void> }): RequestHandler {
  return (_req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      durability.durable().then(
        () => end(...args),
        (error: unknown) => {
          const problem = problemFor(error);
          if (!problem || res.headersSent) return end(...args);
          const body = JSON.stringify(problem);
          res.statusCode = problem.status;
          res.setHeader('content-type', 'application/problem+json');
          res.setHeader('content-length', Buffer.byteLength(body));
          return end(body);
        },
      );
      return res;
    }) as Response['end'];
    next();
  };
}
