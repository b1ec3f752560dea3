import { newEvent } from '../../contract/event-store.contract';
import type { RecordedEvent } from '../../port/envelope';
import { StoreUnavailable } from '../../port/errors';
import type { SubscriptionMessage } from '../../port/event-store.port';
import { bridgeSubscription, type BridgeOptions } from './subscription-bridge';

function recorded(position: number, stream = 'branch-1', type = 'Step'): RecordedEvent {
  const event = newEvent(type);
  return {
    ...event,
    metadata: { ...event.metadata, recordedAt: '2024-01-01T00:00:00.000Z', prevHash: '', hash: '' },
    stream,
    revision: 0,
    position,
  };
}

function bridge(overrides: Partial<BridgeOptions<RecordedEvent>> = {}) {
  const calls = { pause: 0, resume: 0, stop: 0 };
  const { feed, subscription } = bridgeSubscription<RecordedEvent>({
    decode: (raw) => (raw.stream.startsWith('$') ? null : raw),
    translateError: (error) => new StoreUnavailable(String((error as Error).message)),
    pause: () => void (calls.pause += 1),
    resume: () => void (calls.resume += 1),
    stop: () => {
      calls.stop += 1;
      return Promise.resolve();
    },
    ...overrides,
  });
  return { feed, subscription, iterator: subscription[Symbol.asyncIterator](), calls };
}

async function next(iterator: AsyncIterator<SubscriptionMessage>, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await iterator.next();
    if (result.done) break;
    const message = result.value;
    out.push(message.kind === 'event' ? `event@${message.event.position}` : `caughtUp@${String(message.position)}`);
  }
  return out;
}

describe('bridgeSubscription', () => {
  it('places caughtUp after the events the client still buffered when it announced the head', async () => {
    const { feed, iterator, subscription } = bridge();
    feed.event(recorded(10));
    feed.caughtUp(2);
    feed.event(recorded(20));
    feed.event(recorded(30));
    feed.event(recorded(40));
    expect(await next(iterator, 5)).toEqual(['event@10', 'event@20', 'event@30', 'caughtUp@30', 'event@40']);
    await subscription.close();
  });

  it('announces the head once, with the start position when nothing came', async () => {
    const { feed, iterator, subscription } = bridge({ fromPosition: 7 });
    feed.caughtUp(0);
    feed.caughtUp(0);
    feed.event(recorded(8));
    expect(await next(iterator, 2)).toEqual(['caughtUp@7', 'event@8']);
    await subscription.close();
  });

  it('skips events at or before fromPosition, system records and events outside the filter', async () => {
    const { feed, iterator, subscription } = bridge({ fromPosition: 5, filter: { streamPrefixes: ['branch-'] } });
    feed.event(recorded(5));
    feed.event(recorded(6, '$stats-1'));
    feed.event(recorded(7, 'member-1'));
    feed.event(recorded(8));
    feed.caughtUp(0);
    expect(await next(iterator, 2)).toEqual(['event@8', 'caughtUp@8']);
    await subscription.close();
  });

  it('raises a translated error after the events received before it', async () => {
    const { feed, iterator, calls } = bridge();
    feed.event(recorded(1));
    feed.failed(new Error('14 UNAVAILABLE'));
    expect(await next(iterator, 1)).toEqual(['event@1']);
    await expect(iterator.next()).rejects.toBeInstanceOf(StoreUnavailable);
    expect(calls.stop).toBe(1);
  });

  it('close() ends a pending next() and stops the server subscription once', async () => {
    const { subscription, iterator, calls } = bridge();
    const pending = iterator.next();
    await subscription.close();
    await subscription.close();
    await expect(pending).resolves.toMatchObject({ done: true });
    expect(calls.stop).toBe(1);
  });

  it('pauses the client while the consumer lags and resumes it once drained', async () => {
    const { feed, iterator, subscription, calls } = bridge();
    for (let position = 1; position <= 600; position += 1) feed.event(recorded(position));
    expect(calls.pause).toBe(1);
    await next(iterator, 600);
    expect(calls.resume).toBe(1);
    await subscription.close();
  });
});
