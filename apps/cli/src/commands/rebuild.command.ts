import { join } from 'node:path';
import { PROJECTIONS, withStoreTimeout, type AppConfig } from '@app/application';
import {
  openReadModelDatabase,
  ProjectionRebuild,
  REBUILD_BATCH_SIZE,
  type ReadModelDatabase,
  type RebuiltGeneration,
  type SqlProjection,
} from '@app/read-models';
import type { CliCommand } from '../cli-context';
import { ExitCode } from '../exit-codes';

/** Where progress goes: redrawn in place on a terminal, a line every few seconds otherwise. */
export interface ProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
}

export interface RebuildDependencies {
  readonly projections: readonly SqlProjection[];
  readonly openDatabase: (config: AppConfig) => ReadModelDatabase;
  readonly progress: ProgressSink;
  readonly now: () => number;
  /** Events per transaction while rebuilding. */
  readonly batchSize: number;
}

const LINE_EVERY_MS = 5000;

const defaults: RebuildDependencies = {
  projections: PROJECTIONS,
  openDatabase: (config) =>
    openReadModelDatabase(join(config.dataDir, 'read-models.sqlite'), { cacheMb: config.readModelCacheMb }),
  progress: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) },
  now: () => Date.now(),
  batchSize: REBUILD_BATCH_SIZE,
};

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

/** Progress of a rebuild: events/s since the start and the time left at that rate. */
class ProgressLine {
  private applied = 0;
  private lastLine = 0;
  private drawn = false;
  private readonly started: number;

  constructor(
    private readonly name: string,
    /** The store's head when the rebuild started: what "done" means. */
    private readonly head: number,
    private readonly deps: Pick<RebuildDependencies, 'progress' | 'now'>,
  ) {
    this.started = deps.now();
    this.lastLine = this.started;
  }

  update(position: number, applied: number): void {
    this.applied += applied;
    const now = this.deps.now();
    const { progress } = this.deps;
    if (!progress.isTTY && now - this.lastLine < LINE_EVERY_MS) return;
    this.lastLine = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.applied / seconds;
    const percent = this.head > 0 ? Math.min(100, (position / this.head) * 100) : 100;
    const eta = rate > 0 ? Math.max(this.head - position, 0) / rate : Number.POSITIVE_INFINITY;
    const line =
      `${this.name}: ${this.applied.toLocaleString('en')} events (${percent.toFixed(1)}%), ` +
      `${Math.round(rate).toLocaleString('en')} events/s, ETA ${formatDuration(eta)}`;
    if (progress.isTTY) {
      progress.write(`\r${line}\x1b[K`);
      this.drawn = true;
    } else progress.write(`${line}\n`);
  }

  finish(): { applied: number; seconds: number } {
    if (this.drawn) this.deps.progress.write('\n');
    return { applied: this.applied, seconds: (this.deps.now() - this.started) / 1000 };
  }
}

/**
 * `rebuild <projection|all>`: rebuilds the projection (or all of them, in one pass over the log)
 * as a new generation of its tables beside the live one, then switches its views over in one
 * transaction; queries keep reading the old generation until then. A process that feeds the old
 * generation (an API or worker running in-process projections) goes on with the new one.
 */
export function createRebuildCommand(overrides: Partial<RebuildDependencies> = {}): CliCommand {
  const deps: RebuildDependencies = { ...defaults, ...overrides };
  const names = deps.projections.map((p) => p.name);
  return {
    name: 'rebuild',
    summary: `rebuild a read model (or all of them, in one pass over the log) beside the live one and switch over: rebuild <${[...names, 'all'].join('|')}>`,
    async run(args, { config, openStore, out, err }) {
      const [target, ...rest] = args;
      const chosen = target === 'all' ? deps.projections : deps.projections.filter((p) => p.name === target);
      if (target === undefined || rest.length > 0 || chosen.length === 0) {
        err(
          target === undefined || rest.length > 0
            ? `Usage: branchflow rebuild <${[...names, 'all'].join('|')}>`
            : `Unknown projection "${target}"; known: ${names.join(', ')}, or all.`,
        );
        return ExitCode.usage;
      }
      const store = await withStoreTimeout(openStore(config), config.eventStoreTimeoutMs, 'while opening');
      const db = deps.openDatabase(config);
      try {
        const head = (await store.headPosition()) ?? 0;
        const progress = new ProgressLine(target, head, deps);
        const rebuild = new ProjectionRebuild(store, db, chosen, {
          batchSize: deps.batchSize,
          onCommitted: (position, applied) => progress.update(position, applied),
        });
        let rebuilt: RebuiltGeneration[];
        try {
          rebuilt = await rebuild.run();
        } catch (error) {
          progress.finish();
          err(
            `rebuild of ${target} failed; the live generations are unchanged: ${error instanceof Error ? error.message : String(error)}`,
          );
          return ExitCode.failed;
        }
        const { applied, seconds } = progress.finish();
        const rate = Math.round(applied / Math.max(seconds, 0.001)).toLocaleString('en');
        for (const generation of rebuilt) {
          out(
            `rebuilt ${generation.name} v${generation.version}: generation ${generation.generation} is live at position ${
              generation.position ?? 'none'
            }; ${applied.toLocaleString('en')} events in ${seconds.toFixed(1)} s (${rate} events/s)`,
          );
        }
        return ExitCode.ok;
      } finally {
        db.close();
        await store.close();
      }
    },
  };
}

export const rebuildCommand = createRebuildCommand();
