import type { ElectionCommandType } from './election.commands';
import type { ElectionIn, ElectionState, ElectionStatus } from './election.state';

/** What the board tells an administrator to do next in a status (a hint; the election's next actions are authoritative). */
export interface NextStepFacts {
  /** The command that moves the election on, or null when it is closed. */
  readonly command: ElectionCommandType | null;
  readonly zh: string;
  readonly en: string;
}

/** Everything the code base says about one election status, said once. */
export interface ElectionStatusFacts {
  /** Where the election stands, in Chinese (GLOSSARY.md): refusal sentences, the state-machine diagram. */
  readonly zh: string;
  /** Before the members' assembly: the election can still be postponed, advanced or become overdue. */
  readonly beforeAssembly: boolean;
  /** The superior's approval (批复) is granted and still unused, so it can lapse. */
  readonly approvalUnused: boolean;
  /** The board's next step. */
  readonly next: NextStepFacts;
}

const next = (command: ElectionCommandType | null, zh: string, en: string): NextStepFacts => ({ command, zh, en });

/**
 * The election statuses in workflow order, each with its facts. Every list, predicate and label
 * about statuses is derived from this one table (ELECTION_STATUSES, BEFORE_ASSEMBLY,
 * hasUnusedApproval, the refusal labels, the board's next step, the state-machine diagram), so a
 * status added to `ElectionState` fails to compile here until it has all its facts, and nowhere
 * else can forget it. The order is the order of every breakdown and the diagram.
 */
export const ELECTION_STATUS_CATALOGUE = {
  none: {
    zh: '尚未开始',
    beforeAssembly: false,
    approvalUnused: false,
    next: next('TakeCensus', '开展摸排', 'Take the census (摸排)'),
  },
  censusTaken: {
    zh: '已完成摸排',
    beforeAssembly: true,
    approvalUnused: false,
    next: next('RequestElection', '向上级党组织提交换届请示', 'Submit the election request to the superior'),
  },
  requested: {
    zh: '已提交换届请示',
    beforeAssembly: true,
    approvalUnused: false,
    next: next('ApproveElectionRequest', '等待上级党组织批复', "Record the superior's approval of the request"),
  },
  requestApproved: {
    zh: '换届请示已批复',
    beforeAssembly: true,
    approvalUnused: true,
    next: next(
      'SubmitCandidateSlate',
      '推荐、提名、考察候选人，上报候选人预备人选',
      'Recommend, nominate and vet candidates, then submit the slate',
    ),
  },
  slateSubmitted: {
    zh: '候选人预备人选已上报',
    beforeAssembly: true,
    approvalUnused: true,
    next: next(
      'ApproveCandidateSlate',
      '等待上级党组织审查候选人预备人选',
      "Record the superior's consent to the slate",
    ),
  },
  slateApproved: {
    zh: '候选人预备人选已审查同意',
    beforeAssembly: true,
    approvalUnused: true,
    next: next('ConveneMembersAssembly', '召开党员大会进行选举', "Convene the members' assembly"),
  },
  approvalLapsed: {
    zh: '批复已失效',
    beforeAssembly: true,
    approvalUnused: false,
    next: next('RequestElection', '批复已失效，重新提交换届请示', 'The approval lapsed: submit a new request'),
  },
  assemblyOpen: {
    zh: '党员大会进行中',
    beforeAssembly: false,
    approvalUnused: false,
    next: next('RecordBallots', '党员大会投票', 'Record the ballots at the assembly'),
  },
  committeeElected: {
    zh: '支部委员会已选出',
    beforeAssembly: false,
    approvalUnused: false,
    next: next(
      'ElectOfficers',
      '召开支委会第一次会议选举书记、副书记',
      "Elect the officers at the committee's first meeting",
    ),
  },
  officersElected: {
    zh: '书记、副书记已选出',
    beforeAssembly: false,
    approvalUnused: false,
    next: next('ReportElectionResult', '向上级党组织报告选举结果', 'Report the election result to the superior'),
  },
  resultReported: {
    zh: '选举结果已上报',
    beforeAssembly: false,
    approvalUnused: false,
    next: next('ApproveElectionResult', '等待上级党组织批复选举结果', "Record the superior's approval of the result"),
  },
  resultApproved: {
    zh: '选举结果已批准',
    beforeAssembly: false,
    approvalUnused: false,
    next: next('RequestInstallation', '新一届支部委员会任职', 'Install the elected posts on the branch'),
  },
  installing: {
    zh: '正在办理任职',
    beforeAssembly: false,
    approvalUnused: false,
    next: next('ConfirmInstallation', '正在办理任职', 'Posts are being installed'),
  },
  installed: {
    zh: '已完成任职',
    beforeAssembly: false,
    approvalUnused: false,
    next: next(null, '换届完成', 'Election completed'),
  },
  cancelled: {
    zh: '已取消',
    beforeAssembly: false,
    approvalUnused: false,
    next: next(null, '选举已取消', 'Election cancelled'),
  },
} as const satisfies { readonly [S in ElectionStatus]: ElectionStatusFacts };

type Catalogue = typeof ELECTION_STATUS_CATALOGUE;

/** The statuses whose catalogue entry has `fact` set to true, as a type. */
type StatusesWhere<Fact extends 'beforeAssembly' | 'approvalUnused'> = {
  [S in ElectionStatus]: Catalogue[S][Fact] extends true ? S : never;
}[ElectionStatus];

/** The statuses before the members' assembly. */
export type BeforeAssemblyStatus = StatusesWhere<'beforeAssembly'>;
/** The statuses whose approval (批复) is still unused and can lapse. */
export type ApprovalUnusedStatus = StatusesWhere<'approvalUnused'>;

/** Every election status, in workflow order. */
export const ELECTION_STATUSES = Object.keys(ELECTION_STATUS_CATALOGUE) as readonly ElectionStatus[];

/** The facts of one status. */
export function electionStatusFacts(status: ElectionStatus): ElectionStatusFacts {
  return ELECTION_STATUS_CATALOGUE[status];
}

/** The statuses before the members' assembly, in which the election can still be postponed or advanced. */
export const BEFORE_ASSEMBLY = ELECTION_STATUSES.filter(
  (status): status is BeforeAssemblyStatus => ELECTION_STATUS_CATALOGUE[status].beforeAssembly,
);

/** The statuses whose approval (批复) is still unused: the ones in which it can lapse. */
export const APPROVAL_UNUSED = ELECTION_STATUSES.filter(
  (status): status is ApprovalUnusedStatus => ELECTION_STATUS_CATALOGUE[status].approvalUnused,
);

export function isBeforeAssembly(status: ElectionStatus): status is BeforeAssemblyStatus {
  return ELECTION_STATUS_CATALOGUE[status].beforeAssembly;
}

export function isApprovalUnused(status: ElectionStatus): status is ApprovalUnusedStatus {
  return ELECTION_STATUS_CATALOGUE[status].approvalUnused;
}

/** States whose approval (批复) is still unused and can lapse. */
export type UnusedApproval = ElectionIn<ApprovalUnusedStatus>;
export function hasUnusedApproval(state: ElectionState): state is UnusedApproval {
  return isApprovalUnused(state.status);
}
