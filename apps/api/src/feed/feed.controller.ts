import { ReportAccess } from '../auth/access.decorators';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadModelFreshness, type Role } from '@app/application';
import { AuditQueries } from '@app/read-models';
import { CallerRole } from '../privacy/caller-role';
import { ReporterSees } from '../privacy/reporter-sees';
import { FeedQuery } from './feed-query.dto';
import { NDJSON, ReadAnswer } from '../http/read-responses';
import { FeedLineDto } from './feed-view.dto';

export const NEXT_CHECKPOINT_HEADER = 'X-Next-Checkpoint';
export const MORE_HEADER = 'X-More';

/**
 * The change feed for reporting jobs: one NDJSON line per read-model change after a checkpoint.
 * A job stores the checkpoint of the last line it processed (or X-Next-Checkpoint) and asks
 * again with `after=<checkpoint>`: it gets exactly the changes that came later, none twice.
 * Reporting jobs get each event's data as REPORTER_FIELDS allows (no birth dates, suspension
 * reasons, vetting notes, expulsions…); auditors get it as recorded.
 */
@ApiTags('feed')
@ReportAccess()
@Controller('feed')
export class FeedController {
  constructor(
    private readonly audit: AuditQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @ReporterSees('redacted', "each event's data reduced to the fields REPORTER_FIELDS shows for its type")
  @ApiOperation({ summary: 'Read-model changes after a checkpoint, as NDJSON; resumable' })
  @ReadAnswer(FeedLineDto, {
    ndjson: true,
    description:
      'One change per line, each a `FeedLine`. For reporting jobs `data` holds only the fields their reports need: no birth dates, suspension reasons, vetting notes, exclusion reasons or free-text remarks about people, and a departure reason only as `death` or `other` (moved out or expelled).',
    headers: {
      [NEXT_CHECKPOINT_HEADER]: {
        description: 'The checkpoint to send as `after` next time (absent before the first change).',
        schema: { type: 'integer', minimum: 0 },
      },
      [MORE_HEADER]: {
        description: '`true` when more changes are waiting beyond this response.',
        required: true,
        schema: { type: 'string', enum: ['true', 'false'] },
      },
    },
    problems: { 400: true },
  })
  async feed(@Query() query: FeedQuery, @CallerRole() role: Role, @Res() response: Response): Promise<void> {
    await this.freshness.waitForHead('audit');
    const page = this.audit.changes(query.after, query.limit ?? 1000, role === 'reporter' ? 'reporter' : 'auditor');
    const last = page.items[page.items.length - 1];
    const next = last?.checkpoint ?? query.after ?? null;
    if (next !== null) response.setHeader(NEXT_CHECKPOINT_HEADER, String(next));
    response.setHeader(MORE_HEADER, String(page.next !== null));
    response.setHeader('Content-Type', `${NDJSON}; charset=utf-8`);
    response.send(page.items.map((line) => `${JSON.stringify(line)}\n`).join(''));
  }
}
