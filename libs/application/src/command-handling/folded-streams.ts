import type { DomainEvent } from '@app/domain';
import { StreamNotFound, type EventStore, type RecordedEvent } from '@app/event-store';
import { readWholeStream, toDomainEvent } from './load-stream';

/** How many streams' folded states a process keeps; the least recently used goes first. */
const STREAMS_KEPT = 5_000;

interface Folded<S> {
  /** The fold the state came from: a decider whose `evolve` is another function never sees it. */
  readonly evolve: (state: S, event: never) => S;
  readonly state: S;
  readonly revision: number;
  /**
   * Event ids stored in the stream (up to `revision`, and perhaps some after it that a concurrent
   * command on this stream appended): a command whose first id is here was handled before.
   * Shared by the folds of one stream and only ever added to, so extending it costs nothing per
   * event already seen; an id here is always stored, so the worst it does is send a command the
   * whole way.
   */
  readonly ids: Set<string>;
}

/** A stream as the command loop needs it: the whole history when the command was handled before. */
export type StreamForCommand<S> =
  | { readonly kind: 'handledBefore'; readonly recorded: readonly RecordedEvent[]; readonly at: number }
  | { readonly kind: 'current'; readonly state: S; readonly revision: number | null; readonly ids: Set<string> };

/**
 * Folded states of recently used streams, so a command's cost does not grow with its stream:
 * a stream read before is read again only from the revision it was folded at, and its new
 * events are folded onto the kept state. What is kept is history (a state at a revision never
 * changes), so other writers and other processes are seen by that read of the tail. Kept per
 * store instance and per fold; anything unusual (a command seen before, a stream the caller
 * may not see) takes the whole read, as without it.
 */
export class FoldedStreams {
  private static readonly byStore = new WeakMap<EventStore, FoldedStreams>();
  private readonly kept = new Map<string, Folded<unknown>>();

  static of(store: EventStore): FoldedStreams {
    let folded = FoldedStreams.byStore.get(store);
    if (!folded) {
      folded = new FoldedStreams();
      FoldedStreams.byStore.set(store, folded);
    }
    return folded;
  }

  async read<E extends DomainEvent, S>(
    store: EventStore,
    decider: { readonly evolve: (state: S, event: E) => S; readonly initialState: () => S },
    stream: string,
    firstEventId: string,
  ): Promise<StreamForCommand<S>> {
    const kept = this.kept.get(stream) as Folded<S> | undefined;
    if (kept && kept.evolve === (decider.evolve as unknown) && !kept.ids.has(firstEventId)) {
      const tail = await readTail(store, stream, kept.revision + 1);
      if (tail !== null && !tail.some((event) => event.id === firstEventId)) {
        return this.fold(decider, stream, kept.state, kept.revision, kept.ids, tail);
      }
    }
    const recorded = await readWholeStream(store, stream);
    const at = recorded.findIndex((event) => event.id === firstEventId);
    if (at >= 0) return { kind: 'handledBefore', recorded, at };
    if (recorded.length === 0) {
      this.kept.delete(stream);
      return { kind: 'current', state: decider.initialState(), revision: null, ids: new Set() };
    }
    return this.fold(decider, stream, decider.initialState(), null, new Set(), recorded);
  }

  /** The state a command's own append left, at the revision the store gave it, with its event ids. */
  remember<E extends DomainEvent, S>(
    decider: { readonly evolve: (state: S, event: E) => S },
    stream: string,
    state: S,
    revision: number,
    ids: Set<string>,
    appended: readonly string[],
  ): void {
    for (const id of appended) ids.add(id);
    this.keep(stream, { evolve: decider.evolve, state, revision, ids });
  }

  private fold<E extends DomainEvent, S>(
    decider: { readonly evolve: (state: S, event: E) => S },
    stream: string,
    from: S,
    fromRevision: number | null,
    ids: Set<string>,
    events: readonly RecordedEvent[],
  ): StreamForCommand<S> {
    const state = events.reduce((s, event) => decider.evolve(s, toDomainEvent<E>(event)), from);
    const last = events[events.length - 1];
    const revision = last ? last.revision : (fromRevision as number);
    for (const event of events) ids.add(event.id);
    this.keep(stream, { evolve: decider.evolve, state, revision, ids });
    return { kind: 'current', state, revision, ids };
  }

  private keep<S>(stream: string, folded: Folded<S>): void {
    this.kept.delete(stream);
    this.kept.set(stream, folded as Folded<unknown>);
    if (this.kept.size > STREAMS_KEPT) {
      const oldest = this.kept.keys().next().value as string;
      this.kept.delete(oldest);
    }
  }
}

/** The stream's events from `fromRevision` on; null when the stream now reads as absent (a scoped caller). */
async function readTail(store: EventStore, stream: string, fromRevision: number): Promise<RecordedEvent[] | null> {
  try {
    return await store.readStream(stream, { fromRevision });
  } catch (error) {
    if (error instanceof StreamNotFound) return null;
    throw error;
  }
}
