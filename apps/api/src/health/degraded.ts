import type { WorkersProblem } from '@app/application';
import type { ProblemDetails } from '../http/problem-details';

/**
 * The instance cannot serve read models now: 503 with a stable code — DEGRADED (a projection or
 * process manager stopped on an event it could not handle), CATCHING_UP, READ_MODEL_DIVERGED,
 * WORKERS_UNAVAILABLE — and, for programs, where every worker stands.
 */
export class Degraded extends Error {
  constructor(
    message: string,
    readonly code: WorkersProblem = 'DEGRADED',
    readonly extensions: Pick<ProblemDetails, 'head' | 'workers'> = {},
  ) {
    super(message);
  }
}
