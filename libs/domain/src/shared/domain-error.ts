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
