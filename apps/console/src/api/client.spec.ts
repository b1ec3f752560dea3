import { describe, expect, it, jest } from '@jest/globals';
import { answer, createApiClient } from './client';
import { ApiProblem } from './problem';

/** A client whose fetch records each request and answers with `reply`. */
function clientAnswering(reply: () => Response, token: string | null = 'the-token') {
  const requests: Request[] = [];
  const onUnauthorized = jest.fn();
  const client = createApiClient({
    baseUrl: 'http://127.0.0.1:3000',
    token: () => token,
    onUnauthorized,
    fetch: (input: RequestInfo | URL) => {
      requests.push(input as Request);
      return Promise.resolve(reply());
    },
  });
  return { client, requests, onUnauthorized };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('the console API client', () => {
  it('sends the bearer token and asks for Chinese; reads the revision from the ETag', async () => {
    const { client, requests } = clientAnswering(() => json(200, { asOf: '2022-12-31' }, { ETag: '"12"' }));
    const { data, revision } = await answer(client.GET('/org/tree', { params: { query: { asOf: '2022-12-31' } } }));
    expect(data).toEqual({ asOf: '2022-12-31' });
    expect(revision).toBe(12);
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer the-token');
    expect(requests[0]!.headers.get('Accept-Language')).toBe('zh-CN');
  });

  it('refuses to send a write without an Idempotency-Key, and sends one with it', async () => {
    const { client, requests } = clientAnswering(() => json(201, { events: [] }));
    await expect(
      client.POST('/branches/{branchId}/rename', {
        params: { path: { branchId: 'b1' } },
        body: { name: '府东社区离退休干部党支部' },
      }),
    ).rejects.toThrow('has no Idempotency-Key');
    expect(requests).toHaveLength(0);
    await client.POST('/branches/{branchId}/rename', {
      params: { path: { branchId: 'b1' } },
      headers: { 'Idempotency-Key': 'k-1', 'If-Match': '"3"' },
      body: { name: '府东社区离退休干部党支部' },
    });
    expect(requests[0]!.headers.get('Idempotency-Key')).toBe('k-1');
    expect(requests[0]!.headers.get('If-Match')).toBe('"3"');
  });

  it("turns a 409 into a conflict carrying the API's sentence and the current revision", async () => {
    const problem = { code: 'WRONG_EXPECTED_REVISION', detail: '记录已被修改', status: 409, currentRevision: 5 };
    const { client } = clientAnswering(() => json(409, problem, { 'Content-Type': 'application/problem+json' }));
    const failure = await answer(client.GET('/org/tree', {})).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiProblem);
    expect(failure).toMatchObject({ isConflict: true, detail: '记录已被修改', currentRevision: 5 });
  });

  it('signs out when the API refuses the token', async () => {
    const { client, onUnauthorized } = clientAnswering(() =>
      json(401, { code: 'UNAUTHENTICATED', detail: '令牌无效' }),
    );
    await expect(answer(client.GET('/org/tree', {}))).rejects.toMatchObject({ status: 401, detail: '令牌无效' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('says in Chinese when the server could not be reached', async () => {
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:3000',
      token: () => null,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(answer(client.GET('/org/tree', {}))).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});
