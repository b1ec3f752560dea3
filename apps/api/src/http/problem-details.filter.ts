import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  IdempotencyConflict,
  StorageFault,
  storeErrorOf,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
} from '@app/event-store';
import { isDomainError, type ErrorCategory, type Language } from '@app/domain';
import { READ_MODEL_FAULT_SUBJECT } from '@app/read-models';
import { PROBLEM_JSON, problemType, type ProblemDetails } from './problem-details';
import { Forbidden, Unauthenticated } from '../auth/auth-errors';
import { Degraded } from '../health/degraded';
import { answerIn, languageOf } from './language';
import { isMissing } from './not-found';
import { edgeMessage, isEdgeRefusal, type EdgeCode, type EdgeDetails, type ProblemCode } from './problem-catalogue';
import { ValidationFailed } from './validation';

/** Refusals by category: malformed data 400, a rule says no 422, unknown 404, a collision 409. */
const DOMAIN_ERROR_STATUS: Readonly<Record<ErrorCategory, number>> = {
  validation: HttpStatus.BAD_REQUEST,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  notFound: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
};

/** The largest JSON body the API reads (create-app.ts), as a 413 names it. */
const BODY_LIMIT = '100 kB';

type Problem = Omit<ProblemDetails, 'instance' | 'requestId'> & { readonly code: ProblemCode };

/**
 * The one place errors become responses: every error is an `application/problem+json` document
 * with a stable `code` from the catalogue (PROBLEM_CODES) and its `detail` in the language the
 * request asked for (Accept-Language, else BRANCHFLOW_LANGUAGE), which `Content-Language` names.
 * Unknown errors are logged and answered with a 500 that reveals nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const language = languageOf(request);
    // The read models' queries fail with the driver's own errors (the disk's trouble or a lock's,
    // not a bug), so an unmapped driver error is named as theirs. The event store maps its own
    // (sqlite-errors.ts); any other SQLite file a request reads must map its own too, with
    // storeErrorOf and its own subject, or it is misnamed here.
    const known = storeErrorOf(error, 'use', READ_MODEL_FAULT_SUBJECT) ?? error;
    const problem = {
      ...describe(known, request, language),
      instance: request.originalUrl,
      requestId: typeof request.id === 'string' ? request.id : undefined,
    };
    // An operator must act on a storage fault, so it is logged, but as its sentence: no stack.
    if (known instanceof StorageFault) this.logger.error(known.message);
    else if (problem.status >= 500 && !(known instanceof StoreUnavailable)) this.logger.error(error);
    if (error instanceof Unauthenticated) response.setHeader('WWW-Authenticate', 'Bearer realm="branchflow"');
    answerIn(response, language);
    response.status(problem.status).type(PROBLEM_JSON).json(problem);
  }
}

/** What an error answers: its status, its code, and its sentence in `language`. */
export function describe(error: unknown, request: Request, language: Language): Problem {
  const edge = <C extends EdgeCode>(status: number, code: C, details: EdgeDetails<C>, extra: Partial<Problem> = {}) =>
    problem(status, code, edgeMessage(code, details, language), extra);

  if (isDomainError(error)) {
    return problem(DOMAIN_ERROR_STATUS[error.category], error.code, error.messageIn(language), {
      details: error.details,
    });
  }
  if (error instanceof ValidationFailed) {
    const errors = error.errorsIn(language);
    return edge(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', { errors }, { errors });
  }
  if (error instanceof Unauthenticated) return edge(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', error.details);
  if (error instanceof Forbidden) return edge(HttpStatus.FORBIDDEN, 'FORBIDDEN', error.details);
  if (isEdgeRefusal(error)) {
    return problem(error.status, error.code, edgeMessage(error.code, error.details as never, language));
  }
  if (error instanceof Degraded) {
    return edge(HttpStatus.SERVICE_UNAVAILABLE, error.code, { reason: error.message }, error.extensions);
  }
  if (error instanceof WrongExpectedRevision) {
    const details = { reason: error.message, currentRevision: error.actual };
    return edge(HttpStatus.CONFLICT, 'WRONG_EXPECTED_REVISION', details, { currentRevision: error.actual });
  }
  if (error instanceof IdempotencyConflict) {
    return edge(HttpStatus.CONFLICT, 'IDEMPOTENCY_CONFLICT', { reason: error.message });
  }
  if (error instanceof StreamNotFound) return edge(HttpStatus.NOT_FOUND, 'STREAM_NOT_FOUND', { reason: error.message });
  if (error instanceof StoreUnavailable) {
    return edge(HttpStatus.SERVICE_UNAVAILABLE, 'STORE_UNAVAILABLE', { reason: error.message });
  }
  if (error instanceof StorageFault) {
    return edge(HttpStatus.SERVICE_UNAVAILABLE, error.code, { reason: error.message });
  }
  if (error instanceof HttpException) {
    const answer = httpProblem(error, request, language);
    if (answer !== undefined) return answer;
  }
  return edge(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', {});
}

/**
 * Nest's own HTTP errors, by status: a route that does not exist or a resource named by id (404),
 * a body that is not JSON or an id that is not a UUID (400), a body too large (413) or of a type
 * or charset the API does not read (415), too many writes (429). Any other is our bug: a 500.
 */
function httpProblem(error: HttpException, request: Request, language: Language): Problem | undefined {
  const status = error.getStatus() as HttpStatus;
  const say = <C extends EdgeCode>(code: C, details: EdgeDetails<C>) =>
    problem(status, code, edgeMessage(code, details, language));
  switch (status) {
    case HttpStatus.NOT_FOUND: {
      const body = error.getResponse();
      return say('NOT_FOUND', isMissing(body) ? body : { route: `${request.method} ${request.path}` });
    }
    case HttpStatus.BAD_REQUEST: {
      const reason = error.message;
      if (error.cause instanceof SyntaxError) return say('BAD_REQUEST', { kind: 'json', reason });
      if (error.cause instanceof URIError) return say('BAD_REQUEST', { kind: 'uri', reason });
      if (/uuid is expected/.test(reason)) return say('BAD_REQUEST', { kind: 'uuid', reason });
      return say('BAD_REQUEST', { kind: 'other', reason });
    }
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return say('PAYLOAD_TOO_LARGE', { limit: BODY_LIMIT });
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return say('UNSUPPORTED_MEDIA_TYPE', { reason: error.message });
    case HttpStatus.TOO_MANY_REQUESTS:
      return say('TOO_MANY_REQUESTS', {});
    default:
      return undefined;
  }
}

function problem(status: number, code: ProblemCode, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: problemType(code), title: STATUS_CODES[status] ?? 'Error', status, detail, code, ...extra };
}
