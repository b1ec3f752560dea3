import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_CODES, type ProblemCode } from './problem-catalogue';

export const PROBLEM_JSON = 'application/problem+json';

/** An RFC 9457 problem document: the body of every error this API returns. */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:branchflow:problem:store-unavailable' })
  readonly type!: string;

  @ApiProperty({ description: 'The HTTP status phrase, in English.', example: 'Service Unavailable' })
  readonly title!: string;

  @ApiProperty({ example: 503 })
  readonly status!: number;

  @ApiProperty({
    description:
      'What went wrong and, for a refusal, the rule and the regulation it comes from, in the language the ' +
      'request asked for (Accept-Language: zh-CN or en; otherwise BRANCHFLOW_LANGUAGE, zh-CN by default). ' +
      'Content-Language names it.',
    example:
      '事件库暂时无法访问，本次操作未记录任何内容：请稍后重试。（技术信息：The event store did not answer a ping within 3000 ms.）',
  })
  readonly detail!: string;

  @ApiProperty({
    description:
      'Stable machine-readable error code: one of the declared codes, each with its sentence in zh-CN and en.',
    enum: PROBLEM_CODES,
    example: 'STORE_UNAVAILABLE',
  })
  readonly code!: ProblemCode;

  @ApiPropertyOptional({ example: '/health/ready' })
  readonly instance?: string;

  @ApiPropertyOptional({ description: 'The X-Request-Id of the failed request, to find it in the logs.' })
  readonly requestId?: string;

  @ApiPropertyOptional({
    description: 'For 409 on a stale If-Match: the stream revision now current (null if the stream does not exist).',
    nullable: true,
    type: Number,
  })
  readonly currentRevision?: number | null;

  @ApiPropertyOptional({
    description: 'For 400: every field that failed validation, with what is wrong.',
    type: 'array',
    items: {
      type: 'object',
      properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
    },
  })
  readonly errors?: readonly { readonly field: string; readonly messages: readonly string[] }[];

  @ApiPropertyOptional({ description: 'Facts behind a refusal (counts, ids, the rule version), for programs.' })
  readonly details?: Readonly<Record<string, unknown>>;

  @ApiPropertyOptional({
    description: 'For 503 on readiness: the event store head position the workers are measured against.',
    nullable: true,
    type: Number,
  })
  readonly head?: number | null;

  @ApiPropertyOptional({
    description:
      'For 503 on readiness: each projection and process manager, with its state and the position it has reached.',
    type: 'array',
    items: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        kind: { type: 'string', enum: ['projection', 'processManager'] },
        state: { type: 'string' },
        position: { type: 'number', nullable: true },
      },
    },
  })
  readonly workers?: readonly {
    readonly name: string;
    readonly kind: string;
    readonly state: string;
    readonly position: number | null;
  }[];
}

/** A stable code in kebab case under our URN namespace, so clients can switch on `type` too. */
export function problemType(code: string): string {
  return `urn:branchflow:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
