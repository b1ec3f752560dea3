import type { AuditEntry, AuditEventDetail, Page } from '@app/read-models';
import { AnyObject, Count, Day, Instant, Int, List, Text, Id, Ids } from '../http/response-fields';
import { describesView } from '../http/view-binding';

/** One audit-log row: flat, so JSON and CSV share its columns. */
export class AuditEntryDto {
  @Count({ description: 'The global position: the keyset cursor.' }) readonly position!: number;
  @Id() readonly eventId!: string;
  @Text({ example: 'member-3f0c9a52-2d5e-4c1b-9a3e-6f1f2b7c8d90' }) readonly stream!: string;
  @Count() readonly revision!: number;
  @Text({ example: 'MemberTransferred' }) readonly type!: string;
  @Int({ minimum: 1 }) readonly schemaVersion!: number;
  @Instant({ description: 'Business time.' }) readonly occurredAt!: string;
  @Day() readonly occurredOn!: string;
  @Instant() readonly recordedAt!: string;
  @Text() readonly actorId!: string;
  @Text() readonly actorName!: string;
  @Text() readonly actorRole!: string;
  @Text() readonly commandId!: string;
  @Text() readonly correlationId!: string;
  @Text() readonly causationId!: string;
  @Text({ nullable: true, description: 'The rule version that judged it.' }) readonly policyVersion!: string | null;
  @Id({ nullable: true }) readonly committeeId!: string | null;
  @Id({ nullable: true }) readonly branchId!: string | null;
  @Id({ nullable: true }) readonly fromBranchId!: string | null;
  @Id({ nullable: true }) readonly memberId!: string | null;
  @Id({ nullable: true }) readonly restructuringId!: string | null;
  @Text() readonly descriptionZh!: string;
  @Text() readonly descriptionEn!: string;
}

describesView<AuditEntryDto, AuditEntry>('matches');

export class AuditPageDto {
  @List(() => AuditEntryDto) readonly items!: readonly AuditEntryDto[];
  @Int({ minimum: 0, nullable: true, description: 'Pass as `after` for the next page; null at the end.' })
  readonly next!: number | null;
}

describesView<AuditPageDto, Page<AuditEntry>>('matches');

/** One event in full: its row, every branch it concerns, its hash and its data. */
export class AuditEventDetailDto extends AuditEntryDto {
  @Ids({ description: 'Every branch the event concerns (both sides of a transfer).' })
  readonly branchIds!: readonly string[];
  @Text({ description: 'SHA-256 over the predecessor’s hash and the event, hex.' }) readonly hash!: string;
  @AnyObject({ description: 'The event data as recorded.' }) readonly data!: Record<string, unknown>;
}

describesView<AuditEventDetailDto, AuditEventDetail>('matches');
