import { Module, type DynamicModule } from '@nestjs/common';
import {
  AppConfigModule,
  ByElectionModule,
  ElectionModule,
  EventStoreModule,
  LoggingModule,
  ReadModelsModule,
  RestructuringModule,
  VerificationModule,
  type AppConfig,
} from '@app/application';
import { WorkerHeartbeat } from './worker-heartbeat';

/**
 * The background process: every projection, process manager and timer (election deadlines,
 * history digests) runs here, whatever BRANCHFLOW_IN_PROCESS_WORKERS says (that switch only
 * tells the API whether to run them too) — while this process holds the worker lock; a second
 * worker on the same data directory stands by until the first stops (WorkerLeadership).
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
        ByElectionModule,
        VerificationModule,
      ],
      providers: [WorkerHeartbeat],
    };
  }
}
