import { Global, Module, type DynamicModule } from '@nestjs/common';
import { BusinessCalendar } from '../calendar/business-calendar';
import type { AppConfig } from './app-config';

/** Injection token of the validated AppConfig: `@Inject(APP_CONFIG) config: AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Where JSON log lines go: null means standard output. Tests give a stream to read what a
 * request would have logged.
 */
export const LOG_STREAM = Symbol('LOG_STREAM');

/**
 * Provides a config already loaded by the entry point: main loads it before Nest starts, so a
 * bad variable stops the boot with one clear line instead of a DI stack trace.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOG_STREAM, useValue: null },
        { provide: BusinessCalendar, useValue: new BusinessCalendar(config.timeZone) },
      ],
      exports: [APP_CONFIG, LOG_STREAM, BusinessCalendar],
    };
  }
}
