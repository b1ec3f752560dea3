/** Where progress goes: redrawn in place on a terminal, one line per phase otherwise. */
export interface ProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
}

export const stderrSink: ProgressSink = {
  get isTTY() {
    return process.stderr.isTTY === true;
  },
  write: (text) => void process.stderr.write(text),
};

const BAR_WIDTH = 24;
const REDRAW_EVERY_MS = 80;

/** What one phase did: commands sent, of which appended and replayed, and how long it took. */
export interface PhaseResult {
  readonly phase: string;
  readonly commands: number;
  readonly appended: number;
  readonly replayed: number;
  readonly seconds: number;
  readonly summary: string;
}

/**
 * The progress of one phase: a bar with counts while it runs (on a terminal), then one line
 * with what it did, e.g. `organisation  1,402 commands (1,402 new, 0 already recorded) 7.9 s`.
 */
export class PhaseProgress {
  private done = 0;
  private appended = 0;
  private replayed = 0;
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly sink: ProgressSink,
    readonly phase: string,
    private readonly total: number,
    private readonly now: () => number = () => Date.now(),
    private readonly width = 14,
  ) {
    this.started = now();
    this.draw(true);
  }

  /** One command answered: `replayed` when the API had recorded it before. */
  command(replayed: boolean): void {
    this.done += 1;
    if (replayed) this.replayed += 1;
    else this.appended += 1;
    this.draw(false);
  }

  /** A step that is not a command (a wait, a read). */
  step(): void {
    this.done += 1;
    this.draw(false);
  }

  finish(summary: string): PhaseResult {
    const seconds = (this.now() - this.started) / 1000;
    const commands = this.appended + this.replayed;
    const line =
      `${this.phase.padEnd(this.width)} ${summary}` +
      (commands > 0
        ? ` — ${fmt(commands)} commands (${fmt(this.appended)} new, ${fmt(this.replayed)} already recorded)`
        : '') +
      ` ${seconds.toFixed(1)} s`;
    this.sink.write(this.sink.isTTY ? `\r\x1b[K${line}\n` : `${line}\n`);
    return { phase: this.phase, commands, appended: this.appended, replayed: this.replayed, seconds, summary };
  }

  private draw(force: boolean): void {
    if (!this.sink.isTTY) return;
    const now = this.now();
    if (!force && now - this.lastDraw < REDRAW_EVERY_MS && this.done < this.total) return;
    this.lastDraw = now;
    const ratio = this.total > 0 ? Math.min(this.done / this.total, 1) : 0;
    const filled = Math.round(ratio * BAR_WIDTH);
    this.sink.write(
      `\r${this.phase.padEnd(this.width)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ` +
        `${fmt(this.done)}/${fmt(this.total)}\x1b[K`,
    );
  }
}

export const fmt = (n: number): string => n.toLocaleString('en');
