import { DEMONSTRATION_STANDARDS } from '@app/domain';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';

/** Two committees' worth of organisation, elections and restructurings, built over HTTP. */
export interface ScopedWorld {
  /** The scoped administrator's committee, a general branch below it, and their branches and people. */
  readonly x: { committee: string; below: string; branch: string; spare: string; branchBelow: string; member: string };
  /** Another committee's: everything a scoped administrator of X must neither see nor touch. */
  readonly y: {
    committee: string;
    branch: string;
    spare: string;
    member: string;
    holder: string;
    post: string;
    link: string;
    election: string;
    restructuring: string;
    /** A committee post vacated mid-term (resigned), and the by-election requested to fill it. */
    vacancy: string;
    byElection: string;
  };
  readonly xElection: string;
  /** The bureau's campaign, with one working group 包联 to one branch of each committee. */
  readonly campaign: string;
  readonly group: string;
  /**
   * The bureau's demonstration campaign, with X's branch chosen and ready for approval (13/13
   * items, every 六好 met); a volunteer team X's branch leads, and a member of X not in it.
   */
  readonly demonstration: string;
  readonly team: string;
  readonly volunteer: string;
}

const day = '2023-03-01';

/** Builds the world as an unscoped administrator (`admin` is its Authorization header). */
export async function buildScopedWorld(http: App, admin: string): Promise<ScopedWorld> {
  const post = async (path: string, body: object): Promise<Record<string, unknown>> => {
    const response = await request(http).post(path).set('Authorization', admin).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { events: { data: Record<string, unknown> }[] }).events[0]?.data ?? {};
  };
  const committee = async (name: string, parentCommitteeId?: string) =>
    (
      await post('/committees', {
        name,
        kind: parentCommitteeId ? 'general_branch' : 'committee',
        ...(parentCommitteeId ? { parentCommitteeId } : {}),
        occurredAt: '2020-01-02',
      })
    ).committeeId as string;
  const branch = async (name: string, parentCommitteeId: string) =>
    (await post('/branches', { name, parentCommitteeId, occurredAt: '2020-02-01' })).branchId as string;
  let people = 0;
  const member = async (branchId: string) => {
    people += 1;
    return (
      await post('/members', {
        name: `党员${people}`,
        birthDate: '1950-03-08',
        sex: people % 2 === 0 ? 'female' : 'male',
        joinedPartyOn: '1975-07-01',
        formerPostLevel: '科级',
        membership: 'full',
        branchId,
        occurredAt: '2020-03-01',
      })
    ).memberId as string;
  };
  const census = async (branchId: string) =>
    (
      await post('/elections', {
        branchId,
        committeeWorking: '支部委员会运转正常',
        secretarySituation: '书记身体健康',
        occurredAt: day,
      })
    ).electionId as string;

  const xCommittee = await committee('孝义市离退休干部党委');
  const below = await committee('孝义市离退休干部党委第一党总支', xCommittee);
  const yCommittee = await committee('汾阳市离退休干部党委');
  const x = {
    committee: xCommittee,
    below,
    branch: await branch('府东社区离退休干部党支部', xCommittee),
    spare: await branch('府西社区离退休干部党支部', xCommittee),
    branchBelow: await branch('总支下属离退休干部党支部', below),
    member: '',
  };
  x.member = await member(x.branch);
  // A census needs three full members (the minimum a branch must have).
  const others: string[] = [];
  for (const branchId of [x.branch, x.branch]) others.push(await member(branchId));
  const yBranch = await branch('汾阳某社区离退休干部党支部', yCommittee);
  const y = {
    committee: yCommittee,
    branch: yBranch,
    spare: await branch('汾阳另一社区离退休干部党支部', yCommittee),
    member: await member(yBranch),
    holder: await member(yBranch),
    post: randomUUID(),
    link: randomUUID(),
    election: '',
    restructuring: '',
    vacancy: randomUUID(),
    byElection: '',
  };
  await member(y.branch);
  await post(`/branches/${y.branch}/posts`, {
    postId: y.post,
    kind: 'secretary',
    source: 'elected',
    holder: { personId: y.holder, name: '党员3' },
    startDate: '2020-06-30',
    occurredAt: '2020-07-01',
  });
  await post(`/branches/${y.branch}/management-links`, {
    linkId: y.link,
    kind: 'community',
    name: '汾阳某社区',
    occurredAt: '2020-07-01',
  });
  y.election = await census(y.branch);
  await post(`/branches/${y.branch}/posts`, {
    postId: y.vacancy,
    kind: 'committeeMember',
    duty: '组织委员',
    source: 'elected',
    holder: { personId: y.member, name: '党员2' },
    startDate: '2020-06-30',
    occurredAt: '2020-07-01',
  });
  await post(`/branches/${y.branch}/posts/${y.vacancy}/vacate`, {
    reason: 'resigned',
    endDate: '2021-01-04',
    occurredAt: '2021-01-04',
  });
  y.byElection = (
    await post('/by-elections', {
      branchId: y.branch,
      vacatedPostId: y.vacancy,
      reason: '组织委员辞职',
      plannedDate: '2023-04-20',
      candidates: [{ personId: y.member, name: '党员2' }],
      occurredAt: day,
    })
  ).byElectionId as string;
  y.restructuring = (
    await post('/restructurings/dissolution', {
      reason: '社区撤并',
      branchId: y.spare,
      destinationBranchId: y.branch,
      occurredAt: day,
    })
  ).restructuringId as string;
  const xElection = await census(x.branch);
  const campaign = (
    await post('/campaigns', {
      title: '2023年离退休干部党支部换届选举工作方案',
      documentNumber: '老干字〔2023〕1号',
      requirements: ['按期换届'],
      deadline: '2023-12-31',
      occurredAt: day,
    })
  ).campaignId as string;
  const group = (
    await post(`/campaigns/${campaign}/working-groups`, {
      name: '第一工作组',
      leader: { personId: randomUUID(), name: '王局长' },
      occurredAt: day,
    })
  ).groupId as string;
  for (const branchId of [x.branch, y.branch]) {
    await post(`/campaigns/${campaign}/working-groups/${group}/branches`, { branchId, occurredAt: day });
  }
  const demonstration = (await post('/demonstrations', { title: '2023年示范党支部创建', year: 2023, occurredAt: day }))
    .campaignId as string;
  await post(`/demonstrations/${demonstration}/branches`, { branchId: x.branch, occurredAt: day });
  const ready = `/demonstrations/${demonstration}/branches/${x.branch}`;
  for (const itemId of DEMONSTRATION_STANDARDS[0]!.checklist.map((item) => item.id)) {
    const evidence = { itemId, kind: 'photo', reference: itemId, checkedOn: day, checkedBy: '王组织', occurredAt: day };
    await post(`${ready}/evidence`, evidence);
  }
  for (const criterionId of DEMONSTRATION_STANDARDS[0]!.criteria.map((criterion) => criterion.id)) {
    await post(`${ready}/assessments`, { criterionId, passed: true, assessedBy: '考评组', occurredAt: day });
  }
  const team = (
    await post('/volunteer-teams', {
      name: '老干部志愿服务队',
      leadBranchId: x.branch,
      leaderMemberId: x.member,
      occurredAt: day,
    })
  ).teamId as string;
  return { x, y, xElection, campaign, group, demonstration, team, volunteer: others[0]! };
}

/** An API on a fresh store holding the world, and the callers the scope tests send as. */
export interface BootedScopedWorld {
  readonly api: BootedApi;
  readonly http: App;
  readonly world: ScopedWorld;
  /** Authorization headers: an unscoped administrator, an auditor, an administrator of X. */
  readonly admin: string;
  readonly auditor: string;
  readonly scoped: string;
}

export async function bootScopedWorld(): Promise<BootedScopedWorld> {
  // No timers or digests: every event appended during a test is one a request appended.
  const api = await bootApi({
    auth: 'explicit',
    env: { BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0', BRANCHFLOW_ELECTION_TIMER_MINUTES: '0' },
  });
  const http = api.app.getHttpServer();
  const admin = `Bearer ${await tokenFor(api.config, 'admin')}`;
  const auditor = `Bearer ${await tokenFor(api.config, 'auditor')}`;
  const world = await buildScopedWorld(http, admin);
  const scoped = `Bearer ${await tokenFor(api.config, 'admin', world.x.committee)}`;
  return { api, http, world, admin, auditor, scoped };
}
