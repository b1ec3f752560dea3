import type { RecordedEvent } from '../port/envelope';
import type { ReadStreamOptions } from '../port/event-store.port';

/** readStream's windowing over a stream held in revision order, for stores that hold it whole. */
export function sliceStream(events: readonly RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromRevision ?? events.length - 1, events.length - 1);
    const start = Math.max(0, from - maxCount + 1);
    return events.slice(start, from + 1).reverse();
  }
  const from = options.fromRevision ?? 0;
  return events.slice(from, from + maxCount);
}
