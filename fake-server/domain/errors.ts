/**
 * Named domain errors. Each carries a stable machine-readable code and a message a person
 * can act on; the HTTP layer maps the class to a status in one table (http/problem.ts).
 * A refused operation never changes anything: services throw before, or inside the
 * transaction that is then rolled back.
 */
import { RefusalCode } from './refusal-code-list';

export abstract class DomainError extends Error {
  protected constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller gave no credentials, or wrong ones. */
export class NotAuthenticatedError extends DomainError {
  constructor(message: string) {
    super('not-authenticated', message);
  }
}

/** The caller is known but lacks the permission (local Administrators group). */
export class PermissionDeniedError extends DomainError {
  constructor(message: string) {
    super('not-an-administrator', message);
  }
}

/** A named thing (license server, wizard, key pack) does not exist. */
export class NotFoundError extends DomainError {
  constructor(code: RefusalCode, message: string) {
    super(code, message);
  }
}

/** Input that is malformed on its face: wrong length, alphabet, unknown choice. */
export class InvalidInputError extends DomainError {
  constructor(code: RefusalCode, message: string) {
    super(code, message);
  }
}

/** A move the current wizard page does not allow, or a state conflict. */
export class ConflictError extends DomainError {
  constructor(code: RefusalCode, message: string) {
    super(code, message);
  }
}

/** Well-formed input that the business rules refuse (a foreign or reused key pack ID). */
export class RefusedError extends DomainError {
  constructor(code: RefusalCode, message: string) {
    super(code, message);
  }
}

/** A dependency failed (an injected database fault, a busy Clearinghouse line); nothing was changed and a retry may work. */
export class UnavailableError extends DomainError {
  constructor(code: RefusalCode, message: string) {
    super(code, message);
  }
}

/** Sign-ins of a user name refused for a while after repeated failures (account lockout); says when to try again. */
export class TooManyFailedSignInsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too-many-failed-sign-ins', message);
  }
}
