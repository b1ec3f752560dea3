import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ELECTION_REMINDER_KINDS } from '@app/domain';
import type { ReminderBoardEntry } from '@app/read-models';
import { IsCalendarDate } from '../http/calendar-date';
import { Optional } from '../http/optional';
import { Day, Id, Int, List, OneOf, Text } from '../http/response-fields';
import { describesView } from '../http/view-binding';
import { PageLimit } from '../reports/list-export';

export class ElectionRemindersQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the reminders about this branch.' })
  @Optional()
  @IsUUID()
  readonly branchId?: string;

  @ApiPropertyOptional({ description: 'Only reminders due on or after this day (YYYY-MM-DD).' })
  @Optional()
  @IsCalendarDate()
  readonly since?: string;

  @PageLimit(500, 5000)
  readonly limit?: number;
}

/** One reminder sent to the superior (docs/rules.md §5.3). */
export class ElectionReminderDto {
  @Id() readonly branchId!: string;
  @Text({ nullable: true }) readonly branchName!: string | null;
  @OneOf(ELECTION_REMINDER_KINDS, 'ElectionReminderKind', {
    description:
      '`beforeTermEnd`: months before the term ends; `overdue`: the term has ended with no newer one installed; `noTerm`: the branch has no recorded term end.',
  })
  readonly kind!: string;
  @Day() readonly dueOn!: string;
  @Day({ nullable: true, description: 'The end of the term it is about; null for `noTerm`.' })
  readonly termEnd!: string | null;
  @Id({ nullable: true, description: 'The election that set (or stated) that term.' })
  readonly electionId!: string | null;
  @Int({ minimum: 1, nullable: true, description: '`beforeTermEnd`: how many months before the term ends.' })
  readonly monthsBefore!: number | null;
  @Text({ description: 'The rule version whose reminder months applied.' }) readonly policyVersion!: string;
}

export class ElectionRemindersDto {
  @List(() => ElectionReminderDto) readonly items!: readonly ElectionReminderDto[];
}

describesView<ElectionRemindersDto, { readonly items: readonly ReminderBoardEntry[] }>('matches');
