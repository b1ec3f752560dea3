import { MemoryEventStore } from '@app/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { IDS, seedReportingScenario } from '../export/reporting-scenario.fixture';
import { tablesOf } from '../projection/projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { toCsv } from '../export/csv';
import {
  ageBand,
  ageBy,
  ageOn,
  median,
  MEMBER_REPORT_CSV_COLUMNS,
  memberRowForReporter,
  REPORTER_MEMBER_REPORT_CSV_COLUMNS,
  StatisticsQueries,
  type MemberReportRow,
} from './statistics-queries';
import { statisticsProjection } from './statistics.projection';
import { electionStateAfter } from './workflow-states';
import type { ElectionCommand } from '@app/domain';
import { stateOf } from '@app/domain/election/election.fixtures';
import {
  appendElection,
  CANCELLED,
  committeeInstalled,
  electionEvents,
  SMALL_TO_OFFICERS_ELECTED,
} from '../election-board/testing/election-history';

const dump = (db: ReadModelDatabase) =>
  statisticsProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());

async function project(store: MemoryEventStore, db: ReadModelDatabase, options = {}): Promise<void> {
  const runner = new ProjectionRunner(store, db, statisticsProjection, options);
  runner.start();
  await runner.caughtUp();
  await runner.stop();
  expect(runner.status()).toMatchObject({ state: 'stopped', error: null });
}

describe('statistics projection', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  let queries: StatisticsQueries;
  beforeEach(async () => {
    store = new MemoryEventStore();
    db = openReadModelDatabase(':memory:');
    await seedReportingScenario(store);
    await project(store, db);
    queries = new StatisticsQueries(db);
  });
  afterEach(() => db.close());

  it('counts branches, members, committees, secretaries and restructurings', () => {
    expect(queries.statistics('2024-01-01', 'birthDate')).toEqual({
      asOf: '2024-01-01',
      branches: { open: 2, dissolved: 1, withCommittee: 1, withoutCommittee: 1 },
      members: { active: 4, full: 4, probationary: 0, left: 1 },
      // 永安's secretary 赵德明 (born 1950-03-08); 府前's secretary died, 永盛's branch closed.
      secretaries: { count: 1, withKnownAge: 1, youngestAge: 73, medianAge: 73, agesBy: 'birthDate' },
      restructurings: { proposed: 0, approved: 0, executing: 0, completed: 1, abandoned: 0 },
      elections: {},
    });
    expect(queries.statistics('2024-03-08', 'birthDate').secretaries.youngestAge).toBe(74);
  });

  it('lists restructurings with their kind, status and business days, paged by id, filtered by status and scope', () => {
    const completed = {
      restructuringId: IDS.restructuring,
      kind: 'dissolution',
      status: 'completed',
      proposedOn: '2023-03-01',
      statusSince: '2023-03-15',
    };
    expect(queries.restructurings({}, { limit: 10 })).toEqual({ items: [completed], next: null });
    expect(queries.restructurings({ status: 'completed' }, { limit: 10 }).items).toHaveLength(1);
    expect(queries.restructurings({ status: 'proposed' }, { limit: 10 }).items).toEqual([]);
    expect(queries.restructurings({ within: new Set() }, { limit: 10 }).items).toEqual([]);
    expect(queries.restructurings({ within: new Set([IDS.restructuring]) }, { limit: 10 }).items).toHaveLength(1);
    expect(queries.restructurings({}, { after: IDS.restructuring, limit: 10 }).items).toEqual([]);
  });

  it("reckons secretaries' ages by birth year when asked: the same on either side of a birthday", () => {
    for (const day of ['2024-01-01', '2024-03-07', '2024-03-08', '2024-12-31']) {
      expect(queries.statistics(day, 'birthYear').secretaries).toEqual({
        count: 1,
        withKnownAge: 1,
        youngestAge: 74,
        medianAge: 74,
        agesBy: 'birthYear',
      });
    }
    expect(queries.statistics('2025-01-01', 'birthYear').secretaries.youngestAge).toBe(75);
  });

  it('reports one row per branch with counts, committee and secretary', () => {
    const page = queries.branches({}, { limit: 100 });
    expect(page.next).toBeNull();
    expect(page.items).toEqual([
      {
        branchId: IDS.fuqian,
        name: '府前社区离退休干部党支部',
        committeeId: IDS.committee,
        committeeName: '孝义市离退休干部党委',
        joint: false,
        status: 'open',
        establishedOn: '2022-01-10',
        dissolvedOn: null,
        fullMembers: 0,
        probationaryMembers: 0,
        hasCommittee: false,
        secretaryId: null,
        secretaryName: null,
      },
      expect.objectContaining({
        branchId: IDS.yongan,
        name: '永安社区第一离退休干部党支部',
        fullMembers: 4,
        hasCommittee: true,
        secretaryId: IDS.zhaoDeming,
        secretaryName: '赵德明',
      }),
      expect.objectContaining({
        branchId: IDS.yongsheng,
        status: 'dissolved',
        dissolvedOn: '2023-03-15',
        fullMembers: 0,
        secretaryName: null,
      }),
    ]);
    expect(queries.branches({ status: 'dissolved' }, { limit: 100 }).items.map((b) => b.branchId)).toEqual([
      IDS.yongsheng,
    ]);
  });

  it('gives the member roll with branch names, paged by member id', () => {
    const first = queries.members({}, { limit: 3 }, '2024-01-01', 'birthDate');
    const second = queries.members({}, { after: first.next!, limit: 3 }, '2024-01-01', 'birthDate');
    expect(second.next).toBeNull();
    expect([...first.items, ...second.items].map((m) => m.memberId)).toEqual(
      [IDS.liQuanai, IDS.sunLi, IDS.wangXiuying, IDS.zhangJianguo, IDS.zhaoDeming].sort(),
    );
    expect(
      queries.members({ branchId: IDS.yongan, status: 'active' }, { limit: 10 }, '2024-01-01', 'birthDate').items,
    ).toContainEqual(
      expect.objectContaining({
        memberId: IDS.wangXiuying,
        name: '王秀英',
        membership: 'full',
        branchName: '永安社区第一离退休干部党支部',
        admittedOn: '2022-02-01',
        birthDate: '1952-09-30',
        ageBand: '70-74',
      }),
    );
    expect(queries.members({ status: 'left' }, { limit: 10 }, '2024-01-01', 'birthDate').items).toEqual([
      expect.objectContaining({ memberId: IDS.sunLi, leftOn: '2023-05-20', leftReason: 'death' }),
    ]);
  });

  it('applying every event a second time, even in reverse order, changes nothing', async () => {
    const before = dump(db);
    const tables = tablesOf(statisticsProjection, 1);
    const events = await store.readAll();
    for (const recorded of events) statisticsProjection.apply(db, recorded, tables);
    for (const recorded of [...events].reverse()) statisticsProjection.apply(db, recorded, tables);
    expect(dump(db)).toEqual(before);
  });

  it('a rebuild beside the live tables equals the incrementally maintained rows, and the report views follow it', async () => {
    const before = dump(db);
    const report = queries.branches({}, { limit: 100 });
    await project(store, db, { fresh: true });
    expect(dump(db)).toEqual(before);
    expect(queries.branches({}, { limit: 100 })).toEqual(report);
  });
});

describe('elections by state', () => {
  const paths: Record<string, readonly ElectionCommand[]> = {
    'e-installed': committeeInstalled(),
    'e-cancelled': CANCELLED,
    'e-small': SMALL_TO_OFFICERS_ELECTED,
  };

  it('moves each election through the state the domain folds to, step by step', async () => {
    const store = new MemoryEventStore();
    const db = openReadModelDatabase(':memory:');
    try {
      for (const [electionId, commands] of Object.entries(paths)) {
        let appended = 0;
        for (let n = 1; n <= commands.length; n += 1) {
          const events = electionEvents(commands.slice(0, n), { electionId, branchId: 'b1' });
          await appendElection(store, electionId, events.slice(appended));
          appended = events.length;
          await project(store, db);
          const row = db.prepare(`SELECT state FROM report_elections WHERE election_id = ?`).get(electionId) as
            { state: string } | undefined;
          expect([electionId, n, row?.state]).toEqual([electionId, n, stateOf(events).status]);
        }
      }
      expect(new StatisticsQueries(db).statistics('2024-01-01', 'birthDate').elections).toEqual({
        cancelled: 1,
        installed: 1,
        resultApproved: 1,
      });
    } finally {
      db.close();
    }
  });

  it('gives every election event a state change, and none to other types', () => {
    expect(electionStateAfter('CensusTaken', {})).toBe('censusTaken');
    expect(electionStateAfter('CandidateNominated', {})).toBeNull();
    expect(electionStateAfter('BallotsCounted', { race: 'committee', outcome: 'complete' })).toBe('committeeElected');
    expect(electionStateAfter('BallotsCounted', { race: 'committee', outcome: 'runoff' })).toBeNull();
    expect(electionStateAfter('BranchEstablished', {})).toBeNull();
  });
});

describe('ages', () => {
  it('counts full years, a birthday counting from its day', () => {
    expect(ageOn('1950-03-08', '2024-03-07')).toBe(73);
    expect(ageOn('1950-03-08', '2024-03-08')).toBe(74);
    expect(ageOn('1952-02-29', '2024-02-28')).toBe(71);
  });

  it('bands ages by five years from the birthday on, and tops them at 90+', () => {
    expect(ageBand('1950-03-08', '2024-03-07', 'birthDate')).toBe('70-74');
    expect(ageBand('1949-03-08', '2024-03-07', 'birthDate')).toBe('70-74');
    expect(ageBand('1949-03-08', '2024-03-08', 'birthDate')).toBe('75-79');
    expect(ageBand('1934-03-08', '2024-03-07', 'birthDate')).toBe('85-89');
    expect(ageBand('1934-03-08', '2024-03-08', 'birthDate')).toBe('90+');
    expect(ageBand('1920-01-01', '2024-03-08', 'birthDate')).toBe('90+');
    expect(ageBand('1966-01-01', '2024-03-08', 'birthDate')).toBe('55-59');
  });

  it('by birth year, an age and its band change on 1 January only, never on a birthday', () => {
    expect(ageBy('birthYear', '1949-03-08', '2024-01-01')).toBe(75);
    expect(ageBy('birthYear', '1949-03-08', '2024-12-31')).toBe(75);
    expect(ageBy('birthYear', '1949-03-08', '2023-12-31')).toBe(74);
    expect(ageBand('1949-03-08', '2024-03-07', 'birthYear')).toBe('75-79');
    expect(ageBand('1949-03-08', '2024-03-08', 'birthYear')).toBe('75-79');
    expect(ageBand('1949-12-31', '2023-12-31', 'birthYear')).toBe('70-74');
    expect(ageBand('1949-12-31', '2024-01-01', 'birthYear')).toBe('75-79');
    expect(ageBand('1934-12-31', '2024-01-01', 'birthYear')).toBe('90+');
    // Every birth date of one year gives the same band on every day of another.
    const bands = new Set<string>();
    for (let day = 0; day < 365; day += 1) {
      const date = new Date(Date.UTC(1946, 0, 1 + day)).toISOString().slice(0, 10);
      for (const asOf of ['2026-01-01', '2026-02-03', '2026-02-04', '2026-12-31']) {
        bands.add(`${asOf.slice(0, 4)}:${ageBand(date, asOf, 'birthYear')}`);
      }
    }
    expect([...bands]).toEqual(['2026:80-84']);
  });

  it("drops the birth date from a reporter's roll row and keeps everything else", () => {
    const row: MemberReportRow = {
      memberId: 'm1',
      name: '李全爱',
      sex: 'female',
      birthDate: '1948-05-01',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '科级',
      membership: 'full',
      votingSuspended: false,
      status: 'active',
      branchId: 'b1',
      branchName: '永盛社区离退休干部党支部',
      admittedOn: '2022-02-01',
      leftOn: null,
      leftReason: null,
      ageBand: '75-79',
    };
    const { birthDate: _birthDate, ...rest } = row;
    expect(memberRowForReporter(row)).toEqual(rest);
    // A field the allow-list does not know (a column added tomorrow) is not shown.
    expect(memberRowForReporter({ ...row, idNumber: '142301194805010022' } as MemberReportRow)).toEqual(rest);
  });

  it('shows a reporter a departure as death or other: never the expulsion, and moving out alike', () => {
    const left = (leftReason: string): MemberReportRow => ({
      memberId: 'm1',
      name: '李全爱',
      sex: 'female',
      birthDate: '1948-05-01',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '科级',
      membership: 'full',
      votingSuspended: false,
      status: 'left',
      branchId: 'b1',
      branchName: '永盛社区离退休干部党支部',
      admittedOn: '2022-02-01',
      leftOn: '2023-05-20',
      leftReason,
      ageBand: '75-79',
    });
    expect(
      ['death', 'movedOut', 'expelled', 'somethingNew'].map((r) => memberRowForReporter(left(r)).leftReason),
    ).toEqual(['death', 'other', 'other', 'other']);
    expect(REPORTER_MEMBER_REPORT_CSV_COLUMNS.map((column) => column.header)).toEqual(
      MEMBER_REPORT_CSV_COLUMNS.map((column) => column.header).filter((header) => header !== 'birth_date'),
    );
    expect(
      toCsv(REPORTER_MEMBER_REPORT_CSV_COLUMNS, [memberRowForReporter(left('expelled'))]).toString('utf8'),
    ).not.toMatch(/expelled|1948-05-01/);
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([70, 64, 80])).toBe(70);
    expect(median([70, 64, 80, 66])).toBe(68);
  });
});
