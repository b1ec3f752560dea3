import { Module, type DynamicModule } from '@nestjs/common';
import {
  AppConfigModule,
  ElectionModule,
  EventStoreModule,
  LoggingModule,
  ReadModelsModule,
  RestructuringModule,
  type AppConfig,
} from '@app/application';
import { WorkerHeartbeat } from './worker-heartbeat';

/**
 * The background process: every projection and process manager runs here, whatever
 * BRANCHFLOW_IN_PROCESS_WORKERS says (that switch only tells the API whether to run them too).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot({ ...config, inProcessWorkers: true }),
        LoggingModule,
        EventStoreModule,
        ReadModelsModule,
        RestructuringModule,
        ElectionModule,
      ],
      providers: [WorkerHeartbeat],
    };
  }
}
