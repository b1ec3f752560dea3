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

/** The 文号 of the documents an election files, each null until its step is recorded (or when it was not numbered). */
export interface ElectionDocumentNumbers {
  /** 换届选举请示. */
  readonly request: string | null;
  /** 批复 of the request. */
  readonly requestApproval: string | null;
  /** 选举结果报告. */
  readonly resultReport: string | null;
  /** 批复 of the result (书记、副书记 approved). */
  readonly resultApproval: string | null;
  /** 备案 of the committee members. */
  readonly filing: string | null;
}

export interface ElectionView {
  readonly electionId: string;
  readonly revision: number;
  /** The branch's committee this election elects (届次); null when its census predates the count. */
  readonly termNumber: number | null;
  readonly documentNumbers: ElectionDocumentNumbers;
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
  readonly termNumber: number | null;
  readonly documentNumbers: ElectionDocumentNumbers;
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
      termNumber: termNumberOf(state),
      documentNumbers: documentNumbersOf(state),
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
    termNumber: termNumberOf(state),
    documentNumbers: documentNumbersOf(state),
    revision: election.revision,
    openedAt: election.openedAt,
    lastStep: election.lastStep,
    lastStepAt: election.lastStepAt,
    plannedDate: 'request' in state ? state.request.plannedDate : null,
    dueDate: 'dueDate' in state ? state.dueDate : null,
    term: 'installation' in state ? { start: state.installation.termStart, end: state.installation.termEnd } : null,
  };
}

export function termNumberOf(state: ElectionStreamState): number | null {
  return 'census' in state ? state.census.termNumber : null;
}

/** The 文号 the election's steps recorded so far. */
export function documentNumbersOf(state: ElectionStreamState): ElectionDocumentNumbers {
  return {
    request: 'request' in state ? state.request.requestReference : null,
    requestApproval: 'approval' in state ? state.approval.approvalReference : null,
    resultReport: 'report' in state ? state.report.reportReference : null,
    resultApproval: 'resultApproval' in state ? state.resultApproval.approvalReference : null,
    filing: 'resultApproval' in state ? state.resultApproval.filingReference : null,
  };
}
