import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { RESTRUCTURING_STATES, type RestructuringListRow, type RestructuringStateName } from '@app/read-models';
import { RESTRUCTURING_KINDS } from '../http/domain-values';
import { Optional } from '../http/optional';
import { Day, Id, List, OneOf, Text } from '../http/response-fields';
import { describesView } from '../http/view-binding';
import { PageLimit } from '../reports/list-export';

export class RestructuringListQuery {
  @ApiPropertyOptional({ enum: RESTRUCTURING_STATES, description: 'Only restructurings in this status.' })
  @Optional()
  @IsIn(RESTRUCTURING_STATES)
  readonly status?: RestructuringStateName;

  @ApiPropertyOptional({
    description: 'Only restructurings whose id sorts after this: the `next` of the previous page.',
  })
  @Optional()
  @IsString()
  @Length(1, 200)
  readonly after?: string;

  @PageLimit(500, 5000)
  readonly limit?: number;
}

/** One restructuring in the list: GET /restructurings/{id} answers the whole of it. */
export class RestructuringListItemDto {
  @Id() readonly restructuringId!: string;
  @OneOf(RESTRUCTURING_KINDS, 'RestructuringKind') readonly kind!: string;
  @OneOf(RESTRUCTURING_STATES, 'RestructuringListStatus') readonly status!: RestructuringStateName;
  @Day({ description: 'The business day it was proposed.' }) readonly proposedOn!: string;
  @Day({ description: 'The business day it reached its status.' }) readonly statusSince!: string;
  @Text({ description: 'Why it was proposed (the reason of the proposal).' }) readonly reason!: string;
}

export class RestructuringListPageDto {
  @List(() => RestructuringListItemDto) readonly items!: readonly RestructuringListItemDto[];
  @Text({ nullable: true, description: 'The restructuring id to pass as `after` for the next page; null at the end.' })
  readonly next!: string | null;
}

export type RestructuringListItem = RestructuringListRow & { readonly reason: string };

describesView<
  RestructuringListPageDto,
  { readonly items: readonly RestructuringListItem[]; readonly next: string | null }
>('matches');
