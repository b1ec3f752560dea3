import type { EventStore, NewEvent } from '@app/event-store';

/** Deterministic UUIDs, so a scenario's event ids are the same in every run. */
export const fixtureUuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ADMIN = { id: 'u-admin', name: '王主任', role: 'admin' };
export const CLERK = { id: 'u-clerk', name: '刘干事', role: 'admin' };

export const IDS = {
  committee: 'c-lt',
  yongsheng: 'b-ys',
  yongan: 'b-ya',
  fuqian: 'b-fq',
  liQuanai: 'm-lqa',
  wangXiuying: 'm-wxy',
  zhangJianguo: 'm-zjg',
  zhaoDeming: 'm-zdm',
  sunLi: 'm-sl',
  restructuring: 'r-1',
} as const;

interface Step {
  readonly stream: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly on: string;
  readonly actor?: typeof ADMIN;
  readonly policyVersion?: string | null;
}

const member = (memberId: string, name: string, branchId: string, birthDate: string, membership = 'full'): Step => ({
  stream: `member-${memberId}`,
  type: 'MemberAdmitted',
  on: '2022-02-01',
  data: {
    memberId,
    name,
    branchId,
    membership,
    birthDate,
    sex: 'female',
    joinedPartyOn: '1975-07-01',
    formerPostLevel: '科级',
  },
});

const post = (branchId: string, postId: string, kind: string, holder: [string, string], source = 'elected'): Step => ({
  stream: `branch-${branchId}`,
  type: 'PostAssigned',
  on: '2022-03-01',
  data: {
    branchId,
    post: {
      postId,
      kind,
      duty: kind === 'committeeMember' ? '组织委员' : null,
      source,
      documentReference: null,
      holder: { personId: holder[0], name: holder[1] },
      startDate: '2022-03-01',
    },
  },
});

/**
 * A small history in the shape the domain records: the Xiaoyi example of 永盛社区's branch
 * dissolved into 永安社区's, with members admitted, confirmed, transferred and leaving, posts
 * held and vacated, and one event of a type no catalogue knows yet.
 */
export function reportingScenario(): Step[] {
  const { committee, yongsheng, yongan, fuqian, liQuanai, wangXiuying, zhangJianguo, zhaoDeming, sunLi } = IDS;
  const r = IDS.restructuring;
  return [
    {
      stream: `committee-${committee}`,
      type: 'PartyCommitteeEstablished',
      on: '2022-01-05',
      data: {
        committeeId: committee,
        name: '孝义市离退休干部党委',
        kind: 'committee',
        parentCommitteeId: null,
        decisionReference: null,
      },
    },
    ...[
      [yongsheng, '永盛社区离退休干部党支部'],
      [yongan, '永安社区离退休干部党支部'],
      [fuqian, '府前社区离退休干部党支部'],
    ].map(([branchId, name]): Step => ({
      stream: `branch-${branchId}`,
      type: 'BranchEstablished',
      on: '2022-01-10',
      policyVersion: 'policy-2022',
      data: {
        branchId,
        name,
        parentCommitteeId: committee,
        managementLinks: [],
        joint: false,
        jointUnits: [],
        decisionReference: null,
        restructuringId: null,
        policyVersion: 'policy-2022',
      },
    })),
    member(liQuanai, '李全爱', yongsheng, '1948-05-01'),
    member(wangXiuying, '王秀英', yongsheng, '1952-09-30', 'probationary'),
    member(zhangJianguo, '张建国', yongan, '1945-01-15'),
    member(zhaoDeming, '赵德明', yongan, '1950-03-08'),
    member(sunLi, '孙丽', fuqian, '1956-11-20'),
    post(yongsheng, 'p-ys-sec', 'secretary', [liQuanai, '李全爱']),
    post(yongan, 'p-ya-sec', 'secretary', [zhaoDeming, '赵德明']),
    post(yongan, 'p-ya-cm', 'committeeMember', [zhangJianguo, '张建国']),
    post(fuqian, 'p-fq-sec', 'secretary', [sunLi, '孙丽']),
    {
      stream: `member-${wangXiuying}`,
      type: 'MemberConfirmed',
      on: '2022-06-01',
      actor: CLERK,
      data: { memberId: wangXiuying, branchId: yongsheng, confirmedOn: '2022-06-01' },
    },
    {
      stream: `restructuring-${r}`,
      type: 'RestructuringProposed',
      on: '2023-03-01',
      data: {
        restructuringId: r,
        plan: { kind: 'dissolution', branchId: yongsheng, destinationBranchId: yongan },
        reason: '结合城市社区调整',
      },
    },
    {
      stream: `restructuring-${r}`,
      type: 'RestructuringApproved',
      on: '2023-03-10',
      data: {
        restructuringId: r,
        approvedBy: '孝义市委老干部局',
        documentReference: '孝老干发〔2023〕5号',
        approvedOn: '2023-03-10',
      },
    },
    {
      stream: `restructuring-${r}`,
      type: 'RestructuringExecutionStarted',
      on: '2023-03-15',
      data: {
        restructuringId: r,
        execution: {
          branchesToEstablish: [],
          transfers: [
            { memberId: liQuanai, fromBranchId: yongsheng, toBranchId: yongan },
            { memberId: wangXiuying, fromBranchId: yongsheng, toBranchId: yongan },
          ],
          branchesToClose: [yongsheng],
          branchesToReassess: [yongan],
          skipped: [],
        },
      },
    },
    ...[liQuanai, wangXiuying].map((memberId): Step => ({
      stream: `member-${memberId}`,
      type: 'MemberTransferred',
      on: '2023-03-15',
      data: { memberId, fromBranchId: yongsheng, toBranchId: yongan, restructuringId: r, documentReference: null },
    })),
    {
      stream: `branch-${yongsheng}`,
      type: 'PostVacated',
      on: '2023-03-15',
      data: {
        branchId: yongsheng,
        postId: 'p-ys-sec',
        kind: 'secretary',
        holder: { personId: liQuanai, name: '李全爱' },
        reason: 'branchDissolved',
        note: null,
        endDate: '2023-03-15',
      },
    },
    {
      stream: `branch-${yongsheng}`,
      type: 'BranchDissolved',
      on: '2023-03-15',
      data: { branchId: yongsheng, reason: '撤并', decisionReference: '孝老干发〔2023〕5号', restructuringId: r },
    },
    {
      stream: `restructuring-${r}`,
      type: 'RestructuringCompleted',
      on: '2023-03-15',
      data: {
        restructuringId: r,
        kind: 'dissolution',
        counts: { membersTransferred: 2, membersLeftDuringExecution: 0, branchesEstablished: 0, branchesClosed: 1 },
      },
    },
    {
      stream: `member-${sunLi}`,
      type: 'MemberLeft',
      on: '2023-05-20',
      actor: CLERK,
      data: { memberId: sunLi, branchId: fuqian, reason: 'death', leftOn: '2023-05-20', note: null },
    },
    {
      stream: `branch-${fuqian}`,
      type: 'PostVacated',
      on: '2023-05-20',
      actor: CLERK,
      data: {
        branchId: fuqian,
        postId: 'p-fq-sec',
        kind: 'secretary',
        holder: { personId: sunLi, name: '孙丽' },
        reason: 'deceased',
        note: null,
        endDate: '2023-05-20',
      },
    },
    {
      stream: `branch-${yongan}`,
      type: 'BranchRenamed',
      on: '2023-06-01',
      data: { branchId: yongan, previousName: '永安社区离退休干部党支部', name: '永安社区第一离退休干部党支部' },
    },
    {
      stream: `audit-fixture-1`,
      type: 'SomethingNewHappened',
      on: '2023-06-02',
      data: { branchId: fuqian, note: '尚无描述的事件类型' },
    },
  ];
}

/** Appends the scenario, one event per append in order, with `occurredAt` and `at` set to each step's day. */
export async function seedReportingScenario(store: EventStore, steps = reportingScenario()): Promise<void> {
  const revisions = new Map<string, number>();
  let n = 0;
  for (const step of steps) {
    n += 1;
    const occurredAt = `${step.on}T00:00:00.000Z`;
    const event: NewEvent = {
      id: fixtureUuid(n),
      type: step.type,
      schemaVersion: 1,
      data: { ...step.data, at: occurredAt },
      metadata: {
        commandId: `cmd-${n}`,
        correlationId: `corr-${step.stream}`,
        causationId: `cmd-${n}`,
        actor: step.actor ?? ADMIN,
        occurredAt,
        policyVersion: step.policyVersion ?? null,
      },
    };
    const revision = revisions.get(step.stream);
    await store.append(step.stream, [event], { expectedRevision: revision ?? 'noStream' });
    revisions.set(step.stream, (revision ?? -1) + 1);
  }
}
