import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashEvent, GENESIS_HASH, SqliteEventStore, type NewEvent } from '@app/event-store';
import { watchEventLoop } from '@app/event-store/subscription/event-loop-watch.fixture';
import { ElectionIndex } from '../election/election-index';
import { ProcessManagerRunner } from '../process-managers/process-manager-runner';
import { merkleRoot, type StreamHead } from '../verification/merkle-root';
import { DIGEST_STREAM, recordDigest } from '../verification/record-digest';
import { verifyHistory } from '../verification/verify-history';

const EVENTS = 20_000;
const STREAMS = 400;
const PER_APPEND = 50;

const event = (stream: number, n: number): NewEvent => ({
  id: randomUUID(),
  type: 'MemberDetailsCorrected',
  schemaVersion: 1,
  data: { memberId: `m${stream}`, n, note: '离退休干部第一党支部 委员会 记录'.repeat(4) },
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'admin-1', name: '王主任', role: 'admin' },
    occurredAt: '2023-03-01T00:00:00.000Z',
    policyVersion: '2022-10-22',
  },
});

/** What a responsive process shows: the 1 ms timer ran, and never waited long. */
function expectResponsive(watched: { ticks: number; longestGapMs: number; elapsedMs: number }): void {
  // Before time slicing each of these ran within one turn of the event loop: 0 ticks, one gap
  // as long as the work. The bounds are generous for a loaded 2-core machine running the whole
  // suite; bench/responsiveness.bench.ts measures the real figures.
  expect(watched.ticks).toBeGreaterThanOrEqual(3);
  expect(watched.longestGapMs).toBeLessThan(Math.max(250, watched.elapsedMs / 3));
}

/**
 * Work over the whole log (verify, digest, a first catch-up) on a store that answers
 * synchronously must still let the event loop turn, so requests and probes are answered while
 * it runs (issue 12: 12–13 s frozen at 355k events).
 */
describe('long work over the log lets the event loop turn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'branchflow-long-work-'));
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    for (let done = 0; done < EVENTS; done += PER_APPEND) {
      const stream = (done / PER_APPEND) % STREAMS;
      const revision = Math.floor(done / PER_APPEND / STREAMS) * PER_APPEND;
      await store.append(
        `member-m${stream}`,
        Array.from({ length: PER_APPEND }, (_, i) => event(stream, revision + i)),
        { expectedRevision: revision === 0 ? 'noStream' : revision - 1 },
      );
    }
  }, 60_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verify: the same report, with the loop turning throughout', async () => {
    const watched = await watchEventLoop(() => verifyHistory(store));
    expect(watched.result).toMatchObject({ ok: true, eventsChecked: EVENTS, streamsChecked: STREAMS, breaks: [] });
    // The digest is the plain definition: each stream's chain from genesis, a Merkle root over the heads.
    const heads = new Map<string, StreamHead>();
    for (const recorded of await store.readAll()) {
      const { hash: _stored, ...content } = recorded.metadata;
      const prevHash = heads.get(recorded.stream)?.hash ?? GENESIS_HASH;
      const hash = hashEvent({ ...recorded, metadata: { ...content, prevHash } });
      heads.set(recorded.stream, { stream: recorded.stream, revision: recorded.revision, hash });
    }
    expect(watched.result.digest.merkleRoot).toBe(merkleRoot([...heads.values()]));
    expectResponsive(watched);
  });

  it('recording a digest', async () => {
    const watched = await watchEventLoop(() =>
      recordDigest(store, { id: 'system:digest', name: 'digest', role: 'system' }),
    );
    expect(watched.result).toMatchObject({ recorded: true, digest: { eventCount: EVENTS } });
    expectResponsive(watched);
    expect(await store.readStream(DIGEST_STREAM)).toHaveLength(1);
  });

  it('a process manager catching up from the beginning', async () => {
    let handled = 0;
    const runner = new ProcessManagerRunner(
      store,
      { load: () => null, loadEvent: () => null, save: () => true, reset: () => undefined },
      { name: 'counting', handle: () => Promise.resolve(void (handled += 1)) },
    );
    const watched = await watchEventLoop(async () => {
      runner.start();
      await runner.caughtUp();
    });
    await runner.stop();
    expect(handled).toBeGreaterThanOrEqual(EVENTS);
    expectResponsive(watched);
  });

  it('the election index folding the whole log on its first question', async () => {
    const watched = await watchEventLoop(() => new ElectionIndex(store).all());
    expect(watched.result).toEqual([]);
    expectResponsive(watched);
  });
});
