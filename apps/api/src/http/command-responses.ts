import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { CommandOutcome } from '@app/application';
import { AdminAccess } from '../auth/access.decorators';
import { ProblemResponses } from './problem-responses';
import { AnyObject, Flag, Int, List, Text } from './response-fields';
import { describesView } from './view-binding';

class OutcomeEvent {
  @Text({ example: 'MemberTransferred' })
  readonly type!: string;

  @AnyObject({ description: 'The event data as recorded.' })
  readonly data!: object;
}

/** What a command answer says of the entity it created or addressed, besides its outcome. */
export interface CommandSubject {
  /** The entity's id, as its GET takes it (an election id, a branch id, a rule version…). */
  readonly id: string;
  /** The id of a part the command added inside the entity: a post, a management link, a working group. */
  readonly createdId?: string;
}

export type CommandAnswer = CommandOutcome & CommandSubject;

/** The body of every command response. */
export class CommandOutcomeBody {
  @Text({
    description:
      'The id of the entity the command created or addressed, as its GET takes it (GET /elections/{id}, /branches/{id}, /policies/{version}…).',
    example: '3f0c9a52-2d5e-4c1b-9a3e-6f1f2b7c8d90',
  })
  readonly id!: string;

  @Text({
    optional: true,
    description:
      'Only when the command added a part inside the entity: the new post, management link or working group id.',
  })
  readonly createdId?: string;

  @Text({ example: 'member-3f0c9a52-2d5e-4c1b-9a3e-6f1f2b7c8d90', description: 'The stream the events went to.' })
  readonly stream!: string;

  @Int({ minimum: 0, nullable: true, description: 'The stream revision now; also the ETag.' })
  readonly revision!: number | null;

  @Flag({ description: 'True when this Idempotency-Key had been handled before: nothing new was appended.' })
  readonly replayed!: boolean;

  @List(() => OutcomeEvent, { description: 'The events appended (or, when replayed, those appended the first time).' })
  readonly events!: readonly OutcomeEvent[];
}

describesView<CommandOutcomeBody, CommandAnswer>('matches');

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
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$' },
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The ETag (stream revision) you last saw; if the stream has moved on, the command is refused with 409.',
      schema: { type: 'string', pattern: '^(?:W/)?"?\\d{1,15}"?$' },
    }),
    ApiResponse({
      status,
      type: CommandOutcomeBody,
      description: summary,
      headers: {
        ETag: { description: 'The stream revision now, to send back as If-Match.', schema: { type: 'string' } },
        ...(status === 201
          ? {
              Location: {
                description: 'The GET of the entity created (or of the entity holding the part created).',
                required: true,
                schema: { type: 'string', format: 'uri-reference' },
              },
            }
          : {}),
      },
    }),
    ProblemResponses({
      400: true,
      404: 'The addressed or a named entity does not exist.',
      409: true,
      413: true,
      415: true,
      422: true,
      429: true,
      503: 'The event store is unavailable (STORE_UNAVAILABLE), or its disk refused the write (STORAGE_FULL, STORAGE_READ_ONLY, STORAGE_FAILED, STORAGE_CORRUPT): nothing was recorded; retry later with the same Idempotency-Key.',
    }),
  );
}
