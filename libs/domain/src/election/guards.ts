import { RulePolicy } from '../policy/rule-policy';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
import { FieldLabel, MotionSubject } from '../shared/refusals';
import { ElectionRollEntry, MemberStanding, Motion, Person, Race } from './election.commands';

/** Committee candidates must exceed the seats by the differential share, rounded up (选举工作条例 Art 13). */
export function minimumCommitteeCandidates(seats: number, sharePercent: number): number {
  return seats + Math.ceil((seats * sharePercent) / 100);
}

export function personOf(person: { readonly personId: string; readonly name: string }): Person {
  return { personId: person.personId, name: requireText(person.name, 'person name', 'INVALID_NAME') };
}

export function requireUniqueRoll(roll: readonly ElectionRollEntry[]): void {
  const ids = roll.map((entry) => entry.memberId);
  if (new Set(ids).size !== ids.length) {
    throw refuse('DUPLICATE_ROLL_ENTRY', {});
  }
}

/** A document date that cannot precede the step it answers nor follow the day it is recorded. */
export function requireDateBetween(value: string, field: FieldLabel, earliest: string, latest: string): string {
  const date = requireCalendarDate(value, field);
  const first = requireCalendarDate(earliest, field);
  if (date < first || date > latest) {
    throw refuse('DATE_OUT_OF_ORDER', { field, date, earliest: first, latest });
  }
  return date;
}

function requireMotion(motion: Motion, voters: number, what: MotionSubject): void {
  const parts = [motion.for, motion.against, motion.abstain];
  if (parts.some((part) => !Number.isInteger(part) || part < 0) || parts.reduce((a, b) => a + b, 0) > voters) {
    throw refuse('MOTION_TALLY_INVALID', { motion, voters, what });
  }
}

/**
 * Whether a motion, once checked to be a real count of the voters present, won more than half of
 * `majorityOf` (those due to vote, or the whole committee): the bar every vote at the assembly sets.
 */
export function isCarried(motion: Motion, voters: number, what: MotionSubject, majorityOf: number): boolean {
  requireMotion(motion, voters, what);
  return motion.for * 2 > majorityOf;
}

/** Refuses anyone but a full member of this branch with voting rights (选举工作条例 Art 5). */
export function requireEligibleNominee(
  person: Person,
  standing: MemberStanding | undefined,
  branchId: string,
  policy: Pick<RulePolicy, 'suspensionsWithoutVote'>,
): void {
  if (standing === undefined || standing.status !== 'active' || standing.branchId !== branchId) {
    throw refuse('NOMINEE_NOT_MEMBER_OF_BRANCH', {
      personId: person.personId,
      name: person.name,
      standing: standing ?? null,
    });
  }
  if (standing.membership !== 'full') {
    throw refuse('NOMINEE_NOT_FULL_MEMBER', { personId: person.personId, name: person.name });
  }
  if (standing.suspension !== null && policy.suspensionsWithoutVote.includes(standing.suspension)) {
    throw refuse('NOMINEE_RIGHTS_SUSPENDED', {
      personId: person.personId,
      name: person.name,
      suspension: standing.suspension,
    });
  }
}

export function requirePostInElection(
  race: Race,
  state: { readonly request: { committee: boolean; deputySecretary: boolean } },
): void {
  if (
    (race === 'committee' && !state.request.committee) ||
    (race === 'deputySecretary' && !state.request.deputySecretary)
  ) {
    throw refuse('POST_NOT_IN_ELECTION', { race });
  }
}
