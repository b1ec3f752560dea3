import { EventEmitter } from 'node:events';
import { Client, escapeIdentifier, type ClientConfig } from 'pg';

/** How long to wait before listening again after the listening connection was lost. */
const RELISTEN_MS = 1000;

/**
 * Wakes subscriptions when an append commits, in this process or any other: every append sends
 * NOTIFY on the schema's channel inside its transaction (PostgreSQL delivers it at commit), and
 * one connection per store LISTENs while any subscription is open. It carries no data, only
 * "look again"; the subscriptions also poll, so a lost listening connection delays, never loses.
 */
export class PostgresAppendSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    readonly channel: string,
  ) {}

  /** The statement an append runs in its transaction to wake every listener at its commit. */
  get notifyStatement(): string {
    return `NOTIFY ${escapeIdentifier(this.channel)}`;
  }

  on(listener: () => void): () => void {
    this.emitter.on('appended', listener);
    this.listen();
    return () => {
      this.emitter.off('appended', listener);
      if (this.emitter.listenerCount('appended') === 0) this.stop();
    };
  }

  /** An append of this process committed: its own subscriptions need not wait for the round trip. */
  emit(): void {
    this.emitter.emit('appended');
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  private listen(): void {
    if (this.client || this.retry || this.closed) return;
    const client = new Client(this.config);
    this.client = client;
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.closed || this.emitter.listenerCount('appended') === 0) return;
      // Whatever was committed meanwhile is found by the subscriptions' polling.
      this.retry = setTimeout(() => {
        this.retry = null;
        if (this.emitter.listenerCount('appended') > 0) this.listen();
      }, RELISTEN_MS);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.emit());
    client
      .connect()
      .then(() => client.query(`LISTEN ${escapeIdentifier(this.channel)}`))
      // Whatever committed before LISTEN took effect sent its notification to no one: look again.
      .then(() => this.emit())
      .catch(lost);
  }

  private stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => undefined);
  }
}
