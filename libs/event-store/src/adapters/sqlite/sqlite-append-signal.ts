import { EventEmitter } from 'node:events';

/**
 * Wakes the subscriptions of every SqliteEventStore in this process that has the same file
 * open, so a projection on one instance sees another instance's append at once rather than at
 * the next poll. It is keyed by the file's real path and carries no data, only "look again";
 * appends by other processes are found by the subscriptions' polling instead.
 */
const signals = new EventEmitter().setMaxListeners(0);

export function onFileAppended(file: string, listener: () => void): () => void {
  signals.on(file, listener);
  return () => signals.off(file, listener);
}

export function notifyFileAppended(file: string): void {
  signals.emit(file);
}
