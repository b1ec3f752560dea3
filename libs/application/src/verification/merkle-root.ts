import { createHash } from 'node:crypto';

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
  let level = [...heads].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0)).map(leafOf);
  if (level.length === 0) return sha256('');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as string;
      const right = level[i + 1];
      next.push(right === undefined ? left : sha256(left + right));
    }
    level = next;
  }
  return level[0] as string;
}
