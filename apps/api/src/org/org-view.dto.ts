import type { AsOfRoll, MemberHistory, OrganisationDiffPage, OrganisationTree } from '@app/read-models';
import { COMMITTEE_KINDS, MEMBERSHIPS, POST_KINDS, POST_SOURCES } from '../http/domain-values';
import { Count, Day, Flag, Int, List, Obj, OneOf, Text, Id } from '../http/response-fields';
import { PersonDto } from '../http/shared-views.dto';
import { BranchShapeDto } from '../organisation/branches/branch-view.dto';
import { describesView } from '../http/view-binding';

class MemberCountsDto {
  @Count() readonly full!: number;
  @Count() readonly probationary!: number;
}

class HeldPostDto {
  @Text() readonly postId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @Text({ nullable: true }) readonly duty!: string | null;
  @OneOf(POST_SOURCES, 'PostSource') readonly source!: string;
  @Obj(() => PersonDto) readonly holder!: PersonDto;
  @Day() readonly startDate!: string;
}

class TreeBranchDto {
  @Id() readonly branchId!: string;
  @Text() readonly name!: string;
  @Flag() readonly joint!: boolean;
  @Obj(() => MemberCountsDto) readonly members!: MemberCountsDto;
  @List(() => HeldPostDto, { description: 'Posts held on the date.' }) readonly posts!: readonly HeldPostDto[];
  @Obj(() => BranchShapeDto, { nullable: true, description: 'Null when no rule version was in force on the date.' })
  readonly shape!: BranchShapeDto | null;
}

class TreeCommitteeDto {
  @Id() readonly committeeId!: string;
  @Text() readonly name!: string;
  @OneOf(COMMITTEE_KINDS, 'CommitteeKind') readonly kind!: string;
  @Id({ nullable: true }) readonly parentCommitteeId!: string | null;
  @List(() => TreeBranchDto, { description: 'Its open branches.' }) readonly branches!: readonly TreeBranchDto[];
  @List(() => TreeCommitteeDto, { description: 'Its active child committees.' })
  readonly committees!: readonly TreeCommitteeDto[];
}

class TreeTotalsDto {
  @Count() readonly branches!: number;
  @Count() readonly full!: number;
  @Count() readonly probationary!: number;
}

export class OrganisationTreeDto {
  @Day() readonly asOf!: string;
  @Text({ nullable: true }) readonly policyVersion!: string | null;
  @List(() => TreeCommitteeDto, { description: 'Top-level committees, each with its branches and children.' })
  readonly committees!: readonly TreeCommitteeDto[];
  @List(() => TreeBranchDto, {
    description: 'Open branches whose committee was not active on the date (should stay empty).',
  })
  readonly unattachedBranches!: readonly TreeBranchDto[];
  @Obj(() => TreeTotalsDto) readonly totals!: TreeTotalsDto;
}

describesView<OrganisationTreeDto, OrganisationTree>('matches');

class BranchCreatedDto {
  @Id() readonly branchId!: string;
  @Text() readonly name!: string;
  @Id() readonly committeeId!: string;
  @Day() readonly on!: string;
  @Id({ nullable: true }) readonly restructuringId!: string | null;
}

class BranchDissolvedDto {
  @Id() readonly branchId!: string;
  @Text() readonly name!: string;
  @Day() readonly on!: string;
  @Text({ nullable: true }) readonly reason!: string | null;
  @Id({ nullable: true }) readonly restructuringId!: string | null;
}

class BranchMergedDto {
  @Id() readonly branchId!: string;
  @Text() readonly name!: string;
  @Day() readonly on!: string;
  @Id() readonly intoBranchId!: string;
  @Id() readonly restructuringId!: string;
}

class BranchRenamedDto {
  @Id() readonly branchId!: string;
  @Text() readonly from!: string;
  @Text() readonly to!: string;
  @Day() readonly on!: string;
}

class BranchReaffiliatedDto {
  @Id() readonly branchId!: string;
  @Id() readonly fromCommitteeId!: string;
  @Id() readonly toCommitteeId!: string;
  @Day() readonly on!: string;
}

class MemberMovedDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @Id() readonly fromBranchId!: string;
  @Id() readonly toBranchId!: string;
  @Day() readonly on!: string;
  @Id({ nullable: true }) readonly restructuringId!: string | null;
}

class MemberJoinedDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @Id() readonly branchId!: string;
  @Day() readonly on!: string;
}

class MemberLeftDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @Id() readonly branchId!: string;
  @Day() readonly on!: string;
  @Text() readonly reason!: string;
}

class PostChangeDto {
  @Text() readonly postId!: string;
  @Id() readonly branchId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @OneOf(POST_SOURCES, 'PostSource') readonly source!: string;
  @Obj(() => PersonDto) readonly holder!: PersonDto;
  @Day() readonly on!: string;
}

class PostEndedDto extends PostChangeDto {
  @Text({ nullable: true }) readonly endReason!: string | null;
}

export class OrganisationDiffPageDto {
  @Day({ description: 'Changes dated after this day…' }) readonly from!: string;
  @Day({ description: '…and on or before this day.' }) readonly to!: string;
  @List(() => BranchCreatedDto) readonly branchesCreated!: readonly BranchCreatedDto[];
  @List(() => BranchDissolvedDto) readonly branchesDissolved!: readonly BranchDissolvedDto[];
  @List(() => BranchMergedDto) readonly branchesMerged!: readonly BranchMergedDto[];
  @List(() => BranchRenamedDto) readonly branchesRenamed!: readonly BranchRenamedDto[];
  @List(() => BranchReaffiliatedDto) readonly branchesReaffiliated!: readonly BranchReaffiliatedDto[];
  @List(() => MemberMovedDto) readonly membersMoved!: readonly MemberMovedDto[];
  @List(() => MemberJoinedDto) readonly membersJoined!: readonly MemberJoinedDto[];
  @List(() => MemberLeftDto) readonly membersLeft!: readonly MemberLeftDto[];
  @List(() => PostChangeDto) readonly postsStarted!: readonly PostChangeDto[];
  @List(() => PostEndedDto) readonly postsEnded!: readonly PostEndedDto[];
  @Text({ nullable: true, description: 'The cursor to pass as `after` for the next page; null on the last.' })
  readonly next!: string | null;
}

describesView<OrganisationDiffPageDto, OrganisationDiffPage>('matches');

class RollBranchDto {
  @Text() readonly name!: string;
  @Text() readonly status!: string;
  @Id() readonly committeeId!: string;
}

class RollMemberDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @OneOf(MEMBERSHIPS, 'Membership') readonly membership!: string;
  @Flag() readonly votingSuspended!: boolean;
  @Day({ description: 'Start of the row valid on the date (joining, transfer in, confirmation…).' })
  readonly validFrom!: string;
}

export class AsOfRollDto {
  @Text() readonly branchId!: string;
  @Day() readonly asOf!: string;
  @Obj(() => RollBranchDto, { nullable: true, description: 'The branch on the date; null if it did not exist yet.' })
  readonly branch!: RollBranchDto | null;
  @Obj(() => MemberCountsDto) readonly counts!: MemberCountsDto;
  @List(() => RollMemberDto) readonly members!: readonly RollMemberDto[];
}

describesView<AsOfRollDto, AsOfRoll>('matches');

class AffiliationDto {
  @Id() readonly branchId!: string;
  @OneOf(MEMBERSHIPS, 'Membership') readonly membership!: string;
  @Flag() readonly votingSuspended!: boolean;
  @Text({ description: 'What began this row: admission, transfer, confirmation…' }) readonly change!: string;
  @Id({ nullable: true }) readonly previousBranchId!: string | null;
  @Id({ nullable: true }) readonly restructuringId!: string | null;
  @Day() readonly validFrom!: string;
  @Day({ nullable: true }) readonly validTo!: string | null;
  @Text({ nullable: true }) readonly endReason!: string | null;
  @Int({ minimum: 0, description: 'The event position that began the row.' }) readonly fromPosition!: number;
  @Int({ minimum: 0, nullable: true, description: 'The event position that ended it.' })
  readonly toPosition!: number | null;
}

class PostHeldDto {
  @Text() readonly postId!: string;
  @Id() readonly branchId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @OneOf(POST_SOURCES, 'PostSource') readonly source!: string;
  @Day() readonly validFrom!: string;
  @Day({ nullable: true }) readonly validTo!: string | null;
  @Text({ nullable: true }) readonly endReason!: string | null;
}

export class MemberHistoryDto {
  @Text() readonly memberId!: string;
  @Text() readonly name!: string;
  @List(() => AffiliationDto) readonly affiliations!: readonly AffiliationDto[];
  @List(() => PostHeldDto) readonly posts!: readonly PostHeldDto[];
}

describesView<MemberHistoryDto, MemberHistory>('matches');
