import type { EventStore } from '@app/event-store';
import { readWholeStream } from '../command-handling/load-stream';
import { CallerScope } from './caller-scope';

/**
 * Whether the request's caller may see `stream`. Facts that read models or indexes hold about a
 * branch or committee (its counts, its roll, its elections) ask this first, so that under a
 * committee scope they are as empty for another committee's branch as its stream is
 * (ScopedEventStore): otherwise a count or an open election would tell what the stream hides.
 * Without a scope it answers at once, reading nothing.
 */
export async function visibleToCaller(store: EventStore, stream: string): Promise<boolean> {
  if (CallerScope.current() === undefined) return true;
  return (await readWholeStream(store, stream)).length > 0;
}
