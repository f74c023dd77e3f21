import { DomainError } from '../common/domain-error';

export class MissingTokenError extends DomainError {
  constructor() {
    super('unauthorized', 'auth.missing_token', 'This endpoint needs a bearer token (Authorization: Bearer <token>).');
  }
}

export class RoleNotAllowedError extends DomainError {
  constructor() {
    super('forbidden', 'auth.role_not_allowed', 'Your role may not use this endpoint.');
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    // The same answer for an unknown email and a wrong password: it must not reveal who has an account.
    super('unauthorized', 'auth.invalid_credentials', 'The email or password is wrong.');
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(override readonly retryAfterSeconds: number) {
    super('too_many_requests', 'auth.too_many_attempts', 'Too many failed sign-ins for this account; try again later.', [], {
      retryAfterSeconds,
    });
  }
}

export class CsrfFailedError extends DomainError {
  constructor() {
    super(
      'forbidden',
      'auth.csrf_failed',
      'A change sent with the session cookie needs the X-CSRF-Token header carrying the chaeum_csrf cookie.',
    );
  }
}

export class NoAccountError extends DomainError {
  constructor() {
    super('unauthorized', 'auth.no_account', 'No active account is signed in.');
  }
}

export class AlreadySetUpError extends DomainError {
  constructor() {
    super('conflict', 'auth.already_set_up', 'The first coordinator exists already; sign in instead.');
  }
}
