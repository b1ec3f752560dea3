import type { Language } from '@app/domain';
import { ApiClient } from './http-client';
import { fmt, type ProgressSink } from './progress';
import type { PhaseOutcome } from './script-support';
import { runScript } from './xiaoyi-script';
import { DEMO_SEED, generateXiaoyiYear, type XiaoyiYear } from './xiaoyi-year';

export interface DemoOptions {
  readonly url: string;
  /** An administrator's token: every command is sent with it, and its name is the actor in the audit log. */
  readonly adminToken: string;
  /** An auditor's token, to count the history before and after (`GET /audit/verify`). */
  readonly auditorToken: string;
  readonly sink: ProgressSink;
  readonly seed?: number;
  readonly pollIntervalMs?: number;
  /** How long to wait for a process manager (restructuring, installation) to finish one piece of work. */
  readonly waitTimeoutMs?: number;
  /** The language the API's refusals are asked for (Accept-Language). */
  readonly language?: Language;
}

export interface HistoryCount {
  /** Events outside the digest streams: what the demo's commands and their process managers append. */
  readonly events: number;
  readonly merkleRoot: string;
  readonly verified: boolean;
}

export interface DemoReport {
  readonly year: XiaoyiYear;
  readonly phases: readonly PhaseOutcome[];
  readonly before: HistoryCount;
  readonly after: HistoryCount;
  readonly seconds: number;
  readonly requests: number;
  /** Phases the API could not run (an endpoint missing). */
  readonly skipped: readonly string[];
}

/** `METHOD /path` of every operation in the API's OpenAPI document (public, at /openapi.json). */
async function apiOperations(api: ApiClient): Promise<Set<string>> {
  const document = await api.get<{ paths?: Record<string, Record<string, unknown>> }>('/openapi.json');
  const operations = new Set<string>();
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const method of Object.keys(methods)) operations.add(`${method.toUpperCase()} ${path}`);
  }
  return operations;
}

export async function countHistory(auditor: ApiClient): Promise<HistoryCount> {
  const report = await auditor.get<{ ok: boolean; digest: { eventCount: number; merkleRoot: string } }>(
    '/audit/verify',
  );
  return { events: report.digest.eventCount, merkleRoot: report.digest.merkleRoot, verified: report.ok };
}

/**
 * Replays the Xiaoyi year through the public HTTP API at `url`. Every command carries an
 * Idempotency-Key derived from its place in the script: a second run sends the same keys, every
 * answer is a replay, and the history is unchanged (the report's before and after say so).
 */
export async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const started = Date.now();
  const year = generateXiaoyiYear(options.seed ?? DEMO_SEED);
  const admin = new ApiClient(options.url, options.adminToken, { language: options.language });
  const auditor = new ApiClient(options.url, options.auditorToken, { language: options.language });
  const operations = await apiOperations(admin);
  const before = await countHistory(auditor);
  options.sink.write(
    `Replaying the Xiaoyi year ${year.registeredOn.slice(0, 4)} through ${options.url} ` +
      `(seed ${year.seed}; the store holds ${fmt(before.events)} events)\n`,
  );
  const phases = await runScript({
    api: admin,
    year,
    sink: options.sink,
    operations,
    pollIntervalMs: options.pollIntervalMs ?? 100,
    waitTimeoutMs: options.waitTimeoutMs ?? 120_000,
  });
  const after = await countHistory(auditor);
  return {
    year,
    phases,
    before,
    after,
    seconds: (Date.now() - started) / 1000,
    requests: admin.requests + auditor.requests,
    skipped: phases.flatMap((phase) => ('skipped' in phase ? [`${phase.phase} (${phase.skipped})`] : [])),
  };
}
