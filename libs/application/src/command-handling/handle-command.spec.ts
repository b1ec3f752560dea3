import type { Decider } from '@app/domain/shared/decider';
import { DomainError, refuse } from '@app/domain/shared/domain-error';
import { MemoryEventStore, WrongExpectedRevision, type EventStore } from '@app/event-store';
import { handleCommand, type CommandContext } from './handle-command';

// A tiny ledger: opening twice is refused, deposits add up. Enough to exercise the loop. Its
// refusals borrow two declared codes, since a refusal can use no other.
type Command = { type: 'Open' } | { type: 'Deposit'; amount: number };
type Event = { type: 'Opened'; data: Record<string, never> } | { type: 'Deposited'; data: { amount: number } };
type State = { open: boolean; balance: number };

const ledger: Decider<Command, Event, State> = {
  initialState: () => ({ open: false, balance: 0 }),
  evolve: (state, event) =>
    event.type === 'Opened' ? { ...state, open: true } : { ...state, balance: state.balance + event.data.amount },
  decide: (command, state) => {
    if (command.type === 'Open') {
      if (state.open) throw refuse('COMMITTEE_ALREADY_EXISTS', { committeeId: 'ledger-1' });
      return [{ type: 'Opened', data: {} }];
    }
    if (!state.open) throw refuse('COMMITTEE_NOT_FOUND', { committeeId: 'ledger-1' });
    return [{ type: 'Deposited', data: { amount: command.amount } }];
  },
};

const context = (commandId: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  commandId,
  actor: { id: 'u1', name: 'Test admin', role: 'admin' },
  occurredAt: '2023-03-01T00:00:00.000Z',
  ...extra,
});

describe('handleCommand', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
  });

  it('appends the decided events with the command in their metadata', async () => {
    const result = await handleCommand(
      store,
      ledger,
      'ledger-1',
      { type: 'Open' },
      context('c1', { policyVersion: 'p1' }),
    );
    expect(result).toMatchObject({ revision: 0, replayed: false, state: { open: true } });
    const [event] = await store.readStream('ledger-1');
    expect(event?.metadata).toMatchObject({
      commandId: 'c1',
      correlationId: 'c1',
      causationId: 'c1',
      policyVersion: 'p1',
    });
  });

  it('a repeated command returns the first result and appends nothing, even if it would now be refused', async () => {
    const first = await handleCommand(store, ledger, 'ledger-1', { type: 'Open' }, context('c1'));
    const again = await handleCommand(store, ledger, 'ledger-1', { type: 'Open' }, context('c1'));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.readStream('ledger-1')).toHaveLength(1);
    await expect(handleCommand(store, ledger, 'ledger-1', { type: 'Open' }, context('c2'))).rejects.toMatchObject({
      code: 'COMMITTEE_ALREADY_EXISTS',
    });
  });

  it('refuses a stale expected revision with the current one and appends nothing', async () => {
    await handleCommand(store, ledger, 'ledger-1', { type: 'Open' }, context('c1'));
    await handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 5 }, context('c2'));
    const stale = handleCommand(
      store,
      ledger,
      'ledger-1',
      { type: 'Deposit', amount: 7 },
      context('c3', { expectedRevision: 0 }),
    );
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(stale).rejects.toMatchObject({ expected: 0, actual: 1 });
    expect(await store.readStream('ledger-1')).toHaveLength(2);
  });

  it('re-decides on fresh state when it loses a race and the caller pinned no revision', async () => {
    await handleCommand(store, ledger, 'ledger-1', { type: 'Open' }, context('c0'));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 1 }, context(`d${i}`)),
      ),
    );
    const result = await handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 0 }, context('last'));
    expect(result.state.balance).toBe(10);
  });

  it('a refusal appends nothing', async () => {
    await expect(
      handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 1 }, context('c1')),
    ).rejects.toMatchObject({
      code: 'COMMITTEE_NOT_FOUND',
    });
    await expect(store.readStream('ledger-1')).rejects.toThrow('does not exist');
  });

  describe('a command id used again', () => {
    const open = { type: 'Open' } as const;
    const fingerprinted = (fingerprint: string) => ({ fingerprint });

    it('with the same fingerprint replays the first result and appends nothing', async () => {
      const first = await handleCommand(store, ledger, 'ledger-1', open, context('c1'), fingerprinted('f1'));
      const again = await handleCommand(store, ledger, 'ledger-1', open, context('c1'), fingerprinted('f1'));
      expect(again).toEqual({ ...first, replayed: true });
      const [event] = await store.readStream('ledger-1');
      expect(event?.metadata.commandFingerprint).toBe('f1');
    });

    it('with another fingerprint is refused IDEMPOTENCY_KEY_REUSED (a rule) and appends nothing', async () => {
      await handleCommand(store, ledger, 'ledger-1', open, context('c0'));
      await handleCommand(
        store,
        ledger,
        'ledger-1',
        { type: 'Deposit', amount: 5 },
        context('c1'),
        fingerprinted('f5'),
      );
      const changed = handleCommand(
        store,
        ledger,
        'ledger-1',
        { type: 'Deposit', amount: 7 },
        context('c1'),
        fingerprinted('f7'),
      );
      await expect(changed).rejects.toBeInstanceOf(DomainError);
      await expect(changed).rejects.toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        category: 'rule',
        details: { idempotencyKey: 'c1' },
      });
      expect(await store.readStream('ledger-1')).toHaveLength(2);
    });

    it('replays events stored before fingerprints existed, whatever the retry carries', async () => {
      const first = await handleCommand(store, ledger, 'ledger-1', open, context('c1'));
      const again = await handleCommand(store, ledger, 'ledger-1', open, context('c1'), fingerprinted('f1'));
      expect(again).toEqual({ ...first, replayed: true });
    });

    it('on another stream is refused IDEMPOTENCY_KEY_REUSED and appends nothing there', async () => {
      await handleCommand(store, ledger, 'ledger-1', open, context('c1'), fingerprinted('f1'));
      const elsewhere = handleCommand(store, ledger, 'ledger-2', open, context('c1'), fingerprinted('f2'));
      await expect(elsewhere).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      await expect(store.readStream('ledger-2')).rejects.toThrow('does not exist');
    });

    describe('by two requests at once, both reading before either appends', () => {
      // Holds every read until two have been made, so both requests decide on the same state.
      const racing = (inner: EventStore): EventStore => {
        let reads = 0;
        let release: () => void = () => undefined;
        const bothRead = new Promise<void>((resolve) => (release = resolve));
        return Object.assign(Object.create(inner) as EventStore, {
          readStream: async (...args: Parameters<EventStore['readStream']>) => {
            const events = await inner.readStream(...args);
            reads += 1;
            if (reads === 2) release();
            if (reads <= 2) await bothRead;
            return events;
          },
        });
      };

      it('with different fingerprints: one is recorded, the other refused, never told it succeeded', async () => {
        await handleCommand(store, ledger, 'ledger-1', open, context('c0'));
        const raced = racing(store);
        const results = await Promise.allSettled([
          handleCommand(raced, ledger, 'ledger-1', { type: 'Deposit', amount: 5 }, context('c1'), fingerprinted('f5')),
          handleCommand(raced, ledger, 'ledger-1', { type: 'Deposit', amount: 7 }, context('c1'), fingerprinted('f7')),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        const refused = results.find((r) => r.status === 'rejected');
        expect(refused?.reason).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
        expect(await store.readStream('ledger-1')).toHaveLength(2);
      });

      it('with the same fingerprint: the later one answers the first result as a replay', async () => {
        await handleCommand(store, ledger, 'ledger-1', open, context('c0'));
        const raced = racing(store);
        const deposit = { type: 'Deposit', amount: 5 } as const;
        const [a, b] = await Promise.all([
          handleCommand(raced, ledger, 'ledger-1', deposit, context('c1'), fingerprinted('f5')),
          handleCommand(raced, ledger, 'ledger-1', deposit, context('c1'), fingerprinted('f5')),
        ]);
        expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
        expect(a.revision).toBe(b.revision);
        expect(await store.readStream('ledger-1')).toHaveLength(2);
      });
    });
  });

  describe('on a stream it has handled a command on before', () => {
    /** Counts the events each read hands back, so a test sees how much of a stream a command read. */
    const counting = (inner: EventStore) => {
      const reads: number[] = [];
      const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
        readStream: async (...args: Parameters<EventStore['readStream']>) => {
          const events = await inner.readStream(...args);
          reads.push(events.length);
          return events;
        },
      });
      return { store, reads };
    };

    it('reads only the events after the state it folded last, and sees what another writer appended', async () => {
      const { store: seen, reads } = counting(store);
      await handleCommand(seen, ledger, 'ledger-1', { type: 'Open' }, context('c0'));
      for (let i = 1; i <= 50; i += 1) {
        await handleCommand(seen, ledger, 'ledger-1', { type: 'Deposit', amount: 1 }, context(`c${i}`));
      }
      // Opening found no stream; each deposit read it from the revision it had folded: nothing new.
      expect(reads).toEqual(new Array(50).fill(0));
      // Another writer (another process) deposits behind its back: the next command reads that one event.
      await handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 100 }, context('elsewhere'));
      reads.length = 0;
      const after = await handleCommand(seen, ledger, 'ledger-1', { type: 'Deposit', amount: 1 }, context('c51'));
      expect(reads).toEqual([1]);
      expect(after.state).toEqual({ open: true, balance: 151 });
      expect(after.revision).toBe(52);
    });

    it('still recognises a repeated command and answers with its first result', async () => {
      await handleCommand(store, ledger, 'ledger-1', { type: 'Open' }, context('c0'));
      const first = await handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 5 }, context('c1'));
      await handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 7 }, context('c2'));
      const again = await handleCommand(store, ledger, 'ledger-1', { type: 'Deposit', amount: 5 }, context('c1'));
      expect(again).toEqual({ ...first, replayed: true });
      expect((await store.readStream('ledger-1')).length).toBe(3);
    });
  });
});
