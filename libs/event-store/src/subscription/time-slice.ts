/**
 * Cooperative time slicing for long work on Node's one JavaScript thread.
 *
 * better-sqlite3 answers synchronously, so `await store.readAll(...)` resolves as a microtask
 * and a loop over the whole log (a catch-up, a verify, a digest) never lets the event loop turn:
 * no request, not even a liveness probe, is answered until it ends (12–13 s at 355k events).
 * Long work therefore calls `pauseIfBusy()` between small units of work. Every caller in the
 * process shares one slice per turn of the event loop: when the slice is used up, each of them
 * waits for the next turn, so however many catch-ups, verifications and process managers run at
 * once, a request waits at most about one slice plus one unit of work.
 *
 * Chosen over a worker thread by measurement (bench/responsiveness.bench.ts notes): at 355k
 * events, hashing takes ~2.8 s but copying the decoded events to a thread (structured clone)
 * ~5 s, and only the SQLite adapter could let a thread read the log itself; the projections and
 * process managers, which share this process's databases, could not move at all.
 */

/** Most milliseconds of background work per turn of the event loop. */
export const SLICE_MS = 10;

let sliceStartedAt = performance.now();
let nextTurn: Promise<void> | null = null;

/** Milliseconds left in this turn's slice (0 or less: time to pause). */
export function sliceLeft(): number {
  return SLICE_MS - (performance.now() - sliceStartedAt);
}

/**
 * Undefined while the slice has time left (no await needed, so a hot loop pays a clock read);
 * otherwise a promise that resolves on a later turn of the event loop, after pending I/O (HTTP
 * requests, timers) had its turn, with a fresh slice.
 */
export function pauseIfBusy(): Promise<void> | undefined {
  return sliceLeft() > 0 ? undefined : waitForFreshSlice();
}

async function waitForFreshSlice(): Promise<void> {
  // Several callers resumed by the same turn share its slice: the first to run uses it, the
  // others find it spent and wait for the next turn (setImmediate queued during the check phase
  // runs on the next iteration, after the poll phase has served I/O).
  do {
    nextTurn ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        nextTurn = null;
        sliceStartedAt = performance.now();
        resolve();
      }),
    );
    await nextTurn;
  } while (sliceLeft() <= 0);
}
