import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadModelFreshness, RestructuringQueries, ScopedBranches } from '@app/application';
import { StatisticsQueries } from '@app/read-models';
import { ReadAccess } from '../auth/access.decorators';
import { NEXT_HEADER, ReadAnswer } from '../http/read-responses';
import { ReporterSees } from '../privacy/reporter-sees';
import { RestructuringListPageDto, RestructuringListQuery, type RestructuringListItem } from './restructuring-list.dto';

/**
 * The restructurings as a list, over the `statistics` projection's restructuring rows, each with
 * its reason read from its own stream. Answers reflect every event committed before the request.
 */
@ApiTags('restructurings')
@ReadAccess()
@Controller('restructurings')
export class RestructuringListController {
  constructor(
    private readonly reports: StatisticsQueries,
    private readonly restructurings: RestructuringQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {}

  @Get()
  @ReporterSees('everything', 'kinds, statuses, business days and reasons: no personal data')
  @ApiOperation({
    summary: 'The restructurings: kind, status, the days it was proposed and reached its status, reason; paged by id',
  })
  @ReadAnswer(RestructuringListPageDto, { paged: true, problems: { 400: true } })
  async list(
    @Query() query: RestructuringListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: RestructuringListItem[]; next: string | null }> {
    await this.freshness.waitForHead('statistics');
    // A committee-scoped caller sees those whose stream a read of it would show them.
    const scope = await this.scoped.scope();
    const within = scope ? await this.scoped.visibleRestructurings(this.reports.restructuringIds()) : undefined;
    const page = this.reports.restructurings(
      { status: query.status, ...(within === undefined ? {} : { within }) },
      { after: query.after, limit: query.limit ?? 500 },
    );
    const items = await Promise.all(
      page.items.map(async (row) => {
        const { state } = await this.restructurings.restructuring(row.restructuringId);
        return { ...row, reason: state.status === 'none' ? '' : state.reason };
      }),
    );
    if (page.next !== null) res.setHeader(NEXT_HEADER, page.next);
    return { items, next: page.next };
  }
}
