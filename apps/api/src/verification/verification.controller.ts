import { AuditAccess } from '../auth/access.decorators';
import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { isDigestStream, listDigests, RAW_EVENT_STORE, recordDigest, verifyHistory } from '@app/application';
import type { EventStore } from '@app/event-store';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { actorOf } from '../http/command-request';
import { ProblemResponses } from '../http/problem-responses';
import { ReadAnswer } from '../http/read-responses';
import { CurrentDigestDto, DigestListDto, DigestRecordingDto, VerificationDto } from './verification-view.dto';

/**
 * For auditors: recompute every hash chain now, and keep digests of the history outside the
 * system to prove later that nothing recorded before them was altered.
 */
@ApiTags('audit')
@AuditAccess()
@Controller('audit')
export class VerificationController {
  constructor(@Inject(RAW_EVENT_STORE) private readonly raw: EventStore) {}

  @Get('verify')
  @ApiOperation({ summary: 'Recompute every stream hash chain; name the first altered, missing or reordered event' })
  @ReadAnswer(VerificationDto, { description: '`ok` false lists each broken stream with its first bad revision.' })
  async verify(): Promise<VerificationDto> {
    const report = await verifyHistory(this.raw, { excludeFromDigest: isDigestStream });
    return {
      ok: report.ok,
      eventsChecked: report.eventsChecked,
      streamsChecked: report.streamsChecked,
      breaks: report.breaks,
      digest: report.digest,
    };
  }

  @Get('digests')
  @ApiOperation({ summary: 'Every recorded history digest, oldest first (export and keep them)' })
  @ReadAnswer(DigestListDto)
  async digests(): Promise<DigestListDto> {
    return { items: await listDigests(this.raw) };
  }

  @Get('digests/current')
  @ApiOperation({ summary: 'The digest of the history as it is now, with every stream head (for export)' })
  @ReadAnswer(CurrentDigestDto)
  async current(): Promise<CurrentDigestDto> {
    const report = await verifyHistory(this.raw, { excludeFromDigest: isDigestStream });
    return { digest: report.digest, heads: report.heads, verified: report.ok };
  }

  @Post('digests')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a digest now (refused when the history does not verify)' })
  @ApiResponse({
    status: 201,
    type: DigestRecordingDto,
    description: 'Recorded (or already recorded at this position); `recorded` false when the history does not verify.',
  })
  @ProblemResponses({ 413: true, 415: true, 429: true, 503: true })
  async record(@Req() request: AuthenticatedRequest): Promise<DigestRecordingDto> {
    return recordDigest(this.raw, actorOf(request));
  }
}
