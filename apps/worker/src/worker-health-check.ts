import { HEARTBEAT_STALE_MS, type Heartbeat } from '@app/application';

/** What the worker's container healthcheck answers: exit 0 with `ok`, or 1 with the reason. */
export interface WorkerHealthVerdict {
  readonly healthy: boolean;
  readonly message: string;
}

/**
 * Judges the heartbeat the process running the workers writes beside the read models
 * (workers.sqlite): healthy while one runs them with a fresh beat and none of them failed. A
 * worker standing by behind another is healthy too: the workers run.
 */
export function judgeHeartbeat(beat: Heartbeat | null, now: Date): WorkerHealthVerdict {
  if (beat === null) return { healthy: false, message: 'no process has run the workers on this data directory yet' };
  if (beat.state === 'stopped') {
    return { healthy: false, message: `the workers stopped: process ${beat.pid} on ${beat.host} at ${beat.beatAt}` };
  }
  const age = now.getTime() - Date.parse(beat.beatAt);
  if (age > HEARTBEAT_STALE_MS) {
    return {
      healthy: false,
      message: `the process running the workers (pid ${beat.pid} on ${beat.host}) last reported ${Math.round(age / 1000)} s ago: gone or stuck`,
    };
  }
  const failed = beat.workers.filter((worker) => worker.state === 'failed');
  if (failed.length > 0) {
    return {
      healthy: false,
      message: `stopped on an event it could not handle: ${failed.map((w) => `${w.name} (${w.error ?? 'no reason given'})`).join('; ')}`,
    };
  }
  const live = beat.workers.filter((worker) => worker.state === 'live').length;
  return {
    healthy: true,
    message: `ok: process ${beat.pid} on ${beat.host} runs the workers (${live} of ${beat.workers.length} live)`,
  };
}
