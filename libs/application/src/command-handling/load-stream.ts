import type { Decider, DomainEvent } from '@app/domain';
import { StreamNotFound, type EventStore, type RecordedEvent } from '@app/event-store';

/** Every event of a stream in order; an absent stream is simply empty. */
export async function readWholeStream(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFound) return [];
    throw error;
  }
}

/** The event as its decider sees it: type and data, without the envelope. */
export const toDomainEvent = <E extends DomainEvent>(event: RecordedEvent): E =>
  ({ type: event.type, data: event.data }) as unknown as E;

/** The current state of one stream, folded from its events. */
export async function loadState<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  stream: string,
): Promise<S> {
  const events = await readWholeStream(store, stream);
  return events.reduce((state, event) => decider.evolve(state, toDomainEvent<E>(event)), decider.initialState());
}
