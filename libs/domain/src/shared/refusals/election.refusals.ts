import { zhDate } from '../zh-date';
import type {
  ElectionCommandType,
  ExclusionReason,
  MemberStanding,
  Motion,
  Race,
} from '../../election/election.commands';
import type { SlateDeviation } from '../../election/election.events';
import type { ElectionStatus, RaceState } from '../../election/election.state';
import type { VoterStanding } from '../../election/voters';
import type { PostKind } from '../../organisation/branch/post';
import type { SuspensionReason } from '../../organisation/member/member.commands';
import { article, chapter, chineseNumber, citeEn, citeZh, policy, Reference, rules } from './citations';
import {
  BRANCH_NOT_OPEN_LABELS,
  ELECTION_COMMAND_LABELS,
  ELECTION_STATUS_LABELS,
  EXCLUSION_LABELS,
  listEn,
  listZh,
  POST_LABELS,
  RACE_LABELS,
  RACE_PHASE_LABELS,
  SUSPENSION_LABELS,
  Term,
} from './labels';
import { collision, malformed, NoDetails, RefusalCatalogue, RefusalEntry, rule, unknown } from './refusal';
import type { ElectionReminderKind } from '../../election/election-reminder-kind';

const REMINDER_LABELS: Readonly<Record<ElectionReminderKind, { readonly en: string; readonly zh: string }>> = {
  beforeTermEnd: { en: 'reminder before the term ends', zh: '任期届满前的换届提醒' },
  overdue: { en: 'reminder of an overdue election', zh: '逾期未换届的提醒' },
  noTerm: { en: 'reminder of a term never recorded', zh: '未登记任期的换届提醒' },
};

/** A command the election's status or the date does not allow now: what was asked, and where it stands. */
export type Blocked = { readonly command: ElectionCommandType; readonly status: ElectionStatus };

/** A limit in months as people say it: 12 → "one year" / "一年", 6 → "6 months" / "6个月". */
const monthsEn = (months: number): string =>
  months % 12 === 0 ? `${months / 12} year${months === 12 ? '' : 's'}` : `${months} month${months === 1 ? '' : 's'}`;
const monthsZh = (months: number): string => (months % 12 === 0 ? `${chineseNumber(months / 12)}年` : `${months}个月`);

const commandEn = (d: Blocked): string => ELECTION_COMMAND_LABELS[d.command].en;
const commandZh = (d: Blocked): string => ELECTION_COMMAND_LABELS[d.command].zh;

/**
 * A command out of the workflow's order: `why` says which step must come first, and the rule.
 * English: `RequestElection cannot run while the election is requested: …`.
 */
function outOfOrder(why: { readonly en: string; readonly zh: string }, example: Blocked): RefusalEntry<Blocked> {
  return rule<Blocked>({
    en: (d) => `${commandEn(d)} cannot run while the election is ${ELECTION_STATUS_LABELS[d.status].en}: ${why.en}`,
    zh: (d) => `选举目前处于“${ELECTION_STATUS_LABELS[d.status].zh}”阶段，不能${commandZh(d)}：${why.zh}`,
    examples: [example],
  });
}

const because = (en: string, zh: string, ...references: Reference[]) => ({
  en: `${en} ${citeEn(...references)}.`,
  zh: `${zh}${citeZh(...references)}。`,
});

/** A ballot command naming a contest that is not in the phase the command needs. */
type RaceInPhase = { readonly race: Race; readonly phase: RaceState['phase'] };

const raceNotIn = (wanted: RaceState['phase']) => ({
  en: (d: RaceInPhase): string =>
    `The ${RACE_LABELS[d.race].en} contest is ${RACE_PHASE_LABELS[d.phase].en}, not ${RACE_PHASE_LABELS[wanted].en}; each round is recorded, then counted, and a shortfall is resolved before anyone votes again ${citeEn(rules('6.8'), rules('6.10'))}.`,
  zh: (d: RaceInPhase): string =>
    `${RACE_LABELS[d.race].zh}的选举目前${RACE_PHASE_LABELS[d.phase].zh}，而不是${RACE_PHASE_LABELS[wanted].zh}：每轮选票先登记、再计票，当选人数不足的须先解决，才能再次投票${citeZh(rules('6.8'), rules('6.10'))}。`,
});

/** Who cannot be counted as a voter present, and why (VoterStanding other than eligible). */
type NotAVoter = { readonly personId: string; readonly name: string };

const notAVoter = (standing: Exclude<VoterStanding, 'eligible'>, en: string, zh: string, ...references: Reference[]) =>
  rule<NotAVoter & { readonly standing: Exclude<VoterStanding, 'eligible'> }>({
    en: (d) => `${d.name} cannot be counted as a voter present: ${d.name} ${en} ${citeEn(...references)}.`,
    zh: (d) => `${d.name}不能计为到会选举人：${d.name}${zh}${citeZh(...references)}。`,
    examples: [{ personId: 'm-1', name: '李全爱', standing }],
  });

/** What a vote at the assembly or the committee's first meeting decided. */
export type MotionSubject = 'the scrutineers' | 'the election method' | 'reducing the seats' | Office;
type Office = 'the secretary' | 'the deputy secretary';

const MOTION_SUBJECTS: { readonly [S in MotionSubject]: string } = {
  'the scrutineers': '监票人名单',
  'the election method': '选举办法',
  'reducing the seats': '减少名额',
  'the secretary': '书记人选',
  'the deputy secretary': '副书记人选',
};

/** The officer offices as slates and first meetings name them (English as the details carry it). */
export type OfficeName = 'secretary' | 'deputy secretary';
const OFFICE_ZH: { readonly [O in OfficeName]: string } = { secretary: '书记', 'deputy secretary': '副书记' };

const DEVIATIONS: { readonly [K in SlateDeviation['kind']]: Term } = {
  writeInElected: { en: 'writeInElected', zh: '另选他人当选' },
  officerNotSlateCandidate: { en: 'officerNotSlateCandidate', zh: '当选书记或副书记的不是经审查同意的人选' },
  deputyNotElected: { en: 'deputyNotElected', zh: '未选出副书记' },
  seatsReduced: { en: 'seatsReduced', zh: '减少了应选名额' },
};

const GUARD: Blocked = { command: 'ConveneMembersAssembly', status: 'slateApproved' };
const PERSON = { personId: 'm-1', name: '李全爱' } as const;

/** Refusals of the election workflow (换届选举), its steps and its guards. */
export const ELECTION_REFUSALS = {
  // Where the election stands
  ELECTION_NOT_STARTED: rule<Blocked>({
    en: (d) =>
      `${commandEn(d)} cannot run before the census: an election begins with the census of its branch ${citeEn(rules('6.1'))}.`,
    zh: (d) => `选举尚未开始，不能${commandZh(d)}：换届选举从对支部开展摸排开始${citeZh(rules('6.1'))}。`,
    examples: [{ command: 'RequestElection', status: 'none' }],
  }),
  ELECTION_CANCELLED: rule<Blocked & { readonly reason: string }>({
    en: (d) =>
      `${commandEn(d)} cannot run because the election was cancelled (${d.reason}); a new election is started on a new stream ${citeEn(rules('6.14'))}.`,
    zh: (d) =>
      `选举已经取消（${d.reason}），不能${commandZh(d)}：如需选举，须重新开启一次选举${citeZh(rules('6.14'))}。`,
    examples: [{ command: 'RecordBallots', status: 'cancelled', reason: '支部撤并' }],
  }),
  ELECTION_COMPLETED: rule<Blocked>({
    en: (d) =>
      `${commandEn(d)} cannot run because the result is installed and the new term has begun; later vacancies are filled by a by-election ${citeEn(rules('6.13'))}.`,
    zh: (d) =>
      `选举结果已办理任职，新一届任期已经开始，不能${commandZh(d)}：此后出现的缺额通过补选解决${citeZh(rules('6.13'))}。`,
    examples: [{ command: 'CancelElection', status: 'installed' }],
  }),
  ELECTION_ALREADY_OPEN: collision<{ readonly branchId: string; readonly openElectionIds: readonly string[] }>({
    en: (d) =>
      `Branch ${d.branchId} already has an election under way (${d.openElectionIds.join(', ')}); a branch holds one election per term, so finish or cancel it first ${citeEn(rules('6.1'))}.`,
    zh: (d) =>
      `支部 ${d.branchId} 已有正在进行的选举（${listZh(d.openElectionIds)}）：一个支部每届只进行一次换届选举，请先完成或取消该选举${citeZh(rules('6.1'))}。`,
    examples: [{ branchId: 'b-fd', openElectionIds: ['e-1'] }],
  }),

  // Dated out of order: a step cannot be dated before what it follows
  ELECTION_STEP_BEFORE_PREVIOUS: rule<Blocked & { readonly date: string; readonly previousOn: string }>({
    en: (d) =>
      `${commandEn(d)} is dated ${d.date}, before the election's previous step of ${d.previousOn}; each step follows the one before it, so it cannot be dated earlier ${citeEn(rules('6'))}.`,
    zh: (d) =>
      `${commandZh(d)}的日期为${zhDate(d.date)}，早于本次选举上一步骤的日期${zhDate(d.previousOn)}：选举各步骤依次进行，后一步骤的日期不能早于前一步骤${citeZh(rules('6'))}。`,
    examples: [{ command: 'CountBallots', status: 'assemblyOpen', date: '2022-06-01', previousOn: '2022-06-02' }],
  }),
  ASSEMBLY_BEFORE_SLATE_APPROVAL: rule<{ readonly assemblyOn: string; readonly slateApprovedOn: string }>({
    en: (d) =>
      `The members' assembly is dated ${d.assemblyOn}, before the superior approved the candidate slate on ${d.slateApprovedOn}; the assembly elects from the approved slate ${citeEn(article('election', 14), rules('6.6'))}.`,
    zh: (d) =>
      `党员大会的日期为${zhDate(d.assemblyOn)}，早于上级党组织审查同意候选人预备人选的日期${zhDate(d.slateApprovedOn)}：党员大会只能在候选人预备人选经上级同意之后召开${citeZh(article('election', 14), rules('6.6'))}。`,
    examples: [{ assemblyOn: '2022-06-01', slateApprovedOn: '2022-06-02' }],
  }),

  // Out of order: which step comes first
  CENSUS_CLOSED: outOfOrder(
    because(
      'the census is taken before the request is submitted and stands for the rest of the election',
      '摸排在提交换届请示之前进行，此后在整个选举过程中不再变更',
      rules('6.1'),
    ),
    { command: 'TakeCensus', status: 'requested' },
  ),
  REQUEST_ALREADY_SUBMITTED: outOfOrder(
    because(
      'a branch submits one request per election, and again only after its approval lapsed',
      '每次选举只提交一次换届请示，批复失效后才能重新提交',
      rules('6.2'),
    ),
    { command: 'RequestElection', status: 'requested' },
  ),
  REQUEST_NOT_PENDING: outOfOrder(
    because(
      'the superior approves a submitted request that is still waiting for its answer',
      '上级党组织只对已提交、尚待答复的换届请示作出批复',
      rules('6.3'),
    ),
    { command: 'ApproveElectionRequest', status: 'censusTaken' },
  ),
  NO_UNUSED_APPROVAL: outOfOrder(
    because(
      'only an approval not yet used by a members’ assembly can lapse',
      '只有尚未用于召开党员大会的批复才会失效',
      rules('6.3'),
    ),
    { command: 'LapseApproval', status: 'assemblyOpen' },
  ),
  ELECTION_ALREADY_HELD: outOfOrder(
    because(
      'an election can be postponed or advanced only before its members’ assembly',
      '只有在召开党员大会之前，才能延期或提前换届',
      article('election', 3),
    ),
    { command: 'PostponeElection', status: 'assemblyOpen' },
  ),
  NOMINATION_NOT_OPEN: outOfOrder(
    because(
      'candidates are recommended and nominated after the superior approved the request and before the slate is submitted',
      '候选人的推荐和提名，须在上级党组织批复换届请示之后、上报候选人预备人选之前进行',
      rules('6.4'),
    ),
    { command: 'NominateCandidate', status: 'slateSubmitted' },
  ),
  VETTING_NOT_OPEN: outOfOrder(
    because(
      'nominees are vetted between their nomination and the superior’s consent to the slate',
      '考察被提名人、征求社区意见，须在提名之后、上级党组织审查同意候选人预备人选之前进行',
      rules('6.4'),
    ),
    { command: 'VetCandidate', status: 'slateApproved' },
  ),
  SLATE_NOT_OPEN: outOfOrder(
    because(
      'the candidate slate is submitted after the request is approved and until the superior consents to it',
      '候选人预备人选在换届请示获批复之后上报，上级党组织审查同意之前可以重新上报',
      rules('6.5'),
    ),
    { command: 'SubmitCandidateSlate', status: 'slateApproved' },
  ),
  SLATE_NOT_SUBMITTED: outOfOrder(
    because(
      'the superior consents to a slate that has been submitted and not yet approved',
      '上级党组织只对已上报、尚未审查同意的候选人预备人选进行审查',
      article('election', 14),
    ),
    { command: 'ApproveCandidateSlate', status: 'requestApproved' },
  ),
  SLATE_NOT_APPROVED: outOfOrder(
    because(
      'the members’ assembly elects from a slate the superior has approved, and meets once per election',
      '党员大会从上级党组织审查同意的候选人中进行选举，每次选举只召开一次',
      article('election', 14),
    ),
    { command: 'ConveneMembersAssembly', status: 'slateSubmitted' },
  ),
  ASSEMBLY_NOT_OPEN: outOfOrder(
    because(
      'ballots are cast at the members’ assembly while a contest is still open',
      '选票只在党员大会上、选举尚未结束时投出',
      rules('6.8'),
    ),
    { command: 'RecordBallots', status: 'committeeElected' },
  ),
  COMMITTEE_NOT_ELECTED: outOfOrder(
    because(
      'the committee’s first meeting elects the secretary and deputy once the assembly has filled the committee, and a branch without a committee elects them at the assembly',
      '党员大会选出支部委员会后，由支部委员会第一次会议选举书记、副书记；不设支部委员会的支部在党员大会上直接选举',
      rules('6.11'),
    ),
    { command: 'ElectOfficers', status: 'assemblyOpen' },
  ),
  OFFICERS_NOT_ELECTED: outOfOrder(
    because(
      'the result is reported once the secretary (and deputy) have been elected, and only once',
      '书记（及副书记）选出后才报告选举结果，并且只报告一次',
      rules('6.12'),
    ),
    { command: 'ReportElectionResult', status: 'committeeElected' },
  ),
  RESULT_NOT_REPORTED: outOfOrder(
    because(
      'the superior approves the secretary and deputy and files the committee from a reported result',
      '上级党组织依据已上报的选举结果批准书记、副书记，并对委员予以备案',
      chapter('branch', 6),
      rules('6.12'),
    ),
    { command: 'ApproveElectionResult', status: 'officersElected' },
  ),
  RESULT_NOT_APPROVED: outOfOrder(
    because(
      'posts are installed only from a result the superior has approved and filed',
      '只有经上级党组织批准、备案的选举结果才能办理任职',
      article('constitution', 31),
      rules('6.12'),
    ),
    { command: 'RequestInstallation', status: 'resultReported' },
  ),
  INSTALLATION_NOT_REQUESTED: outOfOrder(
    because(
      'a result is installed only after the installation of an approved result was requested',
      '只有对已批准的选举结果提出办理任职之后，才能确认任职',
      article('constitution', 31),
      rules('6.13'),
    ),
    { command: 'ConfirmInstallation', status: 'resultApproved' },
  ),
  RESULT_ALREADY_APPROVED: outOfOrder(
    because(
      'a result the superior approved is installed, not cancelled',
      '上级党组织已批准的选举结果只能办理任职，不能取消',
      rules('6.14'),
    ),
    { command: 'CancelElection', status: 'resultApproved' },
  ),

  // Guards on the date and the rules in force
  APPROVAL_LAPSED: rule<Blocked & { readonly approvalReference: string; readonly lapsesOn: string }>({
    en: (d) =>
      `The approval ${d.approvalReference} lapsed on ${d.lapsesOn} unused, so a new request must be approved before the election continues ${citeEn(rules('6.3'))}.`,
    zh: (d) =>
      `批复（${d.approvalReference}）已于${zhDate(d.lapsesOn)}到期失效且未使用：须重新提交换届请示并获批复，选举才能继续${citeZh(rules('6.3'))}。`,
    examples: [{ ...GUARD, approvalReference: '孝离退党字〔2022〕5号', lapsesOn: '2022-08-01' }],
  }),
  APPROVAL_NOT_YET_LAPSED: rule<Blocked & { readonly approvalReference: string; readonly lapsesOn: string }>({
    en: (d) =>
      `The approval ${d.approvalReference} stays valid until ${d.lapsesOn}; it lapses only when that day comes unused ${citeEn(rules('6.3'))}.`,
    zh: (d) =>
      `批复（${d.approvalReference}）在${zhDate(d.lapsesOn)}之前有效：只有到期仍未使用才会失效${citeZh(rules('6.3'))}。`,
    examples: [
      {
        command: 'LapseApproval',
        status: 'requestApproved',
        approvalReference: '孝离退党字〔2022〕5号',
        lapsesOn: '2022-08-01',
      },
    ],
  }),
  ELECTION_LATE_WITHOUT_APPROVAL: rule<
    (Blocked & { readonly dueDate: string }) | { readonly plannedDate: string; readonly dueDate: string }
  >({
    en: (d) =>
      'plannedDate' in d
        ? `The planned date ${d.plannedDate} is after the election's due date ${d.dueDate}; a late election needs the superior's approval of a postponement first ${citeEn(article('election', 3))}.`
        : `The election was due by ${d.dueDate}; holding it later needs the superior's approval of a postponement ${citeEn(article('election', 3))}.`,
    zh: (d) =>
      'plannedDate' in d
        ? `计划选举日期${zhDate(d.plannedDate)}晚于应换届日期${zhDate(d.dueDate)}：推迟选举须先报经上级党组织批准延期换届${citeZh(article('election', 3))}。`
        : `本次选举应于${zhDate(d.dueDate)}前举行：推迟举行须报经上级党组织批准延期换届${citeZh(article('election', 3))}。`,
    examples: [
      { ...GUARD, dueDate: '2023-05-31' },
      { plannedDate: '2023-06-15', dueDate: '2023-05-31' },
    ],
  }),
  TERM_END_UNKNOWN: rule<Blocked>({
    en: () =>
      `The census recorded no current term end, so there is no due date to postpone or advance ${citeEn(article('election', 3))}.`,
    zh: () => `摸排时没有记载本届任期届满日期，因此没有可以延期或提前的换届日期${citeZh(article('election', 3))}。`,
    examples: [{ command: 'PostponeElection', status: 'censusTaken' }],
  }),
  NO_OPEN_BALLOT: rule<Blocked>({
    en: () =>
      `No contest is waiting for ballots: each recorded round must be counted first, and a shortfall needs a supplementary ballot before voting again ${citeEn(rules('6.8'), rules('6.10'))}.`,
    zh: () =>
      `目前没有等待投票的选举：每轮选票登记后须先计票；当选人数不足的，须先另行选举，才能再次投票${citeZh(rules('6.8'), rules('6.10'))}。`,
    examples: [{ command: 'RecordBallots', status: 'assemblyOpen' }],
  }),
  NO_BALLOTS_TO_COUNT: rule<Blocked | RaceInPhase>({
    en: (d) =>
      'race' in d
        ? raceNotIn('awaitingCount').en(d)
        : `No recorded round is waiting to be counted; the tellers count the ballots of a round once they are recorded ${citeEn(rules('6.9'))}.`,
    zh: (d) =>
      'race' in d
        ? raceNotIn('awaitingCount').zh(d)
        : `没有等待计票的选票：一轮选票登记之后，由计票人进行计票${citeZh(rules('6.9'))}。`,
    examples: [
      { command: 'CountBallots', status: 'assemblyOpen' },
      { race: 'committee', phase: 'awaitingBallots' },
    ],
  }),
  NO_SHORTFALL: rule<Blocked | RaceInPhase>({
    en: (d) => {
      if ('race' in d) return raceNotIn('shortfall').en(d);
      return d.command === 'ReduceSeats'
        ? `No contest has seats left empty after its count; seats are reduced only when too few candidates won ${citeEn(rules('6.10'))}.`
        : `No contest has seats left empty after its count; a supplementary ballot fills only seats that too few candidates won ${citeEn(rules('6.10'))}.`;
    },
    zh: (d) => {
      if ('race' in d) return raceNotIn('shortfall').zh(d);
      return d.command === 'ReduceSeats'
        ? `没有计票后仍有空缺名额的选举：只有当选人数不足时，才能减少名额${citeZh(rules('6.10'))}。`
        : `没有计票后仍有空缺名额的选举：另行选举只用于补足当选人数不足的名额${citeZh(rules('6.10'))}。`;
    },
    examples: [
      { command: 'HoldSupplementaryBallot', status: 'assemblyOpen' },
      { command: 'ReduceSeats', status: 'assemblyOpen' },
      { race: 'secretary', phase: 'complete' },
    ],
  }),
  SEATS_CANNOT_BE_REDUCED: rule<
    | (Blocked & { readonly committeeSizeMin: number; readonly policyVersion: string })
    | {
        readonly race: Race;
        readonly elected: number;
        readonly committeeSizeMin: number;
        readonly policyVersion: string;
      }
  >({
    en: (d) => {
      if (!('race' in d)) {
        return `Seats cannot be reduced here: a committee keeps at least ${d.committeeSizeMin} members and a branch always has a secretary, so the empty seats need a supplementary ballot ${citeEn(rules('6.10'), rules('2.3'), policy(d.policyVersion))}.`;
      }
      return d.race === 'committee'
        ? `Only ${d.elected} committee members were elected, and a committee keeps at least ${d.committeeSizeMin}, so the empty seats need a supplementary ballot ${citeEn(chapter('branch', 6), rules('6.10'), policy(d.policyVersion))}.`
        : `A branch always has a secretary, so an empty secretary seat is filled by a supplementary ballot, never reduced away ${citeEn(rules('6.10'), rules('2.3'))}.`;
    },
    zh: (d) => {
      if (!('race' in d)) {
        return `此处不能减少名额：支部委员会至少保留 ${d.committeeSizeMin} 名委员，支部始终要有书记，空缺名额须另行选举${citeZh(rules('6.10'), rules('2.3'), policy(d.policyVersion))}。`;
      }
      return d.race === 'committee'
        ? `支部委员会只选出委员 ${d.elected} 名，而支部委员会至少要有 ${d.committeeSizeMin} 名委员，空缺名额须另行选举${citeZh(chapter('branch', 6), rules('6.10'), policy(d.policyVersion))}。`
        : `支部始终要有书记：书记空缺须另行选举补足，不能减少名额${citeZh(rules('6.10'), rules('2.3'))}。`;
    },
    examples: [
      { command: 'ReduceSeats', status: 'assemblyOpen', committeeSizeMin: 3, policyVersion: '2022-10-22' },
      { race: 'committee', elected: 2, committeeSizeMin: 3, policyVersion: '2022-10-22' },
      { race: 'secretary', elected: 0, committeeSizeMin: 3, policyVersion: '2022-10-22' },
    ],
  }),

  // Census (摸排)
  ELECTION_BRANCH_MISMATCH: collision<{
    readonly electionId: string;
    readonly branchId: string;
    readonly electionBranchId: string;
  }>({
    en: (d) =>
      `Election ${d.electionId} belongs to branch ${d.electionBranchId}, not ${d.branchId}; one election stream serves one branch for one term.`,
    zh: (d) =>
      `选举 ${d.electionId} 属于支部 ${d.electionBranchId}，而不是 ${d.branchId}：一次选举只对应一个支部的一届任期。`,
    examples: [{ electionId: 'e-1', branchId: 'b-ys', electionBranchId: 'b-fd' }],
  }),
  BRANCH_NOT_OPEN: rule<{
    readonly branchId: string;
    readonly branchStatus: 'dissolved' | 'notFound';
    readonly purpose: 'election' | 'assignment';
  }>({
    en: (d) =>
      `Branch ${d.branchId} is ${BRANCH_NOT_OPEN_LABELS[d.branchStatus].en}; only an open branch holds an election${d.purpose === 'assignment' ? ' and can be assigned to a working group' : ''} ${citeEn(rules('6.1'))}.`,
    zh: (d) =>
      `支部 ${d.branchId} ${BRANCH_NOT_OPEN_LABELS[d.branchStatus].zh}：只有存续的支部才能开展换届选举${d.purpose === 'assignment' ? '，也才能包联到换届工作领导小组' : ''}${citeZh(rules('6.1'))}。`,
    examples: [
      { branchId: 'b-ys', branchStatus: 'dissolved', purpose: 'election' },
      { branchId: 'b-9', branchStatus: 'notFound', purpose: 'assignment' },
    ],
  }),
  BRANCH_BELOW_MINIMUM: rule<{
    readonly branchId: string;
    readonly fullMembers: number;
    readonly minimum: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `Branch ${d.branchId} has ${d.fullMembers} full members, fewer than the ${d.minimum} a branch needs, so it goes to restructuring instead of an election ${citeEn(chapter('branch', 2), rules('6.1'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `支部 ${d.branchId} 只有正式党员 ${d.fullMembers} 名，少于设立支部所需的 ${d.minimum} 名：应进行组织调整，而不是换届选举${citeZh(chapter('branch', 2), rules('6.1'), policy(d.policyVersion))}。`,
    examples: [{ branchId: 'b-ys', fullMembers: 2, minimum: 3, policyVersion: '2022-10-22' }],
  }),
  DUPLICATE_ROLL_ENTRY: malformed<NoDetails>({
    en: () => `The roll snapshot lists a member twice; each member has one affiliation and one roll entry.`,
    zh: () => `花名册中有党员重复出现：每名党员只有一个组织关系，只登记一次。`,
    examples: [{}],
  }),

  // Request (换届请示) and its approval (批复)
  PLANNED_DATE_IN_PAST: malformed<{ readonly plannedDate: string; readonly requestedOn: string }>({
    en: (d) =>
      `The planned election date ${d.plannedDate} is before the request of ${d.requestedOn}; a request plans an assembly still to come.`,
    zh: (d) =>
      `计划选举日期${zhDate(d.plannedDate)}早于请示日期${zhDate(d.requestedOn)}：换届请示安排的是尚未召开的党员大会。`,
    examples: [{ plannedDate: '2023-01-01', requestedOn: '2023-02-01' }],
  }),
  COMMITTEE_REQUIRED: rule<{
    readonly fullMembers: number;
    readonly threshold: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `The branch has ${d.fullMembers} full members, at least ${d.threshold}, so it must elect a committee ${citeEn(chapter('branch', 6), rules('2.3'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `本支部有正式党员 ${d.fullMembers} 名，达到 ${d.threshold} 名，须设立支部委员会并选举产生${citeZh(chapter('branch', 6), rules('2.3'), policy(d.policyVersion))}。`,
    examples: [{ fullMembers: 12, threshold: 7, policyVersion: '2022-10-22' }],
  }),
  COMMITTEE_NOT_ALLOWED: rule<{
    readonly fullMembers: number;
    readonly threshold: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `The branch has ${d.fullMembers} full members, fewer than ${d.threshold}, so it has no committee and elects its secretary (and a deputy if needed) at the assembly ${citeEn(chapter('branch', 6), rules('2.3'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `本支部正式党员 ${d.fullMembers} 名，不足 ${d.threshold} 名，不设支部委员会，由党员大会选举书记，必要时选举副书记一名${citeZh(chapter('branch', 6), rules('2.3'), policy(d.policyVersion))}。`,
    examples: [{ fullMembers: 5, threshold: 7, policyVersion: '2022-10-22' }],
  }),
  COMMITTEE_SEATS_OUT_OF_RANGE: rule<{
    readonly committeeSeats: number;
    readonly minimum: number;
    readonly usualMaximum: number;
    readonly hardMaximum: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `A committee of ${d.committeeSeats} is outside ${d.minimum}–${d.hardMaximum} members; a branch committee has ${d.minimum}–${d.usualMaximum} members and generally no more than ${d.hardMaximum} ${citeEn(chapter('branch', 6), rules('2.3'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `支部委员会 ${d.committeeSeats} 人，超出 ${d.minimum} 至 ${d.hardMaximum} 人的范围：支部委员会由 ${d.minimum} 至 ${d.usualMaximum} 人组成，一般不超过 ${d.hardMaximum} 人${citeZh(chapter('branch', 6), rules('2.3'), policy(d.policyVersion))}。`,
    examples: [{ committeeSeats: 9, minimum: 3, usualMaximum: 5, hardMaximum: 7, policyVersion: '2022-10-22' }],
  }),
  COMMITTEE_SEATS_WITHOUT_COMMITTEE: malformed<{ readonly committeeSeats: number }>({
    en: (d) =>
      `The request names ${d.committeeSeats} committee seats for a branch without a committee; such a branch elects only a secretary and an optional deputy ${citeEn(rules('2.3'))}.`,
    zh: (d) =>
      `不设支部委员会的支部，请示中却填写了委员名额 ${d.committeeSeats} 名：这样的支部只选举书记，必要时选举副书记一名${citeZh(rules('2.3'))}。`,
    examples: [{ committeeSeats: 3 }],
  }),
  NOT_ENOUGH_ELIGIBLE_MEMBERS: rule<{
    readonly needed: number;
    readonly eligible: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `The election needs at least ${d.needed} candidates but the branch has only ${d.eligible} full members with voting rights, and only they may be elected ${citeEn(article('election', 5, 13), policy(d.policyVersion))}.`,
    zh: (d) =>
      `本次选举至少需要候选人 ${d.needed} 名，而本支部享有表决权的正式党员只有 ${d.eligible} 名，只有他们才有被选举权${citeZh(article('election', 5, 13), policy(d.policyVersion))}。`,
    examples: [{ needed: 6, eligible: 4, policyVersion: '2022-10-22' }],
  }),
  SHIFT_DIRECTION_WRONG: malformed<{
    readonly newDate: string;
    readonly fromDate: string;
    readonly direction: 'postpone' | 'advance';
  }>({
    en: (d) =>
      d.direction === 'postpone'
        ? `The new date ${d.newDate} is not after the current due date ${d.fromDate}; a postponement moves the election later.`
        : `The new date ${d.newDate} is not before the current due date ${d.fromDate}; an advance moves it earlier.`,
    zh: (d) =>
      d.direction === 'postpone'
        ? `新的选举日期${zhDate(d.newDate)}并不晚于目前的换届日期${zhDate(d.fromDate)}：延期换届是把选举推后。`
        : `新的选举日期${zhDate(d.newDate)}并不早于目前的换届日期${zhDate(d.fromDate)}：提前换届是把选举提前。`,
    examples: [
      { newDate: '2023-01-01', fromDate: '2023-05-31', direction: 'postpone' },
      { newDate: '2023-09-01', fromDate: '2023-05-31', direction: 'advance' },
    ],
  }),
  NEW_DATE_IN_PAST: malformed<{ readonly newDate: string }>({
    en: (d) => `The new date ${d.newDate} has already passed; an election is moved to a day still to come.`,
    zh: (d) => `新的选举日期${zhDate(d.newDate)}已经过去：选举只能改到今后的日期。`,
    examples: [{ newDate: '2020-01-01' }],
  }),
  ELECTION_SHIFT_TOO_LARGE: rule<{
    readonly newDate: string;
    readonly termEnd: string;
    /** The furthest date the limit allows, counted in calendar months from the term end. */
    readonly furthest: string;
    readonly limitMonths: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `Moving the election to ${d.newDate} goes past ${d.furthest}, ${monthsEn(d.limitMonths)} from the term end ${d.termEnd}; a postponement or advance is generally at most ${monthsEn(d.limitMonths)} ${citeEn(article('election', 3), policy(d.policyVersion))}.`,
    zh: (d) =>
      `把选举改到${zhDate(d.newDate)}，超出了本届任期届满日期${zhDate(d.termEnd)}前后${monthsZh(d.limitMonths)}（${zhDate(d.furthest)}）：延期或提前换届一般不超过${monthsZh(d.limitMonths)}${citeZh(article('election', 3), policy(d.policyVersion))}。`,
    examples: [
      {
        newDate: '2024-09-01',
        termEnd: '2023-05-31',
        furthest: '2024-05-31',
        limitMonths: 12,
        policyVersion: '2022-10-22',
      },
    ],
  }),

  // Nomination (推荐、提名、考察)
  NOMINEE_NOT_MEMBER_OF_BRANCH: rule<{
    readonly personId: string;
    readonly name: string;
    readonly standing: MemberStanding | null;
  }>({
    en: (d) =>
      `${d.name} is not a member affiliated with this branch; only the branch's own members may be elected in it, never through a management link or a concurrent post ${citeEn(article('election', 5), rules('3.1'))}.`,
    zh: (d) =>
      `${d.name}的组织关系不在本支部：只有本支部党员才能在本支部当选，管理关系或兼任职务都不能作为依据${citeZh(article('election', 5), rules('3.1'))}。`,
    examples: [{ ...PERSON, standing: null }],
  }),
  NOMINEE_NOT_FULL_MEMBER: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is a probationary member, and probationary members have no right to be elected ${citeEn(article('election', 5))}.`,
    zh: (d) => `${d.name}是预备党员，预备党员没有被选举权${citeZh(article('election', 5))}。`,
    examples: [PERSON],
  }),
  NOMINEE_RIGHTS_SUSPENDED: rule<NotAVoter & { readonly suspension: SuspensionReason }>({
    en: (d) =>
      `${d.name}'s rights are suspended (${SUSPENSION_LABELS[d.suspension].en}), and a member whose membership is suspended, on probation within the Party, in detention or under arrest cannot be elected while it lasts ${citeEn(article('election', 5))}.`,
    zh: (d) =>
      `${d.name}正处于${SUSPENSION_LABELS[d.suspension].zh}期间：被停止党籍、受留党察看处分或者被留置、逮捕的党员，在此期间没有被选举权${citeZh(article('election', 5))}。`,
    examples: [{ ...PERSON, suspension: 'probation' }],
  }),
  POST_NOT_IN_ELECTION: rule<{ readonly race: Race }>({
    en: (d) =>
      `The approved request elects no ${d.race === 'committee' ? 'committee' : 'deputy secretary'}, so no one can be put forward for it ${citeEn(rules('6.2'))}.`,
    zh: (d) =>
      `经批复的换届请示没有安排选举${d.race === 'committee' ? '支部委员会' : '副书记'}，不能为此提出人选${citeZh(rules('6.2'))}。`,
    examples: [{ race: 'committee' }, { race: 'deputySecretary' }],
  }),
  CANDIDATE_NOT_NOMINATED: unknown<{ readonly memberId: string }>({
    en: (d) =>
      `Member ${d.memberId} has not been nominated in this election; vetting and consultation concern nominees ${citeEn(rules('6.4'))}.`,
    zh: (d) => `党员 ${d.memberId} 未在本次选举中被提名：考察和征求意见针对的是被提名人${citeZh(rules('6.4'))}。`,
    examples: [{ memberId: 'm-9' }],
  }),
  RECOMMENDERS_REQUIRED: malformed<NotAVoter>({
    en: (d) =>
      `The recommendation of ${d.name} names no one who recommended; the file records who recommended whom ${citeEn(rules('6.4'))}.`,
    zh: (d) => `推荐${d.name}的记录没有填写推荐人：选举档案须载明谁推荐了谁${citeZh(rules('6.4'))}。`,
    examples: [PERSON],
  }),

  // Candidate slate (候选人预备人选)
  DUPLICATE_CANDIDATE: malformed<
    { readonly list: 'committee' | 'secretary' | 'deputy secretary' } | { readonly round: 'supplementary' }
  >({
    en: (d) =>
      'list' in d
        ? `The ${d.list} list names someone twice; each candidate appears once on a list.`
        : `The supplementary ballot names a candidate twice; each candidate appears once.`,
    zh: (d) =>
      'list' in d
        ? `${{ committee: '支部委员会委员', secretary: '书记', 'deputy secretary': '副书记' }[d.list]}候选人名单中有人重复：每名候选人在一个名单上只出现一次。`
        : `另行选举的候选人中有人重复：每名候选人只出现一次。`,
    examples: [{ list: 'committee' }, { list: 'deputy secretary' }, { round: 'supplementary' }],
  }),
  TOO_FEW_COMMITTEE_CANDIDATES: rule<{
    readonly candidates: number;
    readonly seats: number;
    readonly minimum: number;
    readonly sharePercent: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `The slate names ${d.candidates} candidates for ${d.seats} committee seats; committee candidates must exceed the seats by at least ${d.sharePercent}%, rounded up, so at least ${d.minimum} are needed ${citeEn(article('election', 13), policy(d.policyVersion))}.`,
    zh: (d) =>
      `候选人预备人选中委员候选人 ${d.candidates} 名、应选 ${d.seats} 名：委员候选人应多于应选人数的 ${d.sharePercent}%（不足一人的按一人计），至少需要 ${d.minimum} 名${citeZh(article('election', 13), policy(d.policyVersion))}。`,
    examples: [{ candidates: 5, seats: 5, minimum: 6, sharePercent: 20, policyVersion: '2022-10-22' }],
  }),
  COMMITTEE_CANDIDATES_WITHOUT_COMMITTEE: malformed<{ readonly candidates: number }>({
    en: () =>
      `The slate names committee candidates for a branch without a committee, which elects only its secretary and an optional deputy ${citeEn(rules('2.3'))}.`,
    zh: (d) =>
      `不设支部委员会的支部，候选人预备人选中却有委员候选人 ${d.candidates} 名：这样的支部只选举书记，必要时选举副书记一名${citeZh(rules('2.3'))}。`,
    examples: [{ candidates: 3 }],
  }),
  TOO_FEW_OFFICER_CANDIDATES: rule<{
    readonly office: OfficeName;
    readonly candidates: number;
    readonly minimum: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `The slate names ${d.candidates} candidates for ${d.office}; ${d.minimum === 1 ? 'at least one is needed (an uncontested election is allowed)' : 'this policy requires a contested election with at least two'} ${citeEn(rules('6.5'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `${OFFICE_ZH[d.office]}候选人 ${d.candidates} 名：${d.minimum === 1 ? '至少需要一名，可以实行等额选举' : '本规则版本要求实行差额选举，至少需要两名'}${citeZh(rules('6.5'), policy(d.policyVersion))}。`,
    examples: [
      { office: 'secretary', candidates: 0, minimum: 1, policyVersion: '2022-10-22' },
      { office: 'deputy secretary', candidates: 1, minimum: 2, policyVersion: '2022-10-22' },
    ],
  }),
  CANDIDATE_FOR_BOTH_OFFICES: rule<NotAVoter & { readonly stage: 'slate' | 'officers' }>({
    en: (d) =>
      d.stage === 'slate'
        ? `${d.name} is a candidate for both secretary and deputy secretary; one person stands for one office ${citeEn(rules('6.5'))}.`
        : `${d.name} cannot be both secretary and deputy secretary; one person holds one office ${citeEn(rules('6.11'))}.`,
    zh: (d) =>
      d.stage === 'slate'
        ? `${d.name}同时被列为书记和副书记候选人：一人只能作为一个职务的候选人${citeZh(rules('6.5'))}。`
        : `${d.name}不能同时当选书记和副书记：一人只担任一个职务${citeZh(rules('6.11'))}。`,
    examples: [
      { ...PERSON, stage: 'slate' },
      { ...PERSON, stage: 'officers' },
    ],
  }),
  OFFICER_CANDIDATE_NOT_ON_COMMITTEE_SLATE: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is proposed as an officer but is not a committee candidate; the secretary and deputy are elected from the new committee ${citeEn(rules('6.5'))}.`,
    zh: (d) =>
      `${d.name}被提为书记或副书记人选，却不是支部委员会委员候选人：书记、副书记从新一届支部委员会委员中选举产生${citeZh(rules('6.5'))}。`,
    examples: [PERSON],
  }),
  SLATE_CANDIDATE_NOT_NOMINATED: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is on the slate without having been nominated; candidates come from the nomination by the outgoing committee ${citeEn(article('election', 14))}.`,
    zh: (d) =>
      `${d.name}未经提名却列入候选人预备人选：候选人须经上届支部委员会提名产生${citeZh(article('election', 14))}。`,
    examples: [PERSON],
  }),

  // Members' assembly (党员大会)
  EXCLUSION_REASON_UNKNOWN: malformed<{ readonly memberId: string; readonly reason: string }>({
    en: (d) =>
      `"${d.reason}" is not one of the grounds on which a member may be excused from those due to attend ${citeEn(rules('6.6'))}.`,
    zh: (d) => `“${d.reason}”不属于可以不计入应到会人数的情形${citeZh(rules('6.6'))}。`,
    examples: [{ memberId: 'm-1', reason: 'busy' }],
  }),
  EXCLUSION_REASON_NOT_IN_POLICY: rule<{
    readonly memberId: string;
    readonly reason: ExclusionReason;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `Rule version ${d.policyVersion} does not allow leaving a member out of those due to attend for ${EXCLUSION_LABELS[d.reason].en} ${citeEn(rules('6.6'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `规则版本 ${d.policyVersion} 不允许以“${EXCLUSION_LABELS[d.reason].zh}”为由不计入应到会人数${citeZh(rules('6.6'), policy(d.policyVersion))}。`,
    examples: [{ memberId: 'm-1', reason: 'floatingOnOwnApplication', policyVersion: '2024-01-01' }],
  }),
  COMMITTEE_SEATS_EVEN: rule<{ readonly committeeSeats: number; readonly policyVersion: string }>({
    en: (d) =>
      `A committee of ${d.committeeSeats} seats is an even number; branch committee seats are odd (3, 5 or 7) ${citeEn(rules('2.3'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `支部委员会委员名额 ${d.committeeSeats} 名为偶数：支部委员会委员名额应为单数（3、5 或 7 名）${citeZh(rules('2.3'), policy(d.policyVersion))}。`,
    examples: [{ committeeSeats: 4, policyVersion: '2022-10-22' }],
  }),
  SECRETARY_PARTY_STANDING_TOO_SHORT: rule<{
    readonly personId: string;
    readonly name: string;
    readonly joinedPartyOn: string;
    readonly standingReachedOn: string;
    readonly minimumYears: number;
    readonly on: string;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `${d.name} joined the Party on ${d.joinedPartyOn}; counted from full membership after the year of probation, their party standing reaches ${d.minimumYears} year(s) only on ${d.standingReachedOn}, after ${d.on}; a branch secretary normally has at least ${d.minimumYears} year(s) of party standing ${citeEn(article('branch', 23), rules('6.5'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `${d.name}于${zhDate(d.joinedPartyOn)}入党，党龄自预备期满转为正式党员起算，到${zhDate(d.standingReachedOn)}才满${chineseNumber(d.minimumYears)}年，晚于${zhDate(d.on)}：党支部书记一般应具有${chineseNumber(d.minimumYears)}年以上党龄${citeZh(article('branch', 23), rules('6.5'), policy(d.policyVersion))}。`,
    examples: [
      {
        personId: 'm-1',
        name: '李全爱',
        joinedPartyOn: '2021-07-01',
        standingReachedOn: '2023-07-01',
        minimumYears: 1,
        on: '2023-03-25',
        policyVersion: '2022-10-22',
      },
    ],
  }),
  EXCLUSION_NOT_A_DUE_VOTER: rule<{ readonly memberId: string }>({
    en: (d) =>
      `Member ${d.memberId} is not a full member with voting rights on the roll (or is excluded twice), so there is nothing to exclude from those due to attend ${citeEn(rules('6.6'))}.`,
    zh: (d) =>
      `党员 ${d.memberId} 不是花名册上享有表决权的正式党员（或被重复列出），无须从应到会人数中排除${citeZh(rules('6.6'))}。`,
    examples: [{ memberId: 'm-9' }],
  }),
  EXCLUSION_NOT_APPROVED: rule<{ readonly memberId: string }>({
    en: (d) =>
      `The exclusion of member ${d.memberId} carries no approval reference; only the superior may excuse a member from those due to attend ${citeEn(rules('6.6'))}.`,
    zh: (d) =>
      `不计入应到会人数的党员 ${d.memberId} 没有填写批准文号：须经上级党组织同意，才能不计入应到会人数${citeZh(rules('6.6'))}。`,
    examples: [{ memberId: 'm-1' }],
  }),
  NO_DUE_VOTERS: rule<NoDetails>({
    en: () =>
      `No member is due to vote at this assembly, so no election can be held ${citeEn(article('election', 5))}.`,
    zh: () => `本次党员大会没有应到会的有选举权党员，无法进行选举${citeZh(article('election', 5))}。`,
    examples: [{}],
  }),
  DUPLICATE_ATTENDEE: malformed<NotAVoter>({
    en: (d) => `${d.name} is listed twice among the voters present; each voter is counted once.`,
    zh: (d) => `${d.name}在到会选举人名单中出现了两次：每名选举人只计一次。`,
    examples: [PERSON],
  }),
  CONCURRENT_HOLDER_CANNOT_VOTE: notAVoter(
    'concurrentPostHolder',
    'holds a concurrent or appointed post on the branch, and such a holder never votes or counts to the quorum',
    '在本支部交叉任职（兼任或指派），此类任职人员不参加投票，也不计入应到会和实到会人数',
    rules('4.3'),
  ),
  NON_MEMBER_CANNOT_VOTE: notAVoter(
    'notOnRoll',
    'is not on the roll of this branch, and only its own members vote',
    '不在本支部花名册上，只有本支部党员才能投票',
    article('election', 5),
    rules('3.1'),
  ),
  PROBATIONARY_CANNOT_VOTE: notAVoter(
    'probationary',
    'is a probationary member, and probationary members have no vote',
    '是预备党员，预备党员没有表决权和选举权',
    article('election', 5),
  ),
  RIGHTS_SUSPENDED_CANNOT_VOTE: notAVoter(
    'rightsSuspended',
    'has suspended rights (suspended membership, probation within the Party, detention or arrest), and has no vote while it lasts',
    '被停止党籍、受留党察看处分或者被留置、逮捕，在此期间没有表决权和选举权',
    article('election', 5),
  ),
  EXCLUDED_MEMBER_LISTED_PRESENT: rule<NotAVoter>({
    en: (d) =>
      `${d.name} was excused from those due to attend and cannot also be counted present; withdraw the exclusion to count the vote ${citeEn(rules('6.6'))}.`,
    zh: (d) => `${d.name}已不计入应到会人数，不能同时计为到会：如要计入其投票，请撤回该项排除${citeZh(rules('6.6'))}。`,
    examples: [PERSON],
  }),
  ATTENDEE_LISTED_TWICE: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is listed both as a voter and as a non-voting attendee; an attendee either votes or does not.`,
    zh: (d) => `${d.name}既被列为到会选举人，又被列为列席人员：到会人员要么参加投票，要么不参加。`,
    examples: [PERSON],
  }),
  DUE_VOTER_LISTED_AS_NON_VOTING: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is a full member due to vote and is recorded among the voters present, not among the non-voting attendees ${citeEn(article('election', 5))}.`,
    zh: (d) =>
      `${d.name}是应到会的有选举权正式党员，应登记为到会选举人，而不是列席人员${citeZh(article('election', 5))}。`,
    examples: [PERSON],
  }),
  QUORUM_NOT_MET: rule<{
    readonly present: number;
    readonly due: number;
    readonly numerator: number;
    readonly denominator: number;
    readonly inclusive: boolean;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `${d.present} voters are present of ${d.due} due; the election may proceed only when those present with voting rights reach ${d.numerator}/${d.denominator} of those due${d.inclusive ? ', exactly that share included' : ''} ${citeEn({ regulation: 'election' }, rules('6.6'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `应到会有选举权的党员 ${d.due} 名，实到 ${d.present} 名：有选举权的到会人数须${d.inclusive ? '达到' : '超过'}应到会人数的${chineseNumber(d.denominator)}分之${chineseNumber(d.numerator)}${d.inclusive ? '（恰好达到的也有效）' : ''}，方可进行选举${citeZh({ regulation: 'election' }, rules('6.6'), policy(d.policyVersion))}。`,
    examples: [
      { present: 11, due: 15, numerator: 4, denominator: 5, inclusive: true, policyVersion: '2022-10-22' },
      { present: 12, due: 15, numerator: 4, denominator: 5, inclusive: false, policyVersion: '2020-07-13' },
    ],
  }),
  CANDIDATE_NO_LONGER_ELIGIBLE: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is on the approved slate but is no longer a full member of this branch with voting rights, so cannot be elected ${citeEn(article('election', 5))}.`,
    zh: (d) =>
      `${d.name}虽列入审查同意的候选人名单，但已不再是本支部享有表决权的正式党员，不能当选${citeZh(article('election', 5))}。`,
    examples: [PERSON],
  }),
  SCRUTINEERS_REQUIRED: malformed<{ readonly meeting: 'assembly' | 'committee' }>({
    en: (d) =>
      d.meeting === 'assembly'
        ? `The assembly names no scrutineers; scrutineers supervise the whole vote ${citeEn(article('election', 22))}.`
        : `The first committee meeting names no scrutineers for the officers' vote ${citeEn(article('election', 22))}.`,
    zh: (d) =>
      d.meeting === 'assembly'
        ? `党员大会没有确定监票人：监票人负责对选举全过程进行监督${citeZh(article('election', 22))}。`
        : `支部委员会第一次会议没有确定选举书记、副书记的监票人${citeZh(article('election', 22))}。`,
    examples: [{ meeting: 'assembly' }, { meeting: 'committee' }],
  }),
  SCRUTINEER_IS_CANDIDATE: rule<NotAVoter & { readonly meeting: 'assembly' | 'committee' }>({
    en: (d) =>
      d.meeting === 'assembly'
        ? `${d.name} is a candidate and cannot be a scrutineer; scrutineers are chosen from members who are not candidates ${citeEn(article('election', 22))}.`
        : `${d.name} is a candidate for secretary or deputy and cannot scrutinise that vote ${citeEn(article('election', 22))}.`,
    zh: (d) =>
      d.meeting === 'assembly'
        ? `${d.name}是候选人，不能担任监票人：监票人从不是候选人的党员中推选${citeZh(article('election', 22))}。`
        : `${d.name}是书记或副书记人选，不能担任该项选举的监票人${citeZh(article('election', 22))}。`,
    examples: [
      { ...PERSON, meeting: 'assembly' },
      { ...PERSON, meeting: 'committee' },
    ],
  }),
  SCRUTINEER_NOT_PRESENT_VOTER: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is not among the voters present; scrutineers are members attending the assembly ${citeEn(article('election', 22))}.`,
    zh: (d) => `${d.name}不在到会选举人之中：监票人须是出席党员大会的党员${citeZh(article('election', 22))}。`,
    examples: [PERSON],
  }),
  SCRUTINEERS_NOT_APPROVED: rule<{ readonly for: number; readonly due: number }>({
    en: (d) =>
      `The scrutineers received ${d.for} votes of ${d.due} due; the assembly approves them by more than half of those due ${citeEn(article('election', 22), rules('6.7'))}.`,
    zh: (d) =>
      `监票人名单获得赞成票 ${d.for} 票，应到会 ${d.due} 人：监票人须经党员大会表决，赞成票超过应到会人数的一半方为通过${citeZh(article('election', 22), rules('6.7'))}。`,
    examples: [{ for: 5, due: 15 }],
  }),
  TELLERS_REQUIRED: malformed<NoDetails>({
    en: () =>
      `The assembly names no tellers; tellers count the ballots under the scrutineers ${citeEn(article('election', 23))}.`,
    zh: () => `党员大会没有确定计票人：计票人在监票人监督下进行计票${citeZh(article('election', 23))}。`,
    examples: [{}],
  }),
  TELLER_IS_CANDIDATE: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is a candidate and cannot count the ballots ${citeEn(article('election', 23), rules('6.7'))}.`,
    zh: (d) => `${d.name}是候选人，不能担任计票人${citeZh(article('election', 23), rules('6.7'))}。`,
    examples: [PERSON],
  }),
  ELECTION_METHOD_NOT_ADOPTED: rule<{ readonly for: number; readonly due: number }>({
    en: (d) =>
      `The election method received ${d.for} votes of ${d.due} due; it is adopted by more than half of those due to vote ${citeEn(rules('6.7'))}.`,
    zh: (d) =>
      `选举办法获得赞成票 ${d.for} 票，应到会 ${d.due} 人：选举办法须获得超过应到会有选举权人数一半的赞成票方为通过${citeZh(rules('6.7'))}。`,
    examples: [{ for: 7, due: 15 }],
  }),
  MOTION_TALLY_INVALID: malformed<{ readonly motion: Motion; readonly voters: number; readonly what: MotionSubject }>({
    en: (d) =>
      `The vote on ${d.what} (${d.motion.for} for, ${d.motion.against} against, ${d.motion.abstain} abstaining) is not a count of at most ${d.voters} voters present.`,
    zh: (d) =>
      `对${MOTION_SUBJECTS[d.what]}的表决（赞成 ${d.motion.for}、反对 ${d.motion.against}、弃权 ${d.motion.abstain}）不是对至多 ${d.voters} 名到会人员的有效计数。`,
    examples: [{ motion: { for: 10, against: 6, abstain: 1 }, voters: 15, what: 'the election method' }],
  }),

  // Ballots (投票、计票、另行选举)
  RACE_NOT_IN_ELECTION: unknown<{ readonly race: Race; readonly committee: boolean }>({
    en: (d) =>
      `This assembly holds no ${RACE_LABELS[d.race].en} contest; ${d.committee ? 'a committee branch elects its committee at the assembly and its officers at the first committee meeting' : 'a branch without a committee elects its secretary and any deputy at the assembly'} ${citeEn(rules('6.11'))}.`,
    zh: (d) =>
      `本次党员大会没有${RACE_LABELS[d.race].zh}的选举：${d.committee ? '设支部委员会的支部在党员大会上选举支部委员会，在支部委员会第一次会议上选举书记、副书记' : '不设支部委员会的支部在党员大会上选举书记和副书记'}${citeZh(rules('6.11'))}。`,
    examples: [
      { race: 'secretary', committee: true },
      { race: 'committee', committee: false },
    ],
  }),
  RACE_NOT_OPEN_FOR_BALLOTS: rule<RaceInPhase>({
    ...raceNotIn('awaitingBallots'),
    examples: [{ race: 'committee', phase: 'awaitingCount' }],
  }),
  BALLOTS_ISSUED_NOT_PRESENT_VOTERS: rule<{ readonly issued: number; readonly present: number }>({
    en: (d) =>
      `${d.issued} ballots were issued for ${d.present} voters present; one ballot is issued to each voter present, with no proxies or absentee votes ${citeEn(article('election', 24), rules('6.8'))}.`,
    zh: (d) =>
      `发出选票 ${d.issued} 张，到会选举人 ${d.present} 名：应向每名到会选举人发放一张选票，不得委托他人代为投票，缺席者也不能投票${citeZh(article('election', 24), rules('6.8'))}。`,
    examples: [{ issued: 14, present: 13 }],
  }),
  UNKNOWN_CANDIDATE_ON_BALLOT: malformed<{
    readonly ballot: number;
    readonly personId: string;
    readonly roundNo: number;
  }>({
    en: (d) =>
      `Ballot ${d.ballot} marks ${d.personId}, who is not a candidate in round ${d.roundNo}; a ballot lists only that round's candidates ${citeEn(article('election', 24))}.`,
    zh: (d) =>
      `第 ${d.ballot} 张选票标记了 ${d.personId}，此人不是第 ${d.roundNo} 轮的候选人：选票上只列本轮候选人${citeZh(article('election', 24))}。`,
    examples: [{ ballot: 3, personId: 'm-9', roundNo: 1 }],
  }),
  TOO_FEW_SUPPLEMENTARY_CANDIDATES: rule<{ readonly candidates: number; readonly seats: number }>({
    en: (d) =>
      `The supplementary ballot names ${d.candidates} candidates for ${d.seats} empty seats; it needs at least one candidate per seat ${citeEn(rules('6.10'))}.`,
    zh: (d) =>
      `另行选举的候选人 ${d.candidates} 名，空缺名额 ${d.seats} 个：每个空缺名额至少需要一名候选人${citeZh(rules('6.10'))}。`,
    examples: [{ candidates: 1, seats: 2 }],
  }),
  SUPPLEMENTARY_CANDIDATE_NOT_ELIGIBLE: rule<NotAVoter>({
    en: (d) =>
      `${d.name} cannot stand in the supplementary ballot: only a full member of this branch with voting rights who has not already been elected can ${citeEn(article('election', 5), rules('6.10'))}.`,
    zh: (d) =>
      `${d.name}不能作为另行选举的候选人：只有本支部享有表决权、尚未当选的正式党员才可以${citeZh(article('election', 5), rules('6.10'))}。`,
    examples: [PERSON],
  }),
  SEAT_REDUCTION_NOT_CONSENTED: rule<{ readonly for: number; readonly due: number }>({
    en: (d) =>
      `${d.for} of ${d.due} electors consented to reducing the seats; seats are reduced without a further vote only when more than half of the electors agree ${citeEn(rules('6.10'))}.`,
    zh: (d) =>
      `应到会选举人 ${d.due} 名，同意减少名额的 ${d.for} 名：只有超过半数的选举人同意，才能不再另行选举而减少名额${citeZh(rules('6.10'))}。`,
    examples: [{ for: 6, due: 15 }],
  }),

  // The committee's first meeting (支委会第一次会议)
  CHAIR_NOT_NEW_COMMITTEE_MEMBER: rule<{ readonly chairMemberId: string }>({
    en: (d) =>
      `Member ${d.chairMemberId} is not on the new committee; its first meeting is chaired by a new member recommended by the outgoing committee ${citeEn(article('election', 20))}.`,
    zh: (d) =>
      `党员 ${d.chairMemberId} 不是新一届支部委员会委员：支部委员会第一次会议由上届委员会推荐的一名新当选委员主持${citeZh(article('election', 20))}。`,
    examples: [{ chairMemberId: 'm-9' }],
  }),
  OFFICER_NOT_ON_COMMITTEE: rule<{ readonly memberId: string; readonly office: OfficeName }>({
    en: (d) =>
      `Member ${d.memberId} is not on the new committee; the ${d.office} is elected by the committee from its own members ${citeEn(rules('6.11'))}.`,
    zh: (d) =>
      `党员 ${d.memberId} 不是新一届支部委员会委员：${OFFICE_ZH[d.office]}由支部委员会从委员中选举产生${citeZh(rules('6.11'))}。`,
    examples: [{ memberId: 'm-9', office: 'secretary' }],
  }),
  OFFICER_NOT_ELECTED_BY_MAJORITY: rule<{
    readonly memberId: string;
    readonly name: string;
    readonly office: OfficeName;
    readonly for: number;
    readonly committee: number;
  }>({
    en: (d) =>
      `${d.name} received ${d.for} votes of a committee of ${d.committee}; the ${d.office} needs more than half of the committee members ${citeEn(rules('6.11'))}.`,
    zh: (d) =>
      `${d.name}获得赞成票 ${d.for} 票，支部委员会共 ${d.committee} 人：当选${OFFICE_ZH[d.office]}须获得超过全体委员半数的赞成票${citeZh(rules('6.11'))}。`,
    examples: [{ memberId: 'm-1', name: '李全爱', office: 'deputy secretary', for: 2, committee: 5 }],
  }),
  SCRUTINEER_NOT_COMMITTEE_MEMBER: rule<NotAVoter>({
    en: (d) =>
      `${d.name} is not on the new committee; the officers' vote is scrutinised by committee members who are not candidates ${citeEn(article('election', 22))}.`,
    zh: (d) =>
      `${d.name}不是新一届支部委员会委员：选举书记、副书记时，监票人从不是候选人的委员中推选${citeZh(article('election', 22))}。`,
    examples: [PERSON],
  }),
  DUTY_FOR_NON_COMMITTEE_MEMBER: malformed<{ readonly memberId: string }>({
    en: (d) => `Member ${d.memberId} is given a duty but is not on the new committee.`,
    zh: (d) => `党员 ${d.memberId} 不是新一届支部委员会委员，不能为其确定委员分工。`,
    examples: [{ memberId: 'm-9' }],
  }),

  // Result (选举结果报告、批准、备案) and installation
  FILING_REFERENCE_REQUIRED: malformed<NoDetails>({
    en: () =>
      `The approval names no filing of the committee members; committee members are filed with the superior while the secretary and deputy are approved ${citeEn(chapter('branch', 6), rules('6.12'))}.`,
    zh: () =>
      `批复未载明委员的备案：支部委员报上级党组织备案，书记、副书记报上级党组织批准${citeZh(chapter('branch', 6), rules('6.12'))}。`,
    examples: [{}],
  }),
  SUPERIOR_DECISION_REQUIRED: rule<{ readonly deviations: readonly SlateDeviation[] }>({
    en: (d) =>
      `The result differs from the approved slate (${d.deviations.map((deviation) => DEVIATIONS[deviation.kind].en).join(', ')}), so the superior's committee must decide on it and its decision be recorded ${citeEn(rules('6.12'))}.`,
    zh: (d) =>
      `选举结果与审查同意的候选人预备人选不一致（${listZh(d.deviations.map((deviation) => DEVIATIONS[deviation.kind].zh))}）：须由上级党组织研究决定，并记录其决定${citeZh(rules('6.12'))}。`,
    examples: [
      {
        deviations: [{ kind: 'writeInElected', race: 'committee', person: PERSON }, { kind: 'deputyNotElected' }],
      },
    ],
  }),
  INSTALLATION_INCOMPLETE: rule<{
    readonly missing: readonly string[];
    readonly posts: readonly { readonly kind: PostKind; readonly name: string }[];
  }>({
    en: (d) =>
      `The branch does not yet hold ${listEn(d.posts.map((post) => `${POST_LABELS[post.kind].en} ${post.name}`))}; the result is installed once every approved post is assigned on the branch ${citeEn(rules('6.13'))}.`,
    zh: (d) =>
      `支部尚未登记${listZh(d.posts.map((post) => `${POST_LABELS[post.kind].zh}${post.name}`))}的任职：经批准的职务全部在支部登记后，方可确认任职${citeZh(rules('6.13'))}。`,
    examples: [
      {
        missing: ['e-1-secretary-m-1', 'e-1-committeeMember-m-2'],
        posts: [
          { kind: 'secretary', name: '李全爱' },
          { kind: 'committeeMember', name: '王文' },
        ],
      },
    ],
  }),

  // Reminders to the superior
  REMINDER_NOT_DUE: rule<{
    readonly branchId: string;
    readonly kind: ElectionReminderKind;
    readonly dueOn: string;
    readonly on: string;
  }>({
    en: (d) =>
      `No ${REMINDER_LABELS[d.kind].en} of branch ${d.branchId} falls due on ${d.dueOn} as of ${d.on}: reminders fall due on the days the policy in force sets ${citeEn(rules('5.3'))}.`,
    zh: (d) =>
      `截至${zhDate(d.on)}，支部 ${d.branchId} 没有应于${zhDate(d.dueOn)}发出的${REMINDER_LABELS[d.kind].zh}：提醒按现行规则版本规定的日期发出${citeZh(rules('5.3'))}。`,
    examples: [{ branchId: 'b-1', kind: 'beforeTermEnd', dueOn: '2025-04-01', on: '2025-03-01' }],
  }),
} as const satisfies RefusalCatalogue;
