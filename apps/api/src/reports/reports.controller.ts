import { ReadAccess, ReportAccess } from '../auth/access.decorators';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadModelFreshness, BusinessCalendar, ScopedBranches, type Role } from '@app/application';
import {
  BRANCH_REPORT_CSV_COLUMNS,
  MEMBER_REPORT_CSV_COLUMNS,
  REPORTER_MEMBER_REPORT_CSV_COLUMNS,
  STATISTICS_CSV_COLUMNS,
  StatisticsQueries,
  branchWorkbookColumns,
  electionBoardProjection,
  sheetOf,
  memberRowForReporter,
  statisticsRows,
  toCsv,
  type AgeReckoning,
} from '@app/read-models';
import { CallerRole } from '../privacy/caller-role';
import { ReporterSees } from '../privacy/reporter-sees';
import { everyPage, formatOf, sendCsv, sendList, sendXlsx } from './list-export';
import { ReadAnswer } from '../http/read-responses';
import { BranchReportPageDto, MemberReportPageDto, StatisticsDto } from './reports-view.dto';
import { BranchReportQuery, MemberReportQuery, StatisticsQuery } from './reports-query.dto';
import { languageOf } from '../http/language';

/**
 * Reports for reporting jobs and auditors, over the `statistics` projection's views; the
 * statistics also for administrators, a committee-scoped one counting only their committee.
 * Answers reflect every event committed before the request.
 */
@ApiTags('reports')
@ReportAccess()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly reports: StatisticsQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {}

  @Get('statistics')
  @ReadAccess()
  @ReporterSees(
    'redacted',
    "counts, and secretaries' ages only as the youngest and the median, reckoned by birth year for reporters",
  )
  @ApiOperation({
    summary:
      "Branches, members, committees, secretaries' ages, restructurings and elections by state (CSV: metric,value)",
  })
  @ReadAnswer(StatisticsDto, {
    csv: true,
    problems: { 400: true },
    description:
      'The figures as they stand now; ages as of `asOf` (default today). Reporting jobs get ages by birth year (the year of `asOf` less the year of birth, `secretaries.agesBy: birthYear`), auditors full years from the birth date (`birthDate`). CSV: metric,value.',
  })
  async statistics(
    @Query() query: StatisticsQuery,
    @CallerRole() role: Role,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const scope = await this.scoped.scope();
    await this.freshness.waitForHead('statistics');
    const within = scope && {
      branches: scope.branches,
      restructurings: await this.scoped.visibleRestructurings(this.reports.restructuringIds()),
    };
    const statistics = this.reports.statistics(query.asOf ?? this.calendar.today(), agesFor(role), within ?? undefined);
    response.vary('Accept');
    const format = formatOf(query.format, request);
    if (format === 'csv') {
      sendCsv(
        response,
        toCsv(STATISTICS_CSV_COLUMNS, statisticsRows(statistics), languageOf(request)),
        'statistics.csv',
      );
      return;
    }
    if (format === 'xlsx') {
      const sheet = sheetOf({ name: '统计', columns: STATISTICS_CSV_COLUMNS, rows: statisticsRows(statistics) });
      await sendXlsx(response, [sheet], { ascii: 'statistics.xlsx', chinese: '统计.xlsx' });
      return;
    }
    response.json(statistics);
  }

  @Get('branches')
  @ReporterSees('everything', "branch figures and the secretary's name")
  @ApiOperation({ summary: 'One row per branch: member counts, committee yes/no, secretary; paged by branch id' })
  @ReadAnswer(BranchReportPageDto, { csv: true, paged: true, problems: { 400: true } })
  async branches(@Query() query: BranchReportQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.freshness.waitForHead('statistics');
    const filter = { status: query.status, committeeId: query.committeeId };
    const page = this.reports.branches(filter, { after: query.after, limit: query.limit ?? 1000 });
    const following = (after: string) => this.reports.branches(filter, { after, limit: 5000 });
    if (formatOf(query.format, request) === 'xlsx') {
      // The workbook adds each branch's sitting committee and its term end (from the election board).
      await this.freshness.waitForHead(electionBoardProjection.name);
      const reports = this.reports;
      const rows = async function* () {
        for await (const items of everyPage(page, following)) yield* reports.withSittingCommittees(items);
      };
      const sheet = sheetOf({
        name: '支部名册',
        columns: branchWorkbookColumns(BRANCH_REPORT_CSV_COLUMNS),
        rows: rows(),
      });
      response.vary('Accept');
      await sendXlsx(response, [sheet], { ascii: 'branches.xlsx', chinese: '支部名册.xlsx' });
      return;
    }
    await sendList(request, response, query.format, page, {
      columns: BRANCH_REPORT_CSV_COLUMNS,
      filename: 'branches.csv',
      title: '支部名册',
      following,
    });
  }

  @Get('members')
  @ReporterSees(
    'redacted',
    'the roll with an age band (age_band, by birth year) instead of the birth date; a departure is death or other',
  )
  @ApiOperation({
    summary:
      'The member roll (花名册) with branch names and age bands; paged by member id. Reporting jobs get no birth dates, bands by birth year, and `death` or `other` as the departure reason',
  })
  @ReadAnswer(MemberReportPageDto, { csv: true, paged: true, problems: { 400: true } })
  async members(
    @Query() query: MemberReportQuery,
    @CallerRole() role: Role,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.freshness.waitForHead('statistics');
    const filter = { branchId: query.branchId, status: query.status };
    const asOf = query.asOf ?? this.calendar.today();
    const pageAfter = (after: string | undefined, limit: number) =>
      this.reports.members(filter, { after, limit }, asOf, agesFor(role));
    const page = pageAfter(query.after, query.limit ?? 1000);
    const filename = 'members.csv';
    const title = '党员花名册';
    if (role === 'reporter') {
      const shown = (shape: ReturnType<typeof pageAfter>) => ({
        items: shape.items.map(memberRowForReporter),
        next: shape.next,
      });
      await sendList(request, response, query.format, shown(page), {
        columns: REPORTER_MEMBER_REPORT_CSV_COLUMNS,
        filename,
        title,
        following: (after) => shown(pageAfter(after, 5000)),
      });
      return;
    }
    await sendList(request, response, query.format, page, {
      columns: MEMBER_REPORT_CSV_COLUMNS,
      filename,
      title,
      following: (after) => pageAfter(after, 5000),
    });
  }
}

/**
 * Auditors, who see birth dates, get ages in full years from them; reporting jobs by birth year,
 * so no choice of `asOf` tells them more than the year a member was born.
 */
function agesFor(role: Role): AgeReckoning {
  return role === 'reporter' ? 'birthYear' : 'birthDate';
}
