import { refuse, type Decider, type DomainError, type DomainEvent } from '@app/domain';
import {
  IdempotencyConflict,
  WrongExpectedRevision,
  type Actor,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
} from '@app/event-store';
import { currentSchemaVersion } from '../event-store/upcasters';
import { eventIdFor } from '../ids/uuid-v5';
import { FoldedStreams } from './folded-streams';
import { toDomainEvent } from './load-stream';

/** Who, why and under which rules: everything about a command that is not its data. */
export interface CommandContext {
  /** The caller's idempotency key; event ids derive from it. */
  readonly commandId: string;
  readonly actor: Actor;
  /** Defaults to the command id: a command that starts a conversation correlates with itself. */
  readonly correlationId?: string;
  /** Defaults to the command id; a process manager passes the event that caused the command. */
  readonly causationId?: string;
  /** Business time of the act, ISO-8601 (goes to `occurredAt`). */
  readonly occurredAt: string;
  /**
   * True when the sender stated no business time and `occurredAt` is the moment of handling: a
   * retry then defaults to another moment, so the time takes no part in recognising it.
   */
  readonly occurredAtDefaulted?: boolean;
  readonly policyVersion?: string | null;
  /** The revision the caller last saw (HTTP If-Match). Stale → WrongExpectedRevision, never a silent merge. */
  readonly expectedRevision?: number;
}

export interface CommandResult<E, S> {
  readonly stream: string;
  /** Revision of the stream's last event after the command; null if the stream still has none. */
  readonly revision: number | null;
  readonly events: readonly E[];
  readonly state: S;
  /** True when this command id had already been handled: nothing was appended this time. */
  readonly replayed: boolean;
}

export interface HandleCommandOptions {
  /** The schema version each event type is written with (default: the current one, see upcasters). */
  readonly schemaVersionOf?: (type: string) => number;
  /** How often to re-decide after losing a race with another writer when the caller gave no revision. */
  readonly maxAttempts?: number;
  /**
   * What the command asked for (commandFingerprint), stored with its events. A later command
   * under the same id with another fingerprint is refused (IDEMPOTENCY_KEY_REUSED) instead of
   * being answered with the first one's result. Events stored without one still replay.
   */
  readonly fingerprint?: string;
}

/**
 * What a command comes to on its stream before anything is appended: `settled` when there is
 * nothing to append (a repeated command's first result, or a decision with no events); `append`
 * with the events to append at the revision read, and the result once they are.
 */
export type CommandDecision<E, S> =
  | { readonly kind: 'settled'; readonly result: CommandResult<E, S> }
  | {
      readonly kind: 'append';
      readonly append: StreamAppend;
      readonly result: CommandResult<E, S>;
      /** The ids the stream holds, kept with its folded state (FoldedStreams). */
      readonly storedIds: Set<string>;
    };

/**
 * The one load-decide-append loop every command goes through: read the stream, recognise a
 * repeated command by its derived event ids (and refuse a different command sent under a used
 * id), check the caller's revision, fold, decide, and append with the exact revision that was
 * read. A lost race re-decides on fresh state unless the caller pinned a revision, in which case
 * the conflict is theirs to see.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<CommandResult<E, S>> {
  const maxAttempts = options.maxAttempts ?? 20;
  let idsStoredElsewhere = false;
  for (let attempt = 1; ; attempt += 1) {
    const decision = await decideCommand(store, decider, stream, command, context, options, idsStoredElsewhere);
    if (decision.kind === 'settled') return decision.result;
    const { events, expectedRevision } = decision.append;
    try {
      const result = await store.append(stream, events, { expectedRevision });
      // A concurrent request under the same id appended between our read and our append, and
      // what it stored is the first result, not ours: read again and judge it like any retry.
      if (result.alreadyStored) continue;
      const appended = events.map((event) => event.id);
      FoldedStreams.of(store).remember(
        decider,
        stream,
        decision.result.state,
        result.nextRevision,
        decision.storedIds,
        appended,
      );
      return { ...decision.result, revision: result.nextRevision };
    } catch (error) {
      // Some of our ids are stored already: here (a concurrent request, judged on the next read)
      // or on another stream (refused on the next read).
      if (error instanceof IdempotencyConflict && !idsStoredElsewhere) {
        idsStoredElsewhere = true;
        continue;
      }
      const retry = error instanceof WrongExpectedRevision && context.expectedRevision === undefined;
      if (!retry || attempt >= maxAttempts) throw error;
    }
  }
}

/**
 * One pass of the loop without the append: what `handleCommand` would append, for a caller that
 * appends many commands' events in one transaction (a restructuring's slice of transfers). Such
 * a caller falls back to `handleCommand` when its append loses a race.
 */
export async function decideCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
  context: CommandContext,
  options: HandleCommandOptions = {},
  idsStoredElsewhere = false,
): Promise<CommandDecision<E, S>> {
  const firstId = eventIdFor(context.commandId, 0);
  const read = await FoldedStreams.of(store).read(store, decider, stream, firstId);
  if (read.kind === 'handledBefore') {
    const { recorded, at } = read;
    const stored = (recorded[at] as RecordedEvent).metadata.commandFingerprint;
    if (options.fingerprint !== undefined && stored !== undefined && stored !== options.fingerprint) {
      throw idempotencyKeyReused(context.commandId);
    }
    const history = recorded.map((event) => toDomainEvent<E>(event));
    return { kind: 'settled', result: replayedResult(decider, stream, recorded, history, at, context.commandId) };
  }
  // The store refused our ids and this stream does not hold them: the id was used on another stream.
  if (idsStoredElsewhere) throw idempotencyKeyReused(context.commandId);

  const current = read.revision;
  if (context.expectedRevision !== undefined && context.expectedRevision !== current) {
    throw new WrongExpectedRevision(stream, context.expectedRevision, current);
  }
  const state = read.state;
  const decided = decider.decide(command, state);
  const next = decided.reduce((s, event) => decider.evolve(s, event), state);
  if (decided.length === 0) {
    return { kind: 'settled', result: { stream, revision: current, events: decided, state: next, replayed: false } };
  }
  const events = decided.map((event, index) => toNewEvent(event, index, context, options));
  return {
    kind: 'append',
    append: { stream, events, expectedRevision: current ?? 'noStream' },
    result: { stream, revision: (current ?? -1) + events.length, events: decided, state: next, replayed: false },
    storedIds: read.ids,
  };
}

/** The first result of a command handled before: its events, and the state right after them. */
function replayedResult<E extends DomainEvent, S>(
  decider: Decider<unknown, E, S>,
  stream: string,
  recorded: readonly RecordedEvent[],
  history: readonly E[],
  start: number,
  commandId: string,
): CommandResult<E, S> {
  let end = start;
  while (end + 1 < recorded.length && recorded[end + 1]?.id === eventIdFor(commandId, end + 1 - start)) end += 1;
  const state = history.slice(0, end + 1).reduce((s, event) => decider.evolve(s, event), decider.initialState());
  return {
    stream,
    revision: (recorded[end] as RecordedEvent).revision,
    events: history.slice(start, end + 1),
    state,
    replayed: true,
  };
}

/**
 * The id was used before for another command: answering with that command's result would tell
 * the sender its own request was carried out. Nothing is appended.
 */
function idempotencyKeyReused(commandId: string): DomainError {
  return refuse('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: commandId });
}

/** A decided event as the store takes it: its id from the command id, the command's metadata. */
export function toNewEvent(
  event: DomainEvent,
  index: number,
  context: CommandContext,
  options: HandleCommandOptions,
): NewEvent {
  return {
    id: eventIdFor(context.commandId, index),
    type: event.type,
    schemaVersion: options.schemaVersionOf?.(event.type) ?? currentSchemaVersion(event.type),
    // Domain event data are plain readonly records of JSON values by construction.
    data: event.data as unknown as JsonObject,
    metadata: {
      commandId: context.commandId,
      correlationId: context.correlationId ?? context.commandId,
      causationId: context.causationId ?? context.commandId,
      actor: context.actor,
      occurredAt: context.occurredAt,
      policyVersion: context.policyVersion ?? null,
      ...(options.fingerprint === undefined ? {} : { commandFingerprint: options.fingerprint }),
    },
  };
}
