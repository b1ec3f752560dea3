/**
 * A job run every `intervalMs` where the workers run (the API under `npm start`, else the
 * worker). A round never overlaps the previous one, a failure is reported and the next round
 * tries again, and `stop` waits for a round in flight, so shutdown never closes the store under it.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the rounds; an interval of 0 means never (a caller then runs `tick` itself). */
  start(intervalMs: number): void {
    if (intervalMs === 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round now, or the one already in flight. */
  tick(): Promise<void> {
    this.running ??= this.round()
      .catch(this.onError)
      .finally(() => (this.running = null));
    return this.running;
  }
}
