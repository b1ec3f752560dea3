import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a round every interval once started, and none after stop', async () => {
    const seen = { rounds: 0 };
    const job = new PeriodicJob(
      () => Promise.resolve(void (seen.rounds += 1)),
      () => undefined,
    );
    job.start(60_000);
    await jest.advanceTimersByTimeAsync(59_999);
    expect(seen.rounds).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(seen.rounds).toBe(2);
    await job.stop();
    await jest.advanceTimersByTimeAsync(600_000);
    expect(seen.rounds).toBe(2);
  });

  it('never starts with an interval of 0', async () => {
    let rounds = 0;
    const job = new PeriodicJob(
      () => Promise.resolve(void (rounds += 1)),
      () => undefined,
    );
    job.start(0);
    await jest.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(rounds).toBe(0);
  });

  it('shares a round in flight instead of overlapping it, and stop waits for it', async () => {
    let rounds = 0;
    let finish = (): void => undefined;
    const job = new PeriodicJob(
      () => {
        rounds += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => undefined,
    );
    const first = job.tick();
    expect(job.tick()).toBe(first);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(rounds).toBe(1);
  });

  it('reports a failed round and runs the next one', async () => {
    const errors: unknown[] = [];
    let rounds = 0;
    const job = new PeriodicJob(
      () => {
        rounds += 1;
        return rounds === 1 ? Promise.reject(new Error('store unavailable')) : Promise.resolve();
      },
      (error) => errors.push(error),
    );
    job.start(1_000);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(errors).toEqual([new Error('store unavailable')]);
    expect(rounds).toBe(2);
    await job.stop();
  });
});
