import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_JSON = 'application/problem+json';

/** An RFC 9457 problem document: the body of every error this API returns. */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:branchflow:problem:store-unavailable' })
  readonly type!: string;

  @ApiProperty({ example: 'Service Unavailable' })
  readonly title!: string;

  @ApiProperty({ example: 503 })
  readonly status!: number;

  @ApiProperty({ example: 'The event store did not answer a ping within 3000 ms.' })
  readonly detail!: string;

  @ApiProperty({ description: 'Stable machine-readable error code.', example: 'STORE_UNAVAILABLE' })
  readonly code!: string;

  @ApiPropertyOptional({ example: '/health/ready' })
  readonly instance?: string;

  @ApiPropertyOptional({ description: 'The X-Request-Id of the failed request, to find it in the logs.' })
  readonly requestId?: string;
}

/** A stable code in kebab case under our URN namespace, so clients can switch on `type` too. */
export function problemType(code: string): string {
  return `urn:branchflow:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
