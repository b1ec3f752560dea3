/** A branch the restructuring will establish (e.g. 永安社区离退休干部党支部 in a redraw). */
export interface NewBranch {
  readonly branchId: string;
  readonly name: string;
  readonly parentCommitteeId: string;
}

export type MergeTarget =
  { readonly kind: 'existing'; readonly branchId: string } | { readonly kind: 'new'; readonly branch: NewBranch };

export interface RedrawAssignment {
  readonly memberId: string;
  readonly toBranchId: string;
}

/**
 * What was decided, before anyone is moved (RULES "Restructuring operations" B):
 * - `merge`: every member of the sources goes to the target (existing or new), the sources close;
 * - `redraw`: named members move by address to existing or new branches; no branch closes, the
 *   shapes of the branches touched are re-checked;
 * - `dissolution`: every member goes to the destination, the branch closes.
 */
export type RestructuringPlan =
  | { readonly kind: 'merge'; readonly sourceBranchIds: readonly string[]; readonly target: MergeTarget }
  | {
      readonly kind: 'redraw';
      readonly assignments: readonly RedrawAssignment[];
      readonly newBranches: readonly NewBranch[];
    }
  | { readonly kind: 'dissolution'; readonly branchId: string; readonly destinationBranchId: string };

export type RestructuringKind = RestructuringPlan['kind'];

/** One active member's affiliation, as the member roll shows it when execution starts. */
export interface RollEntry {
  readonly memberId: string;
  readonly branchId: string;
}

export interface PlannedTransfer {
  readonly memberId: string;
  readonly fromBranchId: string;
  readonly toBranchId: string;
}

export type SkipReason = 'notOnRoll' | 'alreadyInTarget';

/**
 * The frozen plan the process manager executes, in this order: establish the new branches,
 * transfer each member, dissolve the branches to close (ending their posts), re-assess the shapes,
 * complete. Each step is keyed by (restructuringId, step) so a retry after a crash is a no-op.
 */
export interface ExecutionPlan {
  readonly branchesToEstablish: readonly NewBranch[];
  readonly transfers: readonly PlannedTransfer[];
  readonly branchesToClose: readonly string[];
  readonly branchesToReassess: readonly string[];
  /** Redraw assignments that need no transfer: the member is not on the roll (has left) or already there. */
  readonly skipped: readonly { readonly memberId: string; readonly reason: SkipReason }[];
}
