import { invalid, refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
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
    throw invalid(
      'DUPLICATE_ROLL_ENTRY',
      `The roll snapshot lists a member twice; each member has one affiliation and one roll entry.`,
      {},
    );
  }
}

/** A document date that cannot precede the step it answers nor follow the day it is recorded. */
export function requireDateBetween(value: string, field: string, earliest: string, latest: string): string {
  const date = requireCalendarDate(value, field);
  const first = requireCalendarDate(earliest, field);
  if (date < first || date > latest) {
    throw invalid(
      'DATE_OUT_OF_ORDER',
      `The ${field} ${date} must fall between ${first} and ${latest}; a document cannot predate the step it answers or postdate its recording.`,
      { field, date, earliest: first, latest },
    );
  }
  return date;
}

function requireMotion(motion: Motion, voters: number, what: string): void {
  const parts = [motion.for, motion.against, motion.abstain];
  if (parts.some((part) => !Number.isInteger(part) || part < 0) || parts.reduce((a, b) => a + b, 0) > voters) {
    throw invalid(
      'MOTION_TALLY_INVALID',
      `The vote on ${what} (${motion.for} for, ${motion.against} against, ${motion.abstain} abstaining) is not a count of at most ${voters} voters present.`,
      { motion, voters },
    );
  }
}

/**
 * Whether a motion, once checked to be a real count of the voters present, won more than half of
 * `majorityOf` (those due to vote, or the whole committee): the bar every vote in RULES §1.5 sets.
 */
export function isCarried(motion: Motion, voters: number, what: string, majorityOf: number): boolean {
  requireMotion(motion, voters, what);
  return motion.for * 2 > majorityOf;
}

/** Refuses anyone but a full member of this branch with voting rights (选举工作条例 Art 5). */
export function requireEligibleNominee(person: Person, standing: MemberStanding | undefined, branchId: string): void {
  if (standing === undefined || standing.status !== 'active' || standing.branchId !== branchId) {
    throw refuse(
      'NOMINEE_NOT_MEMBER_OF_BRANCH',
      `${person.name} is not a member affiliated with this branch; only the branch's own members may be elected in it, never through a management link or a concurrent post (选举工作条例 Art 5; RULES §4.2).`,
      { personId: person.personId, standing: standing ?? null },
    );
  }
  if (standing.membership !== 'full') {
    throw refuse(
      'NOMINEE_NOT_FULL_MEMBER',
      `${person.name} is a probationary member, and probationary members have no right to be elected (选举工作条例 Art 5).`,
      { personId: person.personId },
    );
  }
  if (standing.suspension !== null) {
    throw refuse(
      'NOMINEE_RIGHTS_SUSPENDED',
      `${person.name}'s rights are suspended (${standing.suspension}), and a member under 留党察看, 留置 or 逮捕 cannot be elected while it lasts (选举工作条例 Art 5).`,
      { personId: person.personId, suspension: standing.suspension },
    );
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
    throw refuse(
      'POST_NOT_IN_ELECTION',
      `The approved request elects no ${race === 'committee' ? 'committee' : 'deputy secretary'}, so no one can be put forward for it (RULES Workflow A.3).`,
      { race },
    );
  }
}
