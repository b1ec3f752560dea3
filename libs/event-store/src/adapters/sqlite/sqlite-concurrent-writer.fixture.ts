/**
 * A second OS process for the SQLite integration test. It opens the store through the adapter,
 * says "ready", then for each `{ count }` message appends that many single events to `stream`
 * with retry on a stale head and answers "done". It closes the store when the parent
 * disconnects. Run with `node -r @swc-node/register` via child_process.fork; arguments: file stream.
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

export interface WriterCommand {
  readonly count: number;
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

function main(): void {
  const [file, stream] = process.argv.slice(2);
  if (!file || !stream) throw new Error('usage: file stream');
  const store = SqliteEventStore.open({ file });
  let work = Promise.resolve();
  process.on('message', (command: WriterCommand) => {
    work = work.then(async () => send({ kind: 'done', retries: await appendAll(store, stream, command.count) }));
    work.catch(fail);
  });
  process.once('disconnect', () => void work.finally(() => store.close()));
  send({ kind: 'ready' });
}

function fail(error: unknown): void {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

try {
  main();
} catch (error) {
  fail(error);
}
