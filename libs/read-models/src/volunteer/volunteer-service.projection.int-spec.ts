import { MemoryEventStore, type JsonObject, type NewEvent, type RecordedEvent } from '@app/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { applyEvents } from '../projection/apply-events';
import { tablesOf } from '../projection/projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { statisticsProjection } from '../statistics/statistics.projection';
import { VolunteerQueries } from './volunteer-queries';
import { volunteerServiceProjection } from './volunteer-service.projection';

const ADMIN = { id: 'u-1', name: '管理员', role: 'admin' };
let n = 0;
const event = (type: string, data: JsonObject): NewEvent => {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      commandId: `c-${n}`,
      correlationId: `c-${n}`,
      causationId: `c-${n}`,
      actor: ADMIN,
      occurredAt: '2022-12-01T00:00:00.000Z',
      policyVersion: null,
    },
  };
};
const person = (memberId: string, branchId: string) => ({ memberId, name: `党员${memberId}`, branchId });
const activity = (activityId: string, on: string, kind: string, participants: ReturnType<typeof person>[]) =>
  event('VolunteerActivityRecorded', {
    teamId: 't1',
    activityId,
    on,
    kind,
    kindsVersion: 'xiaoyi-2022',
    title: '活动',
    place: '社区',
    organiser: '队长',
    participants,
    proposals: kind === 'advice' ? [{ memberId: 'm1', text: '建议' }] : [],
    at: '2022-12-01T00:00:00.000Z',
  });

async function project(store: MemoryEventStore, db: ReadModelDatabase): Promise<void> {
  for (const projection of [statisticsProjection, volunteerServiceProjection]) {
    const runner = new ProjectionRunner(store, db, projection, {});
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect(runner.status()).toMatchObject({ state: 'stopped', error: null });
  }
}

describe('volunteer-service projection', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  beforeEach(async () => {
    store = new MemoryEventStore();
    db = openReadModelDatabase(':memory:');
    await store.append(
      'volunteer-team-t1',
      [
        event('VolunteerTeamFormed', {
          teamId: 't1',
          name: '府中老干部志愿服务队',
          leadBranchId: 'b1',
          leader: person('m1', 'b1'),
          kindsVersion: 'xiaoyi-2022',
          at: '2022-06-28T00:00:00.000Z',
        }),
        event('VolunteerJoinedTeam', { teamId: 't1', ...person('m3', 'b2'), at: '2022-06-28T00:00:00.000Z' }),
        activity('a1', '2022-07-10', 'redLecture', [person('m1', 'b1'), person('m2', 'b1'), person('m3', 'b2')]),
        activity('a2', '2022-08-10', 'advice', [person('m1', 'b1'), person('m3', 'b2')]),
      ],
      { expectedRevision: 'noStream' },
    );
    await store.append(
      'demonstration-d1',
      [
        event('DemonstrationCampaignLaunched', {
          campaignId: 'd1',
          title: '2022年示范党支部创建',
          year: 2022,
          standardVersion: 'xiaoyi-2022',
          at: '2022-07-15T00:00:00.000Z',
        }),
        event('DemonstrationBranchDesignated', { campaignId: 'd1', branchId: 'b1', at: '2022-07-15T00:00:00.000Z' }),
      ],
      { expectedRevision: 'noStream' },
    );
    await project(store, db);
  });
  afterEach(() => db.close());

  it('counts one person-time per participation, by kind, month, team, branch and member', () => {
    const queries = new VolunteerQueries(db);
    const stats = queries.statistics({});
    expect(stats).toMatchObject({ teams: 1, activities: 2, personTimes: 5, volunteers: 3, proposals: 1 });
    const by = (rows: readonly { key: string; personTimes: number }[]) =>
      Object.fromEntries(rows.map((row) => [row.key, row.personTimes]));
    expect(by(stats.byKind)).toEqual({ redLecture: 3, advice: 2 });
    expect(by(stats.byMonth)).toEqual({ '2022-07': 3, '2022-08': 2 });
    expect(by(stats.byBranch)).toEqual({ b1: 3, b2: 2 });
    expect(by(stats.byMember)).toEqual({ m1: 2, m2: 1, m3: 2 });
    expect(queries.statistics({ from: '2022-08-01' }).personTimes).toBe(2);
    expect(queries.statistics({}, new Set(['b2'])).personTimes).toBe(2);
    expect(queries.memberHistory('m3').map((row) => row.kindName)).toEqual(['红色宣讲', '建言献策']);
    expect(queries.teams()).toEqual([
      expect.objectContaining({ teamId: 't1', members: 2, activities: 2, personTimes: 5 }),
    ]);
    expect(queries.demonstrationCampaigns()).toEqual([
      expect.objectContaining({ campaignId: 'd1', designated: 1, approved: 0 }),
    ]);
  });

  it('changes nothing when the same events are applied again', async () => {
    const tables = tablesOf(volunteerServiceProjection, 1);
    const dump = () => Object.values(tables).map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
    const before = dump();
    const recorded: RecordedEvent[] = await store.readAll();
    db.transaction(() => applyEvents(db, volunteerServiceProjection, tables, recorded))();
    expect(dump()).toEqual(before);
  });
});
