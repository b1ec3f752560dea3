import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@app/event-store';

/**
 * Hand-made events in the domain's data shapes (libs/domain/src/**\/*.events.ts), with the
 * business time in both `data.at` and `metadata.occurredAt`, as the command handlers write them.
 * For tests and the benchmark generator only.
 */
export function historyEvent(type: string, on: string, data: Record<string, unknown>): NewEvent {
  const at = on.length === 10 ? `${on}T00:00:00.000Z` : on;
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { ...data, at },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: 'auditor-test', name: '测试', role: 'admin' },
      occurredAt: at,
      policyVersion: null,
    },
  };
}

export const ev = {
  committeeEstablished: (committeeId: string, name: string, on: string) =>
    historyEvent('PartyCommitteeEstablished', on, {
      committeeId,
      name,
      kind: 'committee',
      parentCommitteeId: null,
      decisionReference: null,
    }),
  branchEstablished: (branchId: string, name: string, committeeId: string, on: string, restructuringId?: string) =>
    historyEvent('BranchEstablished', on, {
      branchId,
      name,
      parentCommitteeId: committeeId,
      managementLinks: [],
      joint: false,
      jointUnits: [],
      decisionReference: null,
      restructuringId: restructuringId ?? null,
      policyVersion: '2018-10-28',
    }),
  branchRenamed: (branchId: string, previousName: string, name: string, on: string) =>
    historyEvent('BranchRenamed', on, { branchId, previousName, name }),
  branchDissolved: (branchId: string, on: string, restructuringId: string | null, reason = '撤并') =>
    historyEvent('BranchDissolved', on, { branchId, reason, decisionReference: null, restructuringId }),
  memberAdmitted: (memberId: string, name: string, branchId: string, on: string, membership = 'full') =>
    historyEvent('MemberAdmitted', on, {
      memberId,
      name,
      sex: 'female',
      birthDate: '1950-01-01',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '科级',
      membership,
      branchId,
    }),
  memberConfirmed: (memberId: string, branchId: string, confirmedOn: string, on = confirmedOn) =>
    historyEvent('MemberConfirmed', on, { memberId, branchId, confirmedOn }),
  memberTransferred: (
    memberId: string,
    fromBranchId: string,
    toBranchId: string,
    on: string,
    restructuringId: string | null = null,
  ) =>
    historyEvent('MemberTransferred', on, {
      memberId,
      fromBranchId,
      toBranchId,
      restructuringId,
      documentReference: null,
    }),
  memberLeft: (memberId: string, branchId: string, leftOn: string, reason = 'death', on = leftOn) =>
    historyEvent('MemberLeft', on, { memberId, branchId, reason, leftOn, note: null }),
  votingSuspended: (memberId: string, from: string, on = from) =>
    historyEvent('VotingRightsSuspended', on, {
      memberId,
      reason: 'probation',
      from,
      until: null,
      documentReference: null,
    }),
  votingRestored: (memberId: string, restoredOn: string, on = restoredOn) =>
    historyEvent('VotingRightsRestored', on, { memberId, reason: 'probation', restoredOn, documentReference: null }),
  postAssigned: (
    branchId: string,
    post: { postId: string; kind: string; personId: string; name: string; startDate: string; source?: string },
    on = post.startDate,
  ) =>
    historyEvent('PostAssigned', on, {
      branchId,
      post: {
        postId: post.postId,
        kind: post.kind,
        duty: post.kind === 'committeeMember' ? '组织委员' : null,
        source: post.source ?? 'elected',
        documentReference: null,
        holder: { personId: post.personId, name: post.name },
        startDate: post.startDate,
      },
    }),
  postVacated: (
    branchId: string,
    post: { postId: string; kind: string; personId: string; name: string },
    endDate: string,
    reason = 'termEnded',
    on = endDate,
  ) =>
    historyEvent('PostVacated', on, {
      branchId,
      postId: post.postId,
      kind: post.kind,
      holder: { personId: post.personId, name: post.name },
      reason,
      note: null,
      endDate,
    }),
  mergeProposed: (restructuringId: string, sourceBranchIds: string[], target: Record<string, unknown>, on: string) =>
    historyEvent('RestructuringProposed', on, {
      restructuringId,
      plan: { kind: 'merge', sourceBranchIds, target },
      reason: '党员人数不足, 合并',
    }),
  branchesMerged: (restructuringId: string, sourceBranchIds: string[], targetBranchId: string, on: string) =>
    historyEvent('BranchesMerged', on, { restructuringId, sourceBranchIds, targetBranchId }),
  restructuringCompleted: (restructuringId: string, on: string) =>
    historyEvent('RestructuringCompleted', on, {
      restructuringId,
      kind: 'merge',
      counts: { membersTransferred: 0, membersLeftDuringExecution: 0, branchesEstablished: 1, branchesClosed: 2 },
    }),
};

/** Appends events to their streams one call at a time; `heads` keeps each stream's revision across calls. */
export async function appendAll(
  store: EventStore,
  events: readonly (readonly [string, NewEvent])[],
  heads = new Map<string, number>(),
): Promise<number> {
  let position = 0;
  for (const [stream, event] of events) {
    const head = heads.get(stream);
    const result = await store.append(stream, [event], { expectedRevision: head ?? 'noStream' });
    heads.set(stream, result.nextRevision);
    position = result.position;
  }
  return position;
}

export const MERGE_DAY = '2023-06-30';

/**
 * Two branches of one committee, a rename, a confirmation, posts, and on MERGE_DAY a merge of
 * both into a new branch (b3) carried out the way the restructuring process does it: establish
 * the target, transfer every member, vacate the posts, dissolve the sources, record the merge.
 */
export function mergeScenario(): [string, NewEvent][] {
  const r = 'r-merge-1';
  const e: [string, NewEvent][] = [];
  const add = (stream: string, event: NewEvent) => e.push([stream, event]);
  add('committee-c1', ev.committeeEstablished('c1', '孝义市离退休干部党委', '2020-01-01'));
  add('branch-b1', ev.branchEstablished('b1', '东城支部', 'c1', '2020-01-01'));
  add('branch-b2', ev.branchEstablished('b2', '西城支部', 'c1', '2020-01-01'));
  const members: [string, string, string, string][] = [
    ['m1', '李全爱', 'b1', 'full'],
    ['m2', '王秀英', 'b1', 'full'],
    ['m3', '张建国', 'b1', 'full'],
    ['m4', '刘桂兰', 'b1', 'probationary'],
    ['m5', '陈志强', 'b2', 'full'],
    ['m6', '杨淑珍', 'b2', 'full'],
    ['m7', '赵德明', 'b2', 'full'],
  ];
  for (const [id, name, branch, membership] of members) {
    add(`member-${id}`, ev.memberAdmitted(id, name, branch, '2020-02-01', membership));
  }
  const p1 = { postId: 'p1', kind: 'secretary', personId: 'm1', name: '李全爱', startDate: '2020-03-01' };
  const p2 = { postId: 'p2', kind: 'committeeMember', personId: 'm5', name: '陈志强', startDate: '2020-03-01' };
  add('branch-b1', ev.postAssigned('b1', p1));
  add('branch-b2', ev.postAssigned('b2', p2));
  add('member-m4', ev.memberConfirmed('m4', 'b1', '2021-01-15'));
  add('branch-b1', ev.branchRenamed('b1', '东城支部', '东城第一支部', '2022-05-01'));

  add(
    `restructuring-${r}`,
    ev.mergeProposed(
      r,
      ['b1', 'b2'],
      { kind: 'new', branch: { branchId: 'b3', name: '东西城联合支部', parentCommitteeId: 'c1' } },
      '2023-06-01',
    ),
  );
  add('branch-b3', ev.branchEstablished('b3', '东西城联合支部', 'c1', MERGE_DAY, r));
  for (const [id, , branch] of members) add(`member-${id}`, ev.memberTransferred(id, branch, 'b3', MERGE_DAY, r));
  add('branch-b1', ev.postVacated('b1', p1, MERGE_DAY, 'branchDissolved'));
  add('branch-b1', ev.branchDissolved('b1', MERGE_DAY, r));
  add('branch-b2', ev.postVacated('b2', p2, MERGE_DAY, 'branchDissolved'));
  add('branch-b2', ev.branchDissolved('b2', MERGE_DAY, r));
  add(`restructuring-${r}`, ev.branchesMerged(r, ['b1', 'b2'], 'b3', MERGE_DAY));
  add(`restructuring-${r}`, ev.restructuringCompleted(r, MERGE_DAY));
  add('member-m6', ev.memberLeft('m6', 'b3', '2023-08-01'));
  return e;
}
