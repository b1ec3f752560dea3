/** How the edge should answer a refusal. The domain never speaks HTTP; the filter maps these. */
export type ErrorCategory = 'validation' | 'rule' | 'notFound' | 'conflict' | 'forbidden';

/**
 * A refusal with a stable `code` (for programs), a sentence naming the rule and why (for
 * people), and the rule's reference when one applies (for auditors).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly category: ErrorCategory = 'rule',
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: string, message: string, details: Readonly<Record<string, unknown>> = {}): DomainError =>
  new DomainError(code, message, 'rule', details);

/** The command's data is malformed (missing field, bad date): nothing in the world refused it. */
export const invalid = (code: string, message: string, details: Readonly<Record<string, unknown>> = {}): DomainError =>
  new DomainError(code, message, 'validation', details);

/** The aggregate the command addresses, or one it names, does not exist. */
export const notFound = (code: string, message: string, details: Readonly<Record<string, unknown>> = {}): DomainError =>
  new DomainError(code, message, 'notFound', details);

/** The command collides with what already exists (same id established twice, post already held). */
export const conflict = (code: string, message: string, details: Readonly<Record<string, unknown>> = {}): DomainError =>
  new DomainError(code, message, 'conflict', details);
