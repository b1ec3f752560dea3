import type { ElectionCommandType, ElectionState, ElectionStatus } from '@app/domain';

/** The step an administrator takes next, as a hint for the board (the election's next actions are authoritative). */
export interface NextStep {
  /** The command that moves the election on, or null when it is closed. */
  readonly command: ElectionCommandType | null;
  readonly zh: string;
  readonly en: string;
}

const step = (command: ElectionCommandType | null, zh: string, en: string): NextStep => ({ command, zh, en });

const BY_STATUS: { readonly [S in ElectionStatus]: NextStep } = {
  none: step('TakeCensus', '开展摸排', 'Take the census (摸排)'),
  censusTaken: step('RequestElection', '向上级党组织提交换届请示', 'Submit the election request to the superior'),
  requested: step('ApproveElectionRequest', '等待上级党组织批复', "Record the superior's approval of the request"),
  requestApproved: step(
    'SubmitCandidateSlate',
    '推荐、提名、考察候选人，上报候选人预备人选',
    'Recommend, nominate and vet candidates, then submit the slate',
  ),
  slateSubmitted: step(
    'ApproveCandidateSlate',
    '等待上级党组织审查候选人预备人选',
    "Record the superior's consent to the slate",
  ),
  slateApproved: step('ConveneMembersAssembly', '召开党员大会进行选举', "Convene the members' assembly"),
  approvalLapsed: step('RequestElection', '批复已失效，重新提交换届请示', 'The approval lapsed: submit a new request'),
  assemblyOpen: step('RecordBallots', '党员大会投票', 'Record the ballots at the assembly'),
  committeeElected: step(
    'ElectOfficers',
    '召开支委会第一次会议选举书记、副书记',
    "Elect the officers at the committee's first meeting",
  ),
  officersElected: step(
    'ReportElectionResult',
    '向上级党组织报告选举结果',
    'Report the election result to the superior',
  ),
  resultReported: step(
    'ApproveElectionResult',
    '等待上级党组织批复选举结果',
    "Record the superior's approval of the result",
  ),
  resultApproved: step('RequestInstallation', '新一届支部委员会任职', 'Install the elected posts on the branch'),
  installing: step('ConfirmInstallation', '正在办理任职', 'Posts are being installed'),
  installed: step(null, '换届完成', 'Election completed'),
  cancelled: step(null, '选举已取消', 'Election cancelled'),
};

/**
 * The next step from the election's state alone: at the assembly, whichever contest is waiting
 * (a count, a supplementary ballot, or ballots). Time and policy guards are left to the
 * election's own next actions; the board only says where each branch stands.
 */
export function nextStepOf(state: ElectionState): NextStep {
  if (state.status === 'assemblyOpen') {
    const phases = new Set(state.races.map((race) => race.phase));
    if (phases.has('awaitingCount')) return step('CountBallots', '计票', 'Count the recorded ballots');
    if (phases.has('shortfall')) {
      return step(
        'HoldSupplementaryBallot',
        '当选人数不足，另行选举或减少名额',
        'Too few elected: hold a supplementary ballot or reduce the seats',
      );
    }
  }
  return BY_STATUS[state.status];
}
