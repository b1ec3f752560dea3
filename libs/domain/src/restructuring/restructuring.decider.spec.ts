import { CommandMetadata } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification';
import { planTransfers } from './plan-transfers';
import {
  CompleteRestructuring,
  OrganisationContext,
  ProposeDissolution,
  ProposeMerge,
  ProposeRedraw,
  RestructuringCommand,
  StartRestructuringExecution,
} from './restructuring.commands';
import { restructuringDecider } from './restructuring.decider';
import {
  RestructuringAbandoned,
  RestructuringApproved,
  RestructuringCompleted,
  RestructuringEvent,
  RestructuringExecutionStarted,
  RestructuringProposed,
} from './restructuring.events';
import { NewBranch, RollEntry } from './restructuring-plan';

const spec = deciderSpecification(restructuringDecider);
const at = '2023-04-01T09:00:00+08:00';
const metadata: CommandMetadata = { at, actor: { id: 'u-1', name: '管理员', role: 'admin' } };

const context: OrganisationContext = {
  branches: { 'b-ys': 'open', 'b-sh': 'open', 'b-fd': 'open', 'b-old': 'dissolved' },
  committees: { 'c-lt': 'active', 'c-old': 'dissolved' },
};
const yongan: NewBranch = { branchId: 'b-ya', name: '永安社区离退休干部党支部', parentCommitteeId: 'c-lt' };
const roll: readonly RollEntry[] = [
  { memberId: 'm-1', branchId: 'b-ys' },
  { memberId: 'm-2', branchId: 'b-sh' },
  { memberId: 'm-3', branchId: 'b-fd' },
];

const proposeMerge = (overrides: Partial<ProposeMerge['data']> = {}): ProposeMerge => ({
  type: 'ProposeMerge',
  data: {
    restructuringId: 'r-1',
    sourceBranchIds: ['b-ys', 'b-sh'],
    target: { kind: 'existing', branchId: 'b-fd' },
    reason: '结合城市社区调整，撤并永盛、三皇',
    context: { ...context, established: {} },
    ...overrides,
  },
  metadata,
});
const proposeRedraw = (overrides: Partial<ProposeRedraw['data']> = {}): ProposeRedraw => ({
  type: 'ProposeRedraw',
  data: {
    restructuringId: 'r-1',
    assignments: [{ memberId: 'm-3', toBranchId: 'b-ya' }],
    newBranches: [yongan],
    reason: '新设立永安社区',
    context: { ...context, established: {} },
    ...overrides,
  },
  metadata,
});
const proposeDissolution = (overrides: Partial<ProposeDissolution['data']> = {}): ProposeDissolution => ({
  type: 'ProposeDissolution',
  data: {
    restructuringId: 'r-1',
    branchId: 'b-sh',
    destinationBranchId: 'b-fd',
    reason: '正式党员不足3名',
    context: { ...context, established: {} },
    ...overrides,
  },
  metadata,
});

const mergePlan = {
  kind: 'merge',
  sourceBranchIds: ['b-ys', 'b-sh'],
  target: { kind: 'existing', branchId: 'b-fd' },
} as const;
const proposed: RestructuringProposed = {
  type: 'RestructuringProposed',
  data: { restructuringId: 'r-1', plan: mergePlan, reason: '结合城市社区调整，撤并永盛、三皇', at },
};
const approved: RestructuringApproved = {
  type: 'RestructuringApproved',
  data: {
    restructuringId: 'r-1',
    approvedBy: '中共孝义市离退休干部委员会',
    documentReference: '孝离党字〔2023〕7号',
    approvedOn: '2023-04-10',
    at,
  },
};
const abandoned: RestructuringAbandoned = {
  type: 'RestructuringAbandoned',
  data: { restructuringId: 'r-1', reason: '社区调整推迟', at },
};
const execution = planTransfers(mergePlan, roll);
const started: RestructuringExecutionStarted = {
  type: 'RestructuringExecutionStarted',
  data: { restructuringId: 'r-1', execution, at },
};
const completed: RestructuringCompleted = {
  type: 'RestructuringCompleted',
  data: {
    restructuringId: 'r-1',
    kind: 'merge',
    counts: { membersTransferred: 2, membersLeftDuringExecution: 0, branchesEstablished: 0, branchesClosed: 2 },
    at,
  },
};

const approve = (
  overrides: Partial<Extract<RestructuringCommand, { type: 'ApproveRestructuring' }>['data']> = {},
): RestructuringCommand => ({
  type: 'ApproveRestructuring',
  data: {
    restructuringId: 'r-1',
    approvedBy: '中共孝义市离退休干部委员会',
    documentReference: '孝离党字〔2023〕7号',
    approvedOn: '2023-04-10',
    ...overrides,
  },
  metadata,
});
const abandon = (reason = '社区调整推迟'): RestructuringCommand => ({
  type: 'AbandonRestructuring',
  data: { restructuringId: 'r-1', reason },
  metadata,
});
const start = (
  overrides: Partial<StartRestructuringExecution['data']['context']> = {},
): StartRestructuringExecution => ({
  type: 'StartRestructuringExecution',
  data: { restructuringId: 'r-1', context: { ...context, roll, ...overrides } },
  metadata,
});
const complete = (overrides: Partial<CompleteRestructuring['data']['context']> = {}): CompleteRestructuring => ({
  type: 'CompleteRestructuring',
  data: {
    restructuringId: 'r-1',
    context: {
      members: { 'm-1': { status: 'active', branchId: 'b-fd' }, 'm-2': { status: 'active', branchId: 'b-fd' } },
      branches: { 'b-ys': 'dissolved', 'b-sh': 'dissolved', 'b-fd': 'open' },
      ...overrides,
    },
  },
  metadata,
});

describe('Restructuring decider', () => {
  describe('ProposeMerge', () => {
    it('proposes merging sources into an existing branch', () => {
      spec.given([]).when(proposeMerge()).then([proposed]);
    });

    it('proposes merging into a new branch', () => {
      spec
        .given([])
        .when(
          proposeMerge({
            sourceBranchIds: ['b-ys'],
            target: { kind: 'new', branch: { ...yongan, name: ` ${yongan.name} ` } },
          }),
        )
        .then([
          {
            type: 'RestructuringProposed',
            data: {
              restructuringId: 'r-1',
              plan: { kind: 'merge', sourceBranchIds: ['b-ys'], target: { kind: 'new', branch: yongan } },
              reason: proposed.data.reason,
              at,
            },
          },
        ]);
    });

    it('refuses no sources with EMPTY_PLAN', () => {
      spec
        .given([])
        .when(proposeMerge({ sourceBranchIds: [] }))
        .thenThrows('EMPTY_PLAN');
    });

    it('refuses a source named twice with DUPLICATE_BRANCH_IN_PLAN', () => {
      spec
        .given([])
        .when(proposeMerge({ sourceBranchIds: ['b-ys', 'b-ys'] }))
        .thenThrows('DUPLICATE_BRANCH_IN_PLAN');
    });

    it('refuses a target among the sources with SOURCE_EQUALS_TARGET', () => {
      spec
        .given([])
        .when(proposeMerge({ sourceBranchIds: ['b-ys', 'b-fd'] }))
        .thenThrows('SOURCE_EQUALS_TARGET');
    });

    it('refuses a dissolved source or target with BRANCH_DISSOLVED', () => {
      spec
        .given([])
        .when(proposeMerge({ sourceBranchIds: ['b-old'] }))
        .thenThrows('BRANCH_DISSOLVED');
      spec
        .given([])
        .when(proposeMerge({ target: { kind: 'existing', branchId: 'b-old' } }))
        .thenThrows('BRANCH_DISSOLVED');
    });

    it('refuses an unknown branch with BRANCH_NOT_FOUND', () => {
      spec
        .given([])
        .when(proposeMerge({ sourceBranchIds: ['b-nowhere'] }))
        .thenThrows('BRANCH_NOT_FOUND');
    });

    it('refuses a new target whose id is taken with BRANCH_ALREADY_EXISTS', () => {
      spec
        .given([])
        .when(
          proposeMerge({
            sourceBranchIds: ['b-ys'],
            target: { kind: 'new', branch: { ...yongan, branchId: 'b-old' } },
          }),
        )
        .thenThrows('BRANCH_ALREADY_EXISTS');
    });

    it('refuses a new target under an unknown or dissolved committee', () => {
      const under = (parentCommitteeId: string): ProposeMerge =>
        proposeMerge({ sourceBranchIds: ['b-ys'], target: { kind: 'new', branch: { ...yongan, parentCommitteeId } } });
      spec.given([]).when(under('c-x')).thenThrows('PARENT_COMMITTEE_NOT_FOUND');
      spec.given([]).when(under('c-old')).thenThrows('COMMITTEE_DISSOLVED');
    });

    it('refuses a new target without a name with INVALID_NAME', () => {
      spec
        .given([])
        .when(proposeMerge({ sourceBranchIds: ['b-ys'], target: { kind: 'new', branch: { ...yongan, name: '' } } }))
        .thenThrows('INVALID_NAME');
    });

    it('refuses a proposal without a reason with REASON_REQUIRED', () => {
      spec
        .given([])
        .when(proposeMerge({ reason: ' ' }))
        .thenThrows('REASON_REQUIRED');
    });

    it('refuses an id already used with RESTRUCTURING_ALREADY_EXISTS', () => {
      spec.given([proposed]).when(proposeMerge()).thenThrows('RESTRUCTURING_ALREADY_EXISTS');
    });
  });

  describe('ProposeRedraw', () => {
    it('proposes moving members by address, establishing 永安', () => {
      spec
        .given([])
        .when(proposeRedraw())
        .then([
          {
            type: 'RestructuringProposed',
            data: {
              restructuringId: 'r-1',
              plan: { kind: 'redraw', assignments: [{ memberId: 'm-3', toBranchId: 'b-ya' }], newBranches: [yongan] },
              reason: '新设立永安社区',
              at,
            },
          },
        ]);
    });

    it('refuses no assignments with EMPTY_PLAN', () => {
      spec
        .given([])
        .when(proposeRedraw({ assignments: [], newBranches: [] }))
        .thenThrows('EMPTY_PLAN');
    });

    it('refuses a member sent to two branches with DUPLICATE_MEMBER_IN_PLAN', () => {
      spec
        .given([])
        .when(
          proposeRedraw({
            assignments: [
              { memberId: 'm-3', toBranchId: 'b-ya' },
              { memberId: 'm-3', toBranchId: 'b-sh' },
            ],
          }),
        )
        .thenThrows('DUPLICATE_MEMBER_IN_PLAN');
    });

    it('refuses a new branch listed twice with DUPLICATE_BRANCH_IN_PLAN', () => {
      spec
        .given([])
        .when(proposeRedraw({ newBranches: [yongan, yongan] }))
        .thenThrows('DUPLICATE_BRANCH_IN_PLAN');
    });

    it('refuses an assignment to a dissolved or unknown branch', () => {
      spec
        .given([])
        .when(proposeRedraw({ assignments: [{ memberId: 'm-3', toBranchId: 'b-old' }], newBranches: [] }))
        .thenThrows('BRANCH_DISSOLVED');
      spec
        .given([])
        .when(proposeRedraw({ assignments: [{ memberId: 'm-3', toBranchId: 'b-x' }], newBranches: [] }))
        .thenThrows('BRANCH_NOT_FOUND');
    });

    it('refuses a new branch that receives nobody with UNUSED_NEW_BRANCH', () => {
      spec
        .given([])
        .when(proposeRedraw({ assignments: [{ memberId: 'm-3', toBranchId: 'b-sh' }] }))
        .thenThrows('UNUSED_NEW_BRANCH');
    });
  });

  describe('ProposeDissolution', () => {
    it('proposes dissolving a branch into a destination', () => {
      spec
        .given([])
        .when(proposeDissolution())
        .then([
          {
            type: 'RestructuringProposed',
            data: {
              restructuringId: 'r-1',
              plan: { kind: 'dissolution', branchId: 'b-sh', destinationBranchId: 'b-fd' },
              reason: '正式党员不足3名',
              at,
            },
          },
        ]);
    });

    it('refuses a destination equal to the branch with SOURCE_EQUALS_TARGET', () => {
      spec
        .given([])
        .when(proposeDissolution({ destinationBranchId: 'b-sh' }))
        .thenThrows('SOURCE_EQUALS_TARGET');
    });

    it('refuses a dissolved destination with BRANCH_DISSOLVED', () => {
      spec
        .given([])
        .when(proposeDissolution({ destinationBranchId: 'b-old' }))
        .thenThrows('BRANCH_DISSOLVED');
    });
  });

  describe('a proposal dated before the organisations it names existed', () => {
    const since = (id: string, on: string, kind: 'branch' | 'committee' = 'branch') => ({
      [id]: { kind, id, name: id, on },
    });
    const before = '2023-04-02';

    it('refuses a merge whose source or existing target is younger than the proposal', () => {
      const source = { ...context, established: since('b-sh', before) };
      const error = spec
        .given([])
        .when(proposeMerge({ context: source }))
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
      expect(error.message).toContain('The restructuring proposal is dated 2023-04-01, before branch b-sh');
      spec
        .given([])
        .when(proposeMerge({ context: { ...context, established: since('b-fd', before) } }))
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
    });

    it('refuses a new branch under a committee established after the proposal', () => {
      spec
        .given([])
        .when(proposeRedraw({ context: { ...context, established: since('c-lt', before, 'committee') } }))
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
    });

    it('refuses a dissolution into a branch established after the proposal, and accepts the same day', () => {
      spec
        .given([])
        .when(proposeDissolution({ context: { ...context, established: since('b-fd', before) } }))
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
      expect(() =>
        restructuringDecider.decide(
          proposeDissolution({ context: { ...context, established: since('b-fd', '2023-04-01') } }),
          { status: 'none' },
        ),
      ).not.toThrow();
    });
  });

  describe('ApproveRestructuring', () => {
    it('records who approved, under which document, on which date', () => {
      spec.given([proposed]).when(approve()).then([approved]);
    });

    it('refuses a restructuring never proposed with RESTRUCTURING_NOT_FOUND', () => {
      spec.given([]).when(approve()).thenThrows('RESTRUCTURING_NOT_FOUND');
    });

    it('refuses a second approval with RESTRUCTURING_ALREADY_APPROVED', () => {
      spec.given([proposed, approved]).when(approve()).thenThrows('RESTRUCTURING_ALREADY_APPROVED');
    });

    it('refuses without a document with DOCUMENT_REFERENCE_REQUIRED', () => {
      spec
        .given([proposed])
        .when(approve({ documentReference: '' }))
        .thenThrows('DOCUMENT_REFERENCE_REQUIRED');
    });

    it('refuses without an approver with REQUIRED_FIELD', () => {
      spec
        .given([proposed])
        .when(approve({ approvedBy: '' }))
        .thenThrows('REQUIRED_FIELD');
    });

    it('refuses a malformed date with INVALID_DATE', () => {
      spec
        .given([proposed])
        .when(approve({ approvedOn: '10.4.2023' }))
        .thenThrows('INVALID_DATE');
    });

    it('refuses once executing, completed or abandoned', () => {
      spec.given([proposed, approved, started]).when(approve()).thenThrows('RESTRUCTURING_ALREADY_EXECUTING');
      spec.given([proposed, approved, started, completed]).when(approve()).thenThrows('RESTRUCTURING_COMPLETED');
      spec.given([proposed, abandoned]).when(approve()).thenThrows('RESTRUCTURING_ABANDONED');
    });
  });

  describe('AbandonRestructuring', () => {
    it('abandons a proposal, or an approved plan not yet executing', () => {
      spec.given([proposed]).when(abandon()).then([abandoned]);
      spec.given([proposed, approved]).when(abandon()).then([abandoned]);
    });

    it('refuses once executing with RESTRUCTURING_ALREADY_EXECUTING', () => {
      spec.given([proposed, approved, started]).when(abandon()).thenThrows('RESTRUCTURING_ALREADY_EXECUTING');
    });

    it('refuses once completed or abandoned', () => {
      spec.given([proposed, approved, started, completed]).when(abandon()).thenThrows('RESTRUCTURING_COMPLETED');
      spec.given([proposed, abandoned]).when(abandon()).thenThrows('RESTRUCTURING_ABANDONED');
    });

    it('refuses without a reason with REASON_REQUIRED', () => {
      spec.given([proposed]).when(abandon('')).thenThrows('REASON_REQUIRED');
    });
  });

  describe('StartRestructuringExecution', () => {
    it('freezes the exact transfers and closures computed from the roll', () => {
      spec.given([proposed, approved]).when(start()).then([started]);
      expect(execution.transfers).toEqual([
        { memberId: 'm-1', fromBranchId: 'b-ys', toBranchId: 'b-fd' },
        { memberId: 'm-2', fromBranchId: 'b-sh', toBranchId: 'b-fd' },
      ]);
    });

    it('refuses before approval with RESTRUCTURING_NOT_APPROVED', () => {
      spec.given([proposed]).when(start()).thenThrows('RESTRUCTURING_NOT_APPROVED');
    });

    it('refuses a second start with RESTRUCTURING_ALREADY_EXECUTING', () => {
      spec.given([proposed, approved, started]).when(start()).thenThrows('RESTRUCTURING_ALREADY_EXECUTING');
    });

    it('refuses an abandoned or completed restructuring', () => {
      spec.given([proposed, abandoned]).when(start()).thenThrows('RESTRUCTURING_ABANDONED');
      spec.given([proposed, approved, started, completed]).when(start()).thenThrows('RESTRUCTURING_COMPLETED');
    });

    it('judges the plan again: a source dissolved since the proposal is refused with BRANCH_DISSOLVED', () => {
      spec
        .given([proposed, approved])
        .when(start({ branches: { ...context.branches, 'b-sh': 'dissolved' } }))
        .thenThrows('BRANCH_DISSOLVED');
    });

    it('refuses a plan that would change nothing on the current roll with EMPTY_PLAN', () => {
      const redrawn: RestructuringProposed = {
        type: 'RestructuringProposed',
        data: {
          restructuringId: 'r-1',
          plan: { kind: 'redraw', assignments: [{ memberId: 'm-9', toBranchId: 'b-sh' }], newBranches: [] },
          reason: 'x',
          at,
        },
      };
      spec.given([redrawn, approved]).when(start()).thenThrows('EMPTY_PLAN');
    });

    it('refuses an inconsistent roll with ROLL_DUPLICATE_MEMBER', () => {
      spec
        .given([proposed, approved])
        .when(start({ roll: [...roll, { memberId: 'm-1', branchId: 'b-fd' }] }))
        .thenThrows('ROLL_DUPLICATE_MEMBER');
    });
  });

  describe('CompleteRestructuring', () => {
    it('completes a merge once every member is in the target and every source is closed', () => {
      spec
        .given([proposed, approved, started])
        .when(complete())
        .then([
          {
            type: 'BranchesMerged',
            data: { restructuringId: 'r-1', sourceBranchIds: ['b-ys', 'b-sh'], targetBranchId: 'b-fd', at },
          },
          completed,
        ]);
    });

    it('counts members who left while it ran, and records no merge for a dissolution', () => {
      const plan = { kind: 'dissolution', branchId: 'b-sh', destinationBranchId: 'b-fd' } as const;
      const history: RestructuringEvent[] = [
        { type: 'RestructuringProposed', data: { restructuringId: 'r-1', plan, reason: 'x', at } },
        approved,
        {
          type: 'RestructuringExecutionStarted',
          data: { restructuringId: 'r-1', execution: planTransfers(plan, roll), at },
        },
      ];
      spec
        .given(history)
        .when(complete({ members: { 'm-2': { status: 'left' } } }))
        .then([
          {
            type: 'RestructuringCompleted',
            data: {
              restructuringId: 'r-1',
              kind: 'dissolution',
              counts: {
                membersTransferred: 0,
                membersLeftDuringExecution: 1,
                branchesEstablished: 0,
                branchesClosed: 1,
              },
              at,
            },
          },
        ]);
    });

    it('refuses while a member or a closure is pending with RESTRUCTURING_INCOMPLETE', () => {
      const error = spec
        .given([proposed, approved, started])
        .when(
          complete({
            members: { 'm-1': { status: 'active', branchId: 'b-ys' } },
            branches: { 'b-ys': 'open', 'b-sh': 'dissolved' },
          }),
        )
        .thenThrows('RESTRUCTURING_INCOMPLETE');
      expect(error.details).toMatchObject({ pendingMembers: ['m-1', 'm-2'], pendingClosures: ['b-ys'] });
    });

    it('refuses before execution', () => {
      spec.given([proposed]).when(complete()).thenThrows('RESTRUCTURING_NOT_APPROVED');
      spec.given([proposed, approved]).when(complete()).thenThrows('RESTRUCTURING_NOT_EXECUTING');
    });

    it('refuses a second completion with RESTRUCTURING_COMPLETED', () => {
      spec.given([proposed, approved, started, completed]).when(complete()).thenThrows('RESTRUCTURING_COMPLETED');
    });
  });
});
