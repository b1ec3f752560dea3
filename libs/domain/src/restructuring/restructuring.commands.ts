import { DomainCommand } from '../shared/decider';
import { EstablishmentFacts } from '../organisation/establishment-facts';
import { BranchStatusFact, CommitteeStatusFact } from '../organisation/organisation-facts';
import { MergeTarget, NewBranch, RedrawAssignment, RollEntry } from './restructuring-plan';

/**
 * The status of every branch and committee the plan names (missing keys read as `notFound`),
 * filled by the application layer from the branch and committee streams.
 */
export interface OrganisationContext {
  readonly branches: Readonly<Record<string, BranchStatusFact>>;
  readonly committees: Readonly<Record<string, CommitteeStatusFact>>;
}

/**
 * What a proposal is judged on: the organisation context, and when each branch and committee the
 * plan names was established (a restructuring cannot be proposed before its organisations exist).
 */
export type ProposalContext = OrganisationContext & { readonly established: EstablishmentFacts };

export type ProposeMerge = DomainCommand<
  'ProposeMerge',
  {
    readonly restructuringId: string;
    readonly sourceBranchIds: readonly string[];
    readonly target: MergeTarget;
    readonly reason: string;
    readonly context: ProposalContext;
  }
>;

export type ProposeRedraw = DomainCommand<
  'ProposeRedraw',
  {
    readonly restructuringId: string;
    readonly assignments: readonly RedrawAssignment[];
    readonly newBranches: readonly NewBranch[];
    readonly reason: string;
    readonly context: ProposalContext;
  }
>;

export type ProposeDissolution = DomainCommand<
  'ProposeDissolution',
  {
    readonly restructuringId: string;
    readonly branchId: string;
    readonly destinationBranchId: string;
    readonly reason: string;
    readonly context: ProposalContext;
  }
>;

/** The 基层党委's decision (RULES §2.1 Q&A no. 7): by whom, which document, on what date. */
export type ApproveRestructuring = DomainCommand<
  'ApproveRestructuring',
  {
    readonly restructuringId: string;
    readonly approvedBy: string;
    readonly documentReference: string;
    readonly approvedOn: string;
  }
>;

export type AbandonRestructuring = DomainCommand<
  'AbandonRestructuring',
  { readonly restructuringId: string; readonly reason: string }
>;

/** Freezes the plan against the roll of the moment; from here on nothing can be abandoned. */
export type StartRestructuringExecution = DomainCommand<
  'StartRestructuringExecution',
  {
    readonly restructuringId: string;
    readonly context: OrganisationContext & {
      /** Active members of every branch the plan touches (for a redraw: at least the assigned members). */
      readonly roll: readonly RollEntry[];
    };
  }
>;

/** Where a planned member stands now, from their member stream. */
export type MemberFact = { readonly status: 'active'; readonly branchId: string } | { readonly status: 'left' };

/**
 * Closes the process once the world matches the frozen plan; the facts come from the member and
 * branch streams, not from the process manager's own bookkeeping.
 */
export type CompleteRestructuring = DomainCommand<
  'CompleteRestructuring',
  {
    readonly restructuringId: string;
    readonly context: {
      readonly members: Readonly<Record<string, MemberFact>>;
      readonly branches: Readonly<Record<string, BranchStatusFact>>;
    };
  }
>;

export type RestructuringCommand =
  | ProposeMerge
  | ProposeRedraw
  | ProposeDissolution
  | ApproveRestructuring
  | AbandonRestructuring
  | StartRestructuringExecution
  | CompleteRestructuring;
