import { addYears } from '@app/domain';
import { ageOn } from '@app/read-models';
import type { PhaseProgress } from './progress';
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
import type { DemoElection, DemoMember, XiaoyiYear } from './xiaoyi-year';

/**
 * The renewal campaign and the elections of the Xiaoyi year, through the election endpoints
 * (`POST /elections` takes the census and opens the election; one POST per step after it) and
 * the campaign endpoints (`POST /campaigns`, working groups, 包联).
 */

const ELECTION_OPERATIONS = [
  'POST /elections',
  'POST /elections/{electionId}/request',
  'POST /elections/{electionId}/assembly',
  'POST /elections/{electionId}/request-installation',
  'GET /elections/{electionId}',
] as const;

const CAMPAIGN_OPERATIONS = [
  'POST /campaigns',
  'POST /campaigns/{campaignId}/working-groups',
  'POST /campaigns/{campaignId}/working-groups/{groupId}/branches',
] as const;

export const electionsAvailable = (operations: ReadonlySet<string>): boolean =>
  ELECTION_OPERATIONS.every((operation) => operations.has(operation));

const person = (m: DemoMember) => ({ personId: m.memberId, name: m.name });

/** The branches whose roll changed in the restructuring: their census is taken again. */
function recountedBranches(year: XiaoyiYear): string[] {
  return [...year.merges.map((m) => m.targetKey), ...year.redraw.sourceKeys];
}

function censusText(year: XiaoyiYear, branchKey: string, on: string) {
  const member = memberById(year);
  const term = year.previousTerms.find((t) => t.branchKey === branchKey);
  const secretaryPost = term?.posts.find((p) => p.kind === 'secretary');
  const roll = year.members.filter((m) => m.branchKey === branchKey);
  const merge = year.merges.find((m) => m.sourceKey === branchKey);
  if (!secretaryPost || !term) {
    return {
      committeeWorking: '新设立支部，尚未选举产生支部委员会，由社区党委协助开展组织生活。',
      secretarySituation: '暂无书记，待换届选举产生。',
    };
  }
  const secretary = member(secretaryPost.memberId);
  const age = ageOn(secretary.birthDate, on);
  const election = year.elections.find((e) => e.branchKey === branchKey);
  const staying = election?.secretary === secretary.memberId;
  return {
    committeeWorking:
      term.posts.length > 1
        ? `上届支委会${term.posts.length}人，${term.startDate.slice(0, 4)}年选举产生，三会一课基本落实，支委会按月召开。`
        : `未设支委会，由书记主持工作，${term.startDate.slice(0, 4)}年选举产生。`,
    secretarySituation: `书记${secretary.name}，${age}岁，${secretary.formerPostLevel}退休干部，${
      staying ? '身体较好，本人愿意继续任职' : age >= 70 ? '年事已高，本人提出不再担任书记' : '本人表示服从组织安排'
    }。`,
    notes: merge
      ? `支部现有党员${roll.length}名，人数较少，活动开展困难，结合社区调整建议撤并。`
      : roll.length > 50
        ? `支部现有党员${roll.length}名，超过50人，结合城市社区调整建议优化设置。`
        : undefined,
  };
}

// ---------------------------------------------------------------- census (摸排)

export const censusPhase: Phase = {
  name: 'census',
  needs: ['POST /elections'],
  estimate: (year) => atStart(year).length,
  async run(context, progress) {
    const { year } = context;
    const opened = [
      ...year.elections.filter((e) => branchByKey(year, e.branchKey).existsAtStart),
      ...year.cancelledElections,
    ].sort((a, b) => censusDate(a).localeCompare(censusDate(b)));
    for (const election of opened) {
      const branch = branchByKey(year, election.branchKey);
      const on = censusDate(election);
      await send(context, progress, key('election', election.key, 'census'), '/elections', {
        electionId: election.electionId,
        branchId: branch.branchId,
        ...censusText(year, election.branchKey, on),
        occurredAt: on,
      });
    }
    const members = year.members.filter((m) => branchByKey(year, m.branchKey).existsAtStart).length;
    return `摸排 of ${opened.length} branches (${fmt(members)} members counted)`;
  },
};

function censusDate(election: { readonly census?: string; readonly dates?: { readonly census: string } }): string {
  return election.dates?.census ?? election.census ?? '';
}

// ---------------------------------------------------------------- campaign

export const campaignPhase: Phase = {
  name: 'campaign',
  needs: CAMPAIGN_OPERATIONS,
  estimate: (year) =>
    1 + year.campaign.groups.length + year.campaign.groups.reduce((n, g) => n + g.branchKeys.length, 0),
  async run(context, progress) {
    const { campaign } = context.year;
    await send(context, progress, key('campaign', 'plan'), '/campaigns', {
      campaignId: campaign.campaignId,
      title: campaign.title,
      documentNumber: campaign.documentNumber,
      requirements: campaign.requirements,
      deadline: campaign.deadline,
      occurredAt: campaign.issuedOn,
    });
    for (const group of campaign.groups) {
      await send(context, progress, key('campaign', group.key), `/campaigns/${campaign.campaignId}/working-groups`, {
        groupId: group.groupId,
        name: group.name,
        leader: { personId: group.leader.personId, name: group.leader.name },
        occurredAt: campaign.groupsFormedOn,
      });
    }
    let assigned = 0;
    for (const group of campaign.groups) {
      for (const branchKey of group.branchKeys) {
        const branch = branchByKey(context.year, branchKey);
        // 永安 does not exist yet: it is assigned when it is set up (elections phase).
        if (!branch.existsAtStart) continue;
        assigned += 1;
        await assignToGroup(context, progress, branchKey, group.groupId, group.key, campaign.assignedOn);
      }
    }
    return `《${campaign.title}》 ${campaign.documentNumber} issued; ${campaign.groups.length} working groups led by ${campaign.groups
      .map((g) => g.leader.name)
      .join('、')}; ${assigned} branches 包联`;
  },
};

async function assignToGroup(
  context: ScriptContext,
  progress: PhaseProgress,
  branchKey: string,
  groupId: string,
  groupKey: string,
  on: string,
): Promise<void> {
  const { campaign } = context.year;
  await send(
    context,
    progress,
    key('campaign', groupKey, 'branch', branchKey),
    `/campaigns/${campaign.campaignId}/working-groups/${groupId}/branches`,
    { branchId: branchByKey(context.year, branchKey).branchId, occurredAt: on },
  );
}

/** In the restructuring phase, before the merges: the merged branches' elections are cancelled. */
export async function cancelMergedBranchElections(context: ScriptContext, progress: PhaseProgress): Promise<void> {
  for (const election of context.year.cancelledElections) {
    await send(context, progress, key('election', election.key, 'cancel'), `/elections/${election.electionId}/cancel`, {
      reason: election.reason,
      occurredAt: election.cancelledOn,
    });
  }
}

// ---------------------------------------------------------------- elections

const DUE_PLEDGE = '差额选举，无记名投票';

async function electionStatus(context: ScriptContext, electionId: string): Promise<string> {
  const view = await context.api.get<{ state: { status: string } }>(`/elections/${electionId}`);
  return view.state.status;
}

/** One branch's election from the request (换届请示) to the installation request. */
async function runElection(context: ScriptContext, progress: PhaseProgress, election: DemoElection): Promise<void> {
  const { year } = context;
  const member = memberById(year);
  const branch = branchByKey(year, election.branchKey);
  const path = (step: string) => `/elections/${election.electionId}/${step}`;
  const k = (...parts: (string | number)[]) => key('election', election.key, ...parts);
  const d = election.dates;
  const candidates = election.candidates.map(member);
  const secretary = member(election.secretary);
  const race = election.committee ? 'committee' : 'secretary';

  await send(context, progress, k('request'), path('request'), {
    plannedDate: d.plannedDate,
    committee: election.committee,
    committeeSeats: election.committeeSeats,
    deputySecretary: false,
    electionMethod: election.committee ? DUE_PLEDGE : '等额选举，无记名投票',
    nominationMethod: '老干部推荐、党内提名、多方调研、社区参与',
    agenda: election.committee
      ? ['听取和审查上届支部委员会工作报告', '选举产生新一届支部委员会', '支委会第一次会议选举书记']
      : ['听取和审查书记工作报告', '选举产生支部书记'],
    occurredAt: d.request,
  });
  await send(context, progress, k('approve-request'), path('approve-request'), {
    approvalReference: election.requestApprovalReference,
    approvedOn: d.requestApproved,
    occurredAt: d.requestApproved,
  });
  // 老干部推荐: veteran cadres recommend the one they want as secretary.
  for (const recommendation of election.recommended) {
    const recommenders = year.members.filter((m) => recommendation.by.includes(m.name) && m.membership === 'full');
    await send(context, progress, k('recommend', member(recommendation.memberId).seq), path('recommendations'), {
      nominee: person(member(recommendation.memberId)),
      forPost: 'secretary',
      recommendedBy: recommenders.slice(0, 3).map(person),
      occurredAt: d.recommended,
    });
  }
  // 党内提名 by the outgoing committee: every candidate for the ballot, and the secretary-elect for the office.
  const nominatedBy = year.previousTerms.some((t) => t.branchKey === branch.key && t.posts.length > 1)
    ? '上届支部委员会'
    : `${SUPERIOR}（新设立支部）`;
  for (const candidate of candidates) {
    await send(context, progress, k('nominate', race, candidate.seq), path('nominations'), {
      nominee: person(candidate),
      forPost: race,
      nominatedBy,
      occurredAt: d.nominated,
    });
  }
  if (election.committee) {
    await send(context, progress, k('nominate', 'secretary', secretary.seq), path('nominations'), {
      nominee: person(secretary),
      forPost: 'secretary',
      nominatedBy,
      occurredAt: d.nominated,
    });
  }
  // 多方调研、谈心谈话、走访了解.
  const group = year.campaign.groups.find((g) => g.branchKeys.includes(branch.key));
  for (const candidate of candidates) {
    const isSecretary = candidate.memberId === secretary.memberId;
    await send(context, progress, k('vet', candidate.seq), path('vetting'), {
      memberId: candidate.memberId,
      method: isSecretary ? 'visit' : 'talk',
      by: group ? `${group.name}（组长${group.leader.name}）` : SUPERIOR,
      notes: isSecretary
        ? `走访了解：${candidate.name}党性强、威信高、身体较好，群众认可，愿意干、干得了。`
        : `谈心谈话：${candidate.name}本人同意作为支部委员候选人。`,
      on: d.vetted,
      occurredAt: d.vetted,
    });
  }
  // 社区参与.
  await send(context, progress, k('consult'), path('community-consultation'), {
    community: branch.community ?? branch.managementLinks[0]?.name ?? SUPERIOR,
    opinion: `同意${election.committee ? '支部委员会候选人预备人选' : '书记候选人预备人选'}，推荐${secretary.name}同志任书记。`,
    on: d.consulted,
    occurredAt: d.consulted,
  });
  await send(context, progress, k('slate'), path('slate'), {
    committeeCandidates: election.committee ? candidates.map(person) : [],
    secretaryCandidates: [person(secretary)],
    deputySecretaryCandidates: [],
    occurredAt: d.slateSubmitted,
  });
  await send(context, progress, k('approve-slate'), path('approve-slate'), {
    approvalReference: election.slateApprovalReference,
    approvedOn: d.slateApproved,
    occurredAt: d.slateApproved,
  });

  // 党员大会.
  const roll = finalRoll(year, branch.key);
  const voters = roll.filter((m) => m.membership === 'full' && m.suspension === null);
  const present = voters.filter((m) => !election.excused.includes(m.memberId) && !election.absent.includes(m.memberId));
  const nonVoting = roll
    .filter((m) => m.membership !== 'full' || m.suspension !== null)
    .map((m) => ({ person: person(m), kind: m.membership !== 'full' ? 'probationary' : 'rightsSuspended' }));
  const show = { for: present.length, against: 0, abstain: 0 };
  await send(context, progress, k('assembly'), path('assembly'), {
    exclusions: election.excused.map((memberId) => ({
      memberId,
      reason: 'frailOrBedridden',
      approvalReference: `孝离退党字〔2022〕${200 + (member(memberId).seq % 100)}号`,
    })),
    presentVoters: present.map(person),
    nonVotingAttendees: nonVoting,
    scrutineers: election.scrutineers.map((id) => person(member(id))),
    scrutineersApproval: show,
    tellers: election.tellers.map((id) => person(member(id))),
    electionMethodAdoption: show,
    occurredAt: d.assembly,
  });
  await send(context, progress, k('ballots', race), path('ballots'), {
    race,
    issued: present.length,
    ballots: ballotsFor(election, present),
    occurredAt: d.assembly,
  });
  await send(context, progress, k('count', race), path('count'), { race, occurredAt: d.assembly });
  if (election.committee) {
    const committee = candidates.filter((c) => c.memberId !== election.runnerUp);
    const others = committee.filter((c) => c.memberId !== secretary.memberId);
    const chair = [...others].sort((a, b) => a.birthDate.localeCompare(b.birthDate))[0] as DemoMember;
    await send(context, progress, k('officers'), path('officers'), {
      chairMemberId: chair.memberId,
      secretary: { memberId: secretary.memberId, votes: { for: committee.length - 1, against: 0, abstain: 1 } },
      scrutineers: [person(others[others.length - 1] as DemoMember)],
      duties: Object.fromEntries(election.duties),
      occurredAt: d.assembly,
    });
  }
  await send(context, progress, k('report'), path('report'), {
    reportReference: election.reportReference,
    occurredAt: d.resultReported,
  });
  await send(context, progress, k('approve-result'), path('approve-result'), {
    approvalReference: election.approvalReference,
    approvedOn: d.resultApproved,
    ...(election.committee ? { filingReference: election.filingReference } : {}),
    occurredAt: d.resultApproved,
  });
  await send(context, progress, k('install'), path('request-installation'), { occurredAt: d.resultApproved });
}

/** Who is on the branch's roll at the assembly: after the merges and the redraw. */
function finalRoll(year: XiaoyiYear, branchKey: string): DemoMember[] {
  const movers = new Set(year.redraw.movers);
  return year.members.filter((m) => {
    const key = movers.has(m.memberId)
      ? year.redraw.newBranchKey
      : (year.merges.find((merge) => merge.sourceKey === m.branchKey)?.targetKey ?? m.branchKey);
    return key === branchKey;
  });
}

/**
 * The returned ballot papers: each voter marks as many candidates as there are seats; most
 * vote for the slate's intended committee, a few (`dissenters`) swap one of them for the
 * runner-up, so the 差额 ballot has a loser and the tallies are not all equal.
 */
function ballotsFor(election: DemoElection, present: readonly DemoMember[]) {
  const elected = election.candidates.filter((id) => id !== election.runnerUp);
  const swappable = elected.filter((id) => id !== election.secretary);
  let swap = 0;
  return present.map((voter) => {
    const marks: Record<string, 'for' | 'against'> = Object.fromEntries(elected.map((id) => [id, 'for' as const]));
    if (election.runnerUp !== null && election.dissenters.includes(voter.memberId) && swappable.length > 0) {
      const dropped = swappable[swap % swappable.length] as string;
      swap += 1;
      marks[dropped] = 'against';
      marks[election.runnerUp] = 'for';
    }
    return { marks };
  });
}

export const electionsPhase: Phase = {
  name: 'elections',
  needs: ELECTION_OPERATIONS,
  estimate: (year) =>
    recountedBranches(year).length +
    2 +
    year.elections.reduce(
      (n, e) => n + 12 + e.candidates.length * 2 + (e.committee ? 2 : 0) + e.recommended.length + 1,
      0,
    ),
  async run(context, progress) {
    const { year } = context;
    // The census of the branches the restructuring changed is taken again; 永安's for the first time.
    for (const branchKey of recountedBranches(year)) {
      const election = year.elections.find((e) => e.branchKey === branchKey) as DemoElection;
      await send(context, progress, key('election', election.key, 'census', 'recount'), '/elections', {
        electionId: election.electionId,
        branchId: branchByKey(year, branchKey).branchId,
        ...censusText(year, branchKey, year.restructuringDoneOn),
        notes: `结合城市社区调整后重新摸排：现有党员${finalRoll(year, branchKey).length}名。`,
        occurredAt: year.restructuringDoneOn,
      });
    }
    for (const election of year.elections.filter((e) => !branchByKey(year, e.branchKey).existsAtStart)) {
      const branch = branchByKey(year, election.branchKey);
      await send(context, progress, key('election', election.key, 'census'), '/elections', {
        electionId: election.electionId,
        branchId: branch.branchId,
        ...censusText(year, election.branchKey, election.dates.census),
        occurredAt: election.dates.census,
      });
      const group = year.campaign.groups.find((g) => g.branchKeys.includes(branch.key));
      const withCampaign = CAMPAIGN_OPERATIONS.every((operation) => context.operations.has(operation));
      if (group && withCampaign)
        await assignToGroup(context, progress, branch.key, group.groupId, group.key, election.dates.census);
    }
    const ordered = [...year.elections].sort((a, b) => a.dates.assembly.localeCompare(b.dates.assembly));
    for (const election of ordered) await runElection(context, progress, election);
    // The installation process manager ends the 2019 term's posts and assigns the elected ones.
    for (const election of ordered) {
      await waitUntil(
        context,
        `the installation of ${branchByKey(year, election.branchKey).name}'s election`,
        async () => (await electionStatus(context, election.electionId)) === 'installed',
      );
      progress.step();
    }
    const named = ['李全爱', '武雅君'].join('、');
    return (
      `${year.elections.length} elections installed (${year.elections.filter((e) => e.committee).length} committees), ` +
      `${year.cancelledElections.length} cancelled by the merges; secretaries include ${named}; ` +
      `the youngest, ${year.youngestSecretary.name}, is ${year.youngestSecretary.age}`
    );
  },
};

// ---------------------------------------------------------------- posts after the election

export const postsPhase: Phase = {
  name: 'posts',
  needs: ['POST /branches/{branchId}/posts'],
  estimate: (year) => year.branches.filter((b) => b.communitySecretary).length * 2 - year.merges.length * 2,
  async run(context, progress) {
    const { year } = context;
    const merged = new Set(year.merges.map((m) => m.sourceKey));
    const community = year.branches.filter((b) => b.communitySecretary && !merged.has(b.key));
    let number = 100;
    // 交叉任职: the community party secretary serves concurrently (兼任) as vice-secretary.
    for (const branch of community) {
      number += 1;
      const holder = branch.communitySecretary as NonNullable<typeof branch.communitySecretary>;
      await send(context, progress, key('post', branch.key, 'cross-appointed'), `/branches/${branch.branchId}/posts`, {
        kind: 'deputySecretary',
        source: 'concurrent',
        documentReference: `孝离退党字〔2022〕${number}号`,
        holder,
        startDate: year.crossAppointedOn,
        occurredAt: year.crossAppointedOn,
      });
    }
    // 党务干部: a young community cadre assists each branch.
    for (const branch of community) {
      const holder = branch.partyAffairsOfficer as NonNullable<typeof branch.partyAffairsOfficer>;
      await send(
        context,
        progress,
        key('post', branch.key, 'party-affairs-officer'),
        `/branches/${branch.branchId}/posts`,
        {
          kind: 'partyAffairsOfficer',
          source: 'concurrent',
          holder,
          startDate: year.officersAssignedOn,
          occurredAt: year.officersAssignedOn,
        },
      );
    }
    return `${community.length} community party secretaries cross-appointed as vice-secretaries (兼任), ${community.length} party-affairs officers (党务干部) assigned`;
  },
};

// ---------------------------------------------------------------- the rest of the year

export const closingPhase: Phase = {
  name: 'autumn',
  needs: ['POST /members/{memberId}/confirm', 'POST /members/{memberId}/restore-voting-rights'],
  estimate: (year) =>
    year.members.filter((m) => m.membership === 'probationary').length +
    year.members.filter((m) => m.suspension).length,
  async run(context, progress) {
    const { year } = context;
    const confirmations = year.members
      .filter((m) => m.membership === 'probationary')
      .map((m) => ({ m, on: addYears(m.joinedPartyOn, 1) }))
      .sort((a, b) => a.on.localeCompare(b.on));
    for (const { m, on } of confirmations) {
      await send(context, progress, key('member', m.seq, 'confirm'), `/members/${m.memberId}/confirm`, {
        confirmedOn: on,
        occurredAt: on,
      });
    }
    const restorations = year.members.filter((m) => m.suspension);
    for (const m of restorations) {
      const until = (m.suspension as NonNullable<DemoMember['suspension']>).until;
      await send(context, progress, key('member', m.seq, 'restore'), `/members/${m.memberId}/restore-voting-rights`, {
        restoredOn: until,
        documentReference: `孝纪发〔2022〕${m.seq % 50}号`,
        occurredAt: until,
      });
    }
    return `${confirmations.length} probationary members confirmed (转正), ${restorations.length} members' rights restored after 留党察看`;
  },
};
