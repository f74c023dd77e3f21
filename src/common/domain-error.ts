/**
 * Services signal failures with domain errors, never HTTP exceptions; one exception filter
 * maps `kind` to an HTTP status and answers application/problem+json with `code`.
 */
export type DomainErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  /** Existed once, no longer usable (a used or expired invitation). */
  | 'gone'
  /** Refused for now; `retryAfterSeconds` says when to try again. */
  | 'too_many_requests'
  /** Cannot answer now, not broken (too busy, or a dependency such as the geocoding API is down): 503 with `retryAfterSeconds` where known. */
  | 'unavailable';

export interface FieldProblem {
  /** Path of the offending field in the request, e.g. `requiredSkills[0].level`. */
  readonly field: string;
  /** The rule it breaks, stable for clients: a class-validator constraint (`isNotEmpty`, `max`) or a domain code. */
  readonly code: string;
  /** The rule it breaks, in words a client can show. */
  readonly message: string;
}

export class DomainError extends Error {
  /** When set, the answer carries `Retry-After` with this many seconds. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, machine-readable code, e.g. `leave_gap.maternity_too_long`. */
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    /** Extra, non-personal facts a client may branch on (e.g. a conflicting placement id). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id: string) {
    super('not_found', `${resource}.not_found`, `${resource} ${id} was not found`);
  }
}

export class RuleViolation extends DomainError {
  constructor(code: string, field: string, message: string) {
    super('validation', code, message, [{ field, code, message }]);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super('conflict', code, message, [], details);
  }
}

/** Too busy right now, not broken: the client should retry after `retryAfterSeconds` (503 + Retry-After). */
export class UnavailableError extends DomainError {
  constructor(
    code: string,
    message: string,
    override readonly retryAfterSeconds: number,
  ) {
    super('unavailable', code, message, [], { retryAfterSeconds });
  }
}
