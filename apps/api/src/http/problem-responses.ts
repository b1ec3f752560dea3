import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, type ApiResponseOptions } from '@nestjs/swagger';
import { PROBLEM_JSON, ProblemDetails } from './problem-details';

/** The statuses this API answers with a problem document, each with what it means everywhere. */
export const PROBLEM_MEANINGS = {
  400: 'The path, the query, a header or the body is malformed; `errors` names each field and what is wrong.',
  401: 'No bearer token, or one that is invalid, expired or not meant for this API (WWW-Authenticate: Bearer).',
  403: "The token's role may not call this route.",
  404: 'The addressed entity does not exist.',
  409: 'A stale If-Match (`currentRevision` says the revision now), or a collision with what exists.',
  413: 'The body is larger than 100 kB.',
  415: 'The body is not application/json (a command sent without a body needs no type).',
  422: 'A rule forbids it: `code` and `detail` say which and why.',
  429: 'Too many writes from this caller in the last minute; retry after the seconds Retry-After says.',
  503: 'The event store or the read models cannot serve the request now; retry later.',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_MEANINGS;

const PROBLEM_CONTENT = { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetails) } } };

const HEADERS: Partial<Record<ProblemStatus, ApiResponseOptions['headers']>> = {
  401: {
    'WWW-Authenticate': { description: 'The challenge: `Bearer realm="branchflow"`.', schema: { type: 'string' } },
  },
  429: { 'Retry-After': { description: 'Seconds to wait before writing again.', schema: { type: 'integer' } } },
};

/**
 * Declares answers as `application/problem+json` documents, each status with its meaning here
 * (or the standard one). Usable on a controller (every route) or a handler; the handler's own
 * declaration of a status wins.
 */
export function ProblemResponses(
  problems: Partial<Record<ProblemStatus, string | true>>,
): MethodDecorator & ClassDecorator {
  const declared = Object.entries(problems).map(([key, meaning]) => {
    const status = Number(key) as ProblemStatus;
    const headers = HEADERS[status];
    return ApiResponse({
      status,
      description: meaning === true ? PROBLEM_MEANINGS[status] : meaning,
      content: PROBLEM_CONTENT,
      ...(headers === undefined ? {} : { headers }),
    });
  });
  return applyDecorators(ApiExtraModels(ProblemDetails), ...declared);
}
