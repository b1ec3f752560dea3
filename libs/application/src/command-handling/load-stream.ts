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
  return (await loadStateWithRevision(store, decider, stream)).state;
}

/** A stream's state and the revision it was read at (null when the stream has no events). */
export interface StateAtRevision<S> {
  readonly state: S;
  readonly revision: number | null;
}

export async function loadStateWithRevision<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  stream: string,
): Promise<StateAtRevision<S>> {
  const events = await readWholeStream(store, stream);
  const state = events.reduce((s, event) => decider.evolve(s, toDomainEvent<E>(event)), decider.initialState());
  return { state, revision: events.length === 0 ? null : (events[events.length - 1] as RecordedEvent).revision };
}
