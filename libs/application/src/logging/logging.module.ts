import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import type { DestinationStream } from 'pino';
import { APP_CONFIG, LOG_STREAM } from '../config/app-config.module';
import { assignRequestId } from './request-id';

/**
 * JSON logs through pino. In the API every line of a request carries its request id; in the
 * worker and the CLI, which have no HTTP, the same logger is used without the request part.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, LOG_STREAM],
      useFactory: (config: AppConfig, stream: DestinationStream | null) => {
        const options = {
          level: config.logLevel,
          genReqId: assignRequestId,
          // A client's mistake is worth a warning, our failure an error; both stand out from traffic.
          customLogLevel: (_req, res, error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          // Credentials must never reach a log aggregator.
          // Bodies and query values are never logged (they hold names and birth dates); the URL is
          // logged without its query string, which may carry the same.
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.query'],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: unknown; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url.split('?')[0],
            }),
          },
        } satisfies Options;
        return { pinoHttp: stream ? ([options, stream] as [Options, DestinationStream]) : options };
      },
    }),
  ],
  exports: [LoggerModule],
})
export class LoggingModule {}
