import { pauseIfBusy } from '@app/event-store';

/** Items sorted or merged between two looks at the time slice. */
const CHUNK = 2048;

/**
 * A stable sort that lets the event loop turn (time-slice.ts): runs of CHUNK items are sorted,
 * then merged pairwise, pausing between chunks. For the tens of thousands of stream heads a
 * digest sorts, where one `Array.prototype.sort` would hold the loop for tens of milliseconds.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  let runs: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    await pauseIfBusy();
    runs.push(items.slice(start, start + CHUNK).sort(compare));
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const left = runs[i] as T[];
      const right = runs[i + 1];
      merged.push(right ? await merge(left, right, compare) : left);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

async function merge<T>(left: readonly T[], right: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  const out: T[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length || r < right.length) {
    if (out.length % CHUNK === 0) await pauseIfBusy();
    // Left first on ties: stable, as Array.prototype.sort.
    if (r >= right.length || (l < left.length && compare(left[l] as T, right[r] as T) <= 0)) out.push(left[l++] as T);
    else out.push(right[r++] as T);
  }
  return out;
}
