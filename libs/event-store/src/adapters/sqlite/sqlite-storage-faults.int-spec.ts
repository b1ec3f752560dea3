import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../../contract/event-store.contract';
import { StorageFault, StoreUnavailable } from '../../port/errors';
import type { NewEvent } from '../../port/envelope';
import { SqliteDatabase } from './sqlite-driver';
import { toStoreError } from './sqlite-errors';
import { storageFaultOf, storeErrorOf } from './sqlite-faults';
import { SqliteEventStore } from './sqlite-event-store';
import { capAtCurrentSize, connectionOf, lift, smallDisk } from './sqlite-storage-faults.fixture';

const bulky = (i: number): NewEvent => newEvent('MemberAdmitted', { i, notes: '备注'.repeat(600) });

/** The store's whole content, to show that a refused append left nothing behind. */
async function contentOf(store: SqliteEventStore) {
  return { events: await store.readAll(), head: await store.headPosition() };
}

async function expectFault(work: Promise<unknown>, code: string, sentence: RegExp): Promise<void> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StorageFault);
  expect(error).toMatchObject({ code, message: expect.stringMatching(sentence) });
}

describe('SqliteEventStore when its file refuses writes', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'branchflow-faults-'));
    file = join(dir, 'events.sqlite');
    store = SqliteEventStore.open({ file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a full file (SQLITE_FULL): the append is refused whole, readiness fails until the probe or an append succeeds', async () => {
    await store.append('member-a', [bulky(0)], { expectedRevision: 'noStream' });
    const db = connectionOf(store);
    capAtCurrentSize(db);
    const before = await contentOf(store);

    const batch = [bulky(1), bulky(2), bulky(3)];
    await expectFault(
      store.append('member-a', batch, { expectedRevision: 0 }),
      'STORAGE_FULL',
      new RegExp(
        `^Nothing was appended to the SQLite event store .*events\\.sqlite: the disk is full \\(SQLITE_FULL\\); free space on it, then retry\\.$`,
      ),
    );
    expect(db.inTransaction).toBe(false);
    expect(await contentOf(store)).toEqual(before);
    // The ping probes a write while the fault is remembered, and the probe is refused as well.
    await expectFault(store.ping(), 'STORAGE_FULL', /^The SQLite event store .* cannot be written: the disk is full/);
    await expectFault(store.ping(), 'STORAGE_FULL', /the disk is full/);
    // Reads go on meanwhile.
    await expect(store.readStream('member-a')).resolves.toHaveLength(1);

    lift(db);
    await expect(store.ping()).resolves.toBeUndefined();
    // The same append, retried: appended once, right after what was there, no position lost.
    const result = await store.append('member-a', batch, { expectedRevision: 0 });
    expect(result).toEqual({ nextRevision: 3, position: (before.head ?? 0) + 3 });
    expect((await store.readAll()).map((event) => event.id)).toEqual([
      ...before.events.map((e) => e.id),
      ...batch.map((e) => e.id),
    ]);
  });

  it('a successful append clears the remembered fault without a probe', async () => {
    const db = connectionOf(store);
    capAtCurrentSize(db);
    await expectFault(store.append('member-b', [bulky(0)], { expectedRevision: 'noStream' }), 'STORAGE_FULL', /full/);
    lift(db);
    await store.append('member-b', [bulky(0)], { expectedRevision: 'noStream' });
    // Had the fault stayed, this ping would probe; with the cap back on, the probe would fail.
    capAtCurrentSize(db);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('a healthy store pings without probing: with the file capped, its ping still answers', async () => {
    await store.append('member-c', [bulky(0)], { expectedRevision: 'noStream' });
    const wal = statSync(`${file}-wal`).size;
    capAtCurrentSize(connectionOf(store));
    await expect(store.ping()).resolves.toBeUndefined();
    expect(statSync(`${file}-wal`).size).toBe(wal);
  });

  it('a read-only connection (SQLITE_READONLY): 503-worthy STORAGE_READ_ONLY, nothing appended, recovers with writes', async () => {
    await store.append('member-d', [bulky(0)], { expectedRevision: 'noStream' });
    const db = connectionOf(store);
    // SQLite's own switch: every write on this connection is refused as on a read-only file.
    db.pragma('query_only = 1');
    await expectFault(
      store.append('member-d', [bulky(1)], { expectedRevision: 0 }),
      'STORAGE_READ_ONLY',
      /^Nothing was appended to the SQLite event store .*: the file is read-only for this process \(SQLITE_READONLY\); make the file, its -wal and -shm files and its directory writable, then retry\.$/,
    );
    await expectFault(store.ping(), 'STORAGE_READ_ONLY', /cannot be written: the file is read-only/);
    expect(await store.readAll()).toHaveLength(1);
    db.pragma('query_only = 0');
    await store.ping();
    await store.append('member-d', [bulky(1)], { expectedRevision: 0 });
    expect(await store.readAll()).toHaveLength(2);
  });

  it('a ping whose read fails says it could not read, and is no write fault: the next ping does not probe', async () => {
    const statements = (store as unknown as { statements: { ping: { get(): unknown } } }).statements;
    const select = statements.ping;
    // SELECT 1 touches no page, so no disk makes it fail: the driver's own error class is thrown
    // in its place, once, as the statement would throw it.
    statements.ping = {
      get: () => {
        statements.ping = select;
        throw new SqliteDatabase.SqliteError('disk I/O error', 'SQLITE_IOERR_READ');
      },
    };
    await expectFault(
      store.ping(),
      'STORAGE_FAILED',
      /^Cannot read the SQLite event store .*events\.sqlite: the disk reported an I\/O error \(SQLITE_IOERR_READ\); /,
    );
    // Had the read been remembered as a write fault, this ping would probe, and the cap refuse it.
    capAtCurrentSize(connectionOf(store));
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('on a disk that really runs full (a 2 MB tmpfs)', () => {
    const disk = smallDisk();
    if ('skipReason' in disk) {
      console.warn(`Real full-disk test SKIPPED: ${disk.skipReason}; the max_page_count tests above still run.`);
      it.skip(`needs a mountable tmpfs (${disk.skipReason})`, () => undefined);
      return;
    }
    afterAll(() => disk.release());

    it('ENOSPC under SQLite is STORAGE_FULL; after the disk is freed the probe and the retry succeed', async () => {
      const onDisk = SqliteEventStore.open({ file: join(disk.dir, 'events.sqlite') });
      try {
        await onDisk.append('member-e', [bulky(0)], { expectedRevision: 'noStream' });
        disk.fill();
        const event = bulky(1);
        await expectFault(
          onDisk.append('member-e', [event], { expectedRevision: 0 }),
          'STORAGE_FULL',
          /the disk is full \(SQLITE_FULL\)/,
        );
        await expectFault(onDisk.ping(), 'STORAGE_FULL', /cannot be written: the disk is full/);
        expect(await onDisk.readAll()).toHaveLength(1);
        disk.free();
        await onDisk.ping();
        await onDisk.append('member-e', [event], { expectedRevision: 0 });
        expect((await onDisk.readAll()).map((e) => e.id)).toHaveLength(2);
      } finally {
        await onDisk.close();
      }
    });
  });
});

describe('SqliteEventStore.open on a file it cannot use', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'branchflow-open-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const openError = (file: string): unknown => {
    try {
      void SqliteEventStore.open({ file }).close();
    } catch (error) {
      return error;
    }
    throw new Error('expected the open to fail');
  };

  it('a directory that cannot be created is named, with the reason', () => {
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    const file = join(dir, 'a-file', 'data', 'events.sqlite');
    expect(openError(file)).toMatchObject({
      code: 'STORAGE_FAILED',
      message: `Cannot create the directory ${join(dir, 'a-file', 'data')} for the SQLite event store ${file}: part of the path is a file, not a directory (ENOTDIR); make it creatable or choose another data directory (BRANCHFLOW_DATA_DIR).`,
    });
  });

  it('a file that is not a database, and one that is truncated, are STORAGE_CORRUPT naming the file', async () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'these are not the events you are looking for\n'.repeat(100));
    expect(openError(garbage)).toMatchObject({
      code: 'STORAGE_CORRUPT',
      message: `Cannot open the SQLite event store ${garbage}: the file is not a SQLite database (SQLITE_NOTADB); restore it from a backup.`,
    });

    const cut = join(dir, 'cut.sqlite');
    const whole = SqliteEventStore.open({ file: cut, synchronous: 'NORMAL' });
    for (let i = 0; i < 40; i += 1) await whole.append(`member-${i}`, [bulky(i)], { expectedRevision: 'noStream' });
    await whole.close(); // the last close checkpoints the WAL into the file
    truncateSync(cut, readFileSync(cut).length / 2);
    expect(openError(cut)).toMatchObject({
      code: 'STORAGE_CORRUPT',
      message: `Cannot open the SQLite event store ${cut}: the file is damaged (SQLITE_CORRUPT); restore it from a backup.`,
    });
  });

  it('a directory where the file should be is named as such', () => {
    const file = join(dir, 'events.sqlite');
    mkdirSync(file);
    expect(openError(file)).toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining(`${file}: it is a directory, not a file`),
    });
  });
});

describe('storageFaultOf', () => {
  const subject = { what: 'SQLite event store', file: '/data/events.sqlite' };
  it.each([
    ['SQLITE_FULL', 'STORAGE_FULL'],
    ['SQLITE_IOERR', 'STORAGE_FAILED'],
    ['SQLITE_IOERR_WRITE', 'STORAGE_FAILED'],
    ['SQLITE_IOERR_FSYNC', 'STORAGE_FAILED'],
    ['SQLITE_READONLY', 'STORAGE_READ_ONLY'],
    ['SQLITE_READONLY_DBMOVED', 'STORAGE_READ_ONLY'],
    ['SQLITE_CANTOPEN', 'STORAGE_FAILED'],
    ['SQLITE_NOTADB', 'STORAGE_CORRUPT'],
    ['SQLITE_CORRUPT_INDEX', 'STORAGE_CORRUPT'],
    ['SQLITE_PERM', 'STORAGE_FAILED'],
    ['SQLITE_NOLFS', 'STORAGE_FAILED'],
    ['SQLITE_NOMEM', 'STORAGE_FAILED'],
  ])('reads the extended result code %s as %s, and keeps it in the sentence', (code, fault) => {
    const error = Object.assign(new Error('driver words'), { code });
    expect(storageFaultOf(error, 'append', subject)).toMatchObject({
      code: fault,
      message: expect.stringMatching(
        new RegExp(`^Nothing was appended to the SQLite event store /data/events\\.sqlite: .* \\(${code}\\); .*\\.$`),
      ),
      cause: error,
    });
  });

  it.each(['SQLITE_BUSY', 'SQLITE_PROTOCOL', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_FULLNESS', undefined])(
    'leaves %s alone: contention, constraints and bugs are not the disk',
    (code) => {
      expect(storageFaultOf(Object.assign(new Error('x'), { code }), 'read', subject)).toBeUndefined();
    },
  );
});

describe('storeErrorOf', () => {
  const subject = { what: 'read-model database' };
  it.each(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE', 'SQLITE_PROTOCOL'])(
    'reads %s as contention a caller may retry: StoreUnavailable naming the file and the code',
    (code) => {
      const error = new SqliteDatabase.SqliteError('driver words', code);
      const mapped = storeErrorOf(error, 'use', subject);
      expect(mapped).toBeInstanceOf(StoreUnavailable);
      expect(mapped).toMatchObject({ message: `The read-model database is busy (${code}).`, cause: error });
    },
  );

  it("is the event store's mapping too: a lost WAL lock race there is StoreUnavailable naming its file", () => {
    const error = new SqliteDatabase.SqliteError('locking protocol', 'SQLITE_PROTOCOL');
    const mapped = toStoreError(error, '/data/events.sqlite', 'append');
    expect(mapped).toBeInstanceOf(StoreUnavailable);
    expect(mapped.message).toBe('The SQLite event store /data/events.sqlite is busy (SQLITE_PROTOCOL).');
  });

  it('reads storage codes as storageFaultOf does, and leaves constraints and bugs alone', () => {
    const nomem = storeErrorOf(new SqliteDatabase.SqliteError('out of memory', 'SQLITE_NOMEM'), 'use', subject);
    expect(nomem).toBeInstanceOf(StorageFault);
    expect(nomem?.message).toBe(
      'The read-model database failed: SQLite ran out of memory (SQLITE_NOMEM); give the process more memory, then retry.',
    );
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_MISUSE']) {
      expect(storeErrorOf(new SqliteDatabase.SqliteError('x', code), 'use', subject)).toBeUndefined();
    }
  });
});
