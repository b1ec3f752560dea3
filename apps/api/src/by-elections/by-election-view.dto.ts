import type { ByElectionView } from '@app/application';
import { EXCLUSION_REASONS } from '@app/domain';
import { MAJORITY_BASES, POST_END_REASONS, POST_KINDS } from '../http/domain-values';
import { Count, Day, Flag, Id, Instant, List, Obj, OneOf, Text } from '../http/response-fields';
import { PersonDto, TermDto } from '../http/shared-views.dto';
import { describesView } from '../http/view-binding';

class VacancyDto {
  @Text({ description: 'The vacated post.' }) readonly postId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @Text({ nullable: true }) readonly duty!: string | null;
  @Obj(() => PersonDto, { description: 'Who left it.' }) readonly holder!: PersonDto;
  @OneOf(POST_END_REASONS, 'PostEndReason') readonly reason!: string;
  @Day() readonly endDate!: string;
}

class ConsentDto {
  @Text() readonly consentReference!: string;
  @Day() readonly consentedOn!: string;
}

class ByElectionExclusionDto {
  @Id() readonly memberId!: string;
  @OneOf(EXCLUSION_REASONS, 'ExclusionReason') readonly reason!: string;
  @Text() readonly approvalReference!: string;
}

class QuorumDto {
  @Count() readonly due!: number;
  @Count() readonly present!: number;
  @Count() readonly numerator!: number;
  @Count() readonly denominator!: number;
  @Flag({ description: 'Whether exactly the share counts.' }) readonly inclusive!: boolean;
}

class ByElectionTallyDto {
  @Id() readonly personId!: string;
  @Text() readonly name!: string;
  @Count() readonly for!: number;
  @Count() readonly against!: number;
  @Count() readonly abstain!: number;
}

class ByElectionWriteInDto {
  @Id() readonly personId!: string;
  @Text() readonly name!: string;
  @Count() readonly votes!: number;
}

class ByElectionInvalidDto {
  @Count() readonly spoiled!: number;
  @Count() readonly tooManyNames!: number;
  @Count() readonly writeInWithoutAgainst!: number;
  @Count() readonly writeInIsCandidate!: number;
  @Count() readonly duplicateName!: number;
}

class ByElectionVoteDto {
  @Text({ description: 'The rule version that judged the quorum and the majority.' }) readonly policyVersion!: string;
  @Day({ description: "The assembly's date." }) readonly date!: string;
  @List(() => ByElectionExclusionDto) readonly exclusions!: readonly ByElectionExclusionDto[];
  @List(() => PersonDto) readonly dueVoters!: readonly PersonDto[];
  @List(() => PersonDto) readonly presentVoters!: readonly PersonDto[];
  @Obj(() => QuorumDto) readonly quorum!: QuorumDto;
  @Count() readonly issued!: number;
  @Count() readonly returned!: number;
  @Count() readonly valid!: number;
  @Count() readonly invalid!: number;
  @Obj(() => ByElectionInvalidDto) readonly invalidByReason!: ByElectionInvalidDto;
  @List(() => ByElectionTallyDto) readonly tallies!: readonly ByElectionTallyDto[];
  @List(() => ByElectionWriteInDto) readonly writeIns!: readonly ByElectionWriteInDto[];
  @OneOf(MAJORITY_BASES, 'MajorityBase') readonly majorityBase!: string;
  @Count({ description: 'The number whose half the yes-votes had to exceed.' }) readonly base!: number;
  @Obj(() => ByElectionWriteInDto, { description: 'The person by-elected, with their votes.' })
  readonly elected!: ByElectionWriteInDto;
}

class FilledPostDto {
  @Text({ description: '`<by-election>-<kind>-<person>`.' }) readonly postId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @Text({ nullable: true }) readonly duty!: string | null;
  @Obj(() => PersonDto) readonly holder!: PersonDto;
}

class FilingDto {
  @Text() readonly filingReference!: string;
  @Day({ description: 'The post is held from this day.' }) readonly filedOn!: string;
  @Obj(() => FilledPostDto) readonly post!: FilledPostDto;
  @Text() readonly vacatedPostId!: string;
  @Day({ nullable: true, description: "The term's end, which the by-election does not change." })
  readonly termEnd!: string | null;
}

/** A by-election (补选) as it stands: the vacancy, the request, the consent, the vote and the filing so far. */
export class ByElectionViewDto {
  @OneOf(['requested', 'consented', 'held', 'filed'], 'ByElectionStatus') readonly status!: string;
  @Id() readonly byElectionId!: string;
  @Id() readonly branchId!: string;
  @Obj(() => VacancyDto) readonly vacancy!: VacancyDto;
  @List(() => PersonDto, { description: 'The candidates requested, as the superior reviewed them.' })
  readonly candidates!: readonly PersonDto[];
  @Day() readonly plannedDate!: string;
  @Obj(() => TermDto, { nullable: true, description: 'The term the filled post serves to its end.' })
  readonly term!: TermDto | null;
  @Instant() readonly requestedOn!: string;
  @Obj(() => ConsentDto, { optional: true }) readonly consent?: ConsentDto;
  @Obj(() => ByElectionVoteDto, { optional: true }) readonly vote?: ByElectionVoteDto;
  @Obj(() => FilingDto, { optional: true }) readonly filing?: FilingDto;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
}

describesView<ByElectionViewDto, ByElectionView>('matches');
