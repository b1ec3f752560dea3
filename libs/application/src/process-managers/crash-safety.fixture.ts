/**
 * Test support for the process managers' crash tests: waiting on a runner, and stopping a
 * process after the Nth step it takes. Not exported.
 */
import type { RunnerStatus } from '@app/read-models';
import type { ProcessManagerRunner } from './process-manager-runner';

/** A test "process" whose organisation projection runs in-process. */
interface WithProjection {
  readonly projection: { status(): RunnerStatus };
}

/**
 * Resolves when `done()` holds, polling; fails early when the process manager or the projection
 * failed, late after `timeoutMs`.
 */
export async function waitUntil(
  done: () => Promise<boolean>,
  runner: ProcessManagerRunner,
  runtime: WithProjection,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return;
    const status = runner.status();
    if (status.state === 'failed') throw new Error(`The process manager failed: ${status.error ?? 'unknown'}`);
    const projection = runtime.projection.status();
    if (projection.state === 'failed') throw new Error(`The projection failed: ${projection.error ?? 'unknown'}`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

class SimulatedCrash extends Error {
  constructor(step: number) {
    super(`simulated crash after step ${step}`);
  }
}

export interface CrashRun<R extends { close(): Promise<void> }> {
  /** Each point is a count of distinct steps taken, across every incarnation, to crash after. */
  readonly points: readonly number[];
  /** Opens a new process on the same data. */
  open(): Promise<R>;
  /** Starts the process manager, calling `afterStep` after each step it takes. */
  start(runtime: R, afterStep: (stepKey: string) => void): ProcessManagerRunner;
}

/**
 * For each point, opens a new process, lets its process manager run until the point's step has
 * been taken, then "kills" it by throwing from that step (the runner fails, as a killed process
 * stops) and closes it. A step replayed by a later process is counted once.
 */
export async function crashAtEachPoint<R extends { close(): Promise<void> }>(run: CrashRun<R>): Promise<void> {
  const seen = new Set<string>();
  for (const point of run.points) {
    const runtime = await run.open();
    const runner = run.start(runtime, (stepKey) => {
      seen.add(stepKey);
      if (seen.size === point) throw new SimulatedCrash(point);
    });
    const deadline = Date.now() + 20_000;
    while (runner.status().state !== 'failed') {
      if (Date.now() > deadline) throw new Error(`No crash at step ${point}; runner is ${runner.status().state}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(runner.status().error).toContain(`simulated crash after step ${point}`);
    await runtime.close();
  }
}
