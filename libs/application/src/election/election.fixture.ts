/**
 * Test support for the election integration tests: one "process" of branchflow on a data
 * directory (SQLite events, the read-model database with the organisation projection running
 * in-process, the command handlers, the installation process manager on its checkpoint and the
 * election timers), plus a committee branch taken through an election up to each step. Not exported.
 */
import { join } from 'node:path';
import type { ElectionStreamCommand } from '@app/domain';
import { createEventStore, type EventStore } from '@app/event-store';
import {
  OrganisationQueries,
  openReadModelDatabase,
  organisationNowProjection,
  ProjectionRunner,
  type ReadModelDatabase,
} from '@app/read-models';
import type { CommandInput, CommandOutcome } from '../command-handling/domain-command-message';
import type { CommandContext } from '../command-handling/handle-command';
import { BranchCommandHandler, ExecuteBranchCommand } from '../organisation/branch/branch-command.handler';
import { CommitteeCommandHandler, ExecuteCommitteeCommand } from '../organisation/committee/committee-command.handler';
import { ExecuteMemberCommand, MemberCommandHandler } from '../organisation/member/member-command.handler';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';
import { SqlCheckpointStore } from '../process-managers/checkpoint-store';
export { waitUntil } from '../process-managers/crash-safety.fixture';
import { ProcessManagerRunner } from '../process-managers/process-manager-runner';
import { ReadModelFreshness } from '../read-models/read-model-freshness';
import { ElectionCommandHandler, ExecuteElectionCommand } from './election-command.handler';
import { ElectionFacts } from './election-facts';
import { ElectionIndex } from './election-index';
import { ElectionTimers } from './election-timers';
import { ElectionReminderSender } from './election-reminder-sender';
import { InstallationProcessManager, type InstallationProcessOptions } from './installation.process-manager';

export const ACTOR = { id: 'u-admin', name: '孝义市委老干部局管理员', role: 'admin' } as const;

export interface ElectionRuntime {
  readonly store: EventStore;
  readonly db: ReadModelDatabase;
  readonly facts: OrganisationFacts;
  readonly policies: RulePolicies;
  readonly elections: ElectionCommandHandler;
  readonly projection: ProjectionRunner;
  /** New election timers of this process (nothing of an earlier process is kept). */
  timers(): ElectionTimers;
  startInstallation(options?: InstallationProcessOptions): ProcessManagerRunner;
  close(): Promise<void>;
}

export async function openElectionRuntime(dataDir: string): Promise<ElectionRuntime> {
  const store = await createEventStore({ dataDir, sqliteSynchronous: 'NORMAL' });
  const db = openReadModelDatabase(join(dataDir, 'read-models.sqlite'));
  const projection = new ProjectionRunner(store, db, organisationNowProjection);
  projection.start();
  const facts = new OrganisationFacts(
    store,
    new OrganisationQueries(db),
    new ReadModelFreshness(store, db, { timeoutMs: 20_000 }),
  );
  const policies = new RulePolicies(store);
  const index = new ElectionIndex(store);
  const electionFacts = new ElectionFacts(facts, index);
  const elections = new ElectionCommandHandler(store, electionFacts, policies);
  const checkpoints = new SqlCheckpointStore(db);
  const runners: ProcessManagerRunner[] = [];
  return {
    store,
    db,
    facts,
    policies,
    elections,
    projection,
    timers: () => {
      const fresh = new ElectionIndex(store);
      return new ElectionTimers(
        fresh,
        policies,
        (input, context) => elections.execute(new ExecuteElectionCommand(input, context)),
        undefined,
        undefined,
        new ElectionReminderSender(store, facts, fresh, new ElectionFacts(facts, fresh), policies),
      );
    },
    startInstallation(options = {}) {
      const manager = new InstallationProcessManager(store, facts, electionFacts, policies, options);
      const runner = new ProcessManagerRunner(store, checkpoints, manager, {
        logger: { warn: () => undefined, error: () => undefined },
      });
      runner.start();
      runners.push(runner);
      return runner;
    },
    async close() {
      await Promise.all(runners.map((runner) => runner.stop()));
      await projection.stop();
      db.close();
      await store.close();
    },
  };
}

/** Sends commands through the real handlers, each with a deterministic command id. */
export class Commands {
  private sequence = 0;
  private readonly committees: CommitteeCommandHandler;
  private readonly branches: BranchCommandHandler;
  private readonly members: MemberCommandHandler;

  constructor(
    private readonly runtime: ElectionRuntime,
    private readonly prefix: string,
  ) {
    this.committees = new CommitteeCommandHandler(runtime.store, runtime.facts, runtime.policies);
    this.branches = new BranchCommandHandler(runtime.store, runtime.facts, runtime.policies);
    this.members = new MemberCommandHandler(runtime.store, runtime.facts, runtime.policies);
  }

  private context(date: string): CommandContext {
    this.sequence += 1;
    return { commandId: `${this.prefix}-${this.sequence}`, actor: ACTOR, occurredAt: `${date}T09:00:00+08:00` };
  }

  committee(input: ExecuteCommitteeCommand['input'], date: string): Promise<CommandOutcome> {
    return this.committees.execute(new ExecuteCommitteeCommand(input, this.context(date)));
  }
  branch(input: ExecuteBranchCommand['input'], date: string): Promise<CommandOutcome> {
    return this.branches.execute(new ExecuteBranchCommand(input, this.context(date)));
  }
  member(input: ExecuteMemberCommand['input'], date: string): Promise<CommandOutcome> {
    return this.members.execute(new ExecuteMemberCommand(input, this.context(date)));
  }
  election(input: CommandInput<ElectionStreamCommand>, date: string): Promise<CommandOutcome> {
    return this.runtime.elections.execute(new ExecuteElectionCommand(input, this.context(date)));
  }
}

export const BRANCH = 'b-fuqian';
export const ELECTION = 'e-fuqian-2023';
export const NAMES = ['李全爱', '武雅君', '张建国', '王秀英', '刘志强', '陈玉兰', '杨德明', '赵淑芬', '黄文华'];
export const member = (n: number) => ({ personId: `m${n}`, name: NAMES[n - 1] as string });

/** Committee, a branch of nine full members, and its outgoing officers (elected 2020-06-30, a 3-year term). */
export async function prepareBranch(commands: Commands): Promise<void> {
  await commands.committee(
    {
      type: 'EstablishPartyCommittee',
      data: { committeeId: 'c-xiaoyi', name: '孝义市离退休干部党委', kind: 'committee' },
    },
    '2020-01-05',
  );
  await commands.branch(
    {
      type: 'EstablishBranch',
      data: { branchId: BRANCH, name: '府前社区离退休干部党支部', parentCommitteeId: 'c-xiaoyi', joint: false },
    },
    '2020-01-10',
  );
  for (let n = 1; n <= NAMES.length; n += 1) {
    await commands.member(
      {
        type: 'AdmitMember',
        data: {
          memberId: `m${n}`,
          name: NAMES[n - 1] as string,
          birthDate: '1950-03-08',
          sex: n % 2 === 0 ? 'female' : 'male',
          joinedPartyOn: '1975-07-01',
          formerPostLevel: '科级',
          membership: 'full',
          branchId: BRANCH,
        },
      },
      '2020-02-01',
    );
  }
  const outgoing = [
    { n: 1, kind: 'secretary', duty: undefined },
    { n: 2, kind: 'deputySecretary', duty: undefined },
    { n: 3, kind: 'committeeMember', duty: '组织委员' },
    { n: 4, kind: 'committeeMember', duty: '宣传委员' },
  ] as const;
  for (const { n, kind, duty } of outgoing) {
    await commands.branch(
      {
        type: 'AssignPost',
        data: {
          branchId: BRANCH,
          postId: `p-old-${kind}-m${n}`,
          kind,
          duty,
          source: 'elected',
          holder: member(n),
          startDate: '2020-06-30',
        },
      },
      '2020-07-01',
    );
  }
}

/** Census to an approved request (approved 2023-03-10, so it lapses on 2023-06-08). */
export async function openAndApprove(commands: Commands, electionId = ELECTION): Promise<void> {
  await commands.election(
    {
      type: 'TakeCensus',
      data: { electionId, branchId: BRANCH, committeeWorking: '正常', secretarySituation: '年事已高' },
    },
    '2023-03-01',
  );
  await commands.election(
    {
      type: 'RequestElection',
      data: {
        electionId,
        plannedDate: '2023-05-20',
        committee: true,
        committeeSeats: 5,
        deputySecretary: true,
        electionMethod: '差额选举、无记名投票',
        nominationMethod: '党内提名',
      },
    },
    '2023-03-05',
  );
  await commands.election(
    {
      type: 'ApproveElectionRequest',
      data: { electionId, approvalReference: '孝老干党字〔2023〕12号', approvedOn: '2023-03-10' },
    },
    '2023-03-10',
  );
}

/**
 * The rest of the election up to the installation request: six candidates for five seats,
 * m1, m2, m3, m5, m6 elected; m5 secretary and m1 deputy at the first committee meeting.
 * The installation then ends the four outgoing posts and assigns five new ones.
 */
export async function holdElection(commands: Commands, electionId = ELECTION): Promise<void> {
  const candidates = [1, 2, 3, 4, 5, 6].map(member);
  for (const nominee of candidates) {
    await commands.election(
      { type: 'NominateCandidate', data: { electionId, nominee, forPost: 'committee', nominatedBy: '上届支委会' } },
      '2023-03-15',
    );
  }
  await commands.election(
    {
      type: 'SubmitCandidateSlate',
      data: {
        electionId,
        committeeCandidates: candidates,
        secretaryCandidates: [member(5)],
        deputySecretaryCandidates: [member(1)],
      },
    },
    '2023-03-25',
  );
  await commands.election(
    {
      type: 'ApproveCandidateSlate',
      data: { electionId, approvalReference: '孝老干党字〔2023〕16号', approvedOn: '2023-04-01' },
    },
    '2023-04-01',
  );
  const present = [1, 2, 3, 4, 5, 6, 7, 8].map(member);
  await commands.election(
    {
      type: 'ConveneMembersAssembly',
      data: {
        electionId,
        exclusions: [],
        presentVoters: present,
        nonVotingAttendees: [],
        scrutineers: [member(7)],
        scrutineersApproval: { for: 8, against: 0, abstain: 0 },
        tellers: [member(8)],
        electionMethodAdoption: { for: 8, against: 0, abstain: 0 },
      },
    },
    '2023-05-20',
  );
  const all = { m1: 'for', m2: 'for', m3: 'for', m5: 'for', m6: 'for', m4: 'against' } as const;
  await commands.election(
    {
      type: 'RecordBallots',
      data: { electionId, race: 'committee', issued: 8, ballots: present.map(() => ({ marks: all })) },
    },
    '2023-05-20',
  );
  await commands.election({ type: 'CountBallots', data: { electionId, race: 'committee' } }, '2023-05-20');
  await commands.election(
    {
      type: 'ElectOfficers',
      data: {
        electionId,
        chairMemberId: 'm2',
        secretary: { memberId: 'm5', votes: { for: 5, against: 0, abstain: 0 } },
        deputySecretary: { memberId: 'm1', votes: { for: 4, against: 0, abstain: 1 } },
        scrutineers: [member(3)],
        duties: { m2: '组织委员', m3: '宣传委员', m6: '纪检委员' },
      },
    },
    '2023-05-20',
  );
  await commands.election(
    { type: 'ReportElectionResult', data: { electionId, reportReference: '府前〔2023〕3号' } },
    '2023-05-21',
  );
  await commands.election(
    {
      type: 'ApproveElectionResult',
      data: {
        electionId,
        approvalReference: '孝老干党字〔2023〕21号',
        approvedOn: '2023-05-25',
        filingReference: '孝老干党备〔2023〕4号',
      },
    },
    '2023-05-25',
  );
  await commands.election({ type: 'RequestInstallation', data: { electionId } }, '2023-05-26');
}
