import { hostname } from 'node:os';
import type { ReadModelDatabase } from '@app/read-models';
import type { WorkerStatus, WorkerStatusRegistry } from '../read-models/worker-status';
import { HEARTBEAT_STALE_MS, type Heartbeat, type WorkerHeartbeatTable } from './worker-heartbeat';
import type { WorkerLeadership } from './worker-leadership';

/** Why the workers are not ready to serve read models, each with a stable code. */
export type WorkersProblem =
  /** No process runs the workers: none started, it stopped, or its heartbeat went stale. */
  | 'WORKERS_UNAVAILABLE'
  /** A projection or process manager stopped on an event it could not handle. */
  | 'DEGRADED'
  /** A read model was built from events the store no longer holds; it is not served and is being rebuilt. */
  | 'READ_MODEL_DIVERGED'
  /** The first catch-up (or a rebuild) has not reached the store's head yet. */
  | 'CATCHING_UP';

/** Which process runs the workers, for readiness: this one's role and the leader. */
export interface LeadershipReport {
  /** leader: this process runs the workers; follower: it stands by to take over; off: it does not compete. */
  readonly role: 'leader' | 'follower' | 'off';
  readonly lock: string;
  readonly leader: { readonly pid: number; readonly host: string; readonly self: boolean } | null;
}

export interface LiveCheckpoint {
  readonly name: string;
  readonly position: number | null;
}

export interface WorkersReport {
  /** Where the workers run: this process, another one (from its heartbeat), or nowhere known. */
  readonly runningIn: { readonly pid: number; readonly host: string; readonly self: boolean } | null;
  readonly workers: readonly WorkerStatus[];
  readonly problem: { readonly code: WorkersProblem; readonly detail: string } | null;
}

/**
 * What readiness and read-your-writes know about the workers, wherever they run: this process's
 * own runners while it holds the worker lock, otherwise the heartbeat the holder writes beside
 * the read models (an API beside a worker, a standby).
 */
export class WorkersHealth {
  constructor(
    private readonly leadership: WorkerLeadership,
    private readonly local: WorkerStatusRegistry,
    private readonly heartbeat: WorkerHeartbeatTable,
    private readonly db: ReadModelDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The checkpoint of every live read model, as queries see them. Read before the store's head:
   * a checkpoint can only pass a head read after it if the store lost events.
   */
  liveCheckpoints(): LiveCheckpoint[] {
    return this.db
      .prepare(`SELECT name, position FROM projection_generations WHERE state = 'live' ORDER BY name`)
      .all() as LiveCheckpoint[];
  }

  /** Workers that stopped on an event they could not handle. */
  failed(): WorkerStatus[] {
    return this.statuses().filter((status) => status.state === 'failed');
  }

  /**
   * `head`: the store's head position now, against which progress is told; `checkpoints`: the
   * live ones, read before the head (liveCheckpoints).
   */
  report(head: number | null, checkpoints: readonly LiveCheckpoint[] = []): WorkersReport {
    const ahead = aheadOf(checkpoints, head);
    if (this.leadership.leading) {
      const workers = this.local.all();
      return {
        runningIn: { pid: process.pid, host: hostname(), self: true },
        workers,
        problem: ahead ?? problemOf(workers, head),
      };
    }
    const beat = this.heartbeat.read();
    const unavailable = this.unavailable(beat);
    if (unavailable !== null || beat === null) {
      return {
        runningIn: null,
        workers: beat?.workers ?? [],
        problem: { code: 'WORKERS_UNAVAILABLE', detail: unavailable ?? '' },
      };
    }
    return {
      runningIn: { pid: beat.pid, host: beat.host, self: false },
      workers: beat.workers,
      problem: ahead ?? problemOf(beat.workers, head),
    };
  }

  /** The role of this process and who leads: from the lock when it can tell, else the holder's fresh heartbeat. */
  async leadershipReport(): Promise<LeadershipReport> {
    const status = this.leadership.status;
    const role = status === 'leading' ? 'leader' : status === 'waiting' ? 'follower' : 'off';
    let leader = await this.leadership.leader();
    if (leader === null) {
      const beat = this.heartbeat.read();
      if (beat !== null && this.unavailable(beat) === null) {
        leader = { pid: beat.pid, host: beat.host, self: beat.pid === process.pid && beat.host === hostname() };
      }
    }
    return { role, lock: this.leadership.lockWhere, leader };
  }

  private statuses(): readonly WorkerStatus[] {
    if (this.leadership.leading) return this.local.all();
    const beat = this.heartbeat.read();
    return this.unavailable(beat) === null && beat ? beat.workers : [];
  }

  private unavailable(beat: Heartbeat | null): string | null {
    const waiting =
      this.leadership.status === 'waiting'
        ? ' This process stands by to take over.'
        : ' Start a worker (npm run start:worker) or an API with BRANCHFLOW_IN_PROCESS_WORKERS=true.';
    if (beat === null)
      return `No process has run the workers (projections, process managers, timers) on these read models yet.${waiting}`;
    if (beat.state === 'stopped') {
      return `The workers stopped: process ${beat.pid} on ${beat.host} shut them down at ${beat.beatAt}.${waiting}`;
    }
    const age = this.now().getTime() - Date.parse(beat.beatAt);
    if (age > HEARTBEAT_STALE_MS) {
      return `The process running the workers (pid ${beat.pid} on ${beat.host}) last reported ${Math.round(age / 1000)} s ago, at ${beat.beatAt}: it is gone or stuck.${waiting}`;
    }
    return null;
  }
}

/** A live read model past the store's head was built from a store that was replaced or restored. */
function aheadOf(checkpoints: readonly LiveCheckpoint[], head: number | null): WorkersReport['problem'] {
  const ahead = checkpoints.filter((c) => c.position !== null && (head === null || c.position > head));
  if (ahead.length === 0) return null;
  return {
    code: 'READ_MODEL_DIVERGED',
    detail: `${ahead.map((c) => `The ${c.name} read model has applied events up to position ${c.position}`).join('; ')}, beyond the event store's head (${head ?? 'no events'}): it was built from a store that was replaced or restored from an older backup, and is not served. The process running the workers rebuilds it from the store when it starts: restart it.`,
  };
}

function problemOf(workers: readonly WorkerStatus[], head: number | null): WorkersReport['problem'] {
  const failed = workers.filter((worker) => worker.state === 'failed');
  if (failed.length > 0) {
    return {
      code: 'DEGRADED',
      detail: `Stopped on an event it could not handle: ${failed.map((w) => `${w.name} (${w.error ?? 'no reason given'})`).join('; ')}. Fix the cause and restart.`,
    };
  }
  const diverged = workers.filter((worker) => worker.diverged);
  if (diverged.length > 0) {
    return {
      code: 'READ_MODEL_DIVERGED',
      detail: `${diverged.map((w) => w.diverged).join(' ')} Nothing is served from it until the rebuild from the event store has caught up (${progressOf(diverged, head)}).`,
    };
  }
  const behind = workers.filter((worker) => worker.state !== 'live');
  if (behind.length > 0) {
    return {
      code: 'CATCHING_UP',
      detail: `Catching up with the event store: ${progressOf(behind, head)}. Read models are served once every worker is live.`,
    };
  }
  return null;
}

function progressOf(workers: readonly WorkerStatus[], head: number | null): string {
  const of = head === null ? '' : ` of ${head}`;
  return workers
    .map((w) => `${w.name} at ${w.position === null ? 'the start' : `position ${w.position}`}${of}`)
    .join(', ');
}
