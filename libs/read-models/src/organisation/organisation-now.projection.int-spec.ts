import { MemoryEventStore, type NewEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { tablesOf } from '../projection/projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { organisationNowProjection } from './organisation-now.projection';
import { OrganisationQueries } from './organisation-queries';

const at = '2023-03-01T00:00:00.000Z';
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: { ...data, at },
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'a', name: 'A', role: 'admin' },
    occurredAt: at,
    policyVersion: null,
  },
});

const admitted = (memberId: string, branchId: string, membership = 'full') =>
  event('MemberAdmitted', {
    memberId,
    branchId,
    membership,
    name: `党员${memberId}`,
    sex: 'female',
    birthDate: '1960-01-01',
    joinedPartyOn: '1985-07-01',
    formerPostLevel: '科级',
  });

async function seed(store: MemoryEventStore): Promise<void> {
  await store.append(
    'committee-c1',
    [
      event('PartyCommitteeEstablished', {
        committeeId: 'c1',
        name: '离退休干部党委',
        kind: 'committee',
        parentCommitteeId: null,
      }),
    ],
    { expectedRevision: 'noStream' },
  );
  for (const b of ['b1', 'b2']) {
    await store.append(
      `branch-${b}`,
      [
        event('BranchEstablished', {
          branchId: b,
          name: `支部${b}`,
          parentCommitteeId: 'c1',
          joint: false,
          restructuringId: null,
        }),
      ],
      { expectedRevision: 'noStream' },
    );
  }
  await store.append('member-m1', [admitted('m1', 'b1')], { expectedRevision: 'noStream' });
  await store.append(
    'member-m2',
    [admitted('m2', 'b1', 'probationary'), event('MemberConfirmed', { memberId: 'm2', branchId: 'b1' })],
    { expectedRevision: 'noStream' },
  );
  await store.append(
    'member-m3',
    [admitted('m3', 'b1'), event('MemberTransferred', { memberId: 'm3', fromBranchId: 'b1', toBranchId: 'b2' })],
    { expectedRevision: 'noStream' },
  );
  await store.append(
    'member-m4',
    [
      admitted('m4', 'b2', 'probationary'),
      event('MemberLeft', { memberId: 'm4', branchId: 'b2', reason: 'death', leftOn: '2023-02-01' }),
    ],
    { expectedRevision: 'noStream' },
  );
  await store.append(
    'member-m5',
    [
      admitted('m5', 'b1'),
      event('VotingRightsSuspended', { memberId: 'm5', reason: 'probation', from: '2023-01-01' }),
      event('VotingRightsRestored', { memberId: 'm5', reason: 'probation', restoredOn: '2023-02-01' }),
    ],
    { expectedRevision: 'noStream' },
  );
  await store.append(
    'branch-b1',
    [
      event('PostAssigned', {
        branchId: 'b1',
        post: {
          postId: 'p1',
          kind: 'secretary',
          duty: null,
          source: 'elected',
          documentReference: null,
          holder: { personId: 'm1', name: '李全爱' },
          startDate: '2023-03-01',
        },
      }),
    ],
    { expectedRevision: 0 },
  );
  await store.append(
    'branch-b2',
    [event('BranchDissolved', { branchId: 'b2', reason: 'merged', decisionReference: null, restructuringId: null })],
    { expectedRevision: 0 },
  );
}

const dump = (db: ReadModelDatabase) =>
  ['committees', 'branches', 'members', 'posts'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());

describe('organisation-now projection', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  beforeEach(async () => {
    store = new MemoryEventStore();
    db = openReadModelDatabase(':memory:');
    await seed(store);
    const runner = new ProjectionRunner(store, db, organisationNowProjection);
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect(runner.status()).toMatchObject({ state: 'stopped', error: null });
  });
  afterEach(() => db.close());

  it('keeps each member in exactly one branch, with counts by standing', () => {
    const queries = new OrganisationQueries(db);
    expect(queries.memberCounts('b1')).toEqual({ full: 3, probationary: 0 });
    expect(queries.memberCounts('b2')).toEqual({ full: 1, probationary: 0 });
    expect(queries.roll()).toEqual([
      { memberId: 'm1', branchId: 'b1' },
      { memberId: 'm2', branchId: 'b1' },
      { memberId: 'm3', branchId: 'b2' },
      { memberId: 'm5', branchId: 'b1' },
    ]);
    expect(queries.posts('b1', { activeOnly: true })).toMatchObject([{ kind: 'secretary', personName: '李全爱' }]);
    expect(db.prepare(`SELECT status FROM branches WHERE branch_id = 'b2'`).get()).toEqual({ status: 'dissolved' });
  });

  it('applying every event a second time, even in reverse order, changes nothing', async () => {
    const before = dump(db);
    const tables = tablesOf(organisationNowProjection, 1);
    const events = await store.readAll();
    for (const recorded of events) organisationNowProjection.apply(db, recorded, tables);
    for (const recorded of events.reverse()) organisationNowProjection.apply(db, recorded, tables);
    expect(dump(db)).toEqual(before);
    expect(db.prepare(`SELECT voting_suspended FROM members WHERE member_id = 'm5'`).get()).toEqual({
      voting_suspended: 0,
    });
  });
});
