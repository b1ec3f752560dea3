import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { Language } from '@app/domain';
import { chineseCheck, chineseFor, type Check } from './validation-messages';

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/**
 * A request body, query or header that does not match what the route takes: 400 with every
 * failing field, in English (`errors`, also the log line) and in Chinese.
 */
export class ValidationFailed extends Error {
  readonly code = 'VALIDATION_FAILED';
  private readonly chinese: readonly FieldError[];

  /** `chinese` defaults to the Chinese this API has for each English message (validation-messages.ts). */
  constructor(
    readonly errors: readonly FieldError[],
    chinese?: readonly FieldError[],
  ) {
    super(`The request is invalid: ${errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ')}`);
    this.name = 'ValidationFailed';
    this.chinese = chinese ?? errors.map(({ field, messages }) => ({ field, messages: messages.map(chineseFor) }));
  }

  /** Every failing field with its messages in `language`; field paths are the same in both. */
  errorsIn(language: Language): readonly FieldError[] {
    return language === 'en' ? this.errors : this.chinese;
  }
}

/** The name class-validator reports a check under: its constraint's name, or its type (`whitelistValidation`). */
function constraintNameOf(metadata: ValidationMetadata): string {
  if (metadata.type !== 'customValidation') return metadata.type;
  return getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)[0]?.name ?? metadata.type;
}

/** How `property` of the object that failed was declared to be checked by `constraint`, read from its class. */
function checkOf(error: ValidationError, constraint: string): Check {
  const target = error.target as object | undefined;
  const declared =
    target === undefined
      ? []
      : getMetadataStorage()
          .getTargetValidationMetadatas(target.constructor, '', true, false)
          .filter((metadata) => metadata.propertyName === error.property && constraintNameOf(metadata) === constraint);
  // Two declarations of one constraint report under one name: class-validator keeps the last.
  const metadata = declared[declared.length - 1];
  return {
    property: error.property,
    args: (metadata?.constraints ?? []) as readonly unknown[],
    each: metadata?.each ?? false,
    value: error.value as unknown,
    template: typeof metadata?.message === 'string' ? metadata.message : undefined,
  };
}

interface Flattened {
  readonly english: FieldError[];
  readonly chinese: FieldError[];
}

/** Flattens class-validator's tree into `a.b[0].c` paths, each with its messages in both languages. */
function flatten(errors: readonly ValidationError[], parent = '', into: Flattened = { english: [], chinese: [] }) {
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      into.english.push({ field, messages: constraints.map(([, message]) => message) });
      into.chinese.push({
        field,
        messages: constraints.map(([name, message]) => chineseCheck(name, checkOf(error, name)) ?? message),
      });
    }
    flatten(error.children ?? [], field, into);
  }
  return into;
}

/** The ValidationFailed for class-validator's errors: every field, in both languages. */
export function validationFailed(errors: readonly ValidationError[]): ValidationFailed {
  const { english, chinese } = flatten(errors);
  return new ValidationFailed(english, chinese);
}

/**
 * Whitelist and forbid unknown fields (a typo is an error, not silently dropped), transform to
 * DTO classes, and report every problem at once. Each error keeps the object and the value that
 * failed, so the Chinese can be built from how the property was declared; neither is answered.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: true, value: true },
    exceptionFactory: validationFailed,
  });
}
