import { addDays } from '@app/domain';
import { fmt } from './progress';
import {
  atStart,
  branchByKey,
  key,
  memberById,
  send,
  SUPERIOR,
  waitUntil,
  type Phase,
  type ScriptContext,
} from './script-support';
import type { DemoMember } from './xiaoyi-year';
import { cancelMergedBranchElections, electionsAvailable } from './election-phases';

// ---------------------------------------------------------------- organisation

export const organisationPhase: Phase = {
  name: 'organisation',
  needs: ['POST /committees', 'POST /branches', 'POST /members', 'POST /branches/{branchId}/posts'],
  estimate: (year) =>
    1 +
    atStart(year).length * 2 +
    year.members.length +
    year.members.filter((m) => m.suspension).length +
    year.previousTerms.reduce((sum, term) => sum + term.posts.length, 0),
  async run(context, progress) {
    const { year } = context;
    const { committeeId } = year.committee;
    await send(context, progress, key('committee'), '/committees', {
      committeeId,
      name: year.committee.name,
      kind: 'committee',
      decisionReference: year.committee.decisionReference,
      occurredAt: year.registeredOn,
    });
    const branches = atStart(year);
    for (const branch of branches) {
      await send(context, progress, key('branch', branch.key), '/branches', {
        branchId: branch.branchId,
        name: branch.name,
        parentCommitteeId: committeeId,
        managementLinks: branch.managementLinks,
        occurredAt: year.registeredOn,
      });
    }
    // The rolls (花名册) are entered street by street over the first week.
    const registeredOn = (member: DemoMember) =>
      addDays(year.registeredOn, 1 + (branches.findIndex((b) => b.key === member.branchKey) % 3));
    const branchIdOf = (branchKey: string) => branchByKey(year, branchKey).branchId;
    for (const member of year.members) {
      await send(context, progress, key('member', member.seq), '/members', {
        memberId: member.memberId,
        name: member.name,
        birthDate: member.birthDate,
        sex: member.sex,
        joinedPartyOn: member.joinedPartyOn,
        formerPostLevel: member.formerPostLevel,
        membership: member.membership,
        branchId: branchIdOf(member.branchKey),
        occurredAt: registeredOn(member),
      });
    }
    const settledOn = addDays(year.registeredOn, 3);
    for (const member of year.members.filter((m) => m.suspension)) {
      const suspension = member.suspension as NonNullable<DemoMember['suspension']>;
      await send(
        context,
        progress,
        key('member', member.seq, 'suspend'),
        `/members/${member.memberId}/suspend-voting-rights`,
        {
          reason: suspension.reason,
          from: suspension.from,
          until: suspension.until,
          documentReference: suspension.documentReference,
          occurredAt: settledOn,
        },
      );
    }
    const member = memberById(year);
    let posts = 0;
    for (const term of year.previousTerms) {
      const branchId = branchIdOf(term.branchKey);
      for (const post of term.posts) {
        posts += 1;
        await send(context, progress, key('post', post.key), `/branches/${branchId}/posts`, {
          postId: post.postId,
          kind: post.kind,
          duty: post.duty ?? undefined,
          source: 'elected',
          holder: { personId: post.memberId, name: member(post.memberId).name },
          startDate: term.startDate,
          occurredAt: settledOn,
        });
      }
    }
    // 组织设置: the roll's counts judged under the policy in force (府西 and 振兴 are over 50).
    for (const branch of branches) {
      await send(context, progress, key('branch', branch.key, 'assess'), `/branches/${branch.branchId}/assess-shape`, {
        occurredAt: settledOn,
      });
    }
    const community = branches.filter((b) => b.kind === 'community').length;
    return (
      `1 committee, ${branches.length} branches (${community} community), ${fmt(year.members.length)} members ` +
      `(${year.members.filter((m) => m.membership === 'probationary').length} probationary, ` +
      `${year.members.filter((m) => m.suspension).length} with rights suspended), ${posts} posts of the 2019 term`
    );
  },
};

// ---------------------------------------------------------------- restructuring

async function completed(context: ScriptContext, restructuringId: string): Promise<boolean> {
  const state = await context.api.get<{ status: string }>(`/restructurings/${restructuringId}`);
  if (state.status === 'abandoned') throw new Error(`Restructuring ${restructuringId} was abandoned.`);
  return state.status === 'completed';
}

export const restructuringPhase: Phase = {
  name: 'restructuring',
  needs: ['POST /restructurings/merge', 'POST /restructurings/redraw', 'GET /restructurings/{restructuringId}'],
  estimate: (year) => year.merges.length * 4 + 4 + 2 + year.cancelledElections.length,
  async run(context, progress) {
    const { year } = context;
    const { committeeId } = year.committee;
    const withElections = electionsAvailable(context.operations);
    for (const merge of year.merges) {
      const source = branchByKey(year, merge.sourceKey);
      const target = branchByKey(year, merge.targetKey);
      await send(context, progress, key('restructuring', merge.key, 'propose'), '/restructurings/merge', {
        restructuringId: merge.restructuringId,
        sourceBranchIds: [source.branchId],
        target: { kind: 'existing', branchId: target.branchId },
        reason: `结合城市社区调整，撤销${source.name}，党员并入${target.name}`,
        occurredAt: merge.proposedOn,
      });
    }
    // The merged branches will not hold their own election: the one their census opened is cancelled.
    if (withElections) await cancelMergedBranchElections(context, progress);
    for (const merge of year.merges) {
      await send(
        context,
        progress,
        key('restructuring', merge.key, 'approve'),
        `/restructurings/${merge.restructuringId}/approve`,
        {
          approvedBy: SUPERIOR,
          documentReference: merge.documentReference,
          approvedOn: merge.approvedOn,
          occurredAt: merge.approvedOn,
        },
      );
    }
    for (const merge of year.merges) {
      await send(
        context,
        progress,
        key('restructuring', merge.key, 'execute'),
        `/restructurings/${merge.restructuringId}/execute`,
        {
          occurredAt: merge.executedOn,
        },
      );
    }
    for (const merge of year.merges) {
      await waitUntil(context, `the merge of ${merge.sourceKey} to complete`, () =>
        completed(context, merge.restructuringId),
      );
      progress.step();
    }

    const { redraw } = year;
    const yongan = branchByKey(year, redraw.newBranchKey);
    const sources = redraw.sourceKeys.map((k) => branchByKey(year, k).name).join('、');
    await send(context, progress, key('restructuring', redraw.key, 'propose'), '/restructurings/redraw', {
      restructuringId: redraw.restructuringId,
      reason: `结合城市社区调整，新设立${yongan.name}：${sources}居住在永安社区范围内的党员转入`,
      assignments: redraw.movers.map((memberId) => ({ memberId, toBranchId: yongan.branchId })),
      newBranches: [{ branchId: yongan.branchId, name: yongan.name, parentCommitteeId: committeeId }],
      occurredAt: redraw.proposedOn,
    });
    await send(
      context,
      progress,
      key('restructuring', redraw.key, 'approve'),
      `/restructurings/${redraw.restructuringId}/approve`,
      {
        approvedBy: SUPERIOR,
        documentReference: redraw.documentReference,
        approvedOn: redraw.approvedOn,
        occurredAt: redraw.approvedOn,
      },
    );
    await send(
      context,
      progress,
      key('restructuring', redraw.key, 'execute'),
      `/restructurings/${redraw.restructuringId}/execute`,
      {
        occurredAt: redraw.executedOn,
      },
    );
    await waitUntil(context, 'the redraw that sets up 永安 to complete', () =>
      completed(context, redraw.restructuringId),
    );
    progress.step();
    // 一方隶属、多方管理: the new branch is co-managed by its community.
    for (const link of yongan.managementLinks) {
      await send(
        context,
        progress,
        key('branch', yongan.key, 'link', link.kind),
        `/branches/${yongan.branchId}/management-links`,
        {
          kind: link.kind,
          name: link.name,
          occurredAt: redraw.executedOn,
        },
      );
    }
    return `${year.merges.length} branches merged into neighbours (${year.merges
      .map((m) => branchByKey(year, m.sourceKey).shortName)
      .join('、')}), ${yongan.shortName} set up by a redraw moving ${redraw.movers.length} members`;
  },
};
