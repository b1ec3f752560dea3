/**
 * For tests of long work: runs `work` while a 1 ms timer ticks, and reports how often the timer
 * got to run and the longest stretch the event loop went without running it. Work that never
 * yields shows 0 ticks and a gap as long as the work.
 */
export async function watchEventLoop<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ticks: number; longestGapMs: number; elapsedMs: number }> {
  const started = performance.now();
  let last = started;
  let ticks = 0;
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks += 1;
  }, 1);
  try {
    const result = await work();
    const ended = performance.now();
    longestGapMs = Math.max(longestGapMs, ended - last);
    return { result, ticks, longestGapMs, elapsedMs: ended - started };
  } finally {
    clearInterval(timer);
  }
}
