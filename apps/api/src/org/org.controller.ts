import { AuditAccess, OverviewAccess } from '../auth/access.decorators';
import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadModelFreshness, BusinessCalendar, ScopedBranches } from '@app/application';
import {
  OrganisationHistoryQueries,
  organisationHistoryProjection,
  type AsOfRoll,
  type MemberHistory,
  type OrganisationDiffPage,
  type OrganisationTree,
} from '@app/read-models';
import { NEXT_HEADER, ReadAnswer } from '../http/read-responses';
import { AsOfRollDto, MemberHistoryDto, OrganisationDiffPageDto, OrganisationTreeDto } from './org-view.dto';
import { AsOfQuery, DiffQuery } from './org.dto';
import { missing } from '../http/not-found';

/**
 * The organisation over time, for auditors: as of any date, between two dates, a branch's roll
 * on a date, a member's history; the tree and the diff also for administrators, a
 * committee-scoped one seeing only their committee's part. Answers come from the
 * organisation-history read model only; each request first waits until the model has applied
 * every event the store held on arrival.
 */
@ApiTags('org')
@AuditAccess()
@Controller('org')
export class OrgController {
  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly queries: OrganisationHistoryQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {}

  @Get('tree')
  @OverviewAccess()
  @ApiOperation({ summary: 'Committees → open branches → posts held, member counts and shape flags, as of a date' })
  @ReadAnswer(OrganisationTreeDto, { problems: { 400: true } })
  async tree(@Query() query: AsOfQuery): Promise<OrganisationTree> {
    const scope = await this.scoped.scope();
    await this.fresh();
    return this.queries.tree(query.asOf ?? this.calendar.today(), scope ?? undefined);
  }

  @Get('diff')
  @OverviewAccess()
  @ApiOperation({
    summary:
      'Branches created, dissolved, merged, renamed; members moved; posts started and ended. Paged: at most `limit` changes (default 1000, at most 5000) across the lists, in date order; `next` is the cursor of the next page, null on the last',
  })
  @ReadAnswer(OrganisationDiffPageDto, { paged: true, problems: { 400: true } })
  async diff(@Query() query: DiffQuery, @Res({ passthrough: true }) res: Response): Promise<OrganisationDiffPage> {
    const scope = await this.scoped.scope();
    await this.fresh();
    const page = this.queries.diff(
      query.from,
      query.to,
      { after: query.after, limit: query.limit ?? 1000 },
      scope ?? undefined,
    );
    if (page.next !== null) res.setHeader(NEXT_HEADER, page.next);
    return page;
  }

  @Get('roll/:branchId')
  @ApiOperation({ summary: 'The member roll (花名册) of a branch as of a date' })
  @ReadAnswer(AsOfRollDto, {
    problems: { 400: true, 404: "The branch does not appear in the organisation's history." },
  })
  async roll(@Param('branchId') branchId: string, @Query() query: AsOfQuery): Promise<AsOfRoll> {
    await this.fresh();
    const roll = this.queries.roll(branchId, query.asOf ?? this.calendar.today());
    if (!roll) throw new NotFoundException(missing('branch', branchId, 'history'));
    return roll;
  }

  @Get('members/:memberId/history')
  @ApiOperation({
    summary: "A member's affiliations over time (admission, transfers, confirmation, departure) and posts",
  })
  @ReadAnswer(MemberHistoryDto, { problems: { 404: "The member does not appear in the organisation's history." } })
  async memberHistory(@Param('memberId') memberId: string): Promise<MemberHistory> {
    await this.fresh();
    const history = this.queries.memberHistory(memberId);
    if (!history) throw new NotFoundException(missing('member', memberId, 'history'));
    return history;
  }

  private fresh(): Promise<void> {
    return this.freshness.waitForHead(organisationHistoryProjection.name);
  }
}
