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
import { APP_CONFIG, EVENT_STORE, pingStore, WorkerStatusRegistry, type AppConfig } from '@app/application';
import { PROBLEM_JSON, ProblemDetails } from '../http/problem-details';
import { Degraded } from './degraded';

class StoreHealth {
  @ApiProperty({ example: 'sqlite', description: 'memory, sqlite or eventstoredb' })
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

class Readiness {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  readonly status!: 'ok';

  @ApiProperty()
  readonly store!: StoreHealth;

  @ApiProperty({ type: [WorkerHealth], description: 'Projections and process managers running in this process.' })
  readonly workers!: WorkerHealth[];
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
    private readonly workers: WorkerStatusRegistry,
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
    summary: 'The event store answers; send traffic here.',
    description: 'Answers within 5 s: the store ping is bounded by EVENTSTORE_TIMEOUT_MS (at most 4500 ms).',
  })
  @ApiOkResponse({ type: Readiness })
  @ApiServiceUnavailableResponse({
    description:
      'The event store is unreachable or too slow (code STORE_UNAVAILABLE); its file refused the last write and still refuses a probe write (STORAGE_FULL, STORAGE_READ_ONLY, STORAGE_FAILED, STORAGE_CORRUPT); or a projection or process manager stopped (code DEGRADED).',
    content: { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
  })
  async ready(): Promise<Readiness> {
    // A StoreUnavailable or StorageFault thrown here becomes a 503 problem in ProblemDetailsFilter.
    await pingStore(this.store, this.config.eventStoreTimeoutMs);
    const failed = this.workers.failed();
    if (failed.length > 0) {
      throw new Degraded(
        `Stopped on an event it could not handle: ${failed.map((w) => `${w.name} (${w.error ?? 'no reason given'})`).join('; ')}. Fix the cause and restart.`,
      );
    }
    const workers = this.workers.all().map(({ name, kind, state, position }) => ({ name, kind, state, position }));
    return { status: 'ok', store: { kind: this.store.kind, status: 'up' }, workers };
  }
}
