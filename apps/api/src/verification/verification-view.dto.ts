import type { HistoryBreak, HistoryDigest, RecordedDigest, StreamHead } from '@app/application';
import { Count, Flag, Instant, Int, List, Obj, OneOf, Text, Id } from '../http/response-fields';
import { describesView } from '../http/view-binding';

class HistoryBreakDto {
  @Text() readonly stream!: string;
  @OneOf(['altered', 'missing', 'reordered'], 'HistoryBreakKind') readonly kind!: string;
  @Count({ description: 'The first bad revision.' }) readonly revision!: number;
  @Id({ nullable: true }) readonly eventId!: string | null;
  @Int({ minimum: 0, nullable: true }) readonly position!: number | null;
  @Text() readonly detail!: string;
}

describesView<HistoryBreakDto, HistoryBreak>('matches');

export class HistoryDigestDto {
  @Int({ minimum: 0, nullable: true, description: 'The last position it covers; null for an empty history.' })
  readonly upToPosition!: number | null;
  @Count() readonly streamCount!: number;
  @Count() readonly eventCount!: number;
  @Text({ description: 'Merkle root over every stream head, hex.' }) readonly merkleRoot!: string;
}

describesView<HistoryDigestDto, HistoryDigest>('matches');

export class VerificationDto {
  @Flag() readonly ok!: boolean;
  @Count() readonly eventsChecked!: number;
  @Count() readonly streamsChecked!: number;
  @List(() => HistoryBreakDto, { description: 'Each broken stream with its first bad revision.' })
  readonly breaks!: readonly HistoryBreakDto[];
  @Obj(() => HistoryDigestDto) readonly digest!: HistoryDigestDto;
}

class RecordedDigestDto extends HistoryDigestDto {
  @Instant() readonly recordedAt!: string;
  @Count() readonly position!: number;
}

describesView<RecordedDigestDto, RecordedDigest>('matches');

export class DigestListDto {
  @List(() => RecordedDigestDto, { description: 'Oldest first.' }) readonly items!: readonly RecordedDigestDto[];
}

class StreamHeadDto {
  @Text() readonly stream!: string;
  @Count() readonly revision!: number;
  @Text() readonly hash!: string;
}

describesView<StreamHeadDto, StreamHead>('matches');

export class CurrentDigestDto {
  @Obj(() => HistoryDigestDto) readonly digest!: HistoryDigestDto;
  @List(() => StreamHeadDto, { description: 'Every stream head at the digest’s position, in stream order.' })
  readonly heads!: readonly StreamHeadDto[];
  @Flag({ description: 'Whether the history verified.' }) readonly verified!: boolean;
}

export class DigestRecordingDto {
  @Obj(() => HistoryDigestDto) readonly digest!: HistoryDigestDto;
  @Flag({ description: 'False when the history does not verify: no digest is recorded for it.' })
  readonly recorded!: boolean;
  @Count({ description: 'How many streams are broken.' }) readonly breaks!: number;
}
