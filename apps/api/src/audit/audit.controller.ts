import { AuditAccess } from '../auth/access.decorators';
import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadModelFreshness } from '@app/application';
import { AUDIT_CSV_COLUMNS, AuditQueries, sheetOf, toCsv, type AuditEventDetail } from '@app/read-models';
import { ValidationFailed } from '../http/validation';
import { formatOf, sendCsv, sendList, sendXlsx } from '../reports/list-export';
import { AuditEventDetailDto, AuditPageDto } from './audit-view.dto';
import { AuditEventQuery, AuditEventsQuery, AuditPageQuery } from './audit-query.dto';
import { missing } from '../http/not-found';
import { languageOf } from '../http/language';
import { ReadAnswer, UuidParam } from '../http/read-responses';

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/**
 * The audit log for auditors: every event with who, when, under which rule, and a line in
 * Chinese and English. Answers reflect every event committed before the request.
 */
@ApiTags('audit')
@AuditAccess()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get('events')
  @ApiOperation({
    summary: 'The audit log, filtered by branch, member, actor, type and business dates; keyset-paged by position',
  })
  @ReadAnswer(AuditPageDto, {
    csv: true,
    paged: true,
    description: '`{items, next}`; pass `next` as `after` for the following page (null at the end).',
    problems: { 400: true },
  })
  async events(@Query() query: AuditEventsQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new ValidationFailed([{ field: 'from', messages: ['must not be after to'] }]);
    }
    await this.freshness.waitForHead('audit');
    const filter = {
      branchId: query.branchId,
      memberId: query.memberId,
      actorId: query.actorId,
      types: query.type,
      from: query.from,
      to: query.to,
    };
    const page = this.audit.events(filter, { after: query.after, limit: query.limit ?? 100 });
    await sendList(request, response, query.format, page, {
      columns: AUDIT_CSV_COLUMNS,
      filename: 'audit-events.csv',
      title: '审计日志',
      following: (after) => this.audit.events(filter, { after, limit: 500 }),
    });
  }

  @Get('events/:eventId')
  @ApiOperation({ summary: 'One event in full: its audit row, every branch it concerns, its hash and data' })
  @ReadAnswer(AuditEventDetailDto, { csv: true, problems: { 400: true, 404: 'No event has this id.' } })
  async event(
    @UuidParam('eventId') eventId: string,
    @Query() query: AuditEventQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.freshness.waitForHead('audit');
    const event: AuditEventDetail | null = this.audit.event(eventId);
    if (!event) throw new NotFoundException(missing('event', eventId, 'recorded'));
    response.vary('Accept');
    const format = formatOf(query.format, request);
    if (format === 'csv') {
      sendCsv(response, toCsv(AUDIT_CSV_COLUMNS, [event], languageOf(request)), `audit-event-${eventId}.csv`);
      return;
    }
    if (format === 'xlsx') {
      const sheet = sheetOf({ name: '审计日志', columns: AUDIT_CSV_COLUMNS, rows: [event] });
      await sendXlsx(response, [sheet], { ascii: `audit-event-${eventId}.xlsx`, chinese: `审计事件-${eventId}.xlsx` });
      return;
    }
    response.json(event);
  }

  @Get('streams/:stream')
  @ApiOperation({ summary: "A stream's history (e.g. member-…, branch-…), in revision order" })
  @ReadAnswer(AuditPageDto, { csv: true, paged: true, problems: { 400: true, 404: 'No stream has this name.' } })
  async stream(
    @Param('stream') stream: string,
    @Query() query: AuditPageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!STREAM_NAME.test(stream)) {
      throw new ValidationFailed([{ field: 'stream', messages: ['must be a stream name such as member-…'] }]);
    }
    await this.freshness.waitForHead('audit');
    const page = this.audit.stream(stream, { after: query.after, limit: query.limit ?? 100 });
    if (page.items.length === 0 && query.after === undefined)
      throw new NotFoundException(missing('stream', stream, 'recorded'));
    await sendList(request, response, query.format, page, {
      columns: AUDIT_CSV_COLUMNS,
      filename: `audit-${stream}.csv`,
      title: '记录流历史',
      following: (after) => this.audit.stream(stream, { after, limit: 500 }),
    });
  }
}
