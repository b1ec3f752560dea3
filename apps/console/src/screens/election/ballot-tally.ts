/** How a ballot paper marks a candidate; an unmarked candidate counts as an abstention. */
export type Mark = 'for' | 'against' | 'abstain';

/**
 * Papers marked alike, entered once with their number: tellers sort the returned papers into
 * piles of the same marks and count each pile, so a round of fifty papers is a few lines.
 */
export interface PaperPile {
  readonly count: number;
  readonly marks: Readonly<Record<string, Mark>>;
  /** Torn, illegible or otherwise unreadable: counted as returned and invalid. */
  readonly spoiled: boolean;
}

export interface CandidateTotals {
  readonly personId: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
}

export interface RoundTotals {
  readonly issued: number;
  readonly returned: number;
  readonly valid: number;
  readonly invalid: number;
  /** Papers marking more names for than there are seats: invalid (RULES §1.4). */
  readonly tooManyNames: number;
  /** More papers returned than issued: the round is void and is voted again. */
  readonly overIssued: boolean;
  readonly candidates: readonly CandidateTotals[];
}

const votesFor = (pile: PaperPile): number => Object.values(pile.marks).filter((mark) => mark === 'for').length;

/** The totals the tellers check as they enter the piles, before anything is sent. */
export function roundTotals(
  piles: readonly PaperPile[],
  candidateIds: readonly string[],
  seats: number,
  issued: number,
): RoundTotals {
  let returned = 0;
  let spoiled = 0;
  let tooManyNames = 0;
  const counts = new Map(candidateIds.map((id) => [id, { for: 0, against: 0, abstain: 0 }]));
  for (const pile of piles) {
    const count = Number.isInteger(pile.count) && pile.count > 0 ? pile.count : 0;
    returned += count;
    if (pile.spoiled) {
      spoiled += count;
      continue;
    }
    if (votesFor(pile) > seats) {
      tooManyNames += count;
      continue;
    }
    for (const id of candidateIds) {
      const totals = counts.get(id)!;
      totals[pile.marks[id] ?? 'abstain'] += count;
    }
  }
  const invalid = spoiled + tooManyNames;
  return {
    issued,
    returned,
    valid: returned - invalid,
    invalid,
    tooManyNames,
    overIssued: returned > issued,
    candidates: candidateIds.map((personId) => ({ personId, ...counts.get(personId)! })),
  };
}

/** Every returned paper as the API records it: each pile's marks, as many times as it has papers. */
export function ballotPapers(piles: readonly PaperPile[]): { marks: Record<string, Mark>; spoiled?: boolean }[] {
  return piles.flatMap((pile) =>
    Array.from({ length: Number.isInteger(pile.count) && pile.count > 0 ? pile.count : 0 }, () =>
      pile.spoiled ? { marks: {}, spoiled: true } : { marks: { ...pile.marks } },
    ),
  );
}

/** The 4/5 quorum: present × denominator ≥ due × numerator (or >, when exactly the share does not count). */
export interface Quorum {
  readonly due: number;
  readonly present: number;
  readonly met: boolean;
  /** The fewest present voters that meet it. */
  readonly needed: number;
  readonly percent: number;
}

export function quorumOf(
  present: number,
  due: number,
  rule: { quorumNumerator: number; quorumDenominator: number; quorumInclusive: boolean },
): Quorum {
  const { quorumNumerator: numerator, quorumDenominator: denominator, quorumInclusive: inclusive } = rule;
  const meets = (n: number) => (inclusive ? n * denominator >= due * numerator : n * denominator > due * numerator);
  let needed = 0;
  while (needed < due && !meets(needed)) needed += 1;
  return {
    due,
    present,
    met: due > 0 && meets(present),
    needed,
    percent: due === 0 ? 0 : Math.round((present / due) * 1000) / 10,
  };
}

/** Votes for that elect: more than half of the base (due or present voters). */
export const votesToElect = (base: number): number => Math.floor(base / 2) + 1;
