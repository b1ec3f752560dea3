import type { Response } from 'superagent';
import type { EventStore } from '@app/event-store';
import { reportingScenario, seedReportingScenario } from '../../libs/read-models/src/export/reporting-scenario.fixture';

export { IDS } from '../../libs/read-models/src/export/reporting-scenario.fixture';

/**
 * Seeds the reporting scenario (the 永盛 → 永安 dissolution) as domain-shaped events. The
 * execution-started step is left out: it is the restructuring process manager's cue, and these
 * suites read the history, they do not re-run it.
 */
export function seedHistory(store: EventStore): Promise<void> {
  return seedReportingScenario(
    store,
    reportingScenario().filter((step) => step.type !== 'RestructuringExecutionStarted'),
  );
}

/** Supertest parser that keeps the raw bytes, so a test sees the BOM exactly as sent. */
export function rawBytes(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

export const BOM = [0xef, 0xbb, 0xbf];

/** Splits a BOM-prefixed CSV body into rows of cells (no quoted newlines in these fixtures). */
export function csvRows(body: Buffer): string[][] {
  return body
    .subarray(3)
    .toString('utf8')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}
