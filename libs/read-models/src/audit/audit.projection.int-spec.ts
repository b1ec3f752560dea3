import { MemoryEventStore, type JsonObject, type RecordedEvent } from '@app/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { IDS, seedReportingScenario } from '../export/reporting-scenario.fixture';
import { tablesOf } from '../projection/projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { AuditQueries } from './audit-queries';
import { auditProjection } from './audit.projection';

const dump = (db: ReadModelDatabase) =>
  auditProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());

async function project(store: MemoryEventStore, db: ReadModelDatabase, options = {}): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(store, db, auditProjection, options);
  runner.start();
  await runner.caughtUp();
  await runner.stop();
  expect(runner.status()).toMatchObject({ state: 'stopped', error: null });
  return runner;
}

describe('audit projection', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  let queries: AuditQueries;
  beforeEach(async () => {
    store = new MemoryEventStore();
    db = openReadModelDatabase(':memory:');
    await seedReportingScenario(store);
    await project(store, db);
    queries = new AuditQueries(db);
  });
  afterEach(() => db.close());

  it('records one row per event with its envelope, subjects and descriptions', async () => {
    const events = await store.readAll();
    const all = queries.events({}, { limit: 500 });
    expect(all.items.map((row) => row.position)).toEqual(events.map((event) => event.position));
    expect(all.next).toBeNull();

    const transfer = events.find((e) => e.type === 'MemberTransferred')!;
    expect(queries.event(transfer.id)).toEqual({
      position: transfer.position,
      eventId: transfer.id,
      stream: `member-${IDS.liQuanai}`,
      revision: 1,
      type: 'MemberTransferred',
      schemaVersion: 1,
      occurredAt: '2023-03-15T00:00:00.000Z',
      occurredOn: '2023-03-15',
      recordedAt: transfer.metadata.recordedAt,
      actorId: 'u-admin',
      actorName: '王主任',
      actorRole: 'admin',
      commandId: transfer.metadata.commandId,
      correlationId: transfer.metadata.correlationId,
      causationId: transfer.metadata.causationId,
      policyVersion: null,
      committeeId: null,
      branchId: IDS.yongan,
      fromBranchId: IDS.yongsheng,
      memberId: IDS.liQuanai,
      restructuringId: IDS.restructuring,
      descriptionZh: '党员李全爱的组织关系由永盛社区离退休干部党支部转入永安社区离退休干部党支部',
      descriptionEn: 'Member 李全爱 transferred from 永盛社区离退休干部党支部 to 永安社区离退休干部党支部',
      branchIds: [IDS.yongan, IDS.yongsheng].sort(),
      hash: transfer.metadata.hash,
      data: transfer.data,
    });
  });

  it('names things as they were called when the event happened', () => {
    const rows = queries.events({ branchId: IDS.yongan }, { limit: 500 }).items;
    const renamed = rows.find((row) => row.type === 'BranchRenamed')!;
    expect(renamed.descriptionZh).toBe('永安社区离退休干部党支部更名为永安社区第一离退休干部党支部');
    const established = rows.find((row) => row.type === 'BranchEstablished')!;
    expect(established).toMatchObject({
      descriptionZh: '新设立永安社区离退休干部党支部，隶属孝义市离退休干部党委',
      policyVersion: 'policy-2022',
      committeeId: IDS.committee,
    });
  });

  it('gives an event of an unknown type a generic line and still files it under its branch', () => {
    const [unknown] = queries.events({ types: ['SomethingNewHappened'] }, { limit: 10 }).items;
    expect(unknown).toMatchObject({
      branchId: IDS.fuqian,
      descriptionZh: '记录事件 SomethingNewHappened（audit-fixture-1）',
      descriptionEn: 'Event SomethingNewHappened recorded on audit-fixture-1',
    });
  });

  it('filters by branch (either side of a transfer), member, actor, type and business dates', () => {
    const types = (filter: Parameters<AuditQueries['events']>[0]) =>
      queries.events(filter, { limit: 500 }).items.map((row) => row.type);
    expect(types({ branchId: IDS.yongsheng })).toEqual([
      'BranchEstablished',
      'MemberAdmitted',
      'MemberAdmitted',
      'PostAssigned',
      'MemberConfirmed',
      'RestructuringProposed',
      'RestructuringExecutionStarted',
      'MemberTransferred',
      'MemberTransferred',
      'PostVacated',
      'BranchDissolved',
    ]);
    expect(types({ memberId: IDS.liQuanai })).toEqual([
      'MemberAdmitted',
      'PostAssigned',
      'MemberTransferred',
      'PostVacated',
    ]);
    expect(types({ actorId: 'u-clerk' })).toEqual(['MemberConfirmed', 'MemberLeft', 'PostVacated']);
    expect(types({ types: ['MemberLeft', 'BranchDissolved'] })).toEqual(['BranchDissolved', 'MemberLeft']);
    expect(types({ from: '2023-03-15', to: '2023-03-15' })).toEqual([
      'RestructuringExecutionStarted',
      'MemberTransferred',
      'MemberTransferred',
      'PostVacated',
      'BranchDissolved',
      'RestructuringCompleted',
    ]);
    expect(types({ branchId: IDS.yongsheng, memberId: IDS.wangXiuying, from: '2023-01-01' })).toEqual([
      'MemberTransferred',
    ]);
  });

  it('pages by position with no duplicates and no gaps, for any page size', () => {
    const everything = queries.events({ branchId: IDS.yongan }, { limit: 500 }).items.map((row) => row.position);
    for (const limit of [1, 2, 3, 7]) {
      const seen: number[] = [];
      let after: number | undefined;
      for (;;) {
        const page = queries.events({ branchId: IDS.yongan }, { after, limit });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((row) => row.position));
        if (page.next === null) break;
        after = page.next;
      }
      expect(seen).toEqual(everything);
    }
  });

  it('shows a stream history in revision order', () => {
    const history = queries.stream(`restructuring-${IDS.restructuring}`, { limit: 10 }).items;
    expect(history.map((row) => [row.revision, row.type])).toEqual([
      [0, 'RestructuringProposed'],
      [1, 'RestructuringApproved'],
      [2, 'RestructuringExecutionStarted'],
      [3, 'RestructuringCompleted'],
    ]);
    expect(history[1]!.descriptionZh).toBe(
      '撤销支部方案获批准（批准单位：孝义市委老干部局，文号：孝老干发〔2023〕5号）',
    );
  });

  it('feeds changes after a checkpoint, exactly the later ones', () => {
    const all = queries.changes(undefined, 1000).items;
    const middle = all[10]!.checkpoint;
    const rest = queries.changes(middle, 1000).items;
    expect(rest.map((line) => line.position)).toEqual(all.slice(11).map((line) => line.position));
    expect(rest[0]).toMatchObject({ change: { entity: expect.any(String), summary: { zh: expect.any(String) } } });
  });

  it('applying every event a second time, even in reverse order, changes nothing', async () => {
    const before = dump(db);
    const tables = tablesOf(auditProjection, 1);
    const events = await store.readAll();
    for (const recorded of events) auditProjection.apply(db, recorded, tables);
    for (const recorded of [...events].reverse()) auditProjection.apply(db, recorded, tables);
    expect(dump(db)).toEqual(before);
  });

  it('a rebuild beside the live tables equals the incrementally maintained rows', async () => {
    const before = dump(db);
    await project(store, db, { fresh: true });
    expect(dump(db)).toEqual(before);
  });

  it('after a rolled-back batch, names come from the table again, not from what the rollback undid', () => {
    const fresh = openReadModelDatabase(':memory:');
    const t = tablesOf(auditProjection, 1);
    auditProjection.createTables(fresh, t);
    const at = (position: number, type: string, data: JsonObject): RecordedEvent => ({
      id: `e${position}`,
      type,
      schemaVersion: 1,
      data,
      stream: 'branch-b1',
      revision: position - 1,
      position,
      metadata: {
        commandId: `c${position}`,
        correlationId: `c${position}`,
        causationId: `c${position}`,
        actor: { id: 'u1', name: '王主任', role: 'admin' },
        occurredAt: '2022-03-01T00:00:00.000Z',
        recordedAt: '2022-03-01T00:00:00.000Z',
        policyVersion: null,
        prevHash: `h${position - 1}`,
        hash: `h${position}`,
      },
    });
    try {
      const apply = (event: RecordedEvent) => auditProjection.apply(fresh, event, t);
      fresh.transaction(() => apply(at(1, 'BranchEstablished', { branchId: 'b1', name: '东关支部' })))();
      expect(() =>
        fresh.transaction(() => {
          apply(at(2, 'BranchRenamed', { branchId: 'b1', previousName: '东关支部', name: '新东关支部' }));
          throw new Error('the batch fails');
        })(),
      ).toThrow('the batch fails');
      auditProjection.discardMemory?.(fresh, t);

      fresh.transaction(() => apply(at(2, 'BranchDissolved', { branchId: 'b1', reason: 'merged' })))();
      const row = fresh.prepare(`SELECT description_zh FROM ${t.audit_events} WHERE position = 2`).get();
      expect(row).toEqual({ description_zh: '撤销东关支部（原因：merged）' });
    } finally {
      fresh.close();
    }
  });
});
