import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { networkProblem, problemOf } from './problem';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that record nothing, so they need no Idempotency-Key: signing in. */
const NOT_COMMANDS = new Set(['/auth/dev-token']);

export interface ClientOptions {
  /** The bearer token of whoever is signed in, if anyone. */
  readonly token: () => string | null;
  /** Called when the API refuses the token (expired, revoked): the console signs out. */
  readonly onUnauthorized?: () => void;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

/**
 * Every request carries the bearer token and asks for Chinese (`Accept-Language: zh-CN`). Every
 * write must come from a UserAction, which gives it an Idempotency-Key (and If-Match when the
 * record's revision is known): a write without one is a programming error, refused here before
 * it reaches the network.
 */
export function consoleMiddleware(options: ClientOptions): Middleware {
  return {
    onRequest({ request }) {
      const token = options.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      request.headers.set('Accept-Language', 'zh-CN');
      const path = new URL(request.url, 'http://console.invalid').pathname;
      if (WRITES.has(request.method) && !NOT_COMMANDS.has(path) && !request.headers.has('Idempotency-Key')) {
        throw new Error(`${request.method} ${path} has no Idempotency-Key: send writes through a UserAction`);
      }
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401 && options.token()) options.onUnauthorized?.();
      return response;
    },
  };
}

export function createApiClient(options: ClientOptions) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(consoleMiddleware(options));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The data of an answer, or an ApiProblem: what the console's screens await. The answer's ETag
 * (the record's revision) comes along for the next write's If-Match.
 */
export async function answer<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; revision: number | null }> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof TypeError) throw networkProblem();
    throw error;
  }
  const { data, error, response } = result;
  if (!response.ok) throw problemOf(response.status, error);
  const etag = /^(?:W\/)?"(\d+)"$/.exec(response.headers.get('ETag') ?? '');
  return { data: data as T, revision: etag ? Number(etag[1]) : null };
}
