import type { RulePolicyCatalogueView, RulePolicyEntry } from '@app/application';
import { EXCLUSION_REASONS } from '@app/domain';
import { MAJORITY_BASES, SUSPENSION_REASONS } from '../http/domain-values';
import { Count, Day, Flag, Instant, Int, Ints, List, Obj, OneOf, OneOfEach, Text } from '../http/response-fields';
import { ActorDto } from '../http/shared-views.dto';
import { describesView } from '../http/view-binding';

/** One rule version with every parameter, where it comes from, and whether it governs today. */
export class RulePolicyEntryDto {
  @Text({ example: '2022-10-22' }) readonly version!: string;
  @Day() readonly effectiveFrom!: string;
  @Text() readonly description!: string;
  @Int({ minimum: 1 }) readonly minFullMembersForBranch!: number;
  @Int({ minimum: 1 }) readonly committeeRequiredFromFullMembers!: number;
  @Int({ minimum: 1 }) readonly memberWarningAbove!: number;
  @Int({ minimum: 1 }) readonly jointBranchMaxUnits!: number;
  @Int({ minimum: 0 }) readonly minimumPartyJoiningAge!: number;
  @Int({ minimum: 1 }) readonly quorumNumerator!: number;
  @Int({ minimum: 1 }) readonly quorumDenominator!: number;
  @Flag() readonly quorumInclusive!: boolean;
  @OneOf(MAJORITY_BASES, 'MajorityBase') readonly majorityBase!: string;
  @Count() readonly differentialSharePercent!: number;
  @Int({ minimum: 1 }) readonly committeeSizeMin!: number;
  @Int({ minimum: 1 }) readonly committeeSizeUsualMax!: number;
  @Int({ minimum: 1 }) readonly committeeSizeHardMax!: number;
  @Int({ minimum: 1 }) readonly termYears!: number;
  @Count() readonly electionShiftLimitMonths!: number;
  @Int({ minimum: 1 }) readonly approvalLapseDays!: number;
  @Ints() readonly termEndReminderMonths!: readonly number[];
  @Int({ minimum: 1 }) readonly overdueReminderEveryMonths!: number;
  @Int({ minimum: 1 }) readonly noTermReminderEveryMonths!: number;
  @Flag() readonly officersUncontestedAllowed!: boolean;
  @Int({ minimum: 0 }) readonly secretaryMinPartyStandingYears!: number;
  @OneOf(['warning', 'refusal'], 'PartyStandingShortfall') readonly secretaryPartyStandingShortfall!: string;
  @Flag() readonly committeeSeatsOdd!: boolean;
  @OneOfEach(SUSPENSION_REASONS, 'SuspensionReason') readonly suspensionsWithoutVote!: readonly string[];
  @OneOfEach(EXCLUSION_REASONS, 'ExclusionReason') readonly dueVoterExclusionReasons!: readonly string[];
  @OneOf(['builtIn', 'published'], 'RulePolicySource') readonly source!: string;
  @Instant({ nullable: true, description: 'When a published version was recorded; null for built-in ones.' })
  readonly publishedAt!: string | null;
  @Obj(() => ActorDto, { nullable: true, description: 'Who published it; null for built-in versions.' })
  readonly publishedBy!: ActorDto | null;
  @Flag({
    description: "Whether this version governs acts dated today (the bureau's today, whatever date was asked about).",
  })
  readonly inForceToday!: boolean;
}

describesView<RulePolicyEntryDto, RulePolicyEntry>('matches');

export class RulePolicyCatalogueDto {
  @Day() readonly today!: string;
  @Text({ nullable: true, description: 'The version governing acts dated today; null before the first one.' })
  readonly inForce!: string | null;
  @Int({
    minimum: 0,
    nullable: true,
    description: 'The registry revision (null while nothing is published): the ETag.',
  })
  readonly revision!: number | null;
  @List(() => RulePolicyEntryDto, { description: 'Every version, by effective date.' })
  readonly versions!: readonly RulePolicyEntryDto[];
}

describesView<RulePolicyCatalogueDto, RulePolicyCatalogueView>('matches');
