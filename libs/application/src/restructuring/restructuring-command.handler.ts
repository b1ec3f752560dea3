import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  restructuringDecider,
  restructuringStreamName,
  type MemberFact,
  type NewBranch,
  type RestructuringCommand,
  type RestructuringPlan,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { loadState } from '../command-handling/load-stream';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';

export class ExecuteRestructuringCommand extends DomainCommandMessage<RestructuringCommand> {}

type Input = ExecuteRestructuringCommand['input'];

@CommandHandler(ExecuteRestructuringCommand)
export class RestructuringCommandHandler implements ICommandHandler<ExecuteRestructuringCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteRestructuringCommand): Promise<CommandOutcome> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    const stream = restructuringStreamName(input.data.restructuringId);
    return executeDomainCommand(this.store, restructuringDecider, stream, command, context, versions);
  }

  private async withFacts(input: Input): Promise<Omit<RestructuringCommand, 'metadata'>> {
    switch (input.type) {
      case 'ProposeMerge':
        return { ...input, data: { ...input.data, context: await this.proposalFacts(planOf(input)) } };
      case 'ProposeRedraw':
        return { ...input, data: { ...input.data, context: await this.proposalFacts(planOf(input)) } };
      case 'ProposeDissolution':
        return { ...input, data: { ...input.data, context: await this.proposalFacts(planOf(input)) } };
      case 'StartRestructuringExecution': {
        const plan = await this.plan(input.data.restructuringId);
        if (!plan) return { ...input, data: { ...input.data, context: { branches: {}, committees: {}, roll: [] } } };
        const [statuses, roll] = await Promise.all([this.statuses(plan), this.rollFor(plan)]);
        return { ...input, data: { ...input.data, context: { ...statuses, roll } } };
      }
      case 'CompleteRestructuring':
        return { ...input, data: { ...input.data, context: await this.outcome(input.data.restructuringId) } };
      case 'ApproveRestructuring':
      case 'AbandonRestructuring':
        return input;
    }
  }

  private async plan(restructuringId: string): Promise<RestructuringPlan | null> {
    const state = await loadState(this.store, restructuringDecider, restructuringStreamName(restructuringId));
    return state.status === 'none' ? null : state.plan;
  }

  /** The status of every branch and committee the plan names. */
  private async statuses(plan: RestructuringPlan) {
    const { branchIds, committeeIds } = referencesOf(plan);
    const [branches, committees] = await Promise.all([
      this.facts.branchStatuses(branchIds),
      this.facts.committeeStatuses(committeeIds),
    ]);
    return { branches, committees };
  }

  /** The statuses, and when each branch and committee the plan names was established. */
  private async proposalFacts(plan: RestructuringPlan) {
    const { branchIds, committeeIds } = referencesOf(plan);
    const [statuses, established] = await Promise.all([
      this.statuses(plan),
      this.facts.establishments({ branches: branchIds, committees: committeeIds }),
    ]);
    return { ...statuses, established };
  }

  /** The roll of the branches a merge or dissolution empties; for a redraw, where its members are now. */
  private async rollFor(plan: RestructuringPlan) {
    switch (plan.kind) {
      case 'merge':
        return this.facts.roll(plan.sourceBranchIds);
      case 'dissolution':
        return this.facts.roll([plan.branchId]);
      case 'redraw': {
        const wanted = new Set(plan.assignments.map((a) => a.memberId));
        return (await this.facts.roll()).filter((entry) => wanted.has(entry.memberId));
      }
    }
  }

  /** Where every planned member and branch stands now, read from their own streams. */
  private async outcome(restructuringId: string) {
    const state = await loadState(this.store, restructuringDecider, restructuringStreamName(restructuringId));
    if (state.status !== 'executing' && state.status !== 'completed') return { members: {}, branches: {} };
    const { execution } = state;
    const memberIds = execution.transfers.map((t) => t.memberId);
    const memberFacts = await Promise.all(memberIds.map((id) => this.facts.member(id)));
    const members: Record<string, MemberFact> = {};
    memberIds.forEach((id, i) => {
      const member = memberFacts[i];
      if (member?.status === 'active') members[id] = { status: 'active', branchId: member.branchId };
      else if (member?.status === 'left') members[id] = { status: 'left' };
    });
    const branchIds = [
      ...execution.branchesToEstablish.map((b) => b.branchId),
      ...execution.branchesToClose,
      ...execution.transfers.map((t) => t.toBranchId),
    ];
    return { members, branches: await this.facts.branchStatuses(branchIds) };
  }
}

function planOf(
  input: Extract<Input, { type: 'ProposeMerge' | 'ProposeRedraw' | 'ProposeDissolution' }>,
): RestructuringPlan {
  switch (input.type) {
    case 'ProposeMerge':
      return { kind: 'merge', sourceBranchIds: input.data.sourceBranchIds, target: input.data.target };
    case 'ProposeRedraw':
      return { kind: 'redraw', assignments: input.data.assignments, newBranches: input.data.newBranches };
    case 'ProposeDissolution':
      return {
        kind: 'dissolution',
        branchId: input.data.branchId,
        destinationBranchId: input.data.destinationBranchId,
      };
  }
}

function referencesOf(plan: RestructuringPlan): { branchIds: string[]; committeeIds: string[] } {
  const parents = (branches: readonly NewBranch[]) => branches.map((b) => b.parentCommitteeId);
  switch (plan.kind) {
    case 'merge':
      return plan.target.kind === 'existing'
        ? { branchIds: [...plan.sourceBranchIds, plan.target.branchId], committeeIds: [] }
        : {
            branchIds: [...plan.sourceBranchIds, plan.target.branch.branchId],
            committeeIds: parents([plan.target.branch]),
          };
    case 'redraw':
      return {
        branchIds: [...plan.assignments.map((a) => a.toBranchId), ...plan.newBranches.map((b) => b.branchId)],
        committeeIds: parents(plan.newBranches),
      };
    case 'dissolution':
      return { branchIds: [plan.branchId, plan.destinationBranchId], committeeIds: [] };
  }
}
