import { isDomainError, type Decider, type DomainEvent, type RulePolicy } from '@app/domain';
import {
  StreamNotFound,
  type Actor,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
} from '@app/event-store';
import { commandFingerprint } from '../command-handling/command-fingerprint';
import { toNewEvent } from '../command-handling/handle-command';
import { toDomainEvent } from '../command-handling/load-stream';
import { uuidV5 } from '../ids/uuid-v5';
import { policyInForceOrNull } from '../policy/rule-policies';
import type { ImportProblem } from './parse-roll';

/** The order an import's appends are written in: what a later phase refers to exists first. */
export type ImportPhase = 'committees' | 'branches' | 'members' | 'posts';

/** One change the import makes, as the report lists it. */
export interface ImportChange {
  readonly sheet: string;
  readonly row: number;
  /** What is done, in Chinese (新建支部, 接收党员, 更正党员信息 …). */
  readonly action: string;
  readonly subject: string;
}

interface StreamSimulation {
  /** The stream's revision as read from the store (null: no events). */
  readonly storedRevision: number | null;
  state: unknown;
  /** Events decided so far, not yet stored. */
  pending: number;
}

/**
 * Runs an import's commands through the deciders against the streams as stored, one after
 * another, without appending: each command is decided as the command handlers decide it (the
 * same decider, the facts the import itself establishes, the rule version in force on its date,
 * the same fingerprint), so the dry run refuses what applying would refuse, and applying writes
 * exactly the events simulated. Command ids derive from the stream, its revision before the
 * command and the command's data (a row of the workbook): the same workbook imported again
 * decides nothing, and an interrupted apply resumes where its last stored batch ended.
 */
export class ImportSimulation {
  private readonly streams = new Map<string, StreamSimulation>();
  /** Streams the store holds no events of, learnt in bulk, so they are not read one by one. */
  private readonly absent = new Set<string>();
  private readonly appends: StreamAppend[] = [];
  private lastAppendOfStream = new Map<string, number>();
  private phase: ImportPhase = 'committees';
  readonly problems: ImportProblem[] = [];
  readonly changes: ImportChange[] = [];
  private eventCount = 0;

  constructor(
    private readonly store: EventStore,
    private readonly policies: readonly RulePolicy[],
    private readonly actor: Actor,
  ) {}

  /** The state of a stream with what has been decided so far. */
  async state<S>(
    decider: Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>,
    stream: string,
  ): Promise<S> {
    return (await this.load(decider, stream)).state as S;
  }

  /** Whether the stream holds events in the store (before this import). */
  async stored(
    decider: Pick<Decider<unknown, DomainEvent, unknown>, 'evolve' | 'initialState'>,
    stream: string,
  ): Promise<boolean> {
    return (await this.load(decider, stream)).storedRevision !== null;
  }

  /** Learns in one call which of these streams hold events; the others start from their initial state. */
  async prefetch(streams: readonly string[]): Promise<void> {
    const unknown = streams.filter((stream) => !this.streams.has(stream));
    const revisions = await this.store.streamRevisions(unknown);
    for (const stream of unknown) if (!revisions.has(stream)) this.absent.add(stream);
  }

  enterPhase(phase: ImportPhase): void {
    this.phase = phase;
    this.lastAppendOfStream = new Map();
  }

  get currentPhase(): ImportPhase {
    return this.phase;
  }

  /**
   * Decides one command; its events are kept for the apply, a refusal becomes a problem of the
   * row. Answers whether the command was accepted.
   */
  async decide<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: { readonly type: string; readonly data: object },
    occurredAt: string,
    change: ImportChange,
  ): Promise<boolean> {
    const simulation = await this.load(decider, stream);
    const state = simulation.state as S;
    let decided: readonly E[];
    try {
      decided = decider.decide({ ...command, metadata: { at: occurredAt, actor: this.actor } } as C, state);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.problems.push({
        sheet: change.sheet,
        row: change.row,
        column: null,
        value: change.subject,
        refusal: { code: error.code, details: error.details } as ImportProblem['refusal'],
      });
      return false;
    }
    if (decided.length === 0) return true;
    const revisionBefore =
      simulation.storedRevision === null && simulation.pending === 0
        ? 'new'
        : String((simulation.storedRevision ?? -1) + simulation.pending);
    // The fingerprint is the row's data as the command carries it (stream, type, values, date).
    const fingerprint = commandFingerprint({ stream, type: command.type, data: command.data, occurredAt });
    const commandId = uuidV5(`import|${stream}|${revisionBefore}|${fingerprint}`);
    const policyVersion = this.policyVersionOn(occurredAt);
    const events: NewEvent[] = decided.map((event, index) =>
      toNewEvent(event, index, { commandId, actor: this.actor, occurredAt, policyVersion }, { fingerprint }),
    );
    simulation.state = decided.reduce((s, event) => decider.evolve(s, event), state);
    this.push(stream, events, simulation);
    this.changes.push(change);
    return true;
  }

  private readonly policyVersions = new Map<string, string | null>();

  private policyVersionOn(occurredAt: string): string | null {
    let version = this.policyVersions.get(occurredAt);
    if (version === undefined) {
      version = policyInForceOrNull(this.policies, occurredAt)?.version ?? null;
      this.policyVersions.set(occurredAt, version);
    }
    return version;
  }

  /** The appends to write, in order: one per stream and phase. */
  get plannedAppends(): readonly StreamAppend[] {
    return this.appends;
  }

  get plannedEvents(): number {
    return this.eventCount;
  }

  private push(stream: string, events: readonly NewEvent[], simulation: StreamSimulation): void {
    const index = this.lastAppendOfStream.get(stream);
    if (index !== undefined) {
      const append = this.appends[index] as StreamAppend;
      this.appends[index] = { ...append, events: [...append.events, ...events] };
    } else {
      const revision =
        simulation.storedRevision === null && simulation.pending === 0
          ? null
          : (simulation.storedRevision ?? -1) + simulation.pending;
      this.lastAppendOfStream.set(stream, this.appends.length);
      this.appends.push({ stream, events, expectedRevision: revision === null ? 'noStream' : revision });
    }
    simulation.pending += events.length;
    this.eventCount += events.length;
  }

  private async load(
    decider: Pick<Decider<unknown, DomainEvent, unknown>, 'evolve' | 'initialState'>,
    stream: string,
  ): Promise<StreamSimulation> {
    const known = this.streams.get(stream);
    if (known) return known;
    let recorded: RecordedEvent[] = [];
    try {
      if (!this.absent.has(stream)) recorded = await this.store.readStream(stream);
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    const state = recorded.reduce((s, event) => decider.evolve(s, toDomainEvent(event)), decider.initialState());
    const simulation: StreamSimulation = {
      storedRevision: recorded.length === 0 ? null : (recorded[recorded.length - 1] as RecordedEvent).revision,
      state,
      pending: 0,
    };
    this.streams.set(stream, simulation);
    return simulation;
  }
}
