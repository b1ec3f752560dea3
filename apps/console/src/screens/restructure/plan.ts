import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type RollRow = Schemas['BranchRollRowDto'];
export type RestructuringView = Schemas['RestructuringViewDto'];
export type RestructuringPlan = Schemas['RestructuringPlanDto'];

/** A branch the restructuring sets up; its id is chosen here so the preview and assignments can name it. */
export interface PlannedBranch {
  readonly branchId: string;
  readonly name: string;
  readonly parentCommitteeId: string;
}

/** What the clerk chose in the wizard's first step. */
export type Choice =
  | {
      readonly kind: 'merge';
      readonly sources: readonly string[];
      readonly target:
        { readonly kind: 'existing'; readonly branchId: string } | ({ readonly kind: 'new' } & PlannedBranch);
    }
  | { readonly kind: 'dissolution'; readonly branchId: string; readonly destinationBranchId: string }
  | {
      readonly kind: 'redraw';
      readonly sources: readonly string[];
      readonly newBranches: readonly PlannedBranch[];
      /** memberId → the branch they go to; a member not named stays. */
      readonly assignments: Readonly<Record<string, string>>;
    };

/** One member's move, as the preview and the execution show it. */
export interface Move {
  readonly memberId: string;
  readonly fromBranchId: string;
  readonly toBranchId: string;
}

/** The branches whose rolls the preview reads: the members who may move are theirs. */
export function sourcesOf(choice: Choice): readonly string[] {
  return choice.kind === 'dissolution' ? [choice.branchId] : choice.sources;
}

/** Where every member of the sources goes, by the choice: the preview the clerk approves. */
export function plannedMoves(choice: Choice, rolls: ReadonlyMap<string, readonly RollRow[]>): Move[] {
  const membersOf = (branchId: string) => rolls.get(branchId) ?? [];
  switch (choice.kind) {
    case 'merge': {
      const to = choice.target.branchId;
      return choice.sources.flatMap((from) =>
        membersOf(from).map((m) => ({ memberId: m.memberId, fromBranchId: from, toBranchId: to })),
      );
    }
    case 'dissolution':
      return membersOf(choice.branchId).map((m) => ({
        memberId: m.memberId,
        fromBranchId: choice.branchId,
        toBranchId: choice.destinationBranchId,
      }));
    case 'redraw':
      return choice.sources.flatMap((from) =>
        membersOf(from).flatMap((m) => {
          const to = choice.assignments[m.memberId];
          return to && to !== from ? [{ memberId: m.memberId, fromBranchId: from, toBranchId: to }] : [];
        }),
      );
    default:
      return assertNever(choice);
  }
}

/**
 * Why the choice cannot be proposed yet, in the clerk's words; empty when it can. The API judges
 * the rules again (a branch closed meanwhile, say) and its refusal is shown as it says it.
 */
export function choiceProblems(choice: Choice, reason: string): string[] {
  const problems: string[] = [];
  if (reason.trim() === '') problems.push('请填写调整事由。');
  switch (choice.kind) {
    case 'merge':
      if (choice.sources.length === 0) problems.push('请选择被合并的党支部。');
      if (choice.target.kind === 'existing' && choice.target.branchId === '') problems.push('请选择并入的党支部。');
      if (choice.target.kind === 'existing' && choice.sources.includes(choice.target.branchId)) {
        problems.push('并入的党支部不能同时是被合并的党支部。');
      }
      if (choice.target.kind === 'new') problems.push(...newBranchProblems([choice.target]));
      break;
    case 'dissolution':
      if (choice.branchId === '') problems.push('请选择撤销的党支部。');
      if (choice.destinationBranchId === '') problems.push('请选择党员转入的党支部。');
      if (choice.branchId !== '' && choice.branchId === choice.destinationBranchId) {
        problems.push('党员转入的党支部不能是被撤销的党支部。');
      }
      break;
    case 'redraw':
      if (choice.sources.length === 0) problems.push('请选择涉及调整的党支部。');
      problems.push(...newBranchProblems(choice.newBranches));
      break;
    default:
      return assertNever(choice);
  }
  return problems;
}

function newBranchProblems(branches: readonly PlannedBranch[]): string[] {
  return branches.flatMap((branch, index) => {
    const which = branches.length > 1 ? `第 ${index + 1} 个新设党支部` : '新设党支部';
    return [
      ...(branch.name.trim() === '' ? [`请填写${which}的名称。`] : []),
      ...(branch.parentCommitteeId === '' ? [`请选择${which}隶属的党委。`] : []),
    ];
  });
}

/** The command that proposes the choice: its route and body (`occurredAt` is the business day). */
export function proposal(
  choice: Choice,
  reason: string,
  occurredAt: string,
  moves: readonly Move[],
):
  | { readonly route: '/restructurings/merge'; readonly body: Schemas['ProposeMergeBody'] }
  | { readonly route: '/restructurings/dissolution'; readonly body: Schemas['ProposeDissolutionBody'] }
  | { readonly route: '/restructurings/redraw'; readonly body: Schemas['ProposeRedrawBody'] } {
  const common = { reason: reason.trim(), occurredAt };
  switch (choice.kind) {
    case 'merge':
      return {
        route: '/restructurings/merge',
        body: {
          ...common,
          sourceBranchIds: [...choice.sources],
          target:
            choice.target.kind === 'existing'
              ? { kind: 'existing', branchId: choice.target.branchId }
              : { kind: 'new', branch: newBranchBody(choice.target) },
        },
      };
    case 'dissolution':
      return {
        route: '/restructurings/dissolution',
        body: { ...common, branchId: choice.branchId, destinationBranchId: choice.destinationBranchId },
      };
    case 'redraw': {
      const used = new Set(moves.map((move) => move.toBranchId));
      return {
        route: '/restructurings/redraw',
        body: {
          ...common,
          assignments: moves.map(({ memberId, toBranchId }) => ({ memberId, toBranchId })),
          newBranches: choice.newBranches.filter((b) => used.has(b.branchId)).map(newBranchBody),
        },
      };
    }
    default:
      return assertNever(choice);
  }
}

const newBranchBody = (branch: PlannedBranch) => ({
  branchId: branch.branchId,
  name: branch.name.trim(),
  parentCommitteeId: branch.parentCommitteeId,
});

/** The branches a recorded plan touches: those members leave, and those they go to. */
export function branchesOfPlan(plan: RestructuringPlan): { sources: string[]; destinations: string[] } {
  switch (plan.kind) {
    case 'merge':
      return {
        sources: plan.sourceBranchIds ?? [],
        destinations: plan.target?.branchId
          ? [plan.target.branchId]
          : plan.target?.branch
            ? [plan.target.branch.branchId]
            : [],
      };
    case 'dissolution':
      return {
        sources: plan.branchId ? [plan.branchId] : [],
        destinations: plan.destinationBranchId ? [plan.destinationBranchId] : [],
      };
    case 'redraw':
      return { sources: [], destinations: unique((plan.assignments ?? []).map((a) => a.toBranchId)) };
    default:
      return assertNever(plan.kind);
  }
}

/** The branches a recorded plan sets up. */
export function newBranchesOfPlan(plan: RestructuringPlan): Schemas['NewBranchDto'][] {
  if (plan.kind === 'merge') return plan.target?.branch ? [plan.target.branch] : [];
  if (plan.kind === 'redraw') return plan.newBranches ?? [];
  return [];
}

/**
 * The moves of a recorded restructuring: once executing, the frozen plan (the API's own list);
 * before, what the plan would do to the rolls as they stand now (a redraw names each member).
 */
export function movesOf(
  view: RestructuringView,
  rolls: ReadonlyMap<string, readonly RollRow[]>,
  branchNow: (memberId: string) => string | undefined,
): Move[] {
  if (view.execution) return view.execution.transfers.map((t) => ({ ...t }));
  const plan = view.plan;
  if (!plan) return [];
  switch (plan.kind) {
    case 'merge': {
      const to = plan.target?.branchId ?? plan.target?.branch?.branchId ?? '';
      return plannedMoves(
        { kind: 'merge', sources: plan.sourceBranchIds ?? [], target: { kind: 'existing', branchId: to } },
        rolls,
      );
    }
    case 'dissolution':
      return plannedMoves(
        { kind: 'dissolution', branchId: plan.branchId ?? '', destinationBranchId: plan.destinationBranchId ?? '' },
        rolls,
      );
    case 'redraw':
      return (plan.assignments ?? []).map((a) => ({
        memberId: a.memberId,
        fromBranchId: branchNow(a.memberId) ?? '',
        toBranchId: a.toBranchId,
      }));
    default:
      return assertNever(plan.kind);
  }
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
