import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isWorkbookUpload } from '../imports/workbook-upload';
import { EdgeRefusal } from './problem-catalogue';

/** Methods whose body is a command; GET, HEAD and OPTIONS bodies are never read. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `application/json`, with parameters (`; charset=utf-8`) or without; the JSON parser checks the charset. */
function isJson(contentType: string): boolean {
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A request carries a body when it says so: a non-zero length, or a chunked transfer. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) !== 0;
  return request.headers['transfer-encoding'] !== undefined;
}

/**
 * Every command body is JSON. A form-encoded, text or untyped body would otherwise be parsed
 * into strings (urlencoded) or ignored (an empty body for a command without required fields, so
 * the command would run on input nobody sent): both are refused with 415 before any parser or
 * handler sees them. A command sent without a body (e.g. `POST …/execute`) needs no type.
 */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(request.method) || !hasBody(request)) return next();
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && isJson(contentType)) return next();
  // The one route that takes a file: its handler reads the body itself, within its limit.
  if (isWorkbookUpload(request)) return next();
  next(
    new EdgeRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', {
      contentType: contentType === undefined ? null : (contentType.split(';')[0]?.trim() ?? ''),
    }),
  );
}
