/**
 * Property: person-times are the sum of participations, whatever order the activity events
 * arrive in (and a copy of an event counts once); each breakdown (member, team, branch, kind,
 * month) adds up to the same total.
 */
import fc from 'fast-check';
import { VolunteerActivityRecorded } from './volunteer.events';
import { volunteerStatistics } from './volunteer-statistics';
import { VOLUNTEER_KIND_LISTS } from './volunteer-kinds';

const kinds = VOLUNTEER_KIND_LISTS[0]!.kinds.map((kind) => kind.id);
const member = fc
  .integer({ min: 1, max: 30 })
  .map((n) => ({ memberId: `m-${n}`, name: `党员${n}`, branchId: `b-${n % 4}` }));
const activity = (index: number) =>
  fc
    .record({
      teamId: fc.constantFrom('t-1', 't-2', 't-3'),
      on: fc.date({ min: new Date('2022-01-01'), max: new Date('2022-12-31'), noInvalidDate: true }),
      kind: fc.constantFrom(...kinds),
      participants: fc.uniqueArray(member, { minLength: 1, maxLength: 12, selector: (m) => m.memberId }),
    })
    .map(({ teamId, on, kind, participants }): VolunteerActivityRecorded['data'] => ({
      teamId,
      activityId: `a-${index}`,
      on: on.toISOString().slice(0, 10),
      kind,
      kindsVersion: 'xiaoyi-2022',
      title: '活动',
      place: '社区',
      organiser: '队长',
      participants,
      proposals: [],
      at: '2023-01-01T00:00:00Z',
    }));
const activities = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activity(i))))
  .map((list) => list);

const sum = (table: Readonly<Record<string, number>>): number => Object.values(table).reduce((a, b) => a + b, 0);

describe('Volunteer statistics (property)', () => {
  it('person-times equal the participations, in any order and with repeats, every breakdown adding up', () => {
    fc.assert(
      fc.property(
        activities.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray([...list, ...list], { minLength: 2 * list.length })),
        ),
        ([list, arrived]) => {
          const participations = list.reduce((total, a) => total + a.participants.length, 0);
          const inOrder = volunteerStatistics(list);
          const shuffled = volunteerStatistics(arrived);
          expect(shuffled).toEqual(inOrder);
          expect(inOrder.personTimes).toBe(participations);
          expect(inOrder.activities).toBe(list.length);
          for (const table of [inOrder.byMember, inOrder.byTeam, inOrder.byBranch, inOrder.byKind, inOrder.byMonth]) {
            expect(sum(table)).toBe(participations);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
