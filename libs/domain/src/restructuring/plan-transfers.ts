import { assertNever } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { ExecutionPlan, PlannedTransfer, RestructuringPlan, RollEntry } from './restructuring-plan';

/**
 * Turns a plan and the member roll into the exact steps to execute. Pure and deterministic:
 * the same plan and roll (in any order) give the same steps, so the decider that freezes the plan,
 * the process manager that runs it and the tests all agree.
 */
export function planTransfers(plan: RestructuringPlan, roll: readonly RollEntry[]): ExecutionPlan {
  const affiliation = rollIndex(roll);
  switch (plan.kind) {
    case 'merge': {
      const targetId = plan.target.kind === 'existing' ? plan.target.branchId : plan.target.branch.branchId;
      return {
        branchesToEstablish: plan.target.kind === 'new' ? [plan.target.branch] : [],
        transfers: plan.sourceBranchIds.flatMap((sourceId) => moveAll(roll, sourceId, targetId)),
        branchesToClose: [...plan.sourceBranchIds],
        branchesToReassess: [targetId],
        skipped: [],
      };
    }
    case 'dissolution':
      return {
        branchesToEstablish: [],
        transfers: moveAll(roll, plan.branchId, plan.destinationBranchId),
        branchesToClose: [plan.branchId],
        branchesToReassess: [plan.destinationBranchId],
        skipped: [],
      };
    case 'redraw': {
      const transfers: PlannedTransfer[] = [];
      const skipped: { memberId: string; reason: 'notOnRoll' | 'alreadyInTarget' }[] = [];
      for (const { memberId, toBranchId } of plan.assignments) {
        const fromBranchId = affiliation.get(memberId);
        if (fromBranchId === undefined) skipped.push({ memberId, reason: 'notOnRoll' });
        else if (fromBranchId === toBranchId) skipped.push({ memberId, reason: 'alreadyInTarget' });
        else transfers.push({ memberId, fromBranchId, toBranchId });
      }
      const touched = transfers.flatMap((transfer) => [transfer.toBranchId, transfer.fromBranchId]);
      return {
        branchesToEstablish: plan.newBranches.filter((branch) =>
          transfers.some((transfer) => transfer.toBranchId === branch.branchId),
        ),
        transfers,
        branchesToClose: [],
        branchesToReassess: [...new Set(touched)].sort(),
        skipped,
      };
    }
    default:
      return assertNever(plan);
  }
}

function rollIndex(roll: readonly RollEntry[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const { memberId, branchId } of roll) {
    if (index.has(memberId)) {
      throw refuse('ROLL_DUPLICATE_MEMBER', { memberId });
    }
    index.set(memberId, branchId);
  }
  return index;
}

function moveAll(roll: readonly RollEntry[], fromBranchId: string, toBranchId: string): PlannedTransfer[] {
  return roll
    .filter((entry) => entry.branchId === fromBranchId)
    .map((entry) => entry.memberId)
    .sort()
    .map((memberId) => ({ memberId, fromBranchId, toBranchId }));
}
