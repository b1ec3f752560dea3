import { DomainEvent } from '../shared/decider';
import { ExecutionPlan, RestructuringKind, RestructuringPlan } from './restructuring-plan';

export type RestructuringProposed = DomainEvent<
  'RestructuringProposed',
  { readonly restructuringId: string; readonly plan: RestructuringPlan; readonly reason: string; readonly at: string }
>;

export type RestructuringApproved = DomainEvent<
  'RestructuringApproved',
  {
    readonly restructuringId: string;
    readonly approvedBy: string;
    readonly documentReference: string;
    readonly approvedOn: string;
    readonly at: string;
  }
>;

export type RestructuringAbandoned = DomainEvent<
  'RestructuringAbandoned',
  { readonly restructuringId: string; readonly reason: string; readonly at: string }
>;

/** The frozen plan: the exact transfers and closures the process manager will carry out. */
export type RestructuringExecutionStarted = DomainEvent<
  'RestructuringExecutionStarted',
  { readonly restructuringId: string; readonly execution: ExecutionPlan; readonly at: string }
>;

/** 撤并: recorded once a merge is complete, for the audit trail. */
export type BranchesMerged = DomainEvent<
  'BranchesMerged',
  {
    readonly restructuringId: string;
    readonly sourceBranchIds: readonly string[];
    readonly targetBranchId: string;
    readonly at: string;
  }
>;

export interface RestructuringCounts {
  readonly membersTransferred: number;
  /** Planned members who left (death, moved out, expelled) while the restructuring ran; not transferred. */
  readonly membersLeftDuringExecution: number;
  readonly branchesEstablished: number;
  readonly branchesClosed: number;
}

export type RestructuringCompleted = DomainEvent<
  'RestructuringCompleted',
  {
    readonly restructuringId: string;
    readonly kind: RestructuringKind;
    readonly counts: RestructuringCounts;
    readonly at: string;
  }
>;

export type RestructuringEvent =
  | RestructuringProposed
  | RestructuringApproved
  | RestructuringAbandoned
  | RestructuringExecutionStarted
  | BranchesMerged
  | RestructuringCompleted;
