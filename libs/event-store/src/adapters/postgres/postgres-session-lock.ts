import { Client } from 'pg';
import { schemaKey } from './postgres-append-lock';
import { toStoreError } from './postgres-errors';

/** The class of the leadership lock, beside the append and migration locks (postgres-append-lock.ts). */
const LEADER_CLASS = 0x62660003;

/** How often a held lock's connection is checked: a dead one means the lock is gone. */
const CHECK_MS = 2000;

/** Who holds a lock, as the holder announced itself in its connection's application_name. */
export interface SessionLockHolder {
  readonly pid: number;
  readonly host: string;
}

export interface PostgresSessionLockOptions {
  readonly connectionString: string;
  /** The event store's schema: one leader per event log, whichever data directories the processes use. */
  readonly schema: string;
  /** This process, as other processes will see it while it holds the lock. */
  readonly holder: SessionLockHolder;
  readonly timeoutMs?: number;
}

const NAME = /^branchflow-leader (\d+)@(.*)$/;

/**
 * A session-level advisory lock (`pg_try_advisory_lock`) held on a connection of its own. The
 * server releases it when that connection ends, however its process ended (SIGKILL included),
 * and server-side TCP keepalives end the connection of a machine that vanished without a word,
 * so another process can take over within seconds. The connection is named after its process
 * (application_name), which is how any process finds out who holds the lock.
 *
 * When the held connection fails (the server restarted, the network broke), the lock is gone
 * while its holder may still be working: `onLost` listeners are told, so it stops at once.
 */
export class PostgresSessionLock {
  readonly where: string;
  private client: Client | null = null;
  private held = false;
  private check: NodeJS.Timeout | null = null;
  private readonly lostListeners: (() => void)[] = [];
  private readonly key: readonly [number, number];

  constructor(private readonly options: PostgresSessionLockOptions) {
    this.key = [LEADER_CLASS, schemaKey(options.schema)];
    this.where = `PostgreSQL advisory lock (${this.key[0]}, ${this.key[1]}) for schema ${options.schema}`;
  }

  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    try {
      const client = await this.connection();
      const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS acquired', [
        ...this.key,
      ]);
      this.held = rows[0]?.acquired === true;
    } catch (error) {
      this.drop();
      throw toStoreError(error);
    }
    if (this.held) this.watch();
    return this.held;
  }

  async release(): Promise<void> {
    this.held = false;
    if (this.check) clearInterval(this.check);
    this.check = null;
    const client = this.client;
    this.client = null;
    // Ending the session releases the lock; no unlock needed, and none can fail halfway.
    await client?.end().catch(() => undefined);
  }

  /** The process holding the lock now, or null when none does (or it is not one of ours). */
  async holder(): Promise<SessionLockHolder | null> {
    const client = await this.connection();
    const { rows } = await client.query<{ name: string }>(
      `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid
          AND l.objsubid = 2`,
      [this.key[0] >>> 0, this.key[1] >>> 0],
    );
    const match = NAME.exec(rows[0]?.name ?? '');
    return match ? { pid: Number(match[1]), host: match[2] as string } : null;
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const timeoutMs = this.options.timeoutMs ?? 3000;
    const client = new Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
      // PostgreSQL caps application_name at 63 bytes.
      application_name: `branchflow-leader ${this.options.holder.pid}@${this.options.holder.host}`.slice(0, 63),
      // The server notices a holder whose machine vanished within about 10 s, not the default two hours.
      options: '-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=2',
    });
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.drop();
      throw error;
    }
    return client;
  }

  /** While held, a query every few seconds proves the session (and so the lock) is still there. */
  private watch(): void {
    const client = this.client;
    this.check = setInterval(() => {
      client?.query('SELECT 1').catch(() => client && this.lose(client));
    }, CHECK_MS);
    this.check.unref();
  }

  private lose(client: Client): void {
    if (this.client !== client) return;
    const wasHeld = this.held;
    this.drop();
    if (wasHeld) for (const listener of this.lostListeners) listener();
  }

  private drop(): void {
    this.held = false;
    if (this.check) clearInterval(this.check);
    this.check = null;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => undefined);
  }
}
