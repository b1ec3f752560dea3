import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Letters, digits and `._:-`, up to 128: enough for UUIDs and tracing ids, nothing that could forge a log line. */
const SANE_TOKEN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Keeps the caller's request id when it is a sane token, so one id follows a request through a
 * proxy and into our logs; otherwise makes a new one. Either way the response carries it.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SANE_TOKEN.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
