import { ElectionRollEntry } from './election.commands';
import { ElectionIn } from './election.state';

/** Why someone on or off the roll may or may not vote (选举工作条例 Art 5; RULES §5). */
export type VoterStanding = 'eligible' | 'concurrentPostHolder' | 'notOnRoll' | 'probationary' | 'rightsSuspended';

export function voterStanding(
  personId: string,
  roll: readonly ElectionRollEntry[],
  concurrent: ReadonlySet<string>,
): VoterStanding {
  if (concurrent.has(personId)) return 'concurrentPostHolder';
  const entry = roll.find((candidate) => candidate.memberId === personId);
  if (entry === undefined) return 'notOnRoll';
  if (entry.membership !== 'full') return 'probationary';
  if (entry.suspension !== null) return 'rightsSuspended';
  return 'eligible';
}

export const NOT_A_VOTER: Readonly<Record<Exclude<VoterStanding, 'eligible'>, { code: string; why: string }>> = {
  concurrentPostHolder: {
    code: 'CONCURRENT_HOLDER_CANNOT_VOTE',
    why: 'holds a concurrent or appointed post (交叉任职) on the branch, and such a holder never votes or counts to the quorum (RULES §5)',
  },
  notOnRoll: {
    code: 'NON_MEMBER_CANNOT_VOTE',
    why: 'is not on the roll of this branch, and only its own members vote (选举工作条例 Art 5; RULES §4.2)',
  },
  probationary: {
    code: 'PROBATIONARY_CANNOT_VOTE',
    why: 'is a probationary member, and probationary members have no vote (选举工作条例 Art 5)',
  },
  rightsSuspended: {
    code: 'RIGHTS_SUSPENDED_CANNOT_VOTE',
    why: 'has suspended rights (留党察看, 留置 or 逮捕), and has no vote while it lasts (选举工作条例 Art 5)',
  },
};

/** A person the assembly could still elect: a full member of the branch with rights, not a concurrent holder, not yet elected. */
export function electableIn(state: ElectionIn<'assemblyOpen'>): (personId: string) => boolean {
  const concurrent = new Set(state.assembly.concurrentPostHolders.map((person) => person.personId));
  const elected = new Set(state.races.flatMap((race) => race.elected.map((person) => person.personId)));
  return (personId) =>
    !elected.has(personId) && voterStanding(personId, state.assembly.roll, concurrent) === 'eligible';
}
