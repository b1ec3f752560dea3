import {
  ErrorCategory,
  Language,
  Refusal,
  refusalCategory,
  RefusalCode,
  RefusalDetails,
  refusalMessage,
} from './refusals';

export type { ErrorCategory } from './refusals';

/**
 * A refusal with a stable `code` (for programs), the facts behind it (`details`, for programs and
 * for the sentence), and a sentence naming the rule and why: `message` in English for the logs,
 * `messageIn` in the language of whoever asked. Codes, categories and sentences are declared once,
 * in the refusal catalogue (./refusals).
 */
export class DomainError<C extends RefusalCode = RefusalCode> extends Error {
  readonly category: ErrorCategory;

  constructor(
    readonly code: C,
    readonly details: RefusalDetails<C>,
  ) {
    super(refusalMessage(code, details, 'en'));
    this.name = 'DomainError';
    this.category = refusalCategory(code);
  }

  /** The sentence in `language`. */
  messageIn(language: Language): string {
    return refusalMessage(this.code, this.details, language);
  }
}

/** The refusal `code`, with the facts its sentence states. Its category comes from the catalogue. */
export function refuse<C extends RefusalCode>(code: C, details: RefusalDetails<C>): DomainError<C> {
  return new DomainError(code, details);
}

/** `instanceof DomainError`, narrowed to a refusal of any declared code. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** A refusal handed over as data (a guard's verdict), thrown as an error. */
export function refusalError(refusal: Refusal): DomainError {
  return new DomainError(refusal.code, refusal.details);
}
