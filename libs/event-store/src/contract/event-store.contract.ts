/**
 * The behaviour every adapter must show. Each adapter's spec calls `eventStoreContract` with a
 * factory; tests use fresh stream names so the suite also runs against a shared server.
 */
import { randomUUID } from 'node:crypto';
import { verifyStreamChain } from '../chain/hash-chain';
import type { NewEvent, RecordedEvent } from '../port/envelope';
import { IdempotencyConflict, StreamNotFound, WrongExpectedRevision } from '../port/errors';
import type { EventStore, SubscriptionMessage } from '../port/event-store.port';
import type { ExpectedRevision } from '../port/expected-revision';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { UpcastingEventStore } from '../upcasting/upcasting-event-store';

export interface ContractTarget {
  readonly store: EventStore;
  /** Closes the store and removes what the target created. */
  dispose(): Promise<void>;
}

const actor = { id: 'contract-suite', name: 'Contract suite', role: 'admin' };

export function newEvent(type: string, data: Record<string, string | number> = {}, id = randomUUID()): NewEvent {
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor,
      occurredAt: '2023-03-01T08:00:00.000Z',
      policyVersion: null,
    },
  };
}

function uniqueStream(category: string): string {
  return `${category}-${randomUUID().replace(/-/g, '')}`;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Appends a marker and returns its position, so reads can ignore whatever the store held before. */
async function currentPosition(store: EventStore): Promise<number> {
  const result = await store.append(uniqueStream('marker'), [newEvent('Marker')], { expectedRevision: 'noStream' });
  return result.position;
}

async function appendWithRetry(store: EventStore, stream: string, event: NewEvent): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const head = await store
      .readStream(stream, { direction: 'backwards', maxCount: 1 })
      .then((events) => events[0]?.revision ?? null)
      .catch((error: unknown) => {
        if (error instanceof StreamNotFound) return null;
        throw error;
      });
    const expectedRevision: ExpectedRevision = head === null ? 'noStream' : head;
    try {
      await store.append(stream, [event], { expectedRevision });
      return attempt;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
    }
  }
}

async function take(
  iterator: AsyncIterator<SubscriptionMessage>,
  count: number,
  accept: (message: SubscriptionMessage) => boolean,
): Promise<SubscriptionMessage[]> {
  const taken: SubscriptionMessage[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    if (accept(next.value)) taken.push(next.value);
  }
  return taken;
}

export function eventStoreContract(createTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget;
  let store: EventStore;

  beforeEach(async () => {
    target = await createTarget();
    store = target.store;
  });
  afterEach(async () => {
    await target.dispose();
  });

  describe('append and read', () => {
    it('reads back what was appended, with its envelope, revision, position and chain', async () => {
      const stream = uniqueStream('branch');
      const first = newEvent('BranchEstablished', { name: '永安社区离退休干部党支部' });
      const second = newEvent('BranchRenamed', { name: '永安社区第一党支部' });
      const result = await store.append(stream, [first, second], { expectedRevision: 'noStream' });

      const events = await store.readStream(stream);
      expect(result.nextRevision).toBe(1);
      expect(events.map((e) => [e.id, e.type, e.revision, e.stream])).toEqual([
        [first.id, 'BranchEstablished', 0, stream],
        [second.id, 'BranchRenamed', 1, stream],
      ]);
      expect(events[0]?.data).toEqual({ name: '永安社区离退休干部党支部' });
      expect(events[1]?.position).toBe(result.position);
      expect(events[0]!.position).toBeLessThan(events[1]!.position);
      expect(events[0]?.metadata).toMatchObject({ ...first.metadata, prevHash: '0'.repeat(64) });
      expect(events[1]?.metadata.prevHash).toBe(events[0]?.metadata.hash);
      expect(Date.parse(events[0]!.metadata.recordedAt)).not.toBeNaN();
      expect(events[0]?.schemaVersion).toBe(1);
    });

    it("stores a command's fingerprint with its events, under the hash; events without one have no such key", async () => {
      const stream = uniqueStream('member');
      const base = newEvent('MemberAdmitted');
      const fingerprinted = { ...base, metadata: { ...base.metadata, commandFingerprint: 'f'.repeat(64) } };
      await store.append(stream, [fingerprinted, newEvent('MemberConfirmed')], { expectedRevision: 'noStream' });

      const [first, second] = await store.readStream(stream);
      expect(first?.metadata.commandFingerprint).toBe('f'.repeat(64));
      expect(second?.metadata).not.toHaveProperty('commandFingerprint');
      const events = await store.readStream(stream);
      expect(verifyStreamChain(events)).toBeNull();
      // The fingerprint is covered by the hash, so it cannot be swapped afterwards unnoticed.
      const swapped = { ...first!, metadata: { ...first!.metadata, commandFingerprint: 'e'.repeat(64) } };
      expect(verifyStreamChain([swapped, second!])).toMatchObject({ kind: 'altered', revision: 0 });
    });

    it('reads a window of a stream forwards and backwards', async () => {
      const stream = uniqueStream('member');
      await store.append(
        stream,
        Array.from({ length: 10 }, (_, i) => newEvent('Step', { i })),
        {
          expectedRevision: 'noStream',
        },
      );
      const forwards = await store.readStream(stream, { fromRevision: 3, maxCount: 4 });
      const backwards = await store.readStream(stream, { direction: 'backwards', maxCount: 3 });
      const backFrom = await store.readStream(stream, { direction: 'backwards', fromRevision: 4, maxCount: 2 });
      expect(forwards.map((e) => e.revision)).toEqual([3, 4, 5, 6]);
      expect(backwards.map((e) => e.revision)).toEqual([9, 8, 7]);
      expect(backFrom.map((e) => e.revision)).toEqual([4, 3]);
    });

    it('reports the head position: at least the position of the last append', async () => {
      const stream = uniqueStream('branch');
      const result = await store.append(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 'noStream' });
      const head = await store.headPosition();
      expect(head).not.toBeNull();
      expect(head!).toBeGreaterThanOrEqual(result.position);
      const [last] = await store.readAll({ fromPosition: head! - 1, maxCount: 1 });
      expect(last?.position).toBe(head);
    });

    it('throws StreamNotFound for a stream with no events', async () => {
      const error = await rejectionOf(store.readStream(uniqueStream('branch')));
      expect(error).toBeInstanceOf(StreamNotFound);
    });
  });

  describe('expected revision', () => {
    it('noStream: accepted for a new stream, refused for an existing one with its actual revision', async () => {
      const stream = uniqueStream('branch');
      await store.append(stream, [newEvent('A')], { expectedRevision: 'noStream' });
      const error = await rejectionOf(store.append(stream, [newEvent('B')], { expectedRevision: 'noStream' }));
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ stream, expected: 'noStream', actual: 0 });
    });

    it('streamExists: refused for a missing stream, accepted for an existing one', async () => {
      const stream = uniqueStream('branch');
      const error = await rejectionOf(store.append(stream, [newEvent('A')], { expectedRevision: 'streamExists' }));
      expect(error).toMatchObject({ expected: 'streamExists', actual: null });
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      await store.append(stream, [newEvent('A')], { expectedRevision: 'noStream' });
      const result = await store.append(stream, [newEvent('B')], { expectedRevision: 'streamExists' });
      expect(result.nextRevision).toBe(1);
    });

    it('any: accepted whatever the stream holds', async () => {
      const stream = uniqueStream('branch');
      await store.append(stream, [newEvent('A')], { expectedRevision: 'any' });
      const result = await store.append(stream, [newEvent('B')], { expectedRevision: 'any' });
      expect(result.nextRevision).toBe(1);
    });

    it('exact: accepted at the head, refused otherwise with expected and actual', async () => {
      const stream = uniqueStream('election');
      await store.append(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 'noStream' });
      const stale = await rejectionOf(store.append(stream, [newEvent('C')], { expectedRevision: 0 }));
      expect(stale).toBeInstanceOf(WrongExpectedRevision);
      expect(stale).toMatchObject({ expected: 0, actual: 1 });
      const missing = await rejectionOf(store.append(uniqueStream('x'), [newEvent('C')], { expectedRevision: 3 }));
      expect(missing).toMatchObject({ expected: 3, actual: null });
      const result = await store.append(stream, [newEvent('C')], { expectedRevision: 1 });
      expect(result.nextRevision).toBe(2);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });
  });

  describe('idempotent append', () => {
    it('a retried append returns the original result and writes nothing', async () => {
      const stream = uniqueStream('member');
      await store.append(stream, [newEvent('MemberAdmitted')], { expectedRevision: 'noStream' });
      const batch = [newEvent('MemberTransferred'), newEvent('PostVacated')];
      const first = await store.append(stream, batch, { expectedRevision: 0 });
      const again = await store.append(stream, batch, { expectedRevision: 0 });
      // Flagged, so a writer whose append raced an identical id learns that it wrote nothing.
      expect(first.alreadyStored).toBeUndefined();
      expect(again).toEqual({ ...first, alreadyStored: true });
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('a retried first append to a new stream is recognised too', async () => {
      const stream = uniqueStream('member');
      const batch = [newEvent('MemberAdmitted')];
      const first = await store.append(stream, batch, { expectedRevision: 'noStream' });
      expect(await store.append(stream, batch, { expectedRevision: 'noStream' })).toEqual({
        ...first,
        alreadyStored: true,
      });
      expect(await store.append(stream, batch, { expectedRevision: 'any' })).toEqual({ ...first, alreadyStored: true });
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('a partial overlap with stored ids is refused and writes nothing', async () => {
      const stream = uniqueStream('member');
      const stored = newEvent('MemberAdmitted');
      await store.append(stream, [stored], { expectedRevision: 'noStream' });
      const error = await rejectionOf(
        store.append(stream, [stored, newEvent('MemberTransferred')], { expectedRevision: 'noStream' }),
      );
      expect(error).toBeInstanceOf(IdempotencyConflict);
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });

  describe('streamRevisions', () => {
    it("answers each stream's last revision and leaves out streams with no events", async () => {
      const [a, b, absent] = [uniqueStream('member'), uniqueStream('branch'), uniqueStream('member')];
      await store.append(a, [newEvent('MemberAdmitted')], { expectedRevision: 'noStream' });
      await store.append(b, [newEvent('BranchEstablished'), newEvent('BranchRenamed')], {
        expectedRevision: 'noStream',
      });
      expect(await store.streamRevisions([a, b, absent])).toEqual(
        new Map([
          [a, 0],
          [b, 1],
        ]),
      );
    });
  });

  describe('appendMany', () => {
    it('appends to many streams at once, each with its revision, chain and result, in the order given', async () => {
      const [a, b] = [uniqueStream('member'), uniqueStream('member')];
      await store.append(b, [newEvent('MemberAdmitted')], { expectedRevision: 'noStream' });
      const results = await store.appendMany([
        { stream: a, events: [newEvent('MemberAdmitted')], expectedRevision: 'noStream' },
        { stream: b, events: [newEvent('MemberConfirmed'), newEvent('MemberTransferred')], expectedRevision: 0 },
        { stream: a, events: [newEvent('MemberConfirmed')], expectedRevision: 0 },
      ]);
      expect(results.map((result) => result.nextRevision)).toEqual([0, 2, 1]);
      expect((results[0] as { position: number }).position).toBeLessThan((results[2] as { position: number }).position);
      for (const stream of [a, b]) {
        const events = await store.readStream(stream);
        expect(verifyStreamChain(events)).toBeNull();
      }
      expect((await store.readStream(a)).map((event) => event.type)).toEqual(['MemberAdmitted', 'MemberConfirmed']);
      expect(await store.readStream(b)).toHaveLength(3);
    });

    it('recognises a retried list: the same ids append nothing and answer the first results', async () => {
      const appends = [
        { stream: uniqueStream('member'), events: [newEvent('MemberAdmitted')], expectedRevision: 'noStream' as const },
        { stream: uniqueStream('member'), events: [newEvent('MemberAdmitted')], expectedRevision: 'noStream' as const },
      ];
      const first = await store.appendMany(appends);
      const again = await store.appendMany(appends);
      expect(again).toEqual(first.map((result) => ({ ...result, alreadyStored: true })));
      for (const { stream } of appends) expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('refuses a stale expected revision with the stream and its actual revision; a retry of the whole list completes it', async () => {
      const [a, b] = [uniqueStream('member'), uniqueStream('member')];
      await store.append(b, [newEvent('MemberAdmitted')], { expectedRevision: 'noStream' });
      const appendA = { stream: a, events: [newEvent('MemberAdmitted')], expectedRevision: 'noStream' as const };
      const error = await rejectionOf(
        store.appendMany([appendA, { stream: b, events: [newEvent('MemberConfirmed')], expectedRevision: 'noStream' }]),
      );
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ stream: b, actual: 0 });
      const retried = await store.appendMany([
        appendA,
        { stream: b, events: [newEvent('MemberConfirmed')], expectedRevision: 0 },
      ]);
      expect(retried.map((result) => result.nextRevision)).toEqual([0, 1]);
      expect(await store.readStream(a)).toHaveLength(1);
    });
  });

  describe('concurrency', () => {
    it('R1: 20 writers x 50 appends with retry give exactly 1,000 contiguous events', async () => {
      const stream = uniqueStream('election');
      const writers = Array.from({ length: 20 }, async (_, writer) => {
        for (let n = 0; n < 50; n += 1) {
          await appendWithRetry(store, stream, newEvent('BallotRecorded', { writer, n }));
        }
      });
      await Promise.all(writers);
      const events = await store.readStream(stream);
      expect(events).toHaveLength(1000);
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
      expect(new Set(events.map((e) => e.id)).size).toBe(1000);
      expect(new Set(events.map((e) => JSON.stringify([e.data.writer, e.data.n]))).size).toBe(1000);
      expect(verifyStreamChain(events)).toBeNull();
    }, 120_000);
  });

  describe('readAll', () => {
    it('returns 100 interleaved streams in commit order with strictly increasing positions', async () => {
      const start = await currentPosition(store);
      const streams = Array.from({ length: 100 }, () => uniqueStream('branch'));
      const appended: string[] = [];
      for (let round = 0; round < 3; round += 1) {
        for (const stream of streams) {
          const event = newEvent('Step', { round });
          await store.append(stream, [event], { expectedRevision: round === 0 ? 'noStream' : round - 1 });
          appended.push(event.id);
        }
      }
      const ours = new Set(streams);
      const read: RecordedEvent[] = [];
      let from = start;
      for (;;) {
        const page = await store.readAll({ fromPosition: from, maxCount: 128 });
        if (page.length === 0) break;
        read.push(...page.filter((e) => ours.has(e.stream)));
        from = page[page.length - 1]!.position;
      }
      expect(read.map((e) => e.id)).toEqual(appended);
      read.slice(1).forEach((event, i) => expect(event.position).toBeGreaterThan(read[i]!.position));
      for (const stream of streams) expect(verifyStreamChain(await store.readStream(stream))).toBeNull();
    }, 60_000);
  });

  describe('subscribeToAll', () => {
    it('resumes after a checkpoint with exactly the later events, then delivers live appends', async () => {
      const start = await currentPosition(store);
      const streams = Array.from({ length: 10 }, () => uniqueStream('member'));
      const ids: string[] = [];
      let checkpoint = start;
      for (let i = 0; i < 1000; i += 1) {
        const event = newEvent('Step', { i });
        const stream = streams[i % 10]!;
        const result = await store.append(stream, [event], {
          expectedRevision: i < 10 ? 'noStream' : Math.floor(i / 10) - 1,
        });
        ids.push(event.id);
        if (i === 499) checkpoint = result.position;
      }
      const ours = new Set(streams);
      const subscription = store.subscribeToAll({ fromPosition: checkpoint });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const caughtUp = await take(iterator, 501, (m) => m.kind === 'caughtUp' || ours.has(m.event.stream));
        const delivered = caughtUp.flatMap((m) => (m.kind === 'event' ? [m.event.id] : []));
        expect(delivered).toEqual(ids.slice(500));
        expect(caughtUp[500]?.kind).toBe('caughtUp');

        const live = newEvent('Live');
        const sentAt = Date.now();
        const arrival = take(iterator, 1, (m) => m.kind === 'event' && m.event.id === live.id);
        await store.append(streams[0]!, [live], { expectedRevision: 99 });
        const [received] = await arrival;
        expect(received).toMatchObject({ kind: 'event', event: { id: live.id, revision: 100 } });
        expect(Date.now() - sentAt).toBeLessThan(1000);
      } finally {
        await subscription.close();
      }
    }, 60_000);

    it('filters by stream prefix and event type', async () => {
      const start = await currentPosition(store);
      const tag = randomUUID().slice(0, 8);
      await store.append(`kept${tag}-1`, [newEvent('Wanted'), newEvent('Unwanted')], { expectedRevision: 'noStream' });
      await store.append(`other${tag}-1`, [newEvent('Wanted')], { expectedRevision: 'noStream' });
      const end = newEvent('Wanted');
      await store.append(`kept${tag}-2`, [end], { expectedRevision: 'noStream' });
      const subscription = store.subscribeToAll({
        fromPosition: start,
        filter: { streamPrefixes: [`kept${tag}-`], eventTypes: ['Wanted'] },
      });
      try {
        const messages = await take(subscription[Symbol.asyncIterator](), 2, (m) => m.kind === 'event');
        expect(messages.map((m) => (m.kind === 'event' ? `${m.event.stream}:${m.event.type}` : ''))).toEqual([
          `kept${tag}-1:Wanted`,
          `kept${tag}-2:Wanted`,
        ]);
      } finally {
        await subscription.close();
      }
    });

    it('close() ends a subscription that is waiting for live events', async () => {
      const start = await currentPosition(store);
      const subscription = store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: ['nothing-'] } });
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp' });
      const pending = iterator.next();
      await subscription.close();
      await expect(pending).resolves.toMatchObject({ done: true });
    });
  });

  describe('upcasting on read', () => {
    it('returns the current shape of an old event; the stored chain still verifies', async () => {
      const registry = new UpcasterRegistry([
        {
          type: 'MemberAdmitted',
          fromVersion: 1,
          upcast: (event) => ({
            type: 'MemberAdmitted',
            schemaVersion: 2,
            data: { ...event.data, status: event.data.probationary === 1 ? 'probationary' : 'full' },
          }),
        },
      ]);
      const upcasting = new UpcastingEventStore(store, registry);
      const stream = uniqueStream('member');
      await upcasting.append(stream, [newEvent('MemberAdmitted', { name: '李全爱', probationary: 0 })], {
        expectedRevision: 'noStream',
      });
      const [event] = await upcasting.readStream(stream);
      expect(event).toMatchObject({ schemaVersion: 2, data: { name: '李全爱', status: 'full' } });
      expect(verifyStreamChain(await store.readStream(stream))).toBeNull();
    });
  });
}
