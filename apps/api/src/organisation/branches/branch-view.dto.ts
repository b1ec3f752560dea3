import type { BranchShape, BranchState } from '@app/domain';
import type { BranchRollRow, PostRow } from '@app/read-models';
import { LINK_KINDS, MEMBERSHIPS, POST_END_REASONS, POST_KINDS, POST_SOURCES } from '../../http/domain-values';
import { Count, Day, Flag, Instant, List, Obj, OneOf, Text, Texts, Id } from '../../http/response-fields';
import { PersonDto } from '../../http/shared-views.dto';
import { describesView } from '../../http/view-binding';
import type { BranchFacts } from './branch-view';

class ManagementLinkDto {
  @Id() readonly linkId!: string;
  @OneOf(LINK_KINDS, 'ManagementLinkKind') readonly kind!: string;
  @Text() readonly name!: string;
}

class PostDto {
  @Text({ description: 'A UUID, or for a post an election filled `<election>-<kind>-<person>`.' })
  readonly postId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @Text({ nullable: true, description: "The committee member's duty (组织/宣传/纪检委员…); null for other kinds." })
  readonly duty!: string | null;
  @OneOf(POST_SOURCES, 'PostSource') readonly source!: string;
  @Text({ nullable: true, description: 'The appointment or filing document (文号).' })
  readonly documentReference!: string | null;
  @Obj(() => PersonDto) readonly holder!: PersonDto;
  @Day() readonly startDate!: string;
}

class VacancyDto {
  @Text({ description: 'The vacated post.' }) readonly postId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @Text({ nullable: true }) readonly duty!: string | null;
  @Obj(() => PersonDto, { description: 'Who left it.' }) readonly holder!: PersonDto;
  @OneOf(POST_END_REASONS, 'PostEndReason') readonly reason!: string;
  @Day() readonly endDate!: string;
}

export class BranchShapeDto {
  @Flag({ description: 'Fewer full members than the minimum: cannot stay a branch.' }) readonly belowMinimum!: boolean;
  @Flag() readonly committeeRequired!: boolean;
  @Flag({ description: 'A committee is required and none exists.' }) readonly electionRequired!: boolean;
  @Flag({ description: 'More members than usual: a warning.' }) readonly overSize!: boolean;
  @Text() readonly policyVersion!: string;
}

describesView<BranchShapeDto, BranchShape>('matches');

class MemberCountsDto {
  @Count() readonly full!: number;
  @Count() readonly probationary!: number;
}

class EndedPostDto {
  @Text() readonly postId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @Text({ nullable: true }) readonly duty!: string | null;
  @OneOf(POST_SOURCES, 'PostSource') readonly source!: string;
  @Text({ nullable: true }) readonly documentReference!: string | null;
  @Id() readonly personId!: string;
  @Text() readonly personName!: string;
  @Day() readonly startDate!: string;
  @Day() readonly endDate!: string;
  @OneOf(POST_END_REASONS, 'PostEndReason', { nullable: true }) readonly endReason!: string | null;
}

/**
 * A branch as it stands. Open branches have their links, units, posts and last shape; dissolved
 * ones when and by which restructuring (if any) they were closed.
 */
export class BranchViewDto {
  @OneOf(['none', 'open', 'dissolved'], 'BranchStatus') readonly status!: BranchState['status'];
  @Id({ optional: true }) readonly branchId?: string;
  @Text({ optional: true }) readonly name?: string;
  @Id({ optional: true, description: 'The one affiliation (一方隶属).' }) readonly parentCommitteeId?: string;
  @List(() => ManagementLinkDto, { optional: true }) readonly managementLinks?: readonly ManagementLinkDto[];
  @Flag({ optional: true }) readonly joint?: boolean;
  @Texts({ optional: true }) readonly jointUnits?: readonly string[];
  @List(() => PostDto, { optional: true, description: 'Posts currently held (open branches).' })
  readonly posts?: readonly PostDto[];
  @Texts({ optional: true, description: 'Posts that have ended, so a post id is never reused.' })
  readonly endedPostIds?: readonly string[];
  @List(() => VacancyDto, {
    optional: true,
    description:
      'Elected posts vacated mid-term (death, removal, resignation, transfer) that no by-election (补选) has filled yet.',
  })
  readonly vacancies?: readonly VacancyDto[];
  @Obj(() => BranchShapeDto, { optional: true, nullable: true, description: 'The shape last recorded.' })
  readonly lastShape?: BranchShapeDto | null;
  @Instant({ optional: true }) readonly establishedAt?: string;
  @Flag({
    optional: true,
    description:
      'Whether the record founds the branch (set up by a restructuring or by a cited decision): no post starts before `establishedAt`. False for a branch the bureau took over, whose officers may have started earlier.',
  })
  readonly founded?: boolean;
  @Instant({ optional: true }) readonly dissolvedAt?: string;
  @Id({ optional: true, nullable: true }) readonly restructuringId?: string | null;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
  @Obj(() => MemberCountsDto) readonly counts!: MemberCountsDto;
  @Obj(() => BranchShapeDto, {
    nullable: true,
    description: 'Judged today under the rule version in force; null once dissolved or before any version.',
  })
  readonly shape!: BranchShapeDto | null;
  @List(() => EndedPostDto) readonly endedPosts!: readonly EndedPostDto[];
}

describesView<BranchViewDto, BranchState & { readonly revision: number } & BranchFacts>('matches');
describesView<EndedPostDto, PostRow & { readonly endDate: string }>('matches');

class BranchRollRowDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @OneOf(MEMBERSHIPS, 'Membership') readonly membership!: string;
  @Flag() readonly votingSuspended!: boolean;
}

export class BranchRollDto {
  @Id() readonly branchId!: string;
  @List(() => BranchRollRowDto) readonly members!: readonly BranchRollRowDto[];
}

describesView<BranchRollDto, { readonly branchId: string; readonly members: readonly BranchRollRow[] }>('matches');
