import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  EventStoreError,
  IdempotencyConflict,
  StorageFault,
  storeErrorOf,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
} from '@app/event-store';
import { DomainError, type ErrorCategory } from '@app/domain';
import { READ_MODEL_FAULT_SUBJECT } from '@app/read-models';
import { PROBLEM_JSON, problemType, type ProblemDetails } from './problem-details';
import { Forbidden, Unauthenticated } from '../auth/auth-errors';
import { Degraded } from '../health/degraded';
import { ValidationFailed } from './validation';

/** HTTP statuses of the store's errors; anything else from the store is our bug, a 500. */
const STORE_ERROR_STATUS: ReadonlyArray<readonly [new (...args: never[]) => EventStoreError, number]> = [
  [StoreUnavailable, HttpStatus.SERVICE_UNAVAILABLE],
  [StorageFault, HttpStatus.SERVICE_UNAVAILABLE],
  [WrongExpectedRevision, HttpStatus.CONFLICT],
  [IdempotencyConflict, HttpStatus.CONFLICT],
  [StreamNotFound, HttpStatus.NOT_FOUND],
];

/** Refusals by category: malformed data 400, a rule says no 422, unknown 404, a collision 409. */
const DOMAIN_ERROR_STATUS: Readonly<Record<ErrorCategory, number>> = {
  validation: HttpStatus.BAD_REQUEST,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  notFound: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
};

/**
 * The one place errors become responses: every error is an `application/problem+json` document
 * with a stable `code`. Unknown errors are logged and answered with a 500 that reveals nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    // The read models' queries fail with the driver's own errors (the disk's trouble or a lock's,
    // not a bug), so an unmapped driver error is named as theirs. The event store maps its own
    // (sqlite-errors.ts); any other SQLite file a request reads must map its own too, with
    // storeErrorOf and its own subject, or it is misnamed here.
    const known = storeErrorOf(error, 'use', READ_MODEL_FAULT_SUBJECT) ?? error;
    const problem = {
      ...this.describe(known),
      instance: request.originalUrl,
      requestId: typeof request.id === 'string' ? request.id : undefined,
    };
    // An operator must act on a storage fault, so it is logged, but as its sentence: no stack.
    if (known instanceof StorageFault) this.logger.error(known.message);
    else if (problem.status >= 500 && !(known instanceof StoreUnavailable)) this.logger.error(error);
    if (error instanceof Unauthenticated) response.setHeader('WWW-Authenticate', 'Bearer realm="branchflow"');
    response.status(problem.status).type(PROBLEM_JSON).json(problem);
  }

  private describe(error: unknown): Problem {
    if (error instanceof Unauthenticated) return problem(HttpStatus.UNAUTHORIZED, error.code, error.message);
    if (error instanceof Degraded) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, error.code, error.message, error.extensions);
    }
    if (error instanceof Forbidden) return problem(HttpStatus.FORBIDDEN, error.code, error.message);
    if (error instanceof ValidationFailed) {
      return problem(HttpStatus.BAD_REQUEST, error.code, error.message, { errors: error.errors });
    }
    if (error instanceof DomainError) {
      const refusal: DomainError = error;
      return problem(DOMAIN_ERROR_STATUS[refusal.category], refusal.code, refusal.message, {
        details: refusal.details,
      });
    }
    if (error instanceof WrongExpectedRevision) {
      const detail = `${error.message} Reload it and retry with If-Match: "${error.actual ?? 'absent'}".`;
      return problem(HttpStatus.CONFLICT, error.code, detail, { currentRevision: error.actual });
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return problem(status, codeOfStatus(status), error.message);
    }
    if (error instanceof EventStoreError) {
      const status = STORE_ERROR_STATUS.find(([type]) => error instanceof type)?.[1];
      if (status !== undefined) return problem(status, error.code, error.message);
    }
    return problem(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'INTERNAL_ERROR',
      'An unexpected error occurred; the request id locates it in the logs.',
    );
  }
}

type Problem = Omit<ProblemDetails, 'instance' | 'requestId'>;

function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: problemType(code), title: titleOf(status), status, detail, code, ...extra };
}

function titleOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** `Not Found` → `NOT_FOUND`: a stable code for plain HTTP errors raised by Nest itself. */
function codeOfStatus(status: number): string {
  return titleOf(status)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
