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
