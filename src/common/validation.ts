import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './domain-error';

/** A hostile body can break thousands of rules; the answer names the first ones and the count. */
export const MAX_REPORTED_FIELD_ERRORS = 20;

/** class-validator's constraint for properties the DTO does not declare. */
const UNKNOWN_PROPERTY = 'whitelistValidation';

/** The one ValidationPipe of the service (registered as APP_PIPE). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Keep submitted values out of the error objects (they may be personal data).
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      const shown = problems.slice(0, MAX_REPORTED_FIELD_ERRORS);
      return new DomainError(
        'validation',
        'validation.failed',
        'The request has invalid fields.',
        shown,
        problems.length > shown.length ? { errorCount: problems.length, errorsShown: shown.length } : undefined,
      );
    },
  });
}

/** `[{ field: 'requiredSkills[0].level', message: 'level must not be greater than 5' }]` */
export function flattenValidationErrors(errors: readonly ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = joinPath(parentPath, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraint,
      message: constraint === UNKNOWN_PROPERTY ? `${error.property} is not allowed` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}
