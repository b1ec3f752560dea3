import { citeEn, citeZh, rules } from './citations';
import { Term } from './labels';
import { collision, malformed, RefusalCatalogue, rule, unknown } from './refusal';

/** What a command asked of a restructuring that its stage does not allow. */
export type RestructuringAction = 'approve' | 'abandon' | 'startExecution' | 'complete';

const ACTIONS: { readonly [A in RestructuringAction]: Term } = {
  approve: { en: 'be approved', zh: '批准' },
  abandon: { en: 'be abandoned', zh: '放弃' },
  startExecution: { en: 'start executing', zh: '开始执行' },
  complete: { en: 'be completed', zh: '办结' },
};

type WrongStage = { readonly restructuringId: string; readonly action: RestructuringAction };

const wrongStage = (
  en: string,
  zh: (action: string) => string,
  ...actions: [RestructuringAction, ...RestructuringAction[]]
) =>
  rule<WrongStage>({
    en: (d) => `Restructuring ${d.restructuringId} ${en.replace('{action}', ACTIONS[d.action].en)}`,
    zh: (d) => `组织调整 ${d.restructuringId} ${zh(ACTIONS[d.action].zh)}`,
    examples: actions.map((action) => ({ restructuringId: 'r-1', action })) as [WrongStage, ...WrongStage[]],
  });

/** What an empty plan leaves out (EMPTY_PLAN). */
export type EmptyPlanProblem = 'noSourceBranch' | 'noAssignment' | 'nothingOnRoll';

const EMPTY_PLAN: { readonly [P in EmptyPlanProblem]: Term } = {
  noSourceBranch: { en: 'names no source branch to merge', zh: '没有列出要合并的支部' },
  noAssignment: { en: 'assigns no member to a branch', zh: '没有把任何党员分配到支部' },
  nothingOnRoll: {
    en: 'would move no member and close no branch on the current roll',
    zh: '按当前花名册既不转接任何党员，也不撤销任何支部',
  },
};

/** Refusals of restructurings (撤并、新设、结合城市社区调整). */
export const RESTRUCTURING_REFUSALS = {
  RESTRUCTURING_NOT_FOUND: unknown<{ readonly restructuringId: string }>({
    en: (d) => `Restructuring ${d.restructuringId} has not been proposed; a restructuring starts with a proposal.`,
    zh: (d) => `组织调整 ${d.restructuringId} 尚未提出：组织调整从提出方案开始。`,
    examples: [{ restructuringId: 'r-9' }],
  }),
  RESTRUCTURING_ALREADY_EXISTS: collision<{ readonly restructuringId: string }>({
    en: (d) =>
      `Restructuring ${d.restructuringId} has already been proposed; a restructuring is proposed once under its id.`,
    zh: (d) => `组织调整 ${d.restructuringId} 已经提出：同一编号只能提出一次。`,
    examples: [{ restructuringId: 'r-1' }],
  }),
  RESTRUCTURING_ALREADY_APPROVED: collision<{ readonly restructuringId: string; readonly documentReference: string }>({
    en: (d) =>
      `Restructuring ${d.restructuringId} was already approved under ${d.documentReference}; it is approved once.`,
    zh: (d) => `组织调整 ${d.restructuringId} 已经批准（${d.documentReference}）：只批准一次。`,
    examples: [{ restructuringId: 'r-1', documentReference: '孝离退党字〔2022〕9号' }],
  }),
  RESTRUCTURING_NOT_APPROVED: wrongStage(
    `has not been approved, so it cannot {action}; the basic-level Party committee must decide on it first ${citeEn(rules('7.2'))}.`,
    (action) => `尚未批准，不能${action}：须先由基层党委作出决定${citeZh(rules('7.2'))}。`,
    'startExecution',
    'complete',
  ),
  RESTRUCTURING_NOT_EXECUTING: wrongStage(
    'has not started executing, so it cannot {action}; only a running restructuring can be completed.',
    (action) => `尚未开始执行，不能${action}：只有正在执行的组织调整才能办结。`,
    'complete',
  ),
  RESTRUCTURING_ALREADY_EXECUTING: wrongStage(
    `is already executing, so it cannot {action}; once members are being moved the process must run to completion so that no member is left unattached ${citeEn(rules('7.3'))}.`,
    (action) =>
      `已在执行中，不能再${action}：党员组织关系一经开始转接，就须执行到底，确保没有党员失去组织关系${citeZh(rules('7.3'))}。`,
    'approve',
    'abandon',
    'startExecution',
  ),
  RESTRUCTURING_COMPLETED: wrongStage(
    'has been completed, so it cannot {action}; a later change needs a new restructuring.',
    (action) => `已经办结，不能再${action}：此后的变动须另行提出组织调整。`,
    'approve',
    'complete',
  ),
  RESTRUCTURING_ABANDONED: wrongStage(
    'was abandoned, so it cannot {action}; a later change needs a new restructuring.',
    (action) => `已经放弃，不能再${action}：此后的变动须另行提出组织调整。`,
    'abandon',
    'startExecution',
  ),
  EMPTY_PLAN: malformed<{ readonly problem: EmptyPlanProblem }>({
    en: (d) =>
      `The restructuring ${EMPTY_PLAN[d.problem].en}; a restructuring must move at least one member or close at least one branch.`,
    zh: (d) => `组织调整方案${EMPTY_PLAN[d.problem].zh}：组织调整至少要转接一名党员或者撤销一个支部。`,
    examples: [{ problem: 'noSourceBranch' }, { problem: 'noAssignment' }, { problem: 'nothingOnRoll' }],
  }),
  DUPLICATE_BRANCH_IN_PLAN: malformed<{ readonly branchId: string; readonly as: 'source' | 'newBranch' }>({
    en: (d) =>
      `The plan names branch ${d.branchId} more than once; ${d.as === 'source' ? 'a branch is merged once' : 'a branch is established once'}.`,
    zh: (d) =>
      `调整方案多次列出支部 ${d.branchId}：${d.as === 'source' ? '一个支部只合并一次' : '一个支部只新设一次'}。`,
    examples: [
      { branchId: 'b-ys', as: 'source' },
      { branchId: 'b-ya', as: 'newBranch' },
    ],
  }),
  DUPLICATE_MEMBER_IN_PLAN: malformed<{ readonly memberId: string }>({
    en: (d) =>
      `The plan names member ${d.memberId} more than once; a member has exactly one affiliation, so the plan may send each member to one branch only ${citeEn(rules('3.1'))}.`,
    zh: (d) =>
      `调整方案多次列出党员 ${d.memberId}：每名党员只有一个组织关系，方案只能把他转入一个支部${citeZh(rules('3.1'))}。`,
    examples: [{ memberId: 'm-1' }],
  }),
  UNUSED_NEW_BRANCH: malformed<{ readonly branchId: string; readonly name: string }>({
    en: (d) =>
      `New branch ${d.name} receives no member in the redraw; a branch is set up only for the members the redraw moves into it.`,
    zh: (d) => `新设的${d.name}在本次调整中没有转入任何党员：新设支部只为转入的党员而设。`,
    examples: [{ branchId: 'b-ya', name: '永安社区离退休干部党支部' }],
  }),
  ROLL_DUPLICATE_MEMBER: malformed<{ readonly memberId: string }>({
    en: (d) =>
      `Member ${d.memberId} appears twice on the roll; a member has exactly one affiliation, so the roll is inconsistent and cannot be planned from.`,
    zh: (d) =>
      `党员 ${d.memberId} 在花名册上出现了两次：每名党员只有一个组织关系，花名册前后矛盾，无法据此制定调整计划。`,
    examples: [{ memberId: 'm-1' }],
  }),
  RESTRUCTURING_INCOMPLETE: rule<{
    readonly restructuringId: string;
    readonly transferred: number;
    readonly left: number;
    readonly pendingMembers: readonly string[];
    readonly pendingEstablishments: readonly string[];
    readonly pendingClosures: readonly string[];
  }>({
    en: (d) =>
      `Restructuring ${d.restructuringId} still has ${d.pendingMembers.length} members to transfer, ${d.pendingEstablishments.length} branches to establish and ${d.pendingClosures.length} branches to close; it completes only when every planned step is done, so no member is left unattached ${citeEn(rules('7.3'))}.`,
    zh: (d) =>
      `组织调整 ${d.restructuringId} 尚有 ${d.pendingMembers.length} 名党员待转接、${d.pendingEstablishments.length} 个支部待设立、${d.pendingClosures.length} 个支部待撤销：全部计划步骤完成后方可办结，确保没有党员失去组织关系${citeZh(rules('7.3'))}。`,
    examples: [
      {
        restructuringId: 'r-1',
        transferred: 30,
        left: 1,
        pendingMembers: ['m-1', 'm-2'],
        pendingEstablishments: [],
        pendingClosures: ['b-ys'],
      },
    ],
  }),
} as const satisfies RefusalCatalogue;
