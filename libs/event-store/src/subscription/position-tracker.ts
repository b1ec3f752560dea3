/**
 * What a subscription consumer (a projection, a process manager) tells others about its
 * progress: the last position it has fully dealt with, whether it has caught up once, and
 * whether it has failed. Callers wait on it for read-your-writes.
 */
export class PositionTracker {
  private current: number | null;
  private live = false;
  private failure: Error | null = null;
  private readonly waiters: { position: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly caughtUpWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(start: number | null = null) {
    this.current = start;
  }

  get position(): number | null {
    return this.current;
  }

  get isLive(): boolean {
    return this.live;
  }

  advance(position: number): void {
    this.current = position;
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      const waiter = this.waiters[i];
      if (waiter && position >= waiter.position) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  markCaughtUp(): void {
    this.live = true;
    this.caughtUpWaiters.splice(0).forEach((waiter) => waiter.resolve());
  }

  fail(error: Error): void {
    this.failure = error;
    this.waiters.splice(0).forEach((waiter) => waiter.reject(error));
    this.caughtUpWaiters.splice(0).forEach((waiter) => waiter.reject(error));
  }

  /** Resolves once everything up to `position` is dealt with; rejects if the consumer fails first. */
  waitFor(position: number): Promise<void> {
    if (this.current !== null && this.current >= position) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  /** Resolves when the consumer has caught up with the store once. */
  caughtUp(): Promise<void> {
    if (this.live) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.caughtUpWaiters.push({ resolve, reject }));
  }
}
