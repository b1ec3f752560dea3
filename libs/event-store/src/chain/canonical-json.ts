import { InvalidAppend } from '../port/errors';

/**
 * A deterministic JSON encoding: object keys sorted by code point, no white space, numbers as
 * JavaScript prints them (RFC 8785 for the values events hold). Hashes are taken over this, so
 * a store that re-orders keys (EventStoreDB, a JSON column) still verifies.
 *
 * Written as one recursive append into a string rather than map/join: every event is encoded
 * once on append and once per verification, so this sits on the write path.
 */
export function canonicalJson(value: unknown): string {
  return encode(value);
}

function encode(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidAppend(`Cannot encode the number ${value} in an event.`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + encode(value[i]);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const field = record[key];
        if (field === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${encode(field)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new InvalidAppend(`Cannot encode a ${typeof value} in an event.`);
  }
}
