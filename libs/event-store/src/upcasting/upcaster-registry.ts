import type { RecordedEvent } from '../port/envelope';
import type { JsonObject } from '../port/json';

/** The part of an event an upcaster may change. */
export interface EventShape {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
}

/** Turns one stored shape (type, schema version) into the next one. Old shapes stay in code forever. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(event: EventShape): EventShape;
}

/**
 * Applied on read, at the store boundary: stored events are never rewritten, so their hashes
 * stay valid, and the domain only ever sees current shapes.
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    upcasters.forEach((upcaster) => this.register(upcaster));
  }

  register(upcaster: Upcaster): this {
    const key = keyOf(upcaster.type, upcaster.fromVersion);
    if (this.byKey.has(key)) throw new Error(`Two upcasters for ${upcaster.type} v${upcaster.fromVersion}.`);
    this.byKey.set(key, upcaster);
    return this;
  }

  get size(): number {
    return this.byKey.size;
  }

  apply<E extends RecordedEvent>(event: E): E {
    let shape: EventShape = event;
    // Bounded so a registry that maps a shape back onto itself fails loudly instead of spinning.
    for (let step = 0; step <= this.byKey.size; step += 1) {
      const upcaster = this.byKey.get(keyOf(shape.type, shape.schemaVersion));
      if (!upcaster) {
        return shape === event
          ? event
          : { ...event, type: shape.type, schemaVersion: shape.schemaVersion, data: shape.data };
      }
      shape = upcaster.upcast(shape);
    }
    throw new Error(`Upcasters for ${event.type} v${event.schemaVersion} form a cycle.`);
  }
}

function keyOf(type: string, version: number): string {
  return `${type}@${version}`;
}
