/**
 * A second OS process for the SQLite integration test: opens the store through the adapter,
 * waits for "go", then appends `count` single events to `stream` with retry on a stale head.
 * Run with `node -r @swc-node/register` via child_process.fork; arguments: file stream count.
 */
import { randomUUID } from 'node:crypto';
import { newEvent } from '../../contract/event-store.contract';
import { StreamNotFound, WrongExpectedRevision } from '../../port/errors';
import type { ExpectedRevision } from '../../port/expected-revision';
import { SqliteEventStore } from './sqlite-event-store';

export interface WriterMessage {
  readonly kind: 'ready' | 'done';
  readonly retries?: number;
}

async function headOf(store: SqliteEventStore, stream: string): Promise<ExpectedRevision> {
  try {
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : 'noStream';
  } catch (error) {
    if (error instanceof StreamNotFound) return 'noStream';
    throw error;
  }
}

async function appendAll(store: SqliteEventStore, stream: string, count: number): Promise<number> {
  let retries = 0;
  for (let n = 0; n < count; n += 1) {
    const event = newEvent('BallotRecorded', { writer: 'child', n }, randomUUID());
    for (;;) {
      try {
        await store.append(stream, [event], { expectedRevision: await headOf(store, stream) });
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        retries += 1;
      }
    }
  }
  return retries;
}

function send(message: WriterMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const [file, stream, count] = process.argv.slice(2);
  if (!file || !stream || !count) throw new Error('usage: file stream count');
  const store = SqliteEventStore.open({ file });
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    send({ kind: 'ready' });
  });
  const retries = await appendAll(store, stream, Number(count));
  await store.close();
  send({ kind: 'done', retries });
  process.disconnect?.();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
