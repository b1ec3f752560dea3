import { SqliteDatabase } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/application';
import { SqliteEventStore, type NewEvent } from '@app/event-store';
import type { CliContext } from '../cli-context';
import { runCli } from '../cli';
import { ExitCode } from '../exit-codes';
import { verifyCommand } from './verify.command';

const event = (i: number): NewEvent => ({
  id: randomUUID(),
  type: 'Step',
  schemaVersion: 1,
  data: { i },
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'a', name: 'A', role: 'admin' },
    occurredAt: '2023-01-01T00:00:00.000Z',
    policyVersion: null,
  },
});

describe('branchflow verify', () => {
  let dir: string;
  let lines: string[];
  let context: CliContext;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'branchflow-cli-verify-'));
    const file = join(dir, 'events.sqlite');
    const store = SqliteEventStore.open({ file });
    await store.append('branch-a', [event(0), event(1), event(2)], { expectedRevision: 'noStream' });
    await store.close();
    lines = [];
    context = {
      config: loadConfig({ BRANCHFLOW_DATA_DIR: dir }),
      openStore: () => Promise.resolve(SqliteEventStore.open({ file })),
      out: (line) => lines.push(line),
      err: () => undefined,
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on an intact history and exports a digest; after an edit it exits 1 naming the event', async () => {
    const digestFile = join(dir, 'digest.json');
    expect(await verifyCommand.run(['--export-digest', digestFile], context)).toBe(ExitCode.ok);
    expect(lines).toContain('history verifies: every hash chain is intact');
    expect(JSON.parse(readFileSync(digestFile, 'utf8'))).toMatchObject({ digest: { streamCount: 1, eventCount: 3 } });

    const db = new SqliteDatabase(join(dir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = '{"i":42}' WHERE stream = 'branch-a' AND revision = 1`).run();
    db.close();
    lines = [];
    expect(await verifyCommand.run(['--digest', digestFile], context)).toBe(ExitCode.failed);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ALTERED branch-a revision 1:/),
        `does NOT match the digest in ${digestFile}: streams changed: branch-a`,
      ]),
    );
  });

  describe('on a file that is not an intact database', () => {
    const verifyAt = async () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['verify'], {
        env: { BRANCHFLOW_DATA_DIR: dir },
        openStore: () => Promise.resolve().then(() => SqliteEventStore.open({ file: join(dir, 'events.sqlite') })),
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      });
      return { code, out, err: err.filter((line) => !line.startsWith('checked ')) };
    };

    it('not a database: exits 1 with one sentence naming the file', async () => {
      const file = join(dir, 'events.sqlite');
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
      writeFileSync(file, 'an export, not the store\n'.repeat(100));
      expect(await verifyAt()).toEqual({
        code: ExitCode.failed,
        out: [],
        err: [
          `Cannot open the SQLite event store ${file}: the file is not a SQLite database (SQLITE_NOTADB); restore it from a backup.`,
        ],
      });
    });

    it('damaged in the middle: the read that meets the damage says so in a sentence, exit 1', async () => {
      const file = join(dir, 'events.sqlite');
      const store = SqliteEventStore.open({ file });
      for (let i = 0; i < 60; i += 1) {
        await store.append(`branch-${i}`, [{ ...event(i), data: { i, text: '档案'.repeat(400) } }], {
          expectedRevision: 'noStream',
        });
      }
      await store.close(); // checkpoints the WAL into the file
      // Overwrite a page in the middle of the events table: the header and the newest rows stay good.
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 8);
      closeSync(fd);
      expect(await verifyAt()).toEqual({
        code: ExitCode.failed,
        out: [],
        err: [
          `Cannot read the SQLite event store ${file}: the file is damaged (SQLITE_CORRUPT); restore it from a backup.`,
        ],
      });
    });
  });
});
