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
import { APP_CONFIG, EVENT_STORE, pingStore, type AppConfig } from '@app/application';
import { PROBLEM_JSON, ProblemDetails } from '../http/problem-details';

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

class Readiness {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  readonly status!: 'ok';

  @ApiProperty()
  readonly store!: StoreHealth;
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
    description: 'The event store is unreachable or too slow (code STORE_UNAVAILABLE).',
    content: { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
  })
  async ready(): Promise<Readiness> {
    // A StoreUnavailable thrown here becomes a 503 problem in ProblemDetailsFilter.
    await pingStore(this.store, this.config.eventStoreTimeoutMs);
    return { status: 'ok', store: { kind: this.store.kind, status: 'up' } };
  }
}
