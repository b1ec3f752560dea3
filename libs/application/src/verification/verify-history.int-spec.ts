import type Database from 'better-sqlite3';
import { SqliteDatabase } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent } from '@app/event-store';
import { checkDigest, verifyHistory, type VerificationReport } from './verify-history';

const event = (type: string, data: Record<string, string | number>): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'admin-1', name: '王主任', role: 'admin' },
    occurredAt: '2023-03-01T00:00:00.000Z',
    policyVersion: '2022-10-22',
  },
});

/**
 * Tampering as an insider with write access to the SQLite file would do it, behind the store's
 * back; verification must name each change precisely, and an exported digest must stop matching.
 */
describe('verifying the history of a tampered SQLite file', () => {
  let dir: string;
  let file: string;
  let baseline: VerificationReport;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'branchflow-verify-'));
    file = join(dir, 'events.sqlite');
    const store = SqliteEventStore.open({ file, synchronous: 'NORMAL' });
    for (const name of ['永盛', '三皇', '永安']) {
      await store.append(
        `branch-${name}`,
        Array.from({ length: 5 }, (_, i) => event('Step', { name, i })),
        { expectedRevision: 'noStream' },
      );
    }
    baseline = await verifyHistory(store);
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verifyNow(tamper: (db: Database.Database) => void) {
    const db = new SqliteDatabase(file);
    tamper(db);
    db.close();
    const store = SqliteEventStore.open({ file, synchronous: 'NORMAL' });
    try {
      return {
        report: await verifyHistory(store),
        digest: await checkDigest(store, baseline.digest, baseline.heads),
      };
    } finally {
      await store.close();
    }
  }

  it('an untouched store verifies clean and matches its digest', async () => {
    const { report, digest } = await verifyNow(() => undefined);
    expect(baseline).toMatchObject({ ok: true, eventsChecked: 15, streamsChecked: 3, breaks: [] });
    expect(report.ok).toBe(true);
    expect(digest).toMatchObject({ matches: true, differingStreams: [] });
  });

  it('names an event whose data was edited', async () => {
    const { report, digest } = await verifyNow((db) =>
      db
        .prepare(
          `UPDATE events SET data = json_set(data, '$.name', '篡改') WHERE stream = 'branch-三皇' AND revision = 2`,
        )
        .run(),
    );
    expect(report.breaks).toEqual([expect.objectContaining({ stream: 'branch-三皇', kind: 'altered', revision: 2 })]);
    expect(digest).toMatchObject({ matches: false, differingStreams: ['branch-三皇'] });
  });

  it('names an event that was deleted', async () => {
    const { report, digest } = await verifyNow((db) =>
      db.prepare(`DELETE FROM events WHERE stream = 'branch-永安' AND revision = 1`).run(),
    );
    expect(report.breaks).toEqual([expect.objectContaining({ stream: 'branch-永安', kind: 'missing', revision: 1 })]);
    expect(digest).toMatchObject({ matches: false, differingStreams: ['branch-永安'] });
  });

  it('names two events whose places in the log were swapped', async () => {
    const { report, digest } = await verifyNow((db) =>
      db.transaction(() => {
        const [a, b] = db
          .prepare(`SELECT position FROM events WHERE stream = 'branch-永盛' AND revision IN (1, 3) ORDER BY revision`)
          .pluck()
          .all() as number[];
        db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a);
        db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a, b);
        db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b);
      })(),
    );
    expect(report.breaks).toEqual([expect.objectContaining({ stream: 'branch-永盛', kind: 'reordered', revision: 1 })]);
    // The contents are intact, so the recomputed heads still match: the order is what changed.
    expect(digest.matches).toBe(true);
  });

  it('a removed newest event leaves the chain whole but breaks the digest, naming the stream', async () => {
    const { report, digest } = await verifyNow((db) =>
      db.prepare(`DELETE FROM events WHERE stream = 'branch-三皇' AND revision = 4`).run(),
    );
    expect(report.ok).toBe(true);
    expect(digest).toMatchObject({ matches: false, differingStreams: ['branch-三皇'] });
  });
});
