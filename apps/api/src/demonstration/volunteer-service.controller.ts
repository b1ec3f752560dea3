import { Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { OrganisationFacts, ReadModelFreshness, ScopedBranches } from '@app/application';
import {
  SERVICE_HISTORY_CSV_COLUMNS,
  statisticsProjection,
  VOLUNTEER_ACTIVITY_CSV_COLUMNS,
  VOLUNTEER_STATISTICS_CSV_COLUMNS,
  VolunteerQueries,
  volunteerServiceProjection,
  volunteerStatisticsRows,
} from '@app/read-models';
import { ReadAccess } from '../auth/access.decorators';
import { missing } from '../http/not-found';
import { ReadAnswer, UuidParam } from '../http/read-responses';
import { ReporterSees } from '../privacy/reporter-sees';
import { sendWholeList } from './list-answer';
import { ExportQuery, ServicePeriodQuery } from './demonstration.dto';
import { ServiceHistoryDto, VolunteerActivityListDto, VolunteerStatisticsDto } from './demonstration-view.dto';

const STATISTICS_EXPORT = {
  columns: VOLUNTEER_STATISTICS_CSV_COLUMNS,
  filename: 'volunteer-statistics.csv',
  title: '志愿服务统计',
};

/**
 * Volunteer service in figures (the `volunteer-service` read model): person-times by kind, month,
 * team, branch and member; every activity; a member's service history. JSON, CSV or Excel.
 */
@ApiTags('volunteer service')
@ReadAccess()
@Controller('volunteer-service')
export class VolunteerServiceController {
  constructor(
    private readonly volunteer: VolunteerQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
    private readonly facts: OrganisationFacts,
  ) {}

  @Get('statistics')
  @ReporterSees('everything', "person-times by kind, month, team, branch and member (members' names)")
  @ApiOperation({
    summary: 'Person-times (人次) in total and by kind, month, team, branch and member, within an optional period',
  })
  @ReadAnswer(VolunteerStatisticsDto, {
    csv: true,
    problems: { 400: true },
    description: 'CSV and Excel: one row per total (dimension, key, name, activities, personTimes), the total first.',
  })
  async statistics(
    @Query() query: ServicePeriodQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.fresh();
    // A committee-scoped administrator counts the participations of their branches' members.
    const within = await this.scoped.visible();
    const view = this.volunteer.statistics({ from: query.from, to: query.to }, within ?? undefined);
    await sendWholeList(request, response, query.format, volunteerStatisticsRows(view), STATISTICS_EXPORT, view);
  }

  @Get('activities')
  @ReporterSees('everything', 'activities, organisers’ names and proposals')
  @ApiOperation({ summary: 'Every volunteer activity, oldest first, with its person-times and proposals' })
  @ReadAnswer(VolunteerActivityListDto, { csv: true, problems: { 400: true } })
  async activities(
    @Query() query: ServicePeriodQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.fresh();
    const within = await this.scoped.visible();
    const items = this.volunteer.activities({ from: query.from, to: query.to }, query.teamId, within ?? undefined);
    await sendWholeList(request, response, query.format, items, {
      columns: VOLUNTEER_ACTIVITY_CSV_COLUMNS,
      filename: 'volunteer-activities.csv',
      title: '志愿服务活动',
    });
  }

  @Get('members/:memberId')
  @ReporterSees('everything', "the member's volunteer activities")
  @ApiOperation({ summary: "A member's volunteer service history (志愿服务记录), oldest first" })
  @ReadAnswer(ServiceHistoryDto, { csv: true, problems: { 400: true, 404: 'No member has this id.' } })
  async member(
    @UuidParam('memberId') memberId: string,
    @Query() query: ExportQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Read from the member's own stream, so another committee's member is as one that exists nowhere.
    if ((await this.facts.member(memberId)).status === 'none') throw new NotFoundException(missing('member', memberId));
    await this.fresh();
    const items = this.volunteer.memberHistory(memberId);
    await sendWholeList(
      request,
      response,
      query.format,
      items,
      { columns: SERVICE_HISTORY_CSV_COLUMNS, filename: 'volunteer-service.csv', title: '志愿服务记录' },
      { memberId, personTimes: items.length, items },
    );
  }

  /** Branch names come from the statistics projection, the rest from volunteer-service: both caught up. */
  private async fresh(): Promise<void> {
    await this.freshness.waitForHead(volunteerServiceProjection.name);
    await this.freshness.waitForHead(statisticsProjection.name);
  }
}
