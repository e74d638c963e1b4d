/**
 * Group commit on the wire: every answer is held back until the changes committed so far
 * are on disk, and becomes a 503 problem if writing them failed (they were undone). The
 * handlers stay synchronous and unaware of the file; only the moment of sending moves.
 */
import { RequestHandler, Response } from 'express';
import { html } from './pages/html';
import { page } from './pages/layout';
import { problemFor } from './problem';

export function acknowledgeWhenDurable(durability: { durable(): Promise<void> }): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      durability.durable().then(
        () => end(...args),
        (error: unknown) => {
          const problem = problemFor(error);
          if (!problem || res.headersSent) return end(...args);
          // A page's post (an HTML answer or its redirect) gets a page a person can read, not raw JSON.
          const forPage =
            /^text\/html/.test(String(res.getHeader('content-type') ?? '')) || (res.statusCode === 303 && req.accepts('html') === 'html');
          const body = forPage
            ? page({ title: problem.title, refusal: problem, body: html`<p><a href="/">Back to RD Licensing Manager</a></p>` })
            : JSON.stringify(problem);
          res.statusCode = problem.status;
          res.removeHeader('location');
          res.setHeader('content-type', forPage ? 'text/html; charset=utf-8' : 'application/problem+json');
          res.setHeader('content-length', Buffer.byteLength(body));
          return end(body);
        },
      );
      return res;
    }) as Response['end'];
    next();
  };
}
