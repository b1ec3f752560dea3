import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminAccess } from '../auth/access.decorators';
import { ProblemDetails } from './problem-details';

class OutcomeEvent {
  @ApiProperty({ example: 'MemberTransferred' })
  readonly type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly data!: Record<string, unknown>;
}

/** The body of every command response. */
export class CommandOutcomeBody {
  @ApiProperty({ example: 'member-3f0c…' })
  readonly stream!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The stream revision now; also the ETag.' })
  readonly revision!: number | null;

  @ApiProperty({ description: 'True when this Idempotency-Key had been handled before: nothing new was appended.' })
  readonly replayed!: boolean;

  @ApiProperty({ type: [OutcomeEvent] })
  readonly events!: OutcomeEvent[];
}

/**
 * What every command endpoint shares: who may call it (administrators), its success status (set and documented in one place, so
 * the two cannot disagree), the retry and concurrency headers, and the problems it can answer.
 */
export function CommandEndpoint(summary: string, status: 200 | 201 | 202 = 200): MethodDecorator {
  return applyDecorators(
    // Every command changes the organisation or an election: administrators only.
    AdminAccess(),
    HttpCode(status),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'The command id. Repeating a request with the same key returns the first result and appends nothing.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The ETag (stream revision) you last saw; if the stream has moved on, the command is refused with 409.',
    }),
    ApiResponse({ status, type: CommandOutcomeBody, description: summary }),
    ApiBadRequestResponse({ type: ProblemDetails, description: 'The body or a header is malformed.' }),
    ApiNotFoundResponse({ type: ProblemDetails, description: 'The addressed or a named aggregate does not exist.' }),
    ApiConflictResponse({ type: ProblemDetails, description: 'Stale If-Match, or a collision with what exists.' }),
    ApiUnprocessableEntityResponse({
      type: ProblemDetails,
      description: 'A rule forbids it; `code` and `detail` say which and why.',
    }),
    ApiServiceUnavailableResponse({
      type: ProblemDetails,
      description:
        'The event store is unavailable (STORE_UNAVAILABLE), or its disk refused the write (STORAGE_FULL, STORAGE_READ_ONLY, STORAGE_FAILED, STORAGE_CORRUPT): nothing was recorded; retry later with the same Idempotency-Key.',
    }),
  );
}
