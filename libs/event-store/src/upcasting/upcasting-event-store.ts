import type { RecordedEvent } from '../port/envelope';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '../port/event-store.port';
import type { NewEvent } from '../port/envelope';
import type { UpcasterRegistry } from './upcaster-registry';

/**
 * Wraps any adapter so every read returns current event shapes. `raw` keeps the adapter itself
 * for the one reader that needs stored bytes: hash-chain verification.
 */
export class UpcastingEventStore implements EventStore {
  readonly kind: string;

  constructor(
    readonly raw: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {
    this.kind = raw.kind;
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.raw.append(stream, events, options);
  }

  streamRevisions(streams: readonly string[]): Promise<Map<string, number>> {
    return this.raw.streamRevisions(streams);
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.raw.appendMany(appends);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.raw.readStream(stream, options)).map((event) => this.upcasters.apply(event));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.raw.readAll(options)).map((event) => this.upcasters.apply(event));
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const inner = this.raw.subscribeToAll(options);
    const upcasters = this.upcasters;
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
        for await (const message of inner) {
          yield message.kind === 'event' ? { kind: 'event', event: upcasters.apply(message.event) } : message;
        }
      },
    };
  }

  headPosition(): Promise<number | null> {
    return this.raw.headPosition();
  }

  ping(): Promise<void> {
    return this.raw.ping();
  }

  close(): Promise<void> {
    return this.raw.close();
  }
}
