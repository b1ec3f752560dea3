import { applyDecorators, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiExtraModels, ApiParam, ApiResponse, getSchemaPath, type ApiResponseOptions } from '@nestjs/swagger';
import { ProblemResponses, type ProblemStatus } from './problem-responses';

type Class = abstract new (...args: never[]) => unknown;

export const CSV = 'text/csv';
export const NDJSON = 'application/x-ndjson';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The cursor of the next page, for CSV (which has no envelope) and JSON alike. */
export const NEXT_HEADER = 'X-Next-After';

export interface ReadAnswerOptions {
  readonly description?: string;
  /** The answer carries the entity's revision as its ETag. */
  readonly etag?: boolean;
  /** `text/csv` and an Excel workbook beside JSON (`?format=csv`/`xlsx` or `Accept`). */
  readonly csv?: boolean;
  /** Paged: the next page's cursor in X-Next-After as well as in `next`. */
  readonly paged?: boolean;
  /** One JSON document of `type` per line, as NDJSON, instead of one JSON document. */
  readonly ndjson?: boolean;
  readonly headers?: ApiResponseOptions['headers'];
  /** The problems the route answers besides 401 and 403 (its access decorator declares those) and 503. */
  readonly problems?: Partial<Record<ProblemStatus, string | true>>;
}

/**
 * What a read answers: 200 with `type` as JSON (or CSV, or NDJSON lines of it), its response
 * headers, and its problems as problem+json. Declared in one decorator so a handler's content
 * types, headers and schema are said together.
 */
export function ReadAnswer(type: Class, options: ReadAnswerOptions = {}): MethodDecorator {
  const schema = { $ref: getSchemaPath(type) };
  const content: Record<string, { schema: object }> = options.ndjson
    ? { [NDJSON]: { schema } }
    : {
        'application/json': { schema },
        ...(options.csv
          ? {
              [CSV]: { schema: { type: 'string', description: 'UTF-8 with a BOM, one row per item, a header row.' } },
              [XLSX]: {
                schema: {
                  type: 'string',
                  format: 'binary',
                  description:
                    'An Excel workbook: a frozen header row, then one row per item (every page of a list), typed cells.',
                },
              },
            }
          : {}),
      };
  const headers: NonNullable<ApiResponseOptions['headers']> = {
    ...(options.etag
      ? { ETag: { description: 'The revision, to send back as If-Match with a command.', schema: { type: 'string' } } }
      : {}),
    ...(options.paged
      ? { [NEXT_HEADER]: { description: 'The `next` cursor, when there is a next page.', schema: { type: 'string' } } }
      : {}),
    ...options.headers,
  };
  return applyDecorators(
    ApiExtraModels(type),
    ApiResponse({
      status: 200,
      description: options.description ?? 'OK',
      content,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
    }),
    // Express tags every answer with an ETag (the revision where the handler sets one) and answers
    // a GET whose If-None-Match names it with 304, as browsers send it.
    ApiResponse({
      status: 304,
      description: 'Not Modified: the answer is the one whose ETag was sent in If-None-Match.',
      headers: { ETag: { description: 'The same ETag.', schema: { type: 'string' } } },
    }),
    // Every read goes to the event store or the read models, whose file can fail under it.
    ProblemResponses({
      503: 'The event store or a read model cannot serve the request now (STORE_UNAVAILABLE, a STORAGE_… code, or a read model catching up or rebuilt); retry later.',
      ...options.problems,
    }),
  );
}

/**
 * A path id that must be a UUID: parsed by ParseUUIDPipe (400 otherwise) and documented as
 * `format: uuid`, from the one decorator.
 */
export function UuidParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, ParseUUIDPipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
    applyDecorators(ApiParam({ name, type: String, format: 'uuid' }), ProblemResponses({ 400: true }))(
      target,
      key,
      descriptor,
    );
  };
}
