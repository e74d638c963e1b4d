/**
 * One table from error to wire: status, stable code and a message a person can act on,
 * as application/problem+json (RFC 9457). Anything unknown becomes a 500 and is recorded,
 * so a test harness can fail a scenario even when no step looked at the response.
 */
import { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { shownName } from '../domain/names';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  NotAuthenticatedError,
  NotFoundError,
  PermissionDeniedError,
  RefusedError,
  TooManyFailedSignInsError,
  UnavailableError,
} from '../domain/errors';
import { RefusalCode } from '../domain/refusal-code-list';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: RefusalCode;
  detail: string;
  /** Sent as the Retry-After header (seconds), not in the body. */
  retryAfterSeconds?: number;
}

const STATUS_BY_ERROR: [new (...args: never[]) => DomainError, number, string][] = [
  [NotAuthenticatedError, 401, 'Not signed in'],
  [PermissionDeniedError, 403, 'Permission denied'],
  [NotFoundError, 404, 'Not found'],
  [ConflictError, 409, 'Not possible now'],
  [InvalidInputError, 422, 'Invalid input'],
  [RefusedError, 422, 'Refused'],
  [UnavailableError, 503, 'Temporarily unavailable'],
  [TooManyFailedSignInsError, 429, 'Too many failed sign-ins'],
];

export interface UnexpectedError {
  at: string;
  environment: string;
  method: string;
  path: string;
  message: string;
}

/** How many unexpected errors are kept per environment. */
const ERRORS_PER_ENVIRONMENT = 100;
/** Where errors of requests that name no existing environment are kept. */
export const UNKNOWN_ENVIRONMENT = '(no such environment)';

/**
 * Errors the fake did not expect, newest last, kept per environment for the test-control
 * API. Per environment, so that errors in one (or a flood naming made-up ones, which share
 * one bucket) never push out the entry a scenario's After hook is about to look for in its own.
 */
export class UnexpectedErrors {
  private readonly byEnvironment = new Map<string, UnexpectedError[]>();

  /** @param exists whether an environment id names one the fake hosts now */
  constructor(private readonly exists: (environment: string) => boolean = () => true) {}

  record(environment: string, method: string, path: string, error: unknown): void {
    const key = this.exists(environment) ? environment : UNKNOWN_ENVIRONMENT;
    const message = error instanceof Error ? (error.stack ?? error.message) : describe(error);
    const errors = this.byEnvironment.get(key) ?? [];
    errors.push({ at: new Date().toISOString(), environment, method, path, message });
    if (errors.length > ERRORS_PER_ENVIRONMENT) errors.shift();
    this.byEnvironment.set(key, errors);
  }

  of(environment: string): UnexpectedError[] {
    return [...(this.byEnvironment.get(environment) ?? [])];
  }

  /** Drops an environment's errors when it is deleted, so the record stays as small as the registry. */
  forget(environment: string): void {
    this.byEnvironment.delete(environment);
  }
}

/** A readable text for anything thrown, including non-Error objects (sql.js throws some). */
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  try {
    return JSON.stringify(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/** A refusal the HTTP layer decides itself (a form of the wrong kind, a stale page), thrown to the error handler. */
export class RequestProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

export function problemFor(error: unknown): Problem | undefined {
  if (error instanceof RequestProblem) return error.problem;
  if (error instanceof DomainError) {
    const entry = STATUS_BY_ERROR.find(([type]) => error instanceof type);
    const retryAfterSeconds = error instanceof TooManyFailedSignInsError ? { retryAfterSeconds: error.retryAfterSeconds } : {};
    if (entry) return { ...problem(entry[1], entry[2], error.code, error.message), ...retryAfterSeconds };
  }
  if (error instanceof ZodError) {
    const detail = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    return problem(400, 'Invalid request', 'invalid-request', `The request does not have the expected form. ${detail}.`);
  }
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return problem(400, 'Malformed JSON', 'malformed-json', 'The request body is not valid JSON.');
  if (type === 'entity.too.large') {
    // The limit of the parser that refused, in bytes (body-parser's 413 always carries it): 64 KiB
    // for the API's JSON, 16 KiB for a page's form (page-routes/index.ts).
    const kib = (error as { limit: number }).limit / 1024;
    return problem(413, 'Body too large', 'body-too-large', `The request body is larger than the fake accepts (${kib} KiB).`);
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return problem(415, 'Unsupported encoding', 'unsupported-encoding', 'Send the body as UTF-8 JSON.');
  if (error instanceof URIError)
    return problem(400, 'Malformed path', 'malformed-path', 'A part of the path is not valid percent-encoded UTF-8.');
  // Any other client error raised by Express or body-parser (a body that is not the gzip it claims to be…).
  const status = (error as { status?: unknown; expose?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose === true)
    return problem(status, 'Unreadable request', 'unreadable-request', `The request could not be read: ${(error as Error).message}.`);
  return undefined;
}

export function problem(status: number, title: string, code: RefusalCode, detail: string): Problem {
  return { type: `urn:rd-licensing-fake:problem:${code}`, title, status, code, detail };
}

/** The challenge of every 401 of the JSON API (also in the contract, contract/openapi.ts). */
export const BASIC_CHALLENGE = 'Basic realm="RD License Server", charset="UTF-8"';

export function sendProblem(res: Parameters<RequestHandler>[1], problem: Problem): void {
  if (problem.status === 401) res.set('WWW-Authenticate', BASIC_CHALLENGE);
  const { retryAfterSeconds, ...body } = problem;
  if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
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
  sendProblem(
    res,
    problem(404, 'Not found', 'no-such-route', `${req.method} ${shownName(req.path)} is not a route of the fake license server.`),
  );
};
