import { refuse, type DomainEvent } from '@app/domain';
import {
  StreamNotFound,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '@app/event-store';
import { readWholeStream, toDomainEvent } from '../command-handling/load-stream';
import { CallerScope, type ScopedCaller } from './caller-scope';
import { CommitteeScopeJudge } from './committee-scope-judge';

/**
 * The process's event store as requests see it: while a committee-scoped administrator's request
 * is served, every stream it reads and every stream it appends to is judged against their
 * committee before the read is returned or the append is made. The scope is thereby decided by
 * the streams a command or query actually touches — its own stream, each fact a handler looks
 * up, a new stream as its first events leave it — never by the names of request fields, so a
 * new field cannot open a way around it. Outside such a request (other callers, projections,
 * process managers, timers) it is the inner store unchanged.
 */
export class ScopedEventStore implements EventStore {
  readonly kind: string;
  private readonly judge: CommitteeScopeJudge;

  constructor(readonly inner: EventStore) {
    this.kind = inner.kind;
    this.judge = new CommitteeScopeJudge(inner);
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const caller = CallerScope.current();
    if (caller) await this.assertMayAppend(caller, stream, events);
    return this.inner.append(stream, events, options);
  }

  /** For a scoped caller, another committee's streams read as absent, as `readStream` has them. */
  async streamRevisions(streams: readonly string[]): Promise<Map<string, number>> {
    const revisions = await this.inner.streamRevisions(streams);
    const caller = CallerScope.current();
    if (!caller) return revisions;
    for (const stream of [...revisions.keys()]) {
      const whole = (await readWholeStream(this.inner, stream)).map(toDomainEvent);
      if ((await this.judge.verdict(caller, stream, whole)) === 'outside') revisions.delete(stream);
    }
    return revisions;
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const caller = CallerScope.current();
    if (caller) for (const { stream, events } of appends) await this.assertMayAppend(caller, stream, events);
    return this.inner.appendMany(appends);
  }

  /**
   * The stream is judged twice. As it stands: a stream of another committee read as absent, so
   * the handler decided to create it; its id is taken, which is all the answer may reveal (no
   * revision, no retry). As the append would leave it: a plan naming another committee's member,
   * or a branch moved under another committee, is refused before anything is written.
   */
  private async assertMayAppend(caller: ScopedCaller, stream: string, events: readonly NewEvent[]): Promise<void> {
    const before = (await readWholeStream(this.inner, stream)).map(toDomainEvent);
    if (before.length > 0 && (await this.judge.verdict(caller, stream, before)) === 'outside') {
      throw refuse('ID_IN_USE', {});
    }
    const verdict = await this.judge.verdict(caller, stream, [...before, ...events.map(asDomainEvent)]);
    if (verdict === 'bureau') {
      throw refuse('BUREAU_WIDE_ACT', {});
    }
    if (verdict === 'outside') {
      throw refuse('OUTSIDE_COMMITTEE_SCOPE', { committeeId: caller.committeeId });
    }
  }

  /**
   * Another committee's stream reads as absent, so every route answers exactly what it answers
   * for an id that does not exist (its own 404, or the rule that refuses an unknown branch): a
   * scoped administrator cannot even learn what other committees hold.
   */
  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readStream(stream, options);
    const caller = CallerScope.current();
    if (caller) {
      const whole = readsWholeStream(options) ? events : await readWholeStream(this.inner, stream);
      if ((await this.judge.verdict(caller, stream, whole.map(toDomainEvent))) === 'outside') {
        throw new StreamNotFound(stream);
      }
    }
    return events;
  }

  // The whole log is read only by projections, the audit views and indexes, never on behalf of a
  // scoped administrator's answer; lists they see are filtered by ScopedBranches instead.
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<number | null> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

const asDomainEvent = (event: NewEvent): DomainEvent => ({ type: event.type, data: event.data });

const readsWholeStream = (options: ReadStreamOptions | undefined): boolean =>
  options === undefined ||
  ((options.fromRevision ?? 0) === 0 && options.maxCount === undefined && options.direction !== 'backwards');
