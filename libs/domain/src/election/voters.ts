import { RulePolicy } from '../policy/rule-policy';
import { ElectionRollEntry } from './election.commands';
import { ElectionIn } from './election.state';

/** Why someone on or off the roll may or may not vote (选举工作条例 Art 5). */
export type VoterStanding = 'eligible' | 'concurrentPostHolder' | 'notOnRoll' | 'probationary' | 'rightsSuspended';

export function voterStanding(
  personId: string,
  roll: readonly ElectionRollEntry[],
  concurrent: ReadonlySet<string>,
  policy: Pick<RulePolicy, 'suspensionsWithoutVote'>,
): VoterStanding {
  if (concurrent.has(personId)) return 'concurrentPostHolder';
  const entry = roll.find((candidate) => candidate.memberId === personId);
  if (entry === undefined) return 'notOnRoll';
  if (entry.membership !== 'full') return 'probationary';
  if (entry.suspension !== null && policy.suspensionsWithoutVote.includes(entry.suspension)) return 'rightsSuspended';
  return 'eligible';
}

/** The refusal for each reason someone cannot be counted as a voter present. */
export const NOT_A_VOTER = {
  concurrentPostHolder: 'CONCURRENT_HOLDER_CANNOT_VOTE',
  notOnRoll: 'NON_MEMBER_CANNOT_VOTE',
  probationary: 'PROBATIONARY_CANNOT_VOTE',
  rightsSuspended: 'RIGHTS_SUSPENDED_CANNOT_VOTE',
} as const satisfies Readonly<Record<Exclude<VoterStanding, 'eligible'>, string>>;

/** A person the assembly could still elect: a full member of the branch with rights, not a concurrent holder, not yet elected. */
export function electableIn(
  state: ElectionIn<'assemblyOpen'>,
  policy: Pick<RulePolicy, 'suspensionsWithoutVote'>,
): (personId: string) => boolean {
  const concurrent = new Set(state.assembly.concurrentPostHolders.map((person) => person.personId));
  const elected = new Set(state.races.flatMap((race) => race.elected.map((person) => person.personId)));
  return (personId) =>
    !elected.has(personId) && voterStanding(personId, state.assembly.roll, concurrent, policy) === 'eligible';
}
