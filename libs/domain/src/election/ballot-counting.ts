import { refuse } from '../shared/domain-error';
import { BallotPaper, Person } from './election.commands';
import { CandidateTally, CountOutcome, ElectedPerson, InvalidBallotReason, WriteInTally } from './election.events';
import { OpenRound } from './election.state';

export interface BallotTally {
  readonly valid: number;
  readonly invalid: number;
  readonly invalidByReason: Readonly<Record<InvalidBallotReason, number>>;
  readonly tallies: readonly CandidateTally[];
  readonly writeIns: readonly WriteInTally[];
}

/**
 * Reads the returned papers of one round (RULES §1.4 Art 25, §1.5): an unmarked candidate is an
 * abstention; a write-in (另选他人) stands only beside a vote against; a paper naming more people
 * than there are seats is invalid. A mark for someone not on the ballot cannot be on a printed
 * paper, so it is a data-entry error and the command is refused.
 */
export function tallyBallots(round: OpenRound, ballots: readonly BallotPaper[]): BallotTally {
  const candidateIds = new Set(round.candidates.map((candidate) => candidate.personId));
  const invalidByReason: Record<InvalidBallotReason, number> = {
    spoiled: 0,
    tooManyNames: 0,
    writeInWithoutAgainst: 0,
    writeInIsCandidate: 0,
    duplicateName: 0,
  };
  const tallies = new Map<string, { for: number; against: number; abstain: number }>(
    round.candidates.map((candidate) => [candidate.personId, { for: 0, against: 0, abstain: 0 }]),
  );
  const writeIns = new Map<string, WriteInTally>();
  let valid = 0;

  ballots.forEach((ballot, index) => {
    const named = [...Object.keys(ballot.marks), ...(ballot.writeIns ?? []).map((writeIn) => writeIn.beside)];
    const stranger = named.find((personId) => !candidateIds.has(personId));
    if (stranger !== undefined) {
      throw refuse('UNKNOWN_CANDIDATE_ON_BALLOT', { ballot: index + 1, personId: stranger, roundNo: round.roundNo });
    }
    const reason = invalidReason(ballot, candidateIds, round.seats);
    if (reason !== null) {
      invalidByReason[reason] += 1;
      return;
    }
    valid += 1;
    for (const candidate of round.candidates) {
      const tally = tallies.get(candidate.personId);
      if (tally !== undefined) tally[ballot.marks[candidate.personId] ?? 'abstain'] += 1;
    }
    for (const { person } of ballot.writeIns ?? []) {
      const current = writeIns.get(person.personId);
      writeIns.set(person.personId, {
        personId: person.personId,
        name: current?.name ?? person.name,
        votes: (current?.votes ?? 0) + 1,
      });
    }
  });

  const invalidCount = Object.values(invalidByReason).reduce((sum, count) => sum + count, 0);
  return {
    valid,
    invalid: invalidCount,
    invalidByReason,
    tallies: round.candidates.map((candidate) => ({
      personId: candidate.personId,
      name: candidate.name,
      ...(tallies.get(candidate.personId) ?? { for: 0, against: 0, abstain: 0 }),
    })),
    writeIns: [...writeIns.values()],
  };
}

function invalidReason(
  ballot: BallotPaper,
  candidateIds: ReadonlySet<string>,
  seats: number,
): InvalidBallotReason | null {
  if (ballot.spoiled === true) return 'spoiled';
  const writeIns = ballot.writeIns ?? [];
  const besides = writeIns.map((writeIn) => writeIn.beside);
  if (
    writeIns.some((writeIn) => ballot.marks[writeIn.beside] !== 'against') ||
    new Set(besides).size !== besides.length
  ) {
    return 'writeInWithoutAgainst';
  }
  if (writeIns.some((writeIn) => candidateIds.has(writeIn.person.personId))) return 'writeInIsCandidate';
  const writtenIds = writeIns.map((writeIn) => writeIn.person.personId);
  if (new Set(writtenIds).size !== writtenIds.length) return 'duplicateName';
  const votedFor = Object.values(ballot.marks).filter((mark) => mark === 'for').length + writeIns.length;
  return votedFor > seats ? 'tooManyNames' : null;
}

export interface CountInput {
  readonly round: OpenRound;
  readonly tallies: readonly CandidateTally[];
  readonly writeIns: readonly WriteInTally[];
  /** Votes for must exceed half of this (RULES §1.5). */
  readonly base: number;
  /** Whether a write-in person could be elected (a full member of the branch with rights, not yet elected). */
  readonly electable: (personId: string) => boolean;
}

export interface CountResult {
  readonly elected: readonly ElectedPerson[];
  readonly notElected: readonly WriteInTally[];
  readonly outcome: CountOutcome;
  readonly runoff: { readonly candidates: readonly Person[]; readonly seats: number } | null;
  readonly remainingSeats: number;
}

/**
 * Elected iff votes for > base / 2 (exactly half fails); the passers are ranked by votes and fill
 * the seats; a tie at the last seat sends the tied to a runoff for the seats left; too few passers
 * leave a shortfall (另行选举 or seats reduced). In a runoff among the tied, who all passed
 * already, the most votes win (RULES §1.5 "too many passers").
 */
export function countRound({ round, tallies, writeIns, base, electable }: CountInput): CountResult {
  const contenders: WriteInTally[] = [
    ...tallies.map((tally) => ({ personId: tally.personId, name: tally.name, votes: tally.for })),
    ...(round.kind === 'runoff' ? [] : writeIns.filter((writeIn) => electable(writeIn.personId))),
  ];
  const passers = contenders
    .filter((contender) => round.kind === 'runoff' || contender.votes * 2 > base)
    .map((contender, order) => ({ contender, order }))
    .sort((a, b) => b.contender.votes - a.contender.votes || a.order - b.order)
    .map(({ contender }) => contender);
  const seats = round.seats;
  let elected: WriteInTally[];
  let runoff: CountResult['runoff'] = null;
  if (passers.length <= seats) {
    elected = passers;
  } else {
    const cutoff = passers[seats - 1]?.votes ?? 0;
    const next = passers[seats]?.votes;
    if (next === cutoff) {
      elected = passers.filter((passer) => passer.votes > cutoff);
      const tied = passers.filter((passer) => passer.votes === cutoff);
      runoff = {
        candidates: tied.map(({ personId, name }) => ({ personId, name })),
        seats: seats - elected.length,
      };
    } else {
      elected = passers.slice(0, seats);
    }
  }
  const electedIds = new Set(elected.map((person) => person.personId));
  const remainingSeats = seats - elected.length;
  return {
    elected: elected.map((person) => ({ ...person, roundNo: round.roundNo })),
    notElected: contenders.filter((contender) => !electedIds.has(contender.personId)),
    outcome: runoff !== null ? 'runoff' : remainingSeats > 0 ? 'shortfall' : 'complete',
    runoff,
    remainingSeats,
  };
}
