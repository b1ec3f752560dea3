import { ValidateIf } from 'class-validator';

/**
 * The property may be left out; when it is present, every other decorator applies. Unlike
 * class-validator's `IsOptional`, `null` counts as present, so `"notes": null` is refused (the
 * document never calls a field nullable) instead of reaching a handler that reads `notes.trim()`,
 * and `"occurredAt": null` is refused instead of becoming 1970-01-01.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
