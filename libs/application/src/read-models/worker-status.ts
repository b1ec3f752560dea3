/** What every background runner (projection, process manager) reports about itself. */
export interface WorkerStatus {
  readonly name: string;
  readonly kind: 'projection' | 'processManager';
  readonly state: string;
  readonly position: number | null;
  readonly error: string | null;
  /**
   * Set while a projection is rebuilt because its read model was built from events the store
   * no longer holds (a replaced or restored store): why, in a sentence.
   */
  readonly diverged?: string | null;
}

/**
 * The runners of this process, so readiness can say which one stopped and why: a projection
 * that cannot apply an event stops loudly, and the instance reports itself degraded. What the
 * workers of another process report comes from their heartbeat (workers/workers-health.ts).
 */
export class WorkerStatusRegistry {
  private readonly sources: (() => WorkerStatus | null)[] = [];

  register(source: () => WorkerStatus | null): void {
    this.sources.push(source);
  }

  all(): WorkerStatus[] {
    return this.sources.flatMap((source) => source() ?? []);
  }

  failed(): WorkerStatus[] {
    return this.all().filter((status) => status.state === 'failed');
  }
}
