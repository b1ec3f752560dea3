import { Logger } from '@nestjs/common';

/** A Nest logger under `context` that appends structured fields to the line as JSON. */
export function processLogger(context: string) {
  const logger = new Logger(context);
  const line = (message: string, fields?: Record<string, unknown>): string =>
    fields === undefined ? message : `${message} ${JSON.stringify(fields)}`;
  return {
    log: (message: string, fields?: Record<string, unknown>) => logger.log(line(message, fields)),
    warn: (message: string, fields?: Record<string, unknown>) => logger.warn(line(message, fields)),
    error: (message: string, fields?: Record<string, unknown>) => logger.error(line(message, fields)),
  };
}
