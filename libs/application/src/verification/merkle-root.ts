import { createHash } from 'node:crypto';
import { pauseIfBusy } from '@app/event-store';
import { sortInSlices } from '../scheduling/sort-in-slices';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** One stream's newest event: what a digest commits to. */
export interface StreamHead {
  readonly stream: string;
  readonly revision: number;
  readonly hash: string;
}

/** The leaf for one head; stream names cannot contain a newline, so the fields cannot run together. */
export function leafOf(head: StreamHead): string {
  return sha256(`${head.stream}\n${head.revision}\n${head.hash}`);
}

/**
 * A Merkle root over stream heads sorted by stream name: pairs hashed level by level, an odd
 * node carried up unchanged. Equal roots mean equal heads, and every head's hash covers its whole
 * stream through the chain, so one 64-character value vouches for the entire history.
 */
export function merkleRoot(heads: readonly StreamHead[]): string {
  let level = sortedByStream(heads).map(leafOf);
  if (level.length === 0) return sha256('');
  while (level.length > 1) level = nextLevel(level, 0, level.length);
  return level[0] as string;
}

/**
 * The same root, computed a slice at a time: a province has tens of thousands of streams, and
 * sorting and hashing them all in one go would hold the event loop for a hundred milliseconds.
 * `sorted`: the heads are already in stream order (sortHeadsInSlices).
 */
export async function merkleRootInSlices(heads: readonly StreamHead[], sorted = false): Promise<string> {
  const ordered = sorted ? heads : await sortHeadsInSlices(heads);
  let level: string[] = [];
  for (let start = 0; start < ordered.length; start += SLICE) {
    await pauseIfBusy();
    level.push(...ordered.slice(start, start + SLICE).map(leafOf));
  }
  if (level.length === 0) return sha256('');
  while (level.length > 1) {
    const next: string[] = [];
    // Pairs never straddle two slices: SLICE is even.
    for (let start = 0; start < level.length; start += SLICE) {
      await pauseIfBusy();
      next.push(...nextLevel(level, start, Math.min(level.length, start + SLICE)));
    }
    level = next;
  }
  return level[0] as string;
}

/** Stream heads in the order a digest lists and hashes them. */
export function sortHeadsInSlices(heads: readonly StreamHead[]): Promise<StreamHead[]> {
  return sortInSlices(heads, byStream);
}

const byStream = (a: StreamHead, b: StreamHead): number => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0);

/** Heads hashed per pause check. */
const SLICE = 512;

function sortedByStream(heads: readonly StreamHead[]): StreamHead[] {
  return [...heads].sort(byStream);
}

/** Hashes the pairs of level[from, to) (`from` even); an odd last node is carried up unchanged. */
function nextLevel(level: readonly string[], from: number, to: number): string[] {
  const next: string[] = [];
  for (let i = from; i < to; i += 2) {
    const left = level[i] as string;
    const right = i + 1 < to ? level[i + 1] : undefined;
    next.push(right === undefined ? left : sha256(left + right));
  }
  return next;
}
