import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadModelFreshness, BusinessCalendar, ScopedBranches } from '@app/application';
import { ELECTION_BOARD_CSV_COLUMNS, ElectionBoardQueries, electionBoardProjection } from '@app/read-models';
import { ReadAccess } from '../auth/access.decorators';
import { ReporterSees } from '../privacy/reporter-sees';
import { ReadAnswer } from '../http/read-responses';
import { sendList } from '../reports/list-export';
import { ElectionBoardPageDto } from './campaign-view.dto';
import { ElectionBoardQuery } from './campaign.dto';

/**
 * The election board (换届进度) as a list: one row per election, over the `election-board`
 * projection. Answers reflect every event committed before the request.
 */
@ApiTags('elections')
@ReadAccess()
@Controller('elections')
export class ElectionBoardController {
  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly board: ElectionBoardQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {}

  @Get()
  @ReporterSees('everything', "election states, steps, deadlines, working groups and their leaders' names")
  @ApiOperation({
    summary:
      'The election board: state, working group, last step, next step, deadlines and overdue per election (JSON or CSV)',
  })
  @ReadAnswer(ElectionBoardPageDto, { csv: true, paged: true, problems: { 400: true } })
  async list(@Query() query: ElectionBoardQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const visible = await this.scoped.visible();
    await this.freshness.waitForHead(electionBoardProjection.name);
    const filter = {
      campaignId: query.campaignId,
      branchId: query.branchId,
      state: query.state,
      overdue: query.overdue,
      ...(visible === null ? {} : { withinBranches: visible }),
    };
    const asOf = query.asOf ?? this.calendar.today();
    const page = this.board.list(filter, asOf, { after: query.after, limit: query.limit ?? 500 });
    await sendList(request, response, query.format, page, {
      columns: ELECTION_BOARD_CSV_COLUMNS,
      filename: 'elections.csv',
      title: '换届选举进度',
      following: (after) => this.board.list(filter, asOf, { after, limit: 5000 }),
    });
  }
}
