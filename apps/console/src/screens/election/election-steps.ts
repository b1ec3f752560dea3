import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type ElectionView = Schemas['ElectionViewDto'];
export type ElectionState = Schemas['ElectionStateDto'];
export type ElectionStatus = ElectionState['status'];
export type CommandType = Schemas['NextActionDto']['command'];
export type NextAction = Schemas['NextActionDto'];
export type Race = Schemas['RaceStateDto']['race'];

/** The steps of one branch's election as a clerk works through them (RULES, workflow A). */
export type StepKey =
  | 'census'
  | 'request'
  | 'approval'
  | 'nomination'
  | 'slate'
  | 'slateApproval'
  | 'assembly'
  | 'officers'
  | 'report'
  | 'resultApproval'
  | 'installation';

export interface StepDefinition {
  readonly key: StepKey;
  readonly title: string;
  /** The commands done on this step: its buttons, enabled or not as the API judges them. */
  readonly commands: readonly CommandType[];
}

export const STEPS: readonly StepDefinition[] = [
  { key: 'census', title: '摸排', commands: ['TakeCensus'] },
  { key: 'request', title: '换届请示', commands: ['RequestElection'] },
  { key: 'approval', title: '上级批复', commands: ['ApproveElectionRequest'] },
  { key: 'nomination', title: '推荐提名', commands: ['NominateCandidate', 'VetCandidate'] },
  { key: 'slate', title: '候选人预备人选', commands: ['SubmitCandidateSlate'] },
  { key: 'slateApproval', title: '审查同意', commands: ['ApproveCandidateSlate'] },
  {
    key: 'assembly',
    title: '党员大会',
    commands: ['ConveneMembersAssembly', 'RecordBallots', 'CountBallots', 'HoldSupplementaryBallot', 'ReduceSeats'],
  },
  { key: 'officers', title: '支委会第一次会议', commands: ['ElectOfficers'] },
  { key: 'report', title: '报告选举结果', commands: ['ReportElectionResult'] },
  { key: 'resultApproval', title: '批准与备案', commands: ['ApproveElectionResult'] },
  { key: 'installation', title: '任职', commands: ['RequestInstallation'] },
];

/** The steps of this election: a branch without a committee elects its officers at the assembly. */
export function stepsOf(state: ElectionState): readonly StepDefinition[] {
  return state.request && !state.request.committee ? STEPS.filter((step) => step.key !== 'officers') : STEPS;
}

/** The step an election in `status` waits on. */
export function currentStepOf(status: ElectionStatus): StepKey {
  switch (status) {
    case 'none':
      return 'census';
    case 'censusTaken':
    case 'approvalLapsed':
      return 'request';
    case 'requested':
      return 'approval';
    case 'requestApproved':
      return 'nomination';
    case 'slateSubmitted':
      return 'slateApproval';
    case 'slateApproved':
    case 'assemblyOpen':
      return 'assembly';
    case 'committeeElected':
      return 'officers';
    case 'officersElected':
      return 'report';
    case 'resultReported':
      return 'resultApproval';
    case 'resultApproved':
    case 'installing':
    case 'installed':
      return 'installation';
    case 'cancelled':
      return 'census';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** Where a cancelled election stood when it was cancelled; otherwise its status. */
export const effectiveStatus = (state: ElectionState): ElectionStatus =>
  state.status === 'cancelled' && state.cancelledInStatus ? state.cancelledInStatus : state.status;

export const isStepKey = (value: string | null): value is StepKey =>
  value !== null && STEPS.some((step) => step.key === value);

/** What each command is called on the buttons and in the list of next actions. */
export const COMMAND_LABELS: Readonly<Record<CommandType, string>> = {
  TakeCensus: '摸排',
  RequestElection: '报送换届请示',
  ApproveElectionRequest: '记录上级批复',
  LapseApproval: '批复失效',
  PostponeElection: '延期换届',
  BringElectionForward: '提前换届',
  RecommendCandidate: '老干部推荐',
  NominateCandidate: '党内提名',
  VetCandidate: '考察谈话',
  ConsultCommunity: '征求社区意见',
  SubmitCandidateSlate: '报送候选人预备人选',
  ApproveCandidateSlate: '记录审查同意',
  ConveneMembersAssembly: '召开党员大会',
  RecordBallots: '录入选票',
  CountBallots: '计票',
  HoldSupplementaryBallot: '另行选举',
  ReduceSeats: '减少应选名额',
  ElectOfficers: '选举书记、副书记',
  ReportElectionResult: '报告选举结果',
  ApproveElectionResult: '记录批准与备案',
  RequestInstallation: '办理任职',
  ConfirmInstallation: '确认任职',
  CancelElection: '取消换届',
};

export const RACE_LABELS: Readonly<Record<Race, string>> = {
  committee: '支部委员',
  secretary: '书记',
  deputySecretary: '副书记',
};

/** The API's judgement of one command on the screen's day. */
export function actionOf(view: ElectionView, command: CommandType): NextAction {
  return (
    view.nextActions.find((action) => action.command === command) ?? {
      command,
      allowed: false,
      reason: '服务器未说明此事项能否办理，请重新载入。',
    }
  );
}
