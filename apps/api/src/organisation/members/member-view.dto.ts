import type { MemberState } from '@app/domain';
import { DEPARTURE_REASONS, MEMBERSHIPS, SEXES, SUSPENSION_REASONS } from '../../http/domain-values';
import { Count, Day, Obj, OneOf, Text, Id } from '../../http/response-fields';
import { describesView } from '../../http/view-binding';

const WITHHELD = 'Withheld from reporting jobs.';

class PersonalDataDto {
  @Text() readonly name!: string;
  @Day({ optional: true, description: WITHHELD }) readonly birthDate?: string;
  @OneOf(SEXES, 'Sex') readonly sex!: string;
  @Day({ description: 'Date of joining the Party (入党时间).' }) readonly joinedPartyOn!: string;
  @Text({ description: 'Former post level before retirement (科级, 处级…).' }) readonly formerPostLevel!: string;
}

class SuspensionDto {
  @OneOf(SUSPENSION_REASONS, 'SuspensionReason', { optional: true, description: WITHHELD }) readonly reason?: string;
  @Day() readonly from!: string;
  @Day({ optional: true, nullable: true, description: `The planned end. ${WITHHELD}` })
  readonly until?: string | null;
}

class AffiliatedDto {
  @Day({ description: 'Since when the member is in their branch: no transfer out of it is dated earlier.' })
  readonly since!: string;
  @OneOf(['admission', 'transfer'], 'AffiliatedBy', { description: 'The act that brought them there.' })
  readonly by!: string;
}

/** A member as the roll records them: `active` members have a branch, those who `left` a reason. */
export class MemberViewDto {
  @OneOf(['none', 'active', 'left'], 'MemberStatus') readonly status!: MemberState['status'];
  @Id({ optional: true }) readonly memberId?: string;
  @Obj(() => PersonalDataDto, { optional: true }) readonly personal?: PersonalDataDto;
  @OneOf(MEMBERSHIPS, 'Membership', { optional: true }) readonly membership?: string;
  @Id({ optional: true, description: 'The one affiliation branch (active members).' }) readonly branchId?: string;
  @Obj(() => SuspensionDto, { optional: true, nullable: true, description: 'Voting rights suspended since `from`.' })
  readonly suspension?: SuspensionDto | null;
  @Id({ optional: true, nullable: true }) readonly lastTransferRestructuringId?: string | null;
  @Obj(() => AffiliatedDto, { optional: true }) readonly affiliated?: AffiliatedDto;
  @Id({ optional: true, description: 'The branch a member who left left from.' }) readonly lastBranchId?: string;
  @OneOf(DEPARTURE_REASONS, 'DepartureReason', {
    optional: true,
    description: 'Why a member left; reporting jobs get `death` or `other`.',
  })
  readonly reason?: string;
  @Day({ optional: true }) readonly leftOn?: string;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
}

describesView<MemberViewDto, MemberState & { readonly revision: number }>('matches');
