import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModelFreshness, ScopedBranches } from '@app/application';
import { ElectionBoardQueries, electionBoardProjection } from '@app/read-models';
import { ReadAccess } from '../auth/access.decorators';
import { ReadAnswer } from '../http/read-responses';
import { ReporterSees } from '../privacy/reporter-sees';
import { ElectionRemindersDto, ElectionRemindersQuery } from './election-reminders.dto';

/**
 * The reminders the election timers sent to the superior (docs/rules.md §5.3), beside the
 * election board: before a term ends, once it is overdue, and for a branch with no recorded
 * term. Registered before the elections controller, so `reminders` is never taken for an id.
 */
@ApiTags('elections')
@ReadAccess()
@Controller('elections')
export class ElectionRemindersController {
  constructor(
    private readonly board: ElectionBoardQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {}

  @Get('reminders')
  @ReporterSees('everything', 'branches, kinds and dates of the reminders: no personal data')
  @ApiOperation({
    summary:
      'The reminders sent to the superior about branches’ elections (six and three months before a term ends, monthly once overdue or with no term recorded), latest due first',
  })
  @ReadAnswer(ElectionRemindersDto, { problems: { 400: true } })
  async list(@Query() query: ElectionRemindersQuery): Promise<ElectionRemindersDto> {
    const visible = await this.scoped.visible();
    await this.freshness.waitForHead(electionBoardProjection.name);
    const filter = {
      branchId: query.branchId,
      since: query.since,
      ...(visible === null ? {} : { withinBranches: visible }),
    };
    return { items: this.board.reminders(filter, query.limit ?? 500) };
  }
}
