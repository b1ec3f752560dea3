import { PublicAccess } from '../auth/access.decorators';
import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { EventStore } from '@app/event-store';
import {
  APP_CONFIG,
  EVENT_STORE,
  HistoryIntegrity,
  pingStore,
  withStoreTimeout,
  WorkersHealth,
  type AppConfig,
} from '@app/application';
import { PROBLEM_JSON, ProblemDetails } from '../http/problem-details';
import { Degraded } from './degraded';

class StoreHealth {
  @ApiProperty({ example: 'sqlite', description: 'memory, sqlite, postgres or eventstoredb' })
  readonly kind!: string;

  @ApiProperty({ example: 'up', enum: ['up'] })
  readonly status!: 'up';
}

class Liveness {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  readonly status!: 'ok';
}

class WorkerHealth {
  @ApiProperty({ example: 'organisation-now' })
  readonly name!: string;

  @ApiProperty({ enum: ['projection', 'processManager'] })
  readonly kind!: string;

  @ApiProperty({ example: 'live', description: 'starting, catchingUp, live, stopped or failed' })
  readonly state!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'Global position of the last event it dealt with.' })
  readonly position!: number | null;
}

class WorkersHost {
  @ApiProperty({ description: 'Process id of the process that holds the worker lock and runs the workers.' })
  readonly pid!: number;

  @ApiProperty()
  readonly host!: string;

  @ApiProperty({ description: 'True when that process is this one.' })
  readonly self!: boolean;
}

class LeaderProcess {
  @ApiProperty()
  readonly pid!: number;

  @ApiProperty()
  readonly host!: string;

  @ApiProperty({ description: 'True when the leader is this process.' })
  readonly self!: boolean;
}

class Leadership {
  @ApiProperty({
    enum: ['leader', 'follower', 'off'],
    description:
      'leader: this process runs the projections, process managers, timers and digests; follower: it stands by and ' +
      'takes over within seconds when the leader dies; off: it does not compete (BRANCHFLOW_IN_PROCESS_WORKERS=false).',
  })
  readonly role!: string;

  @ApiProperty({
    example: 'PostgreSQL advisory lock (1650851843, 1125927085) for schema public',
    description:
      'The lock the leader holds: a PostgreSQL advisory lock with DATABASE_URL, else a file beside the read models.',
  })
  readonly lock!: string;

  @ApiProperty({
    type: LeaderProcess,
    nullable: true,
    description: 'The process holding the lock; null when none is known.',
  })
  readonly leader!: LeaderProcess | null;
}

class HistoryBreakSummary {
  @ApiProperty({ example: 'member-3f0c9a52-2d5e-4c1b-9a3e-6f1f2b7c8d90' })
  readonly stream!: string;

  @ApiProperty()
  readonly revision!: number;

  @ApiProperty({ enum: ['altered', 'missing', 'reordered'] })
  readonly kind!: string;
}

class HistoryCheck {
  @ApiProperty({
    enum: ['checking', 'intact', 'altered', 'noDigest', 'failed'],
    description:
      'The start-up comparison of the stored history with the newest recorded digest. `altered` is also logged as ' +
      'an error; reads are not refused (auditors need them to see what changed).',
  })
  readonly status!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'Position of the digest compared with.' })
  readonly digestPosition!: number | null;

  @ApiProperty({ type: [HistoryBreakSummary], description: 'The first break of each altered stream (at most ten).' })
  readonly breaks!: HistoryBreakSummary[];

  @ApiProperty({ description: 'Every chain holds but the root differs from the digest: events were removed whole.' })
  readonly rootDiffers!: boolean;
}

class Readiness {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  readonly status!: 'ok';

  @ApiProperty()
  readonly store!: StoreHealth;

  @ApiProperty({
    type: [WorkerHealth],
    description: 'Projections and process managers, in this process or (from its heartbeat) in the one running them.',
  })
  readonly workers!: WorkerHealth[];

  @ApiProperty({ type: WorkersHost, description: 'Where the workers run.' })
  readonly runningIn!: WorkersHost;

  @ApiProperty({
    type: Leadership,
    description: "This process's role among the processes on the event store, and the leader.",
  })
  readonly leadership!: Leadership;

  @ApiProperty({ type: HistoryCheck })
  readonly history!: HistoryCheck;
}

/**
 * Probes for orchestrators. A small controller rather than @nestjs/terminus: terminus answers in
 * its own `{info, error, details}` shape, while our errors must be problem+json like every other.
 */
@ApiTags('health')
@ApiExtraModels(ProblemDetails)
@PublicAccess()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workers: WorkersHealth,
    private readonly history: HistoryIntegrity,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is running (it does not look at the store).' })
  @ApiOkResponse({ type: Liveness })
  live(): Liveness {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'The event store answers and the read models are live; send traffic here.',
    description:
      'Answers within 5 s: each store call is bounded by EVENTSTORE_TIMEOUT_MS (at most 4500 ms). The workers are ' +
      "this process's own while it holds the worker lock; otherwise those of the process that does, from the " +
      'heartbeat it writes beside the read models (workers.sqlite).',
  })
  @ApiOkResponse({ type: Readiness })
  @ApiServiceUnavailableResponse({
    description:
      'The event store is unreachable or too slow (code STORE_UNAVAILABLE); its file refused the last write and ' +
      'still refuses a probe write (STORAGE_FULL, STORAGE_READ_ONLY, STORAGE_FAILED, STORAGE_CORRUPT); a projection ' +
      'or process manager stopped (DEGRADED); the first catch-up or a rebuild has not reached the head yet ' +
      '(CATCHING_UP, with each worker position and the head); a read model was built from events the store no longer ' +
      'holds and is being rebuilt (READ_MODEL_DIVERGED); or no process runs the workers: none started, it stopped, ' +
      'or its heartbeat is stale (WORKERS_UNAVAILABLE).',
    content: { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
  })
  async ready(): Promise<Readiness> {
    // Before the head: a read model can only be past a head read after it if the store lost events.
    const checkpoints = this.workers.liveCheckpoints();
    // A StoreUnavailable or StorageFault thrown here becomes a 503 problem in ProblemDetailsFilter.
    await pingStore(this.store, this.config.eventStoreTimeoutMs);
    const head = await withStoreTimeout(this.store.headPosition(), this.config.eventStoreTimeoutMs, 'its head');
    const report = this.workers.report(head, checkpoints);
    const workers = report.workers.map(({ name, kind, state, position }) => ({ name, kind, state, position }));
    if (report.problem) throw new Degraded(report.problem.detail, report.problem.code, { head, workers });
    const runningIn = report.runningIn ?? { pid: 0, host: '', self: false };
    const history = this.history.report();
    const leadership = await this.workers.leadershipReport();
    return {
      status: 'ok',
      store: { kind: this.store.kind, status: 'up' },
      workers,
      runningIn,
      leadership: { ...leadership, leader: leadership.leader ? { ...leadership.leader } : null },
      history: { ...history, breaks: [...history.breaks] },
    };
  }
}
