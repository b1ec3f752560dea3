import type { CampaignView } from '@app/application';
import { ELECTION_STATUSES } from '@app/domain';
import type { CampaignSummary, ElectionBoardEntry } from '@app/read-models';
import { OVERDUE_REASONS } from '../http/domain-values';
import {
  Count,
  CountsBy,
  Day,
  Flag,
  Instant,
  List,
  Obj,
  OneOf,
  OneOfEach,
  Text,
  Texts,
  TextsBy,
  Id,
} from '../http/response-fields';
import { PersonDto } from '../http/shared-views.dto';
import { describesView } from '../http/view-binding';

const BOARD_STATES = [...ELECTION_STATUSES.filter((status) => status !== 'none'), 'notStarted'];

class ElectionPlanDto {
  @Text() readonly title!: string;
  @Text() readonly documentNumber!: string;
  @Texts() readonly requirements!: readonly string[];
  @Day() readonly deadline!: string;
  @Instant() readonly issuedAt!: string;
}

class WorkingGroupDto {
  @Id() readonly groupId!: string;
  @Text() readonly name!: string;
  @Obj(() => PersonDto, { description: 'The bureau leader who leads it.' }) readonly leader!: PersonDto;
}

class CampaignBoardRowDto {
  @Id() readonly branchId!: string;
  @Text({ nullable: true }) readonly branchName!: string | null;
  @Id() readonly groupId!: string;
  @Text() readonly groupName!: string;
  @Obj(() => PersonDto) readonly groupLeader!: PersonDto;
  @Id({ nullable: true, description: "The branch's latest election; null before its census." })
  readonly electionId!: string | null;
  @OneOf(BOARD_STATES, 'BoardState', { description: 'The election status, or `notStarted`.' })
  readonly state!: string;
  @Text({ nullable: true }) readonly lastStep!: string | null;
  @Instant({ nullable: true }) readonly lastStepAt!: string | null;
  @Text({ nullable: true, description: 'The command to run next.' }) readonly nextStep!: string | null;
  @Text() readonly nextStepZh!: string;
  @Text() readonly nextStepEn!: string;
  @Day({ nullable: true }) readonly plannedDate!: string | null;
  @Day({ nullable: true }) readonly dueDate!: string | null;
  @Day({ nullable: true }) readonly approvalLapsesOn!: string | null;
  @Day({ nullable: true }) readonly currentTermEnd!: string | null;
  @Day({ nullable: true }) readonly newTermEnd!: string | null;
  @Flag() readonly overdue!: boolean;
  @OneOfEach(OVERDUE_REASONS, 'OverdueReason') readonly overdueReasons!: readonly string[];
}

class CampaignBoardDto {
  @Day({ description: 'The day overdue is judged on.' }) readonly asOf!: string;
  @Day() readonly deadline!: string;
  @Count() readonly branches!: number;
  @Count() readonly overdue!: number;
  @CountsBy({ description: 'Assigned branches by election state (`notStarted` for those without one).' })
  readonly byState!: Readonly<Record<string, number>>;
  @List(() => CampaignBoardRowDto) readonly rows!: readonly CampaignBoardRowDto[];
}

/** A renewal campaign with its progress board. */
export class CampaignViewDto {
  @OneOf(['active'], 'CampaignStatus') readonly status!: 'active';
  @Id() readonly campaignId!: string;
  @Obj(() => ElectionPlanDto) readonly plan!: ElectionPlanDto;
  @List(() => WorkingGroupDto) readonly groups!: readonly WorkingGroupDto[];
  @TextsBy({ description: 'The working group each assigned branch is 包联 to: branch id → group id.' })
  readonly assignments!: Readonly<Record<string, string>>;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
  @Obj(() => CampaignBoardDto) readonly board!: CampaignBoardDto;
}

describesView<CampaignViewDto, CampaignView>('matches');

class CampaignSummaryDto {
  @Id() readonly campaignId!: string;
  @Text() readonly title!: string;
  @Text() readonly documentNumber!: string;
  @Day() readonly deadline!: string;
  @Day() readonly issuedOn!: string;
  @Count() readonly groups!: number;
  @Count() readonly branches!: number;
}

export class CampaignListDto {
  @List(() => CampaignSummaryDto, { description: 'Newest plan first.' }) readonly items!: readonly CampaignSummaryDto[];
}

describesView<CampaignListDto, { readonly items: readonly CampaignSummary[] }>('matches');

/** One election on the board, flat so JSON and CSV share its columns. */
class ElectionBoardEntryDto {
  @Id() readonly electionId!: string;
  @Id() readonly branchId!: string;
  @Text({ nullable: true }) readonly branchName!: string | null;
  @Id({ nullable: true, description: 'The campaign the branch is assigned in.' }) readonly campaignId!: string | null;
  @Text({ nullable: true }) readonly campaignTitle!: string | null;
  @Day({ nullable: true }) readonly campaignDeadline!: string | null;
  @Id({ nullable: true }) readonly groupId!: string | null;
  @Text({ nullable: true }) readonly groupName!: string | null;
  @Text({ nullable: true }) readonly groupLeaderName!: string | null;
  @OneOf(ELECTION_STATUSES, 'ElectionStatus') readonly state!: string;
  @Day() readonly startedOn!: string;
  @Text({ description: 'The event type of the last step.' }) readonly lastStep!: string;
  @Instant() readonly lastStepAt!: string;
  @Day() readonly lastStepOn!: string;
  @Day({ nullable: true }) readonly plannedDate!: string | null;
  @Day({ nullable: true }) readonly dueDate!: string | null;
  @Text({ nullable: true }) readonly approvalReference!: string | null;
  @Day({ nullable: true }) readonly approvalLapsesOn!: string | null;
  @Day({ nullable: true }) readonly currentTermEnd!: string | null;
  @Day({ nullable: true }) readonly newTermStart!: string | null;
  @Day({ nullable: true }) readonly newTermEnd!: string | null;
  @Text({ nullable: true }) readonly nextStep!: string | null;
  @Text() readonly nextStepZh!: string;
  @Text() readonly nextStepEn!: string;
  @Text({ nullable: true }) readonly policyVersion!: string | null;
  @Flag() readonly overdue!: boolean;
  @OneOfEach(OVERDUE_REASONS, 'OverdueReason') readonly overdueReasons!: readonly string[];
}

export class ElectionBoardPageDto {
  @List(() => ElectionBoardEntryDto) readonly items!: readonly ElectionBoardEntryDto[];
  @Text({ nullable: true, description: 'The election id to pass as `after` for the next page; null at the end.' })
  readonly next!: string | null;
}

describesView<ElectionBoardPageDto, { readonly items: readonly ElectionBoardEntry[]; readonly next: string | null }>(
  'matches',
);
