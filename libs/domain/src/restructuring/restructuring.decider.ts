import { assertNever, Decider } from '../shared/decider';
import { conflict, invalid, notFound, refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
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
    throw notFound(
      'RESTRUCTURING_NOT_FOUND',
      `Restructuring ${restructuringId} has not been proposed; a restructuring starts with a proposal.`,
      { restructuringId },
    );
  }
  return state;
}

/** The refusal for a command that the restructuring's current stage no longer (or not yet) allows. */
function wrongStage(state: Existing, action: string): Error {
  const id = state.restructuringId;
  switch (state.status) {
    case 'proposed':
      return refuse(
        'RESTRUCTURING_NOT_APPROVED',
        `Restructuring ${id} has not been approved, so it cannot ${action}; the 基层党委 must decide on it first (RULES B).`,
        { restructuringId: id },
      );
    case 'approved':
      return refuse(
        'RESTRUCTURING_NOT_EXECUTING',
        `Restructuring ${id} has not started executing, so it cannot ${action}; only a running restructuring can be completed.`,
        {
          restructuringId: id,
        },
      );
    case 'executing':
      return refuse(
        'RESTRUCTURING_ALREADY_EXECUTING',
        `Restructuring ${id} is already executing, so it cannot ${action}; once members are being moved the process must run to completion so that no member is left unattached (RULES §4.3).`,
        { restructuringId: id },
      );
    case 'completed':
      return refuse(
        'RESTRUCTURING_COMPLETED',
        `Restructuring ${id} has been completed, so it cannot ${action}; a later change needs a new restructuring.`,
        { restructuringId: id },
      );
    case 'abandoned':
      return refuse(
        'RESTRUCTURING_ABANDONED',
        `Restructuring ${id} was abandoned, so it cannot ${action}; a later change needs a new restructuring.`,
        { restructuringId: id },
      );
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
    throw conflict(
      'RESTRUCTURING_ALREADY_EXISTS',
      `Restructuring ${restructuringId} has already been proposed; a restructuring is proposed once under its id.`,
      { restructuringId },
    );
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
      if (plan.sourceBranchIds.length === 0) throw emptyPlan('names no source branch to merge');
      requireDistinct(plan.sourceBranchIds, 'DUPLICATE_BRANCH_IN_PLAN', 'branch', 'a branch is merged once');
      const targetId = plan.target.kind === 'existing' ? plan.target.branchId : plan.target.branch.branchId;
      if (plan.sourceBranchIds.includes(targetId)) throw sourceEqualsTarget(targetId);
      plan.sourceBranchIds.forEach((id) => requireBranchOpen(id, context));
      if (plan.target.kind === 'existing') requireBranchOpen(targetId, context);
      else requireNewBranchPossible(plan.target.branch, context);
      return;
    }
    case 'redraw': {
      if (plan.assignments.length === 0) throw emptyPlan('assigns no member to a branch');
      requireDistinct(
        plan.assignments.map((assignment) => assignment.memberId),
        'DUPLICATE_MEMBER_IN_PLAN',
        'member',
        'a member has exactly one affiliation, so the plan may send each member to one branch only',
      );
      requireDistinct(
        plan.newBranches.map((branch) => branch.branchId),
        'DUPLICATE_BRANCH_IN_PLAN',
        'branch',
        'a branch is established once',
      );
      const newIds = new Set(plan.newBranches.map((branch) => branch.branchId));
      plan.newBranches.forEach((branch) => requireNewBranchPossible(branch, context));
      for (const id of new Set(plan.assignments.map((assignment) => assignment.toBranchId))) {
        if (!newIds.has(id)) requireBranchOpen(id, context);
      }
      for (const branch of plan.newBranches) {
        if (!plan.assignments.some((assignment) => assignment.toBranchId === branch.branchId)) {
          throw invalid(
            'UNUSED_NEW_BRANCH',
            `New branch ${branch.name} receives no member in the redraw; a branch is set up only for the members the redraw moves into it.`,
            {
              branchId: branch.branchId,
            },
          );
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
  const act = 'The restructuring proposal';
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

function emptyPlan(what: string): Error {
  return invalid(
    'EMPTY_PLAN',
    `The restructuring ${what}; a restructuring must move at least one member or close at least one branch.`,
  );
}

function sourceEqualsTarget(branchId: string): Error {
  return invalid(
    'SOURCE_EQUALS_TARGET',
    `Branch ${branchId} is both a source and the target; members can only be moved to a different branch.`,
    { branchId },
  );
}

function requireDistinct(ids: readonly string[], code: string, what: string, why: string): void {
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined)
    throw invalid(code, `The plan names ${what} ${duplicate} more than once; ${why}.`, { [`${what}Id`]: duplicate });
}

function requireBranchOpen(branchId: string, context: OrganisationContext): void {
  const status = context.branches[branchId] ?? 'notFound';
  switch (status) {
    case 'notFound':
      throw notFound(
        'BRANCH_NOT_FOUND',
        `Branch ${branchId} does not exist; a restructuring can only move members between established branches.`,
        { branchId },
      );
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
    throw conflict(
      'BRANCH_ALREADY_EXISTS',
      `Branch ${branch.branchId} already exists; the restructuring must give the new branch ${branch.name} an unused id.`,
      {
        branchId: branch.branchId,
      },
    );
  }
  requireParentActive(branch.parentCommitteeId, context.committees[branch.parentCommitteeId] ?? 'notFound');
}

function approve(command: ApproveRestructuring, state: Existing): readonly RestructuringEvent[] {
  if (state.status === 'approved') {
    throw conflict(
      'RESTRUCTURING_ALREADY_APPROVED',
      `Restructuring ${state.restructuringId} was already approved under ${state.approval.documentReference}; it is approved once.`,
      {
        restructuringId: state.restructuringId,
      },
    );
  }
  if (state.status !== 'proposed') throw wrongStage(state, 'be approved');
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
  if (state.status !== 'proposed' && state.status !== 'approved') throw wrongStage(state, 'be abandoned');
  const reason = requireText(command.data.reason, 'reason for abandoning', 'REASON_REQUIRED');
  return [
    {
      type: 'RestructuringAbandoned',
      data: { restructuringId: state.restructuringId, reason, at: command.metadata.at },
    },
  ];
}

function start(command: StartRestructuringExecution, state: Existing): readonly RestructuringEvent[] {
  if (state.status !== 'approved') throw wrongStage(state, 'start executing');
  const { context } = command.data;
  // The organisation may have changed since the proposal: judge the plan again, now.
  validatePlan(state.plan, context);
  const execution = planTransfers(state.plan, context.roll);
  if (execution.transfers.length === 0 && execution.branchesToClose.length === 0) {
    throw emptyPlan('would move no member and close no branch on the current roll');
  }
  return [
    {
      type: 'RestructuringExecutionStarted',
      data: { restructuringId: state.restructuringId, execution, at: command.metadata.at },
    },
  ];
}

function complete(command: CompleteRestructuring, state: Existing): readonly RestructuringEvent[] {
  if (state.status !== 'executing') throw wrongStage(state, 'be completed');
  const { members, branches } = command.data.context;
  const { execution, plan } = state;
  const progress = measure(execution, members, branches);
  if (
    progress.pendingMembers.length > 0 ||
    progress.pendingClosures.length > 0 ||
    progress.pendingEstablishments.length > 0
  ) {
    throw refuse(
      'RESTRUCTURING_INCOMPLETE',
      `Restructuring ${state.restructuringId} still has ${progress.pendingMembers.length} members to transfer, ${progress.pendingEstablishments.length} branches to establish and ${progress.pendingClosures.length} branches to close; it completes only when every planned step is done, so no member is left unattached (RULES §4.3).`,
      { restructuringId: state.restructuringId, ...progress },
    );
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
