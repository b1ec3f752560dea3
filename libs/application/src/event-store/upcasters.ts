import { UpcasterRegistry, type Upcaster } from '@app/event-store';

/**
 * Every upcaster the product has ever needed, oldest shapes first. When an event's data changes
 * shape, bump the schema version its handler writes, keep the old shape's type beside the new
 * one, add the upcaster here, and give it a round-trip test. Stored events are never rewritten.
 * No event has changed shape yet.
 */
export const UPCASTERS: readonly Upcaster[] = [];

export function productUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry(UPCASTERS);
}
