/**
 * The event types of the history, in Chinese, grouped as a clerk looks for them.
 *
 * The API declares an audit row's `type` as free text (no enum in its OpenAPI document), so this
 * table cannot be typed over the schema: a type the engine adds is shown by its name until it is
 * added here. Once `AuditEntryDto.type` is declared as an enum, type this table over it (as
 * `status-labels.ts` does for statuses) and a missing type becomes a compile error.
 */
export const EVENT_TYPE_GROUPS = [
  {
    label: '组织',
    types: {
      PartyCommitteeEstablished: '党委成立',
      PartyCommitteeRenamed: '党委更名',
      PartyCommitteeDissolved: '党委撤销',
      BranchEstablished: '党支部设立',
      BranchRenamed: '党支部更名',
      BranchReaffiliated: '党支部隶属关系调整',
      BranchDissolved: '党支部撤销',
      BranchShapeAssessed: '党支部设置评估',
      ManagementLinkAdded: '增加共同管理单位',
      ManagementLinkRemoved: '解除共同管理单位',
      PostAssigned: '任职',
      OfficerAppointed: '指派书记、副书记',
      ViceSecretaryCrossAppointed: '交叉任职（兼任副书记）',
      PartyAffairsOfficerAssigned: '配备党务干部',
      PostVacated: '免去职务',
    },
  },
  {
    label: '党员',
    types: {
      MemberAdmitted: '党员编入',
      MemberConfirmed: '预备党员转正',
      VotingRightsSuspended: '表决权中止',
      VotingRightsRestored: '表决权恢复',
      MemberTransferred: '组织关系转接',
      MemberLeft: '党员离册',
      MemberDataCorrected: '更正党员信息',
    },
  },
  {
    label: '组织调整',
    types: {
      RestructuringProposed: '提出组织调整',
      RestructuringApproved: '批准组织调整',
      RestructuringAbandoned: '放弃组织调整',
      RestructuringExecutionStarted: '开始执行组织调整',
      BranchesMerged: '党支部合并',
      RestructuringCompleted: '组织调整完成',
    },
  },
  {
    label: '换届工作',
    types: {
      ElectionPlanIssued: '印发换届选举工作方案',
      WorkingGroupFormed: '成立换届工作领导小组',
      BranchAssignedToWorkingGroup: '包联党支部',
    },
  },
  {
    label: '换届选举',
    types: {
      CensusTaken: '摸排',
      ElectionRequested: '换届请示',
      ElectionRequestApproved: '换届请示批复',
      ApprovalLapsed: '批复失效',
      ElectionPostponed: '延期换届',
      ElectionBroughtForward: '提前换届',
      CandidateRecommended: '老干部推荐',
      CandidateNominated: '党内提名',
      CandidateVetted: '考察人选',
      CommunityConsulted: '社区参与',
      CandidateSlateSubmitted: '报送候选人预备人选',
      CandidateSlateApproved: '候选人预备人选审查同意',
      MembersAssemblyConvened: '召开党员大会',
      BallotsRecorded: '收回选票',
      BallotRoundVoided: '本轮选举无效',
      BallotsCounted: '计票',
      SupplementaryBallotHeld: '另行选举',
      SeatsReduced: '减少应选名额',
      OfficersElected: '选举书记、副书记',
      ElectionResultReported: '报告选举结果',
      ElectionResultApproved: '批准选举结果',
      InstallationRequested: '提请任职',
      ResultInstalled: '新一届班子任职',
      TermEndReminderDue: '任期届满提醒',
      ElectionReminderSent: '提醒上级党组织换届',
      ElectionCancelled: '取消换届选举',
    },
  },
  {
    label: '补选',
    types: {
      ByElectionRequested: '补选请示',
      ByElectionConsented: '上级同意补选',
      ByElectionHeld: '党员大会补选',
      ByElectionFiled: '补选结果报备',
    },
  },
  {
    label: '示范创建与志愿服务',
    types: {
      DemonstrationCampaignLaunched: '启动示范党支部创建',
      DemonstrationBranchDesignated: '确定示范创建支部',
      ChecklistEvidenceRecorded: '登记创建材料',
      DemonstrationCriterionAssessed: '评定“六好”',
      DemonstrationBranchApproved: '命名示范党支部',
      BranchBrandRegistered: '一支部一品牌',
      DemonstrationFundingGranted: '拨付创建经费',
      ExchangeVisitRecorded: '交流学习',
      VolunteerTeamFormed: '组建志愿服务队',
      VolunteerJoinedTeam: '加入志愿服务队',
      VolunteerActivityRecorded: '志愿服务活动',
    },
  },
  {
    label: '规则与核验',
    types: {
      RulePolicyPublished: '发布规则版本',
      HistoryDigestRecorded: '记录历史摘要',
    },
  },
] as const satisfies readonly { label: string; types: Readonly<Record<string, string>> }[];

const LABELS: ReadonlyMap<string, string> = new Map(
  EVENT_TYPE_GROUPS.flatMap((group): [string, string][] => Object.entries(group.types)),
);

/** The Chinese name of an event type; a type not in the table yet shows as the API names it. */
export const eventTypeLabel = (type: string): string => LABELS.get(type) ?? type;

/** Every type the table names, for a test to hold against the engine's own list. */
export const LABELLED_EVENT_TYPES: readonly string[] = [...LABELS.keys()];
