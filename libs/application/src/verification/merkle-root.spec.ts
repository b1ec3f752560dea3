import { createHash } from 'node:crypto';
import { leafOf, merkleRoot, merkleRootInSlices, type StreamHead } from './merkle-root';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const heads = (count: number): StreamHead[] =>
  Array.from({ length: count }, (_, i) => ({
    stream: `member-${(count - i) * 7919}`,
    revision: i % 5,
    hash: sha256(`h${i}`),
  }));

describe('merkle root', () => {
  it('is the pairwise hash of the leaves sorted by stream, an odd node carried up', () => {
    const three = heads(3);
    const sorted = [...three].sort((x, y) => (x.stream < y.stream ? -1 : 1)).map(leafOf);
    expect(merkleRoot([...three].reverse())).toBe(sha256(sha256(`${sorted[0]}${sorted[1]}`) + sorted[2]));
    expect(merkleRoot([])).toBe(sha256(''));
  });

  it.each([0, 1, 2, 3, 511, 512, 513, 1024, 1025, 3001])(
    'computed in slices gives the same root for %i heads',
    async (count) => {
      expect(await merkleRootInSlices(heads(count))).toBe(merkleRoot(heads(count)));
    },
  );
});
