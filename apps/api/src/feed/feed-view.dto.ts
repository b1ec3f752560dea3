import type { FeedChange } from '@app/read-models';
import { AnyObject, Count, Instant, Int, Obj, Text, Id, Ids } from '../http/response-fields';
import { describesView } from '../http/view-binding';

class ChangeSummaryDto {
  @Text() readonly zh!: string;
  @Text() readonly en!: string;
}

class ChangeDto {
  @Text({ description: "The stream's category: the aggregate whose rows changed (`member`, `branch`…)." })
  readonly entity!: string;
  @Text() readonly entityId!: string;
  @Count() readonly revision!: number;
  @Ids() readonly branchIds!: readonly string[];
  @Id({ nullable: true }) readonly memberId!: string | null;
  @Id({ nullable: true }) readonly committeeId!: string | null;
  @Id({ nullable: true }) readonly restructuringId!: string | null;
  @Obj(() => ChangeSummaryDto) readonly summary!: ChangeSummaryDto;
  @AnyObject({
    description:
      'The event data; for reporting jobs only the fields their reports need (no birth dates, suspension reasons, vetting notes, exclusion reasons or free-text remarks about people; a departure reason only as `death` or `other`).',
  })
  readonly data!: Record<string, unknown>;
}

/** One line of the change feed. */
export class FeedLineDto {
  @Int({ minimum: 0, description: 'Store it; send it as `after` to resume after this line.' })
  readonly checkpoint!: number;
  @Count() readonly position!: number;
  @Text() readonly stream!: string;
  @Text() readonly type!: string;
  @Instant() readonly occurredAt!: string;
  @Obj(() => ChangeDto) readonly change!: ChangeDto;
}

describesView<FeedLineDto, FeedChange>('matches');
