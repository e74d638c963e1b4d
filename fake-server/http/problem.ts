/**
 * One table from error to wire: status, stable code and a message a person can act on,
 * as application/problem+json (RFC 9457). Anything unknown becomes a 500 and is recorded,
 * so a test harness can fail a scenario even when no step looked at the response.
 */
import { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError } from 'zod';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  NotAuthenticatedError,
  NotFoundError,
  PermissionDeniedError,
  RefusedError,
  UnavailableError,
} from '../domain/errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
}

const STATUS_BY_ERROR: [new (...args: never[]) => DomainError, number, string][] = [
  [NotAuthenticatedError, 401, 'Not signed in'],
  [PermissionDeniedError, 403, 'Permission denied'],
  [NotFoundError, 404, 'Not found'],
  [ConflictError, 409, 'Not possible now'],
  [InvalidInputError, 422, 'Invalid input'],
  [RefusedError, 422, 'Refused'],
  [UnavailableError, 503, 'Temporarily unavailable'],
];

export interface UnexpectedError {
  at: string;
  environment: string;
  method: string;
  path: string;
  message: string;
}

/** Errors the fake did not expect, newest last, kept per environment for the test-control API. */
export class UnexpectedErrors {
  private readonly errors: UnexpectedError[] = [];

  record(environment: string, method: string, path: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.errors.push({ at: new Date().toISOString(), environment, method, path, message });
    if (this.errors.length > 1000) this.errors.shift();
  }

  of(environment: string): UnexpectedError[] {
    return this.errors.filter((error) => error.environment === environment);
  }
}

export function problemFor(error: unknown): Problem | undefined {
  if (error instanceof DomainError) {
    const entry = STATUS_BY_ERROR.find(([type]) => error instanceof type);
    if (entry) return problem(entry[1], entry[2], error.code, error.message);
  }
  if (error instanceof ZodError) {
    const detail = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    return problem(400, 'Invalid request', 'invalid-request', `The request does not have the expected form. ${detail}.`);
  }
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return problem(400, 'Malformed JSON', 'malformed-json', 'The request body is not valid JSON.');
  if (type === 'entity.too.large')
    return problem(413, 'Body too large', 'body-too-large', 'The request body is larger than the fake accepts (64 KiB).');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return problem(415, 'Unsupported encoding', 'unsupported-encoding', 'Send the body as UTF-8 JSON.');
  return undefined;
}

function problem(status: number, title: string, code: string, detail: string): Problem {
  return { type: `urn:rd-licensing-fake:problem:${code}`, title, status, code, detail };
}

export function sendProblem(res: Parameters<RequestHandler>[1], body: Problem): void {
  if (body.status === 401) res.set('WWW-Authenticate', 'Basic realm="RD License Server", charset="UTF-8"');
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

export function errorHandler(unexpected: UnexpectedErrors, environmentIdOf: (req: Request) => string): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = problemFor(error);
    if (known) return sendProblem(res, known);
    unexpected.record(environmentIdOf(req), req.method, req.path, error);
    return sendProblem(res, problem(500, 'Internal error', 'internal-error', 'The fake failed unexpectedly; this is a bug in the fake.'));
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, problem(404, 'Not found', 'no-such-route', `${req.method} ${req.path} is not a route of the fake license server.`));
};
