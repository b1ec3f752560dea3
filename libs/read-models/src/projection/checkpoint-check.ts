import { StreamNotFound, type EventStore, type RecordedEvent } from '@app/event-store';
import type { CheckpointEvent } from './generations';

/**
 * Whether the store still holds the events a checkpoint was built from; a sentence saying what
 * does not fit, or null. A read model is derived from one event log: if the events file was
 * replaced, or an older backup restored, a checkpoint beyond the head would silently skip the
 * next events (their positions are reused), and rows built from events that are gone — a
 * committee that never existed here — would go on being served.
 *
 * Two checks: the checkpoint is not beyond the store's head, and the event it stands on is still
 * there, the same one (its id at that position), which also catches a replaced store whose head
 * is not behind. A checkpoint written before event ids were kept gets the first check only.
 */
export async function checkpointMismatch(
  store: EventStore,
  position: number,
  checkpoint: CheckpointEvent | null | undefined,
): Promise<string | null> {
  const head = await store.headPosition();
  if (head === null || position > head) {
    return `it has applied events up to position ${position}, but the event store ${
      head === null ? 'holds no events' : `ends at position ${head}`
    }: the store was replaced or restored from an older backup.`;
  }
  if (!checkpoint) return null;
  let found: RecordedEvent | undefined;
  try {
    [found] = await store.readStream(checkpoint.stream, { fromRevision: checkpoint.revision, maxCount: 1 });
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
  }
  if (found && found.id === checkpoint.id && found.position === checkpoint.position) return null;
  return `the event it last applied (${checkpoint.id}, revision ${checkpoint.revision} of ${checkpoint.stream}, at position ${checkpoint.position}) is not in the event store${
    found ? ` (that revision is ${found.id}, at position ${found.position})` : ''
  }: the store was replaced or restored from an older backup.`;
}
