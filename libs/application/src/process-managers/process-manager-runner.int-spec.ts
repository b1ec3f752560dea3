import { MemoryEventStore, StoreUnavailable, type NewEvent, type RecordedEvent } from '@app/event-store';
import { SqliteDatabase } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { eventIdFor } from '../ids/uuid-v5';
import { SqlCheckpointStore, type CheckpointStore } from './checkpoint-store';
import { ProcessManagerRunner, type ProcessManager } from './process-manager-runner';

const newEvent = (type: string, id: string = randomUUID(), data: Record<string, string> = {}): NewEvent => ({
  id,
  type,
  schemaVersion: 1,
  data,
  metadata: {
    commandId: id,
    correlationId: id,
    causationId: id,
    actor: { id: 'pm', name: 'PM', role: 'system' },
    occurredAt: '2023-01-01T00:00:00.000Z',
    policyVersion: null,
  },
});

/** For every `Requested` event, appends one `Done` to a ledger, with an id derived from the cause. */
function ledgerManager(
  store: MemoryEventStore,
  hooks: { before?: (event: RecordedEvent) => void } = {},
): ProcessManager {
  return {
    name: 'ledger',
    handle: async (event) => {
      if (event.type !== 'Requested') return;
      hooks.before?.(event);
      await store.append(`done-${event.stream}`, [newEvent('Done', eventIdFor(event.id, 0))], {
        expectedRevision: 'any',
      });
    },
  };
}

describe('ProcessManagerRunner', () => {
  let store: MemoryEventStore;
  let checkpoints: SqlCheckpointStore;
  beforeEach(() => {
    store = new MemoryEventStore();
    checkpoints = new SqlCheckpointStore(new SqliteDatabase(':memory:'));
  });

  it('handles each event once across stops at any point, resuming from its checkpoint', async () => {
    for (let i = 0; i < 40; i += 1)
      await store.append(`req-${i}`, [newEvent('Requested')], { expectedRevision: 'noStream' });
    for (const stopAfter of [1, 7, 13, 22, 35]) {
      let handled = 0;
      let runner: ProcessManagerRunner | null = null;
      const stopped = new Promise<void>((resolve) => {
        runner = new ProcessManagerRunner(
          store,
          checkpoints,
          ledgerManager(store, {
            before: () => {
              handled += 1;
              // Stop while this event's effect is in flight: its checkpoint is never saved.
              if (handled === stopAfter) void runner!.stop().then(resolve);
            },
          }),
        );
        runner.start();
        void runner.caughtUp().then(resolve);
      });
      await stopped;
      await runner!.stop();
    }
    const runner = new ProcessManagerRunner(store, checkpoints, ledgerManager(store));
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    const done = (await store.readAll()).filter((e) => e.type === 'Done');
    expect(done).toHaveLength(40);
    expect(new Set(done.map((e) => e.stream)).size).toBe(40);
  });

  it('saves its checkpoint once per burst of events rather than once per event, and the last one on stop', async () => {
    for (let i = 0; i < 200; i += 1)
      await store.append(`req-${i}`, [newEvent('Requested')], { expectedRevision: 'noStream' });
    const saved: number[] = [];
    const counting: CheckpointStore = {
      load: (name) => checkpoints.load(name),
      loadEvent: (name) => checkpoints.loadEvent(name),
      reset: (name) => checkpoints.reset(name),
      save: (name, event) => {
        saved.push(event.position);
        return checkpoints.save(name, event);
      },
    };
    const runner = new ProcessManagerRunner(store, counting, ledgerManager(store));
    runner.start();
    await runner.caughtUp();
    // Its own 200 Done events follow the 200 requests.
    await runner.waitForPosition(400);
    await runner.stop();
    expect(saved.length).toBeLessThan(20);
    expect(checkpoints.load('ledger')).toBe(400);
    // A restart has nothing left to do: every request has its one Done.
    const again = new ProcessManagerRunner(store, checkpoints, ledgerManager(store));
    again.start();
    await again.caughtUp();
    await again.stop();
    expect((await store.readAll()).filter((event) => event.type === 'Done')).toHaveLength(200);
  });

  it('retries while the store is unavailable, then goes on', async () => {
    await store.append('req-1', [newEvent('Requested')], { expectedRevision: 'noStream' });
    let failures = 2;
    const flaky: ProcessManager = {
      name: 'flaky',
      handle: async (event) => {
        if (event.type === 'Requested' && failures-- > 0) throw new StoreUnavailable('down');
        await ledgerManager(store).handle(event);
      },
    };
    const runner = new ProcessManagerRunner(store, checkpoints, flaky, { retryDelayMs: 1 });
    runner.start();
    await runner.caughtUp();
    expect(runner.status()).toMatchObject({ state: 'live', error: null });
    expect(await store.readStream('done-req-1')).toHaveLength(1);
    await runner.stop();
  });

  it('stops loudly on an error it cannot retry, keeping the checkpoint before the event', async () => {
    await store.append('req-1', [newEvent('Requested')], { expectedRevision: 'noStream' });
    const { position } = await store.append('req-2', [newEvent('Requested')], { expectedRevision: 'noStream' });
    const errors: string[] = [];
    const broken: ProcessManager = {
      name: 'broken',
      handle: (event) => (event.stream === 'req-2' ? Promise.reject(new Error('bad data')) : Promise.resolve()),
    };
    const runner = new ProcessManagerRunner(store, checkpoints, broken, {
      logger: { warn: () => undefined, error: (message) => errors.push(message) },
    });
    runner.start();
    await expect(runner.waitForPosition(position)).rejects.toThrow('broken cannot handle Requested at position 2');
    expect(runner.status()).toMatchObject({ state: 'failed', position: 1 });
    expect(checkpoints.load('broken')).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
