import { EventStoreError } from '@app/event-store';
import { InvalidConfiguration } from './load-config';

/**
 * What a failed start prints: the sentence of a refusal an operator can act on (a bad variable,
 * a data file that is missing, read-only, full or damaged, an unreachable store), and the stack
 * of anything else, which is a bug to report.
 */
export function startupFailureReason(error: unknown): string {
  if (error instanceof InvalidConfiguration || error instanceof EventStoreError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
