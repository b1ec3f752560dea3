import request from 'supertest';
import type { App } from 'supertest/types';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

export interface Person {
  readonly personId: string;
  readonly name: string;
}

type Mark = 'for' | 'against' | 'abstain';

/** Where a committee election run over HTTP stands after each of its steps. */
export interface CommitteeElection {
  readonly committeeId: string;
  readonly branchId: string;
  readonly electionId: string;
  readonly members: readonly Person[];
  /** Runs the remaining steps up to and including `step`. */
  to(step: ElectionStep): Promise<void>;
}

const STEPS = [
  'census',
  'request',
  'approval',
  'slate',
  'assembly',
  'ballots',
  'officers',
  'report',
  'approved',
] as const;
export type ElectionStep = (typeof STEPS)[number];

const NAMES = ['李全爱', '武雅君', '张建国', '王秀英', '刘志强', '陈玉兰', '杨德明', '赵淑芬', '黄文华', '周桂英'];

/**
 * 府前's committee election of 2023 through the public API, as a clerk records it: a branch of
 * ten full members with a sitting committee, the census stating it elects the 第三届 committee,
 * a numbered request, the 批复, a slate of four for three seats, the assembly (eight of ten
 * present), one counted round, the first committee meeting and the report. Each step is dated.
 */
export async function committeeElection(http: App, key: string): Promise<CommitteeElection> {
  const org = new OrganisationFixtures(http);
  let sent = 0;
  const post = (path: string, body: object) =>
    request(http)
      .post(path)
      .set('Idempotency-Key', `${key}-${(sent += 1)}`)
      .send(body)
      .expect((res) => {
        if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      });
  const committeeId = await org.committee('孝义市离退休干部党委');
  const branchId = await org.branch(committeeId, '府前社区离退休干部党支部');
  const members: Person[] = [];
  for (const name of NAMES) members.push({ personId: await org.member(branchId, { name }), name });
  const [m1, m2, m3, m4, m5, m6] = members as [Person, Person, Person, Person, Person, Person];
  for (const [holder, kind, extra] of [
    [m1, 'secretary', {}],
    [m2, 'deputySecretary', {}],
    [m3, 'committeeMember', { duty: '组织委员' }],
  ] as const) {
    await post(`/branches/${branchId}/posts`, {
      kind,
      source: 'elected',
      holder,
      startDate: '2020-06-30',
      occurredAt: '2023-02-02',
      ...extra,
    });
  }
  const opened = await post('/elections', {
    branchId,
    committeeWorking: '支委会能正常开展工作',
    secretarySituation: '书记年事已高，本人不愿连任',
    termNumber: 3,
    occurredAt: '2023-03-01',
  });
  const electionId = opened.body.events[0].data.electionId as string;
  const path = (step: string) => `/elections/${electionId}/${step}`;
  const ballot = (marks: Record<string, Mark>) => ({ marks });
  const present = members.slice(0, 8);

  const steps: Record<Exclude<ElectionStep, 'census'>, () => Promise<unknown>> = {
    request: () =>
      post(path('request'), {
        plannedDate: '2023-05-20',
        committee: true,
        committeeSeats: 3,
        deputySecretary: true,
        electionMethod: '差额选举、无记名投票',
        nominationMethod: '老干部推荐、党内提名、组织审查',
        agenda: ['听取和审查支部委员会工作报告', '选举新一届支部委员会'],
        requestReference: '府前支〔2023〕1号',
        occurredAt: '2023-03-05',
      }),
    approval: () =>
      post(path('approve-request'), {
        approvalReference: '孝老干党字〔2023〕12号',
        approvedOn: '2023-03-10',
        occurredAt: '2023-03-10',
      }),
    slate: async () => {
      for (const nominee of [m4, m1, m2, m3]) {
        await post(path('nominations'), {
          nominee,
          forPost: 'committee',
          nominatedBy: '上届支部委员会',
          occurredAt: '2023-03-16',
        });
      }
      await post(path('slate'), {
        committeeCandidates: [m4, m1, m2, m3],
        secretaryCandidates: [m4],
        deputySecretaryCandidates: [m2],
        occurredAt: '2023-03-25',
      });
      await post(path('approve-slate'), {
        approvalReference: '孝老干党字〔2023〕16号',
        approvedOn: '2023-04-01',
        occurredAt: '2023-04-01',
      });
    },
    assembly: () =>
      post(path('assembly'), {
        exclusions: [],
        presentVoters: present,
        nonVotingAttendees: [],
        scrutineers: [m5],
        scrutineersApproval: { for: 8, against: 0, abstain: 0 },
        tellers: [m6],
        electionMethodAdoption: { for: 8, against: 0, abstain: 0 },
        occurredAt: '2023-05-20',
      }),
    ballots: async () => {
      const [p1, p2, p3, p4] = [m1, m2, m3, m4].map((p) => p.personId) as [string, string, string, string];
      const papers = [
        ...Array.from({ length: 5 }, () => ballot({ [p4]: 'for', [p2]: 'for', [p1]: 'for', [p3]: 'against' })),
        ballot({ [p4]: 'for', [p2]: 'for', [p3]: 'for', [p1]: 'against' }),
        ballot({ [p4]: 'for', [p1]: 'for', [p3]: 'for', [p2]: 'abstain' }),
        ballot({ [p4]: 'for', [p1]: 'for', [p2]: 'for', [p3]: 'abstain' }),
      ];
      await post(path('ballots'), { race: 'committee', issued: 8, ballots: papers, occurredAt: '2023-05-20' });
      await post(path('count'), { race: 'committee', occurredAt: '2023-05-20' });
    },
    officers: () =>
      post(path('officers'), {
        chairMemberId: m1.personId,
        secretary: { memberId: m4.personId, votes: { for: 3, against: 0, abstain: 0 } },
        deputySecretary: { memberId: m2.personId, votes: { for: 3, against: 0, abstain: 0 } },
        scrutineers: [m1],
        duties: { [m1.personId]: '组织委员' },
        occurredAt: '2023-05-20',
      }),
    report: () => post(path('report'), { reportReference: '府前支〔2023〕3号', occurredAt: '2023-05-22' }),
    approved: () =>
      post(path('approve-result'), {
        approvalReference: '孝老干党字〔2023〕21号',
        approvedOn: '2023-05-25',
        filingReference: '孝老干党备〔2023〕4号',
        occurredAt: '2023-05-25',
      }),
  };
  let done = 0;
  return {
    committeeId,
    branchId,
    electionId,
    members,
    async to(step) {
      const target = STEPS.indexOf(step);
      while (done < target) {
        done += 1;
        await steps[STEPS[done] as Exclude<ElectionStep, 'census'>]();
      }
    },
  };
}
