import { VolunteerActivityRecorded } from './volunteer.events';

/** Person-times (人次) by one key: each participation of an activity counts once. */
export type PersonTimes = Readonly<Record<string, number>>;

export interface VolunteerStatistics {
  readonly activities: number;
  readonly personTimes: number;
  readonly byMember: PersonTimes;
  readonly byTeam: PersonTimes;
  /** By the participant's branch on the day of the activity. */
  readonly byBranch: PersonTimes;
  readonly byKind: PersonTimes;
  /** By `YYYY-MM` of the activity's date. */
  readonly byMonth: PersonTimes;
  readonly proposals: number;
}

/**
 * Counts person-times from the activities recorded, in whatever order their events arrive: an
 * activity is keyed by its id (a copy of it counts once) and every total is a sum of
 * participations, so the totals by member, team, branch, kind and month each equal `personTimes`.
 */
export function volunteerStatistics(activities: Iterable<VolunteerActivityRecorded['data']>): VolunteerStatistics {
  const byId = new Map<string, VolunteerActivityRecorded['data']>();
  for (const activity of activities) if (!byId.has(activity.activityId)) byId.set(activity.activityId, activity);
  const byMember: Record<string, number> = {};
  const byTeam: Record<string, number> = {};
  const byBranch: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  const add = (table: Record<string, number>, key: string, n = 1) => {
    table[key] = (table[key] ?? 0) + n;
  };
  let personTimes = 0;
  let proposals = 0;
  for (const activity of byId.values()) {
    const n = activity.participants.length;
    personTimes += n;
    proposals += activity.proposals.length;
    add(byTeam, activity.teamId, n);
    add(byKind, activity.kind, n);
    add(byMonth, activity.on.slice(0, 7), n);
    for (const participant of activity.participants) {
      add(byMember, participant.memberId);
      add(byBranch, participant.branchId);
    }
  }
  return {
    activities: byId.size,
    personTimes,
    byMember: sorted(byMember),
    byTeam: sorted(byTeam),
    byBranch: sorted(byBranch),
    byKind: sorted(byKind),
    byMonth: sorted(byMonth),
    proposals,
  };
}

/** Keys in order, so the same activities give the same object whatever order they came in. */
function sorted(table: Record<string, number>): PersonTimes {
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
