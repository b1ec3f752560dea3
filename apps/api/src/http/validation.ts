import { ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** A request body or query that does not match its DTO: 400 with every failing field. */
export class ValidationFailed extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly errors: readonly FieldError[]) {
    super(`The request is invalid: ${errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ')}`);
    this.name = 'ValidationFailed';
  }
}

/** Flattens class-validator's tree into `a.b[0].c` paths. */
function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Whitelist and forbid unknown fields (a typo is an error, not silently dropped), transform to
 * DTO classes, and report every problem at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}
