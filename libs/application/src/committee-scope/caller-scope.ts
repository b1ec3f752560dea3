import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The committee an administrator's token limits them to, for the duration of one request.
 * Carried in async-local storage rather than through every call, so that each stream the
 * request reads or appends — however deep in a handler, query or fact lookup — is judged
 * against it (ScopedEventStore) without any of those layers having to pass it on.
 */
export interface ScopedCaller {
  readonly committeeId: string;
  /**
   * The committee chain of each branch, member and committee this request has looked up (null:
   * no such thing), so each is read once per request however many streams name it.
   */
  readonly chains: Map<string, Promise<CommitteeChain | null>>;
}

/** A committee and its ancestors, nearest first: the scope holds when its committee is among them. */
export type CommitteeChain = readonly string[];

const storage = new AsyncLocalStorage<ScopedCaller>();

export const CallerScope = {
  /** Runs `work` as a caller limited to `committeeId`; everything it starts inherits the scope. */
  run<T>(committeeId: string, work: () => T): T {
    return storage.run({ committeeId, chains: new Map() }, work);
  },
  /** The scope of the request being served, or undefined when nothing limits it. */
  current(): ScopedCaller | undefined {
    return storage.getStore();
  },
};
