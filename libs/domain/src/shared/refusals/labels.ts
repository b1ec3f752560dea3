import type { ElectionCommandType, ExclusionReason, Race } from '../../election/election.commands';
import type { ElectionStatus, RaceState } from '../../election/election.state';
import { ELECTION_STATUS_CATALOGUE, ELECTION_STATUSES } from '../../election/election-statuses';
import type { PostKind } from '../../organisation/branch/post';
import type { DepartureReason, SuspensionReason } from '../../organisation/member/member.commands';

/** A term in both languages. English is what the code and the logs have always said. */
export interface Term {
  readonly zh: string;
  readonly en: string;
}

const term = (en: string, zh: string): Term => ({ en, zh });

/**
 * Every field a refusal can name, by its English label (which `details.field` carries for
 * programs), with the Chinese the bureau's forms use. A label missing here fails to compile
 * where it is named.
 */
export const FIELD_LABELS = {
  // Dates
  date: '日期',
  'date of the act': '办理日期',
  'asOf date': '查询日期（asOf）',
  'from date': '起始日期',
  'to date': '截止日期',
  'birth date': '出生日期',
  'date of joining the Party': '入党日期',
  'confirmation date': '转正日期',
  'date of leaving': '离开党组织日期',
  'suspension start date': '权利中止起始日期',
  'suspension end date': '权利中止截止日期',
  'probation start date': '预备期起始日期',
  'probation end date': '预备期届满日期',
  'restoration date': '权利恢复日期',
  'post start date': '任职起始日期',
  'post end date': '任职终止日期',
  'current term start date': '本届任期起始日期',
  'current term end date': '本届任期届满日期',
  'dissolution date': '撤销日期',
  'planned election date': '计划选举日期',
  'new election date': '新的选举日期',
  'approval date': '批复日期',
  'vetting date': '考察日期',
  'consultation date': '征求意见日期',
  'slate approval date': '候选人预备人选审查同意日期',
  'result approval date': '选举结果批准日期',
  'date of the reminder': '提醒日期',
  'campaign deadline': '换届工作截止日期',
  'plan issue date': '工作方案印发日期',
  'publication date': '发布日期',
  'planned by-election date': '计划补选日期',
  'by-election consent date': '同意补选日期',
  'by-election filing date': '补选结果报备日期',
  // Names
  'person name': '姓名',
  'member name': '党员姓名',
  'branch name': '支部名称',
  'new branch name': '新设支部名称',
  'committee name': '党组织名称',
  'management link name': '管理关系单位名称',
  'post holder name': '任职人姓名',
  'recommender name': '推荐人姓名',
  'community consulted': '征求意见的社区',
  'plan title': '工作方案标题',
  'working group name': '领导小组名称',
  'working group leader': '领导小组组长',
  // Documents
  'approval reference': '批复文号',
  "superior's approval reference": '上级党组织批复文号',
  'slate approval reference': '候选人预备人选审查同意文号',
  'report reference': '选举结果报告文号',
  'result approval reference': '选举结果批复文号',
  'approval document reference': '批准文件文号',
  'plan document number': '工作方案文号',
  'request reference': '换届请示文号',
  'filing reference': '备案文号',
  'by-election consent reference': '同意补选批复文号',
  'by-election filing reference': '补选结果报备文号',
  // Reasons
  'reason for dissolution': '撤销原因',
  'reason for the correction': '更正原因',
  'reason for the restructuring': '调整原因',
  'reason for abandoning': '放弃调整的原因',
  'reason for cancelling': '取消选举的原因',
  'reason for the postponement': '延期换届的原因',
  'reason for the advance': '提前换届的原因',
  'reason for the by-election': '补选原因',
  // Other texts
  'former post level': '原职级',
  'committee duty': '委员分工',
  'committee member duty': '委员分工',
  'account of how the committee works': '支部委员会运行情况',
  "account of the secretary's situation": '书记情况',
  'election method': '选举办法',
  'nomination method': '提名方式',
  'agenda item': '会议议程事项',
  'nominating body': '提名主体',
  'name of who vetted': '考察人',
  'vetting notes': '考察意见',
  "community's opinion": '社区意见',
  'approving organisation': '批准机关',
  'plan requirement': '工作方案要求',
  // 示范党支部创建 and 志愿服务
  'demonstration campaign title': '示范创建活动名称',
  'evidence check date': '材料核查日期',
  'evidence reference': '材料编号或文件名',
  'who checked': '核查人',
  'who assessed': '评定人',
  'demonstration approval document number': '命名文件文号',
  'brand name': '品牌名称',
  'brand feature': '品牌特色',
  'brand story': '品牌故事',
  'funding purpose': '经费用途',
  'visitor name': '来访人姓名',
  'visiting branches': '来访支部',
  'what was learned': '交流学习收获',
  'volunteer team name': '志愿服务队名称',
  'activity date': '活动日期',
  'activity title': '活动名称',
  'activity place': '活动地点',
  'activity organiser': '活动组织者',
  proposal: '建议内容',
  // Counts
  'full member count': '正式党员人数',
  'probationary member count': '预备党员人数',
  'member count': '党员人数',
} as const;

export type FieldLabel = keyof typeof FIELD_LABELS;

export const fieldZh = (field: FieldLabel): string => FIELD_LABELS[field];

/** Periods whose end may not precede their start; each gives its `… start date` and `… end date` labels. */
export const PERIODS = {
  'current term': '本届任期',
  post: '任职期',
  probation: '预备期',
  suspension: '权利中止期',
} as const satisfies Readonly<Record<string, string>>;

export type Period = keyof typeof PERIODS;

/** The election commands, as a step of the workflow (English: the command's own name). */
export const ELECTION_COMMAND_LABELS: { readonly [C in ElectionCommandType]: Term } = {
  TakeCensus: term('TakeCensus', '开展摸排'),
  RequestElection: term('RequestElection', '提交换届请示'),
  ApproveElectionRequest: term('ApproveElectionRequest', '批复换届请示'),
  LapseApproval: term('LapseApproval', '登记批复失效'),
  PostponeElection: term('PostponeElection', '延期换届'),
  BringElectionForward: term('BringElectionForward', '提前换届'),
  RecommendCandidate: term('RecommendCandidate', '推荐候选人'),
  NominateCandidate: term('NominateCandidate', '提名候选人'),
  VetCandidate: term('VetCandidate', '考察候选人'),
  ConsultCommunity: term('ConsultCommunity', '征求社区意见'),
  SubmitCandidateSlate: term('SubmitCandidateSlate', '上报候选人预备人选'),
  ApproveCandidateSlate: term('ApproveCandidateSlate', '审查同意候选人预备人选'),
  ConveneMembersAssembly: term('ConveneMembersAssembly', '召开党员大会'),
  RecordBallots: term('RecordBallots', '登记选票'),
  CountBallots: term('CountBallots', '计票'),
  HoldSupplementaryBallot: term('HoldSupplementaryBallot', '另行选举'),
  ReduceSeats: term('ReduceSeats', '减少应选名额'),
  ElectOfficers: term('ElectOfficers', '选举书记、副书记'),
  ReportElectionResult: term('ReportElectionResult', '报告选举结果'),
  ApproveElectionResult: term('ApproveElectionResult', '批准选举结果'),
  RequestInstallation: term('RequestInstallation', '办理任职'),
  ConfirmInstallation: term('ConfirmInstallation', '确认任职'),
  CancelElection: term('CancelElection', '取消选举'),
};

/** Where an election stands (English: the status's own name; Chinese: the status catalogue's). */
export const ELECTION_STATUS_LABELS = Object.fromEntries(
  ELECTION_STATUSES.map((status) => [status, term(status, ELECTION_STATUS_CATALOGUE[status].zh)]),
) as { readonly [S in ElectionStatus]: Term };

/** A contest at the assembly, as its seats are called. */
export const RACE_LABELS: { readonly [R in Race]: Term } = {
  committee: term('committee', '支部委员会委员'),
  secretary: term('secretary', '书记'),
  deputySecretary: term('deputy secretary', '副书记'),
};

export const RACE_PHASE_LABELS: { readonly [P in RaceState['phase']]: Term } = {
  awaitingBallots: term('waiting for ballots', '等待投票'),
  awaitingCount: term('waiting to be counted', '等待计票'),
  shortfall: term('short of seats', '当选人数不足'),
  complete: term('complete', '已完成'),
};

export const POST_LABELS: { readonly [K in PostKind]: Term } = {
  secretary: term('secretary', '书记'),
  deputySecretary: term('deputy secretary', '副书记'),
  committeeMember: term('committee member', '支部委员'),
  partyAffairsOfficer: term('party-affairs officer', '党务干部'),
};

export const SUSPENSION_LABELS: { readonly [S in SuspensionReason]: Term } = {
  membershipSuspended: term('suspended membership', '停止党籍'),
  probation: term('probation within the Party', '留党察看'),
  detention: term('detention', '留置'),
  arrest: term('arrest', '逮捕'),
};

/** The grounds for leaving a member out of those due to attend (RULES §1.5, X8). */
export const EXCLUSION_LABELS: { readonly [R in ExclusionReason]: Term } = {
  illnessPreventsExpression: term('illness preventing the expression of their will', '患病不能表达本人意志'),
  abroadPrivately: term('being abroad on their own account', '自费出国半年以上'),
  servingSentence: term('serving a sentence', '正在服刑'),
  frailOrBedridden: term('being old, frail or bedridden', '年老体弱卧床不起、长期生病生活不能自理'),
  awayWithoutTransfer: term('being away without moving their affiliation', '外出半年以上未按规定转移组织关系'),
  retiredInHomeTown: term('living in their home town after retiring', '退休后长期在原籍居住未转移组织关系'),
  floatingOnOwnApplication: term('a floating member’s own application', '流动党员本人申请'),
};

export const DEPARTURE_LABELS: { readonly [D in DepartureReason]: Term } = {
  death: term('death', '去世'),
  movedOut: term('moved out', '转出'),
  expelled: term('expelled', '开除党籍'),
};

/** What a branch status fact says of a branch that is not open. */
export const BRANCH_NOT_OPEN_LABELS: { readonly [S in 'dissolved' | 'notFound']: Term } = {
  dissolved: term('dissolved', '已撤销'),
  notFound: term('not established', '尚未成立'),
};

/** `n` and a noun in English, singular for one. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A list in English prose: `a`, `a and b`, `a, b and c`. */
export function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A list in Chinese prose, joined with the enumeration comma. */
export const listZh = (items: readonly string[]): string => items.join('、');
