import { randomUUID } from 'node:crypto';
import { eventStoreContract, newEvent } from '../contract/event-store.contract';
import { MemoryEventStore } from '../adapters/memory/memory-event-store';
import type { RecordedEvent } from '../port/envelope';
import type { ReadAllOptions, Subscription, SubscriptionMessage } from '../port/event-store.port';
import { SharedFeedEventStore } from './shared-feed';

/** Counts the store's reads of the log, to tell one shared read from one per subscriber. */
class CountingStore extends MemoryEventStore {
  readAlls = 0;
  override readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.readAlls += 1;
    return super.readAll(options);
  }
}

async function until(iterator: AsyncIterator<SubscriptionMessage>, id: string): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw new Error(`ended before ${id}`);
    if (next.value.kind !== 'event') continue;
    seen.push(next.value.event);
    if (next.value.event.id === id) return seen;
  }
}

async function caughtUp(iterator: AsyncIterator<SubscriptionMessage>): Promise<void> {
  for (;;) {
    const next = await iterator.next();
    if (next.done || next.value.kind === 'caughtUp') return;
  }
}

describe('SharedFeedEventStore', () => {
  describe('fulfils the store contract', () => {
    eventStoreContract(() => {
      const store = new SharedFeedEventStore(new MemoryEventStore());
      return Promise.resolve({ store, dispose: () => store.close() });
    });
  });

  describe('fulfils the store contract when subscribers fall behind what the feed holds', () => {
    eventStoreContract(() => {
      const store = new SharedFeedEventStore(new MemoryEventStore(), 8);
      return Promise.resolve({ store, dispose: () => store.close() });
    });
  });

  it('reads each new event once for all its live subscribers and hands them the same decoded event', async () => {
    const inner = new CountingStore();
    const store = new SharedFeedEventStore(inner);
    await store.append('member-1', [newEvent('Admitted')], { expectedRevision: 'noStream' });
    const subscriptions: Subscription[] = Array.from({ length: 7 }, () => store.subscribeToAll());
    const iterators = subscriptions.map((subscription) => subscription[Symbol.asyncIterator]());
    try {
      await Promise.all(iterators.map(caughtUp));
      const readsBefore = inner.readAlls;
      const appended = Array.from({ length: 20 }, () => newEvent('Renamed'));
      for (const [i, event] of appended.entries()) {
        await store.append('member-1', [event], { expectedRevision: i });
      }
      const received = await Promise.all(iterators.map((iterator) => until(iterator, appended[19]!.id)));
      for (const events of received) expect(events.map((event) => event.id)).toEqual(appended.map((e) => e.id));
      for (const events of received.slice(1)) {
        events.forEach((event, i) => expect(event).toBe(received[0]![i]));
      }
      // One subscription (the feed) reads the log; seven subscribers on their own read it 7 times or more.
      expect(inner.readAlls - readsBefore).toBeLessThanOrEqual(appended.length + 1);
    } finally {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await store.close();
    }
  });

  it('lets a subscriber far behind the feed read the store until it reaches the feed, in order and without gaps', async () => {
    const store = new SharedFeedEventStore(new MemoryEventStore(), 4);
    const stream = `member-${randomUUID()}`;
    const live = store.subscribeToAll();
    const liveIterator = live[Symbol.asyncIterator]();
    await caughtUp(liveIterator);
    const appended = Array.from({ length: 50 }, () => newEvent('Step'));
    for (const [i, event] of appended.entries()) {
      await store.append(stream, [event], { expectedRevision: i === 0 ? 'noStream' : i - 1 });
    }
    await until(liveIterator, appended[49]!.id);
    const late = store.subscribeToAll({ fromPosition: 3 });
    const lateIterator = late[Symbol.asyncIterator]();
    try {
      const last = newEvent('Step');
      await store.append(stream, [last], { expectedRevision: 49 });
      const events = await until(lateIterator, last.id);
      expect(events.map((event) => event.id)).toEqual([...appended.slice(3), last].map((event) => event.id));
    } finally {
      await late.close();
      await live.close();
      await store.close();
    }
  });

  it('ends its subscriptions when the store is closed', async () => {
    const store = new SharedFeedEventStore(new MemoryEventStore());
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    await caughtUp(iterator);
    const pending = iterator.next();
    await store.close();
    await expect(pending).resolves.toMatchObject({ done: true });
  });
});
