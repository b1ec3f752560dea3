import {
  electionStreamDecider,
  electionStreamName,
  nextActions,
  type ElectionStreamEvent,
  type Language,
  type ElectionStreamState,
  type NextAction,
  type RulePolicy,
} from '@app/domain';
import type { Actor, EventStore } from '@app/event-store';
import { readWholeStream, toDomainEvent } from '../command-handling/load-stream';
import type { RulePolicies } from '../policy/rule-policies';
import type { ElectionIndex, IndexedElection } from './election-index';

/** One step of an election as its stream recorded it. */
export interface ElectionStep {
  readonly revision: number;
  readonly type: string;
  /** Business time of the step (the day of the assembly, of the approval…). */
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  /** The rule version that judged it. */
  readonly policyVersion: string | null;
}

export interface ElectionView {
  readonly electionId: string;
  readonly revision: number;
  readonly state: ElectionStreamState;
  readonly steps: readonly ElectionStep[];
  /** The version in force on `asOf`, by which the next actions are judged. */
  readonly policyInForce: string;
  readonly asOf: string;
  readonly nextActions: readonly NextAction[];
}

export interface ElectionListItem {
  readonly electionId: string;
  readonly status: string;
  readonly revision: number;
  readonly openedAt: string;
  readonly lastStep: string;
  readonly lastStepAt: string;
  readonly plannedDate: string | null;
  readonly dueDate: string | null;
  readonly term: { readonly start: string; readonly end: string } | null;
}

/**
 * An election as it stands, folded from its own stream (strongly consistent: the next actions
 * reflect the step just taken), with its steps and what may be done next under today's rules.
 */
export class ElectionQueries {
  constructor(
    private readonly store: EventStore,
    private readonly policies: RulePolicies,
    private readonly index: ElectionIndex,
  ) {}

  /**
   * Null when the election has no events. `asOf` is the day (or instant) the next actions are
   * judged on: the caller passes the bureau's today, since a UTC date is a day behind every morning.
   * Why a blocked action is blocked is told in `language`.
   */
  async election(electionId: string, asOf: string, language: Language = 'en'): Promise<ElectionView | null> {
    const events = await readWholeStream(this.store, electionStreamName(electionId));
    const last = events[events.length - 1];
    if (last === undefined) return null;
    const state = events.reduce(
      (s, event) => electionStreamDecider.evolve(s, toDomainEvent<ElectionStreamEvent>(event)),
      electionStreamDecider.initialState(),
    );
    const policy: RulePolicy = await this.policies.inForce(asOf);
    return {
      electionId,
      revision: last.revision,
      state,
      steps: events.map((event) => ({
        revision: event.revision,
        type: event.type,
        occurredAt: typeof event.data.at === 'string' ? event.data.at : event.metadata.occurredAt,
        recordedAt: event.metadata.recordedAt,
        actor: event.metadata.actor,
        policyVersion:
          typeof event.data.policyVersion === 'string' ? event.data.policyVersion : event.metadata.policyVersion,
      })),
      policyInForce: policy.version,
      asOf,
      nextActions: nextActions(state, policy, asOf, language),
    };
  }

  /** A branch's elections, oldest first. */
  async electionsOfBranch(branchId: string): Promise<ElectionListItem[]> {
    return (await this.index.electionsOfBranch(branchId)).map(listItem);
  }
}

function listItem(election: IndexedElection): ElectionListItem {
  const { state } = election;
  return {
    electionId: election.electionId,
    status: state.status,
    revision: election.revision,
    openedAt: election.openedAt,
    lastStep: election.lastStep,
    lastStepAt: election.lastStepAt,
    plannedDate: 'request' in state ? state.request.plannedDate : null,
    dueDate: 'dueDate' in state ? state.dueDate : null,
    term: 'installation' in state ? { start: state.installation.termStart, end: state.installation.termEnd } : null,
  };
}
