import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/** One caller's hits on one route for one throttler. */
interface Window {
  /** When each counted hit leaves the window, oldest first (hits only ever join at the end). */
  expirations: number[];
  /** Index of the oldest hit still in the window: the ones before it have left. */
  oldest: number;
  expiresAt: number;
  isBlocked: boolean;
  blockExpiresAt: number;
}

const SWEEP_MS = 60_000;

/**
 * The throttler's counts with the library's answers, at constant cost per request. The library's
 * own in-memory storage copies a caller's whole hit list on every request to drop the expired ones
 * (and spreads it into Math.min): at a limit of thousands per minute a busy caller's every write
 * paid for thousands of entries. Here hits join at the end and leave from the front, in the order
 * they expire (every hit of a window has the same ttl), so each request touches only the hits that
 * left since the last one.
 */
export class SlidingWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sweep: NodeJS.Timeout | null = null;

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const window = this.windowOf(`${throttlerName}\u0000${key}`, now, ttl);
    leave(window, now);
    let timeToExpire = seconds(window.expiresAt - now);
    if (timeToExpire <= 0) {
      window.expiresAt = now + ttl;
      timeToExpire = seconds(window.expiresAt - now);
    }
    if (blockDuration <= 0) {
      // As the library: refused hits are not counted, and the wait is until the oldest hit leaves.
      const isBlocked = count(window) >= limit;
      if (!isBlocked) window.expirations.push(now + ttl);
      const oldest = window.expirations[window.oldest];
      return Promise.resolve({
        totalHits: count(window) + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? (oldest === undefined ? timeToExpire : seconds(oldest - now)) : 0,
      });
    }
    if (!window.isBlocked) window.expirations.push(now + ttl);
    if (count(window) > limit && !window.isBlocked) {
      window.isBlocked = true;
      window.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = seconds(window.blockExpiresAt - now);
    if (timeToBlockExpire <= 0 && window.isBlocked) {
      // The block is over: the caller starts again with this hit alone.
      window.isBlocked = false;
      window.expirations = [now + ttl];
      window.oldest = 0;
    }
    return Promise.resolve({ totalHits: count(window), timeToExpire, isBlocked: window.isBlocked, timeToBlockExpire });
  }

  private windowOf(id: string, now: number, ttl: number): Window {
    let window = this.windows.get(id);
    if (!window) {
      window = { expirations: [], oldest: 0, expiresAt: now + ttl, isBlocked: false, blockExpiresAt: 0 };
      this.windows.set(id, window);
      this.startSweep();
    }
    return window;
  }

  /** Forgets callers with nothing left in their window, so the map does not grow with every caller ever seen. */
  private startSweep(): void {
    if (this.sweep) return;
    this.sweep = setInterval(() => {
      const now = Date.now();
      for (const [id, window] of this.windows) {
        leave(window, now);
        if (count(window) === 0 && !(window.isBlocked && window.blockExpiresAt > now) && window.expiresAt <= now) {
          this.windows.delete(id);
        }
      }
    }, SWEEP_MS);
    // Holds nothing worth keeping the process alive for.
    this.sweep.unref();
  }
}

function count(window: Window): number {
  return window.expirations.length - window.oldest;
}

/** Drops the hits that have left the window; the array is compacted once half of it is gone. */
function leave(window: Window, now: number): void {
  const { expirations } = window;
  while (window.oldest < expirations.length && (expirations[window.oldest] as number) <= now) window.oldest += 1;
  if (window.oldest > 64 && window.oldest * 2 > expirations.length) {
    window.expirations = expirations.slice(window.oldest);
    window.oldest = 0;
  }
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}
