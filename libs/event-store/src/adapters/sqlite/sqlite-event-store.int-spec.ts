import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from './sqlite-driver';
import { verifyStreamChain } from '../../chain/hash-chain';
import { eventStoreContract, newEvent } from '../../contract/event-store.contract';
import type { RecordedEvent } from '../../port/envelope';
import { StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../../port/errors';
import type { EventStore, SubscriptionMessage } from '../../port/event-store.port';
import type { ExpectedRevision } from '../../port/expected-revision';
import type { WriterCommand, WriterMessage } from './sqlite-concurrent-writer.fixture';
import { SqliteEventStore } from './sqlite-event-store';

async function tempFile(): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'branchflow-sqlite-'));
  return { file: join(dir, 'nested', 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

async function headOf(store: EventStore, stream: string): Promise<ExpectedRevision> {
  try {
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : 'noStream';
  } catch (error) {
    if (error instanceof StreamNotFound) return 'noStream';
    throw error;
  }
}

/** Appends one event, re-reading the head after each refusal; returns how many refusals it took. */
async function appendWithRetry(store: EventStore, stream: string, data: Record<string, string | number>) {
  const event = newEvent('BallotRecorded', data);
  for (let retries = 0; ; retries += 1) {
    try {
      await store.append(stream, [event], { expectedRevision: await headOf(store, stream) });
      return retries;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
    }
  }
}

/** Collects subscription events until `done` says stop or the deadline passes. */
async function collect(
  iterator: AsyncIterator<SubscriptionMessage>,
  done: (events: readonly RecordedEvent[]) => boolean,
  timeoutMs: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(events)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining)));
    const next = await Promise.race([iterator.next(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout' || next.done) break;
    if (next.value.kind === 'event') events.push(next.value.event);
  }
  return events;
}

function waitFor(child: ChildProcess, kind: WriterMessage['kind']): Promise<WriterMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WriterMessage): void => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`writer process exited with ${String(code)} before "${kind}"`)));
  });
}

/** Lets the writer close its store and exit; kills it if it has not gone within 5 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.connected) child.disconnect();
  const timer = setTimeout(() => child.kill(), 5000);
  await exited;
  clearTimeout(timer);
}

describe('SqliteEventStore', () => {
  describe('contract', () => {
    eventStoreContract(async () => {
      const { file, remove } = await tempFile();
      const store = SqliteEventStore.open({ file });
      return {
        store,
        dispose: async () => {
          await store.close();
          await remove();
        },
      };
    });
  });

  describe('on disk', () => {
    let file: string;
    let remove: () => Promise<void>;
    const opened: SqliteEventStore[] = [];
    const open = (): SqliteEventStore => {
      const store = SqliteEventStore.open({ file, pollIntervalMs: 50 });
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      ({ file, remove } = await tempFile());
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await remove();
    });

    it('keeps events across close and reopen, with the chain intact and the schema versioned', async () => {
      const first = open();
      const stream = `branch-${randomUUID()}`;
      await first.append(stream, [newEvent('BranchEstablished', { name: '永安社区党支部' })], {
        expectedRevision: 'noStream',
      });
      await first.append(stream, [newEvent('BranchRenamed'), newEvent('SecretaryElected')], { expectedRevision: 0 });
      await first.close();

      const reopened = open();
      const events = await reopened.readStream(stream);
      expect(events.map((e) => e.type)).toEqual(['BranchEstablished', 'BranchRenamed', 'SecretaryElected']);
      expect(events[0]?.data).toEqual({ name: '永安社区党支部' });
      expect(verifyStreamChain(events)).toBeNull();
      const result = await reopened.append(stream, [newEvent('BranchDissolved')], { expectedRevision: 2 });
      expect(result.nextRevision).toBe(3);
      expect(verifyStreamChain(await reopened.readStream(stream))).toBeNull();

      const raw = new SqliteDatabase(file, { readonly: true });
      try {
        expect(raw.pragma('user_version', { simple: true })).toBe(1);
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        raw.close();
      }
    });

    it('stores ids lower-case and treats a differently-cased retry as the same append', async () => {
      const store = open();
      const stream = `member-${randomUUID()}`;
      const event = { ...newEvent('MemberAdmitted'), id: randomUUID().toUpperCase() };
      const first = await store.append(stream, [event], { expectedRevision: 'noStream' });
      const again = await store.append(stream, [{ ...event, id: event.id.toLowerCase() }], {
        expectedRevision: 'noStream',
      });
      expect(again).toEqual({ ...first, alreadyStored: true });
      expect((await store.readStream(stream)).map((e) => e.id)).toEqual([event.id.toLowerCase()]);
    });

    it('a subscription on one instance sees appends made through another instance on the same file', async () => {
      const writer = open();
      const reader = open();
      const stream = `election-${randomUUID()}`;
      const subscription = reader.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp', position: null });
        const sentAt = Date.now();
        await writer.append(stream, [newEvent('ElectionCalled')], { expectedRevision: 'noStream' });
        const events = await collect(iterator, (got) => got.length === 1, 1000);
        expect(events.map((e) => e.stream)).toEqual([stream]);
        expect(Date.now() - sentAt).toBeLessThan(1000);
      } finally {
        await subscription.close();
      }
    });

    it('two OS processes racing to append to one stream with retry leave contiguous revisions, none lost', async () => {
      const store = open();
      const stream = `election-${randomUUID()}`;
      const child = fork(join(__dirname, 'sqlite-concurrent-writer.fixture.ts'), [file, stream], {
        execArgv: ['-r', '@swc-node/register'],
        cwd: join(__dirname, '../../../../..'),
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const command = (count: number): Promise<WriterMessage> => {
        const done = waitFor(child, 'done');
        child.send({ count } satisfies WriterCommand);
        return done;
      };
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const ours = (events: readonly RecordedEvent[]): RecordedEvent[] => events.filter((e) => e.stream === stream);
      try {
        await waitFor(child, 'ready');
        expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp' });

        // The processes must really race for the head, or the test would prove little. On a
        // loaded machine one side can finish before the other starts, so race again (≤ 3 rounds).
        let retries = 0;
        let rounds = 0;
        while (retries === 0 && rounds < 3) {
          const childDone = command(200);
          for (let n = 0; n < 200; n += 1) {
            retries += await appendWithRetry(store, stream, { writer: 'parent', n: rounds * 200 + n });
          }
          retries += (await childDone).retries ?? 0;
          rounds += 1;
        }
        expect(retries).toBeGreaterThan(0);

        const total = rounds * 400;
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: total }, (_, i) => i));
        expect(events.filter((e) => e.data.writer === 'child')).toHaveLength(total / 2);
        expect(verifyStreamChain(events)).toBeNull();
        const delivered = await collect(iterator, (got) => ours(got).length === total, 5000);
        expect(ours(delivered).map((e) => e.id)).toEqual(events.map((e) => e.id));

        // With this process idle, the other process's append can only arrive by polling.
        await command(1);
        const doneAt = Date.now();
        const polled = await collect(iterator, (got) => ours(got).length === 1, 1000);
        expect(ours(polled)).toMatchObject([{ revision: total, data: { writer: 'child' } }]);
        expect(Date.now() - doneAt).toBeLessThan(1000);
      } catch (error) {
        throw new Error(`${String(error)}\nwriter stderr:\n${stderr}`, { cause: error });
      } finally {
        await subscription.close();
        await stop(child);
      }
    }, 60_000);

    it('writes concurrent appends to different streams in one transaction, refusing a stale one alone', async () => {
      const { file, remove } = await tempFile();
      const store = SqliteEventStore.open({ file });
      try {
        const [a, b, c] = [`member-${randomUUID()}`, `member-${randomUUID()}`, `member-${randomUUID()}`];
        await store.append(c, [newEvent('MemberAdmitted')], { expectedRevision: 'noStream' });
        const before = store.groupCommits();
        const retried = newEvent('MemberAdmitted');
        const outcomes = await Promise.allSettled([
          store.append(a, [retried], { expectedRevision: 'noStream' }),
          store.append(b, [newEvent('MemberAdmitted'), newEvent('MemberConfirmed')], { expectedRevision: 'noStream' }),
          // Stale: c is at revision 0.
          store.append(c, [newEvent('MemberConfirmed')], { expectedRevision: 'noStream' }),
          // The same command sent twice in the group appends once.
          store.append(a, [retried], { expectedRevision: 'noStream' }),
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
        expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
        expect((outcomes[3] as PromiseFulfilledResult<unknown>).value).toEqual({
          ...(outcomes[0] as PromiseFulfilledResult<object>).value,
          alreadyStored: true,
        });
        const after = store.groupCommits();
        expect(after.transactions - before.transactions).toBe(1);
        expect(after.appends - before.appends).toBe(4);
        expect((await store.readStream(a)).map((event) => event.revision)).toEqual([0]);
        expect((await store.readStream(b)).map((event) => event.revision)).toEqual([0, 1]);
        expect((await store.readStream(c)).map((event) => event.type)).toEqual(['MemberAdmitted']);
        for (const stream of [a, b, c]) expect(verifyStreamChain(await store.readStream(stream))).toBeNull();
      } finally {
        await store.close();
        await remove();
      }
    });

    it('maps a write lock held past busy_timeout to StoreUnavailable', async () => {
      const store = open();
      const blocker = new SqliteDatabase(file);
      blocker.exec('BEGIN IMMEDIATE');
      try {
        const error = await store
          .append(`x-${randomUUID()}`, [newEvent('A')], { expectedRevision: 'any' })
          .catch((e: unknown) => e);
        // Named in full on failure: which error the driver gave, with which code.
        expect({ error: String(error), code: (error as { cause?: { code?: string } }).cause?.code }).toMatchObject({
          error: expect.stringContaining('StoreUnavailable'),
        });
        expect(error).toBeInstanceOf(StoreUnavailable);
      } finally {
        blocker.exec('ROLLBACK');
        blocker.close();
      }
    }, 15_000);

    it('after close: calls fail with StoreUnavailable and open subscriptions end', async () => {
      const store = open();
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp' });
      const pending = iterator.next();
      await store.close();
      await store.close();
      await expect(pending).resolves.toMatchObject({ done: true });
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
      await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailable);
      await expect(
        store.append(`x-${randomUUID()}`, [newEvent('A')], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(StoreUnavailable);
    });
  });
});
