import { describe, expect, it } from '@jest/globals';
import { ApiProblem } from './problem';
import { UserAction, type WriteHeaders } from './user-action';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('UserAction', () => {
  it('sends a double click once: the second click joins the running request', async () => {
    const action = new UserAction<string>();
    const sent: WriteHeaders[] = [];
    let finish: (value: string) => void = () => undefined;
    const perform = (headers: () => WriteHeaders) => {
      sent.push(headers());
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = action.run(perform);
    const second = action.run(perform);
    expect(second).toBe(first);
    expect(action.pending).toBe(true);
    finish('recorded');
    await expect(first).resolves.toBe('recorded');
    expect(sent).toHaveLength(1);
    expect(sent[0]!['Idempotency-Key']).toMatch(UUID);
  });

  it('retries with the same key after no answer or a 5xx, and takes a new key once the API has answered', async () => {
    const action = new UserAction<string>();
    const keys: string[] = [];
    const failWith = (error: Error) => (headers: () => WriteHeaders) => {
      keys.push(headers()['Idempotency-Key']);
      return Promise.reject(error);
    };
    const succeed = (headers: () => WriteHeaders) => {
      keys.push(headers()['Idempotency-Key']);
      return Promise.resolve('ok');
    };
    await expect(action.run(failWith(new ApiProblem(0, 'NETWORK', 'no answer')))).rejects.toThrow('no answer');
    await expect(action.run(failWith(new ApiProblem(503, 'STORE_UNAVAILABLE', 'busy')))).rejects.toThrow('busy');
    await action.run(succeed);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    // The next click is a new action; a refusal (nothing recorded) also ends one.
    await expect(action.run(failWith(new ApiProblem(422, 'QUORUM_NOT_MET', 'refused')))).rejects.toThrow('refused');
    await action.run(succeed);
    expect(keys[3]).not.toBe(keys[0]);
    expect(keys[4]).not.toBe(keys[3]);
  });

  it('sends If-Match with the revision the record was read at, quoted as the ETag was', async () => {
    const action = new UserAction<WriteHeaders>();
    const headers = await action.run((make) => Promise.resolve(make(7)));
    expect(headers).toEqual({ 'Idempotency-Key': expect.stringMatching(UUID), 'If-Match': '"7"' });
  });
});
