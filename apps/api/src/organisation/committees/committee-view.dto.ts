import type { PartyCommitteeState } from '@app/domain';
import { COMMITTEE_KINDS } from '../../http/domain-values';
import { Count, Instant, OneOf, Text, Id } from '../../http/response-fields';
import { describesView } from '../../http/view-binding';

export class CommitteeViewDto {
  @OneOf(['none', 'active', 'dissolved'], 'CommitteeStatus') readonly status!: PartyCommitteeState['status'];
  @Id({ optional: true }) readonly committeeId?: string;
  @Text({ optional: true }) readonly name?: string;
  @OneOf(COMMITTEE_KINDS, 'CommitteeKind', { optional: true, description: '党委 or 党总支.' }) readonly kind?: string;
  @Id({ optional: true, nullable: true }) readonly parentCommitteeId?: string | null;
  @Instant({ optional: true }) readonly establishedAt?: string;
  @Instant({ optional: true }) readonly dissolvedAt?: string;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
}

describesView<CommitteeViewDto, PartyCommitteeState & { readonly revision: number }>('matches');
