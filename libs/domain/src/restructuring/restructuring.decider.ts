import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
import { EmptyPlanProblem, RestructuringAction } from '../shared/refusals';
import { branchDissolved } from '../organisation/branch/branch.decider';
import { requireParentActive } from '../organisation/committee/committee.decider';
import { EstablishmentFacts, requireEstablishedBy } from '../organisation/establishment';
import { planTransfers } from './plan-transfers';
import {
  AbandonRestructuring,
  ApproveRestructuring,
  CompleteRestructuring,
  OrganisationContext,
  ProposeDissolution,
  ProposeMerge,
  ProposeRedraw,
  RestructuringCommand,
  StartRestructuringExecution,
} from './restructuring.commands';
import { RestructuringEvent } from './restructuring.events';
import { ExecutionPlan, NewBranch, RestructuringPlan } from './restructuring-plan';
import { RestructuringState } from './restructuring.state';

export const restructuringStreamName = (restructuringId: string): string => `restructuring-${restructuringId}`;

type Existing = Exclude<RestructuringState, { status: 'none' }>;

export const restructuringDecider: Decider<RestructuringCommand, RestructuringEvent, RestructuringState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'ProposeMerge':
        return propose(command, state, {
          kind: 'merge',
          sourceBranchIds: command.data.sourceBranchIds,
          target: command.data.target,
        });
      case 'ProposeRedraw':
        return propose(command, state, {
          kind: 'redraw',
          assignments: command.data.assignments,
          newBranches: command.data.newBranches,
        });
      case 'ProposeDissolution':
        return propose(command, state, {
          kind: 'dissolution',
          branchId: command.data.branchId,
          destinationBranchId: command.data.destinationBranchId,
        });
      case 'ApproveRestructuring':
        return approve(command, requireExisting(state, command.data.restructuringId));
      case 'AbandonRestructuring':
        return abandon(command, requireExisting(state, command.data.restructuringId));
      case 'StartRestructuringExecution':
        return start(command, requireExisting(state, command.data.restructuringId));
      case 'CompleteRestructuring':
        return complete(command, requireExisting(state, command.data.restructuringId));
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RestructuringProposed':
        return {
          status: 'proposed',
          restructuringId: event.data.restructuringId,
          plan: event.data.plan,
          reason: event.data.reason,
        };
      case 'RestructuringApproved':
        return state.status === 'proposed'
          ? {
              ...state,
              status: 'approved',
              approval: {
                approvedBy: event.data.approvedBy,
                documentReference: event.data.documentReference,
                approvedOn: event.data.approvedOn,
              },
            }
          : state;
      case 'RestructuringAbandoned':
        return state.status === 'proposed' || state.status === 'approved'
          ? {
              status: 'abandoned',
              restructuringId: state.restructuringId,
              plan: state.plan,
              reason: state.reason,
              abandonReason: event.data.reason,
            }
          : state;
      case 'RestructuringExecutionStarted':
        return state.status === 'approved' ? { ...state, status: 'executing', execution: event.data.execution } : state;
      case 'BranchesMerged':
        return state;
      case 'RestructuringCompleted':
        return state.status === 'executing' ? { ...state, status: 'completed', counts: event.data.counts } : state;
      default:
        return assertNever(event);
    }
  },
};

function requireExisting(state: RestructuringState, restructuringId: string): Existing {
  if (state.status === 'none') {
    throw refuse('RESTRUCTURING_NOT_FOUND', { restructuringId });
  }
  return state;
}

/** The refusal for a command that the restructuring's current stage no longer (or not yet) allows. */
function wrongStage(state: Existing, action: RestructuringAction): Error {
  const details = { restructuringId: state.restructuringId, action };
  switch (state.status) {
    case 'proposed':
      return refuse('RESTRUCTURING_NOT_APPROVED', details);
    case 'approved':
      return refuse('RESTRUCTURING_NOT_EXECUTING', details);
    case 'executing':
      return refuse('RESTRUCTURING_ALREADY_EXECUTING', details);
    case 'completed':
      return refuse('RESTRUCTURING_COMPLETED', details);
    case 'abandoned':
      return refuse('RESTRUCTURING_ABANDONED', details);
    default:
      return assertNever(state);
  }
}

function propose(
  command: ProposeMerge | ProposeRedraw | ProposeDissolution,
  state: RestructuringState,
  plan: RestructuringPlan,
): readonly RestructuringEvent[] {
  const { restructuringId } = command.data;
  if (state.status !== 'none') {
    throw refuse('RESTRUCTURING_ALREADY_EXISTS', { restructuringId });
  }
  const reason = requireText(command.data.reason, 'reason for the restructuring', 'REASON_REQUIRED');
  const normalised = normalisePlan(plan);
  validatePlan(normalised, command.data.context);
  requireOrganisationsEstablished(normalised, command.metadata.at, command.data.context.established);
  return [
    { type: 'RestructuringProposed', data: { restructuringId, plan: normalised, reason, at: command.metadata.at } },
  ];
}

function normalisePlan(plan: RestructuringPlan): RestructuringPlan {
  const trimBranch = (branch: NewBranch): NewBranch => ({
    ...branch,
    name: requireText(branch.name, 'new branch name', 'INVALID_NAME'),
  });
  switch (plan.kind) {
    case 'merge':
      return plan.target.kind === 'new'
        ? { ...plan, target: { kind: 'new', branch: trimBranch(plan.target.branch) } }
        : plan;
    case 'redraw':
      return { ...plan, newBranches: plan.newBranches.map(trimBranch) };
    case 'dissolution':
      return plan;
    default:
      return assertNever(plan);
  }
}

/** Checks the plan against the organisation as the context shows it; run at proposal and again at execution. */
function validatePlan(plan: RestructuringPlan, context: OrganisationContext): void {
  switch (plan.kind) {
    case 'merge': {
      if (plan.sourceBranchIds.length === 0) throw emptyPlan('noSourceBranch');
      const sourceTwice = duplicateIn(plan.sourceBranchIds);
      if (sourceTwice !== undefined) throw refuse('DUPLICATE_BRANCH_IN_PLAN', { branchId: sourceTwice, as: 'source' });
      const targetId = plan.target.kind === 'existing' ? plan.target.branchId : plan.target.branch.branchId;
      if (plan.sourceBranchIds.includes(targetId)) throw sourceEqualsTarget(targetId);
      plan.sourceBranchIds.forEach((id) => requireBranchOpen(id, context));
      if (plan.target.kind === 'existing') requireBranchOpen(targetId, context);
      else requireNewBranchPossible(plan.target.branch, context);
      return;
    }
    case 'redraw': {
      if (plan.assignments.length === 0) throw emptyPlan('noAssignment');
      const memberTwice = duplicateIn(plan.assignments.map((assignment) => assignment.memberId));
      if (memberTwice !== undefined) throw refuse('DUPLICATE_MEMBER_IN_PLAN', { memberId: memberTwice });
      const newBranchTwice = duplicateIn(plan.newBranches.map((branch) => branch.branchId));
      if (newBranchTwice !== undefined) {
        throw refuse('DUPLICATE_BRANCH_IN_PLAN', { branchId: newBranchTwice, as: 'newBranch' });
      }
      const newIds = new Set(plan.newBranches.map((branch) => branch.branchId));
      plan.newBranches.forEach((branch) => requireNewBranchPossible(branch, context));
      for (const id of new Set(plan.assignments.map((assignment) => assignment.toBranchId))) {
        if (!newIds.has(id)) requireBranchOpen(id, context);
      }
      for (const branch of plan.newBranches) {
        if (!plan.assignments.some((assignment) => assignment.toBranchId === branch.branchId)) {
          throw refuse('UNUSED_NEW_BRANCH', { branchId: branch.branchId, name: branch.name });
        }
      }
      return;
    }
    case 'dissolution':
      if (plan.branchId === plan.destinationBranchId) throw sourceEqualsTarget(plan.branchId);
      requireBranchOpen(plan.branchId, context);
      requireBranchOpen(plan.destinationBranchId, context);
      return;
    default:
      assertNever(plan);
  }
}

/** Every branch the plan moves members from or to, and the committee of every new branch, existed on the proposal's date. */
function requireOrganisationsEstablished(plan: RestructuringPlan, at: string, established: EstablishmentFacts): void {
  const act = { kind: 'restructuringProposal' } as const;
  const existing = (ids: readonly string[]) => ids.forEach((id) => requireEstablishedBy(act, at, established[id]));
  const newBranches = (branches: readonly NewBranch[]) =>
    branches.forEach((branch) => requireEstablishedBy(act, at, established[branch.parentCommitteeId]));
  switch (plan.kind) {
    case 'merge':
      existing(plan.sourceBranchIds);
      if (plan.target.kind === 'existing') existing([plan.target.branchId]);
      else newBranches([plan.target.branch]);
      return;
    case 'redraw': {
      const newIds = new Set(plan.newBranches.map((branch) => branch.branchId));
      existing(
        [...new Set(plan.assignments.map((assignment) => assignment.toBranchId))].filter((id) => !newIds.has(id)),
      );
      newBranches(plan.newBranches);
      return;
    }
    case 'dissolution':
      existing([plan.branchId, plan.destinationBranchId]);
      return;
    default:
      assertNever(plan);
  }
}

function emptyPlan(problem: EmptyPlanProblem): Error {
  return refuse('EMPTY_PLAN', { problem });
}

function sourceEqualsTarget(branchId: string): Error {
  return refuse('SOURCE_EQUALS_TARGET', { branchId });
}

/** The first id the list names twice, if any. */
function duplicateIn(ids: readonly string[]): string | undefined {
  return ids.find((id, index) => ids.indexOf(id) !== index);
}

function requireBranchOpen(branchId: string, context: OrganisationContext): void {
  const status = context.branches[branchId] ?? 'notFound';
  switch (status) {
    case 'notFound':
      throw refuse('BRANCH_NOT_FOUND', { branchId, purpose: 'restructuring' });
    case 'dissolved':
      throw branchDissolved(branchId, branchId);
    case 'open':
      return;
    default:
      assertNever(status);
  }
}

function requireNewBranchPossible(branch: NewBranch, context: OrganisationContext): void {
  if ((context.branches[branch.branchId] ?? 'notFound') !== 'notFound') {
    throw refuse('BRANCH_ALREADY_EXISTS', { branchId: branch.branchId, newBranchName: branch.name });
  }
  requireParentActive(branch.parentCommitteeId, context.committees[branch.parentCommitteeId] ?? 'notFound');
}

function approve(command: ApproveRestructuring, state: Existing): readonly RestructuringEvent[] {
  if (state.status === 'approved') {
    throw refuse('RESTRUCTURING_ALREADY_APPROVED', {
      restructuringId: state.restructuringId,
      documentReference: state.approval.documentReference,
    });
  }
  if (state.status !== 'proposed') throw wrongStage(state, 'approve');
  const approvedBy = requireText(command.data.approvedBy, 'approving organisation', 'REQUIRED_FIELD');
  const documentReference = requireText(
    command.data.documentReference,
    'approval document reference',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const approvedOn = requireCalendarDate(command.data.approvedOn, 'approval date');
  return [
    {
      type: 'RestructuringApproved',
      data: {
        restructuringId: state.restructuringId,
        approvedBy,
        documentReference,
        approvedOn,
        at: command.metadata.at,
      },
    },
  ];
}

function abandon(command: AbandonRestructuring, state: Existing): readonly RestructuringEvent[] {
  if (state.status !== 'proposed' && state.status !== 'approved') throw wrongStage(state, 'abandon');
  const reason = requireText(command.data.reason, 'reason for abandoning', 'REASON_REQUIRED');
  return [
    {
      type: 'RestructuringAbandoned',
      data: { restructuringId: state.restructuringId, reason, at: command.metadata.at },
    },
  ];
}

function start(command: StartRestructuringExecution, state: Existing): readonly RestructuringEvent[] {
  if (state.status !== 'approved') throw wrongStage(state, 'startExecution');
  const { context } = command.data;
  // The organisation may have changed since the proposal: judge the plan again, now.
  validatePlan(state.plan, context);
  const execution = planTransfers(state.plan, context.roll);
  if (execution.transfers.length === 0 && execution.branchesToClose.length === 0) {
    throw emptyPlan('nothingOnRoll');
  }
  return [
    {
      type: 'RestructuringExecutionStarted',
      data: { restructuringId: state.restructuringId, execution, at: command.metadata.at },
    },
  ];
}

function complete(command: CompleteRestructuring, state: Existing): readonly RestructuringEvent[] {
  if (state.status !== 'executing') throw wrongStage(state, 'complete');
  const { members, branches } = command.data.context;
  const { execution, plan } = state;
  const progress = measure(execution, members, branches);
  if (
    progress.pendingMembers.length > 0 ||
    progress.pendingClosures.length > 0 ||
    progress.pendingEstablishments.length > 0
  ) {
    throw refuse('RESTRUCTURING_INCOMPLETE', { restructuringId: state.restructuringId, ...progress });
  }
  const at = command.metadata.at;
  const counts = {
    membersTransferred: progress.transferred,
    membersLeftDuringExecution: progress.left,
    branchesEstablished: execution.branchesToEstablish.length,
    branchesClosed: execution.branchesToClose.length,
  };
  const merged: readonly RestructuringEvent[] =
    plan.kind === 'merge'
      ? [
          {
            type: 'BranchesMerged',
            data: {
              restructuringId: state.restructuringId,
              sourceBranchIds: plan.sourceBranchIds,
              targetBranchId: plan.target.kind === 'existing' ? plan.target.branchId : plan.target.branch.branchId,
              at,
            },
          },
        ]
      : [];
  return [
    ...merged,
    { type: 'RestructuringCompleted', data: { restructuringId: state.restructuringId, kind: plan.kind, counts, at } },
  ];
}

function measure(
  execution: ExecutionPlan,
  members: CompleteRestructuring['data']['context']['members'],
  branches: CompleteRestructuring['data']['context']['branches'],
): {
  transferred: number;
  left: number;
  pendingMembers: string[];
  pendingEstablishments: string[];
  pendingClosures: string[];
} {
  let transferred = 0;
  let left = 0;
  const pendingMembers: string[] = [];
  for (const transfer of execution.transfers) {
    const fact = members[transfer.memberId];
    if (fact?.status === 'left') left += 1;
    else if (fact?.status === 'active' && fact.branchId === transfer.toBranchId) transferred += 1;
    else pendingMembers.push(transfer.memberId);
  }
  return {
    transferred,
    left,
    pendingMembers,
    pendingEstablishments: execution.branchesToEstablish
      .map((branch) => branch.branchId)
      .filter((id) => branches[id] !== 'open'),
    pendingClosures: execution.branchesToClose.filter((id) => branches[id] !== 'dissolved'),
  };
}
