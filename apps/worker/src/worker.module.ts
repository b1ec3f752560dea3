import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfigModule, EventStoreModule, LoggingModule, type AppConfig } from '@app/application';
import { WorkerHeartbeat } from './worker-heartbeat';

/** The background process: projections and process managers will be registered here. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [AppConfigModule.forRoot(config), LoggingModule, EventStoreModule],
      providers: [WorkerHeartbeat],
    };
  }
}
