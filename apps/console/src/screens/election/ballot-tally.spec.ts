import { describe, expect, it } from '@jest/globals';
import { ballotPapers, quorumOf, roundTotals, votesToElect, type PaperPile } from './ballot-tally';

const pile = (count: number, marks: Record<string, 'for' | 'against' | 'abstain'>, spoiled = false): PaperPile => ({
  count,
  marks,
  spoiled,
});

describe('ballot piles', () => {
  it('totals the piles as typed: returned, valid, each candidate’s marks, unmarked as abstention', () => {
    const totals = roundTotals(
      [pile(4, { a: 'for', b: 'for', c: 'against' }), pile(3, { a: 'for', c: 'for' })],
      ['a', 'b', 'c'],
      2,
      7,
    );
    expect(totals).toMatchObject({ issued: 7, returned: 7, valid: 7, invalid: 0, overIssued: false });
    expect(totals.candidates).toEqual([
      { personId: 'a', for: 7, against: 0, abstain: 0 },
      { personId: 'b', for: 4, against: 0, abstain: 3 },
      { personId: 'c', for: 3, against: 4, abstain: 0 },
    ]);
  });

  it('counts spoiled papers and papers naming more than the seats as returned but invalid', () => {
    const totals = roundTotals(
      [pile(2, { a: 'for', b: 'for' }), pile(1, {}, true), pile(3, { a: 'for' })],
      ['a', 'b'],
      1,
      6,
    );
    expect(totals).toMatchObject({ returned: 6, valid: 3, invalid: 3, tooManyNames: 2 });
    expect(totals.candidates[0]).toEqual({ personId: 'a', for: 3, against: 0, abstain: 0 });
  });

  it('flags more papers returned than issued, and ignores counts that are not whole numbers', () => {
    expect(roundTotals([pile(8, { a: 'for' })], ['a'], 1, 7).overIssued).toBe(true);
    expect(roundTotals([pile(7, { a: 'for' })], ['a'], 1, 7).overIssued).toBe(false);
    expect(roundTotals([pile(-2, { a: 'for' }), pile(1.5, {})], ['a'], 1, 7).returned).toBe(0);
  });

  it('expands the piles into one paper each, as the API records them', () => {
    const papers = ballotPapers([pile(2, { a: 'for' }), pile(1, { a: 'against' }, true), pile(0, { a: 'for' })]);
    expect(papers).toEqual([{ marks: { a: 'for' } }, { marks: { a: 'for' } }, { marks: {}, spoiled: true }]);
  });
});

describe('quorum and majority', () => {
  const fourFifths = { quorumNumerator: 4, quorumDenominator: 5, quorumInclusive: true };

  it('meets 4/5 at exactly the share when the rule counts it, and says how many are needed', () => {
    expect(quorumOf(8, 10, fourFifths)).toMatchObject({ met: true, needed: 8, percent: 80 });
    expect(quorumOf(7, 10, fourFifths)).toMatchObject({ met: false, needed: 8 });
    expect(quorumOf(8, 10, { ...fourFifths, quorumInclusive: false })).toMatchObject({ met: false, needed: 9 });
    expect(quorumOf(7, 8, fourFifths)).toMatchObject({ met: true, needed: 7, percent: 87.5 });
    expect(quorumOf(0, 0, fourFifths).met).toBe(false);
  });

  it('elects with more than half of the base', () => {
    expect(votesToElect(8)).toBe(5);
    expect(votesToElect(7)).toBe(4);
  });
});
