import type { DemonstrationBoardRow, DemonstrationView, VolunteerTeamView } from '@app/application';
import type {
  DemonstrationCampaignRow,
  ServiceHistoryRow,
  VolunteerActivityRow,
  VolunteerStatisticsView,
  VolunteerTeamRow,
} from '@app/read-models';
import { Count, Day, Flag, Id, Ids, Instant, Int, List, Num, Obj, OneOf, Text, Texts } from '../http/response-fields';
import { describesView } from '../http/view-binding';

class EvidenceDto {
  @OneOf(['document', 'photo'], 'EvidenceKind') readonly kind!: 'document' | 'photo';
  @Text() readonly reference!: string;
  @Day() readonly checkedOn!: string;
  @Text() readonly checkedBy!: string;
  @Instant({ description: 'When it was recorded.' }) readonly at!: string;
}

class ChecklistItemStatusDto {
  @Id() readonly itemId!: string;
  @Text() readonly zh!: string;
  @Text() readonly en!: string;
  @OneOf(['venue', 'haves', 'clear'], 'ChecklistGroup', { description: '一场所, 八个有 or 四清楚.' })
  readonly group!: 'venue' | 'haves' | 'clear';
  @Obj(() => EvidenceDto, { nullable: true, description: 'null while the item has no evidence.' })
  readonly evidence!: EvidenceDto | null;
}

class CriterionStatusDto {
  @Id() readonly criterionId!: string;
  @Text() readonly zh!: string;
  @Text() readonly en!: string;
  @Flag({ nullable: true, description: 'null until assessed.' }) readonly passed!: boolean | null;
  @Num({ nullable: true }) readonly score!: number | null;
  @Text({ nullable: true }) readonly assessedBy!: string | null;
}

class ApprovalDto {
  @Text() readonly approvedBy!: string;
  @Text() readonly documentNumber!: string;
  @OneOf(['county', 'city'], 'DemonstrationLevel') readonly level!: 'county' | 'city';
  @Int() readonly year!: number;
  @Instant() readonly at!: string;
}

class BrandDto {
  @Text() readonly name!: string;
  @Text() readonly feature!: string;
  @Text() readonly story!: string;
  @Instant() readonly at!: string;
}

class GrantDto {
  @Id() readonly grantId!: string;
  @Count() readonly amountYuan!: number;
  @Text() readonly purpose!: string;
  @Instant() readonly at!: string;
}

class VisitDto {
  @Id() readonly visitId!: string;
  @Id() readonly hostBranchId!: string;
  @Ids() readonly visitingBranchIds!: readonly string[];
  @Texts() readonly visitors!: readonly string[];
  @Text() readonly learned!: string;
  @Instant() readonly at!: string;
}

class BoardBranchDto {
  @Id() readonly branchId!: string;
  @Text({ nullable: true }) readonly branchName!: string | null;
  @Instant() readonly designatedAt!: string;
  @Count() readonly checklistDone!: number;
  @Count() readonly checklistTotal!: number;
  @Ids({ description: 'Checklist items still without evidence.' }) readonly missingItems!: readonly string[];
  @List(() => ChecklistItemStatusDto) readonly checklist!: readonly ChecklistItemStatusDto[];
  @Count() readonly criteriaMet!: number;
  @Count() readonly criteriaTotal!: number;
  @List(() => CriterionStatusDto) readonly criteria!: readonly CriterionStatusDto[];
  @Flag({ description: 'Every item evidenced and every criterion met.' }) readonly readyForApproval!: boolean;
  @Obj(() => ApprovalDto, { nullable: true }) readonly approval!: ApprovalDto | null;
  @Obj(() => BrandDto, { nullable: true }) readonly brand!: BrandDto | null;
  @Count() readonly fundingYuan!: number;
  @List(() => GrantDto) readonly funding!: readonly GrantDto[];
  @Count() readonly visitsHosted!: number;
  @Count() readonly visitsMade!: number;
}

/** A demonstration campaign with its board: per branch, the checklist and the 六好. */
export class DemonstrationViewDto {
  @Id() readonly campaignId!: string;
  @Text() readonly title!: string;
  @Int() readonly year!: number;
  @Text() readonly standardVersion!: string;
  @Text() readonly standardSource!: string;
  @Count() readonly passingScore!: number;
  @Instant() readonly launchedAt!: string;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
  @Count() readonly branches!: number;
  @Count() readonly approved!: number;
  @Count({ description: 'Branches with 13/13 checklist items evidenced.' }) readonly checklistComplete!: number;
  @Count() readonly fundingYuan!: number;
  @List(() => BoardBranchDto) readonly board!: readonly BoardBranchDto[];
  @List(() => VisitDto) readonly visits!: readonly VisitDto[];
}

describesView<DemonstrationViewDto, DemonstrationView>('matches');

class DemonstrationCampaignRowDto {
  @Id() readonly campaignId!: string;
  @Text() readonly title!: string;
  @Int() readonly year!: number;
  @Text() readonly standardVersion!: string;
  @Day() readonly launchedOn!: string;
  @Count() readonly designated!: number;
  @Count() readonly approved!: number;
}

export class DemonstrationListDto {
  @List(() => DemonstrationCampaignRowDto, { description: 'Newest year first.' })
  readonly items!: readonly DemonstrationCampaignRowDto[];
}

describesView<DemonstrationListDto, { readonly items: readonly DemonstrationCampaignRow[] }>('matches');

const BOARD_STATUSES = ['evidenced', 'missing', 'met', 'notMet', 'notAssessed'] as const;

class DemonstrationBoardRowDto {
  @Id() readonly branchId!: string;
  @Text() readonly branchName!: string;
  @OneOf(['checklist', 'criterion'], 'DemonstrationBoardPart') readonly part!: 'checklist' | 'criterion';
  @Id() readonly id!: string;
  @Text() readonly name!: string;
  @OneOf(BOARD_STATUSES, 'DemonstrationBoardStatus') readonly status!: (typeof BOARD_STATUSES)[number];
  @Text() readonly statusZh!: string;
  @Text({ description: "The evidence's reference, or the score." }) readonly detail!: string;
  @Day({ nullable: true }) readonly checkedOn!: string | null;
  @Text({ nullable: true }) readonly checkedBy!: string | null;
  @Flag() readonly approved!: boolean;
}

export class DemonstrationBoardDto {
  @List(() => DemonstrationBoardRowDto, { description: 'Each branch’s 13 checklist items, then its 六好.' })
  readonly items!: readonly DemonstrationBoardRowDto[];
}

describesView<DemonstrationBoardDto, { readonly items: readonly DemonstrationBoardRow[] }>('matches');

class TeamLeaderDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @Id() readonly branchId!: string;
}

class TeamMemberDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @Id({ description: 'The member’s branch when they joined.' }) readonly branchId!: string;
  @Instant() readonly joinedAt!: string;
}

class ParticipantDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @Id({ description: 'The member’s branch on the day.' }) readonly branchId!: string;
}

class ProposalDto {
  @Id({ nullable: true }) readonly memberId!: string | null;
  @Text() readonly text!: string;
}

class TeamActivityDto {
  @Id() readonly activityId!: string;
  @Day() readonly on!: string;
  @Text() readonly kind!: string;
  @Text() readonly kindsVersion!: string;
  @Text() readonly title!: string;
  @Text() readonly place!: string;
  @Text() readonly organiser!: string;
  @List(() => ParticipantDto) readonly participants!: readonly ParticipantDto[];
  @List(() => ProposalDto) readonly proposals!: readonly ProposalDto[];
  @Instant() readonly at!: string;
}

/** A volunteer team as its stream says: leader, members, activities. */
export class VolunteerTeamViewDto {
  @OneOf(['active'], 'VolunteerTeamStatus') readonly status!: 'active';
  @Id() readonly teamId!: string;
  @Text() readonly name!: string;
  @Id() readonly leadBranchId!: string;
  @Obj(() => TeamLeaderDto) readonly leader!: TeamLeaderDto;
  @Text() readonly kindsVersion!: string;
  @Instant() readonly formedAt!: string;
  @List(() => TeamMemberDto) readonly members!: readonly TeamMemberDto[];
  @List(() => TeamActivityDto) readonly activities!: readonly TeamActivityDto[];
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
  @Count({ description: '人次: participants of every activity.' }) readonly personTimes!: number;
}

describesView<VolunteerTeamViewDto, VolunteerTeamView>('matches');

class VolunteerTeamRowDto {
  @Id() readonly teamId!: string;
  @Text() readonly name!: string;
  @Id() readonly leadBranchId!: string;
  @Text({ nullable: true }) readonly leadBranchName!: string | null;
  @Id() readonly leaderMemberId!: string;
  @Text() readonly leaderName!: string;
  @Day() readonly formedOn!: string;
  @Count() readonly members!: number;
  @Count() readonly activities!: number;
  @Count() readonly personTimes!: number;
}

export class VolunteerTeamListDto {
  @List(() => VolunteerTeamRowDto) readonly items!: readonly VolunteerTeamRowDto[];
}

describesView<VolunteerTeamListDto, { readonly items: readonly VolunteerTeamRow[] }>('matches');

const DIMENSIONS = ['kind', 'month', 'team', 'branch', 'member'] as const;

class PersonTimesRowDto {
  @OneOf(DIMENSIONS, 'VolunteerDimension') readonly dimension!: (typeof DIMENSIONS)[number];
  @Text() readonly key!: string;
  @Text() readonly name!: string;
  @Count() readonly activities!: number;
  @Count() readonly personTimes!: number;
}

/** Person-times (人次) in total and by kind, month, team, branch and member. */
export class VolunteerStatisticsDto {
  @Day({ nullable: true }) readonly from!: string | null;
  @Day({ nullable: true }) readonly to!: string | null;
  @Count() readonly teams!: number;
  @Count() readonly activities!: number;
  @Count({ description: '人次: every participation of every activity.' }) readonly personTimes!: number;
  @Count({ description: 'Different members who took part.' }) readonly volunteers!: number;
  @Count() readonly proposals!: number;
  @List(() => PersonTimesRowDto) readonly byKind!: readonly PersonTimesRowDto[];
  @List(() => PersonTimesRowDto) readonly byMonth!: readonly PersonTimesRowDto[];
  @List(() => PersonTimesRowDto) readonly byTeam!: readonly PersonTimesRowDto[];
  @List(() => PersonTimesRowDto) readonly byBranch!: readonly PersonTimesRowDto[];
  @List(() => PersonTimesRowDto) readonly byMember!: readonly PersonTimesRowDto[];
}

describesView<VolunteerStatisticsDto, VolunteerStatisticsView>('matches');

class ActivityRowDto {
  @Id() readonly activityId!: string;
  @Id() readonly teamId!: string;
  @Text() readonly teamName!: string;
  @Day() readonly on!: string;
  @Text() readonly kind!: string;
  @Text() readonly kindName!: string;
  @Text() readonly title!: string;
  @Text() readonly place!: string;
  @Text() readonly organiser!: string;
  @Count() readonly personTimes!: number;
  @List(() => ProposalDto) readonly proposals!: readonly ProposalDto[];
}

export class VolunteerActivityListDto {
  @List(() => ActivityRowDto, { description: 'Oldest first.' }) readonly items!: readonly ActivityRowDto[];
}

describesView<VolunteerActivityListDto, { readonly items: readonly VolunteerActivityRow[] }>('matches');

class ServiceHistoryRowDto {
  @Id() readonly activityId!: string;
  @Day() readonly on!: string;
  @Text() readonly kind!: string;
  @Text() readonly kindName!: string;
  @Text() readonly title!: string;
  @Text() readonly place!: string;
  @Id() readonly teamId!: string;
  @Text() readonly teamName!: string;
  @Id({ description: 'The member’s branch on the day.' }) readonly branchId!: string;
}

/** A member's volunteer service (志愿服务记录). */
export class ServiceHistoryDto {
  @Id() readonly memberId!: string;
  @Count({ description: '人次.' }) readonly personTimes!: number;
  @List(() => ServiceHistoryRowDto, { description: 'Oldest first.' }) readonly items!: readonly ServiceHistoryRowDto[];
}

describesView<
  ServiceHistoryDto,
  { readonly memberId: string; readonly personTimes: number; readonly items: readonly ServiceHistoryRow[] }
>('matches');
