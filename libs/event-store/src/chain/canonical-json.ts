import { InvalidAppend } from '../port/errors';

/**
 * A deterministic JSON encoding: object keys sorted by code point, no white space, numbers as
 * JavaScript prints them (RFC 8785 for the values events hold). Hashes are taken over this, so
 * a store that re-orders keys (EventStoreDB, a JSON column) still verifies.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidAppend(`Cannot encode the number ${value} in an event.`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new InvalidAppend(`Cannot encode a ${typeof value} in an event.`);
  }
}
