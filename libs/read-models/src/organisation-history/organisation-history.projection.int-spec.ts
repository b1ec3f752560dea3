import { MemoryEventStore, type NewEvent } from '@app/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { liveGeneration } from '../projection/generations';
import { tablesOf } from '../projection/projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { HISTORY_TABLES, organisationHistoryProjection } from './organisation-history.projection';
import type { OrganisationDiff, OrganisationDiffPage } from './organisation-diff';
import { OrganisationHistoryQueries } from './organisation-history.queries';
import { appendAll, ev, MERGE_DAY, mergeScenario } from './testing/history-events';

const sortRows = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

const dump = (db: ReadModelDatabase) =>
  Object.fromEntries(HISTORY_TABLES.map((table) => [table, sortRows(db.prepare(`SELECT * FROM ${table}`).all())]));

async function project(store: MemoryEventStore, db: ReadModelDatabase): Promise<void> {
  const runner = new ProjectionRunner(store, db, organisationHistoryProjection);
  runner.start();
  await runner.caughtUp();
  await runner.stop();
  expect(runner.status()).toMatchObject({ state: 'stopped', error: null });
}

const branchesIn = (tree: ReturnType<OrganisationHistoryQueries['tree']>) =>
  tree.committees.flatMap((c) => c.branches.map((b) => ({ id: b.branchId, name: b.name, ...b.members })));

const DIFF_LISTS = [
  'branchesCreated',
  'branchesDissolved',
  'branchesMerged',
  'branchesRenamed',
  'branchesReaffiliated',
  'membersMoved',
  'membersJoined',
  'membersLeft',
  'postsStarted',
  'postsEnded',
] as const;

/** One page larger than any history here: the whole diff, with `next` null (checked where it matters). */
const ALL = { limit: 100_000 };

const changesIn = (diff: OrganisationDiff): number => DIFF_LISTS.reduce((n, list) => n + diff[list].length, 0);

/** Every page of a diff, following `next` from the first. */
function diffPages(
  queries: OrganisationHistoryQueries,
  from: string,
  to: string,
  limit: number,
): OrganisationDiffPage[] {
  const pages = [queries.diff(from, to, { limit })];
  for (let next = pages[0]!.next; next !== null; next = pages[pages.length - 1]!.next) {
    pages.push(queries.diff(from, to, { after: next, limit }));
    if (pages.length > 10_000) throw new Error('The cursors do not end');
  }
  return pages;
}

describe('organisation-history projection', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  let queries: OrganisationHistoryQueries;
  beforeEach(() => {
    store = new MemoryEventStore();
    db = openReadModelDatabase(':memory:');
    queries = new OrganisationHistoryQueries(db);
  });
  afterEach(() => db.close());

  describe('after a merge', () => {
    beforeEach(async () => {
      await appendAll(store, mergeScenario());
      await project(store, db);
    });

    it('keeps versioned rows with business dates and positions', () => {
      const b1 = db
        .prepare(
          `SELECT name, status, change, valid_from, valid_to, from_position, to_position FROM history_branches WHERE branch_id = 'b1' ORDER BY from_position`,
        )
        .all() as { valid_to: string | null; to_position: number | null; from_position: number }[];
      expect(b1).toMatchObject([
        { name: '东城支部', status: 'open', change: 'established', valid_from: '2020-01-01', valid_to: '2022-05-01' },
        { name: '东城第一支部', status: 'open', change: 'renamed', valid_from: '2022-05-01', valid_to: MERGE_DAY },
        { name: '东城第一支部', status: 'dissolved', change: 'dissolved', valid_from: MERGE_DAY, valid_to: null },
      ]);
      // Each row closes at the position of the event that opened its successor.
      expect(b1[0]!.to_position).toBe(b1[1]!.from_position);
      expect(b1[1]!.to_position).toBe(b1[2]!.from_position);
      const m4 = db
        .prepare(
          `SELECT branch_id, membership, change, valid_from, valid_to, end_reason FROM history_affiliations WHERE member_id = 'm4' ORDER BY from_position`,
        )
        .all();
      expect(m4).toEqual([
        {
          branch_id: 'b1',
          membership: 'probationary',
          change: 'admitted',
          valid_from: '2020-02-01',
          valid_to: '2021-01-15',
          end_reason: 'confirmed',
        },
        {
          branch_id: 'b1',
          membership: 'full',
          change: 'confirmed',
          valid_from: '2021-01-15',
          valid_to: MERGE_DAY,
          end_reason: 'transferred',
        },
        {
          branch_id: 'b3',
          membership: 'full',
          change: 'transferred',
          valid_from: MERGE_DAY,
          valid_to: null,
          end_reason: null,
        },
      ]);
      expect(
        db
          .prepare(`SELECT valid_to, end_reason FROM history_affiliations WHERE member_id = 'm6' AND branch_id = 'b3'`)
          .get(),
      ).toEqual({
        valid_to: '2023-08-01',
        end_reason: 'left:death',
      });
    });

    it('the tree the day before shows the old branches, the day after the new one', () => {
      const before = queries.tree('2023-06-29');
      expect(before.committees).toHaveLength(1);
      expect(branchesIn(before)).toEqual([
        { id: 'b1', name: '东城第一支部', full: 4, probationary: 0 },
        { id: 'b2', name: '西城支部', full: 3, probationary: 0 },
      ]);
      const b1 = before.committees[0]!.branches[0]!;
      expect(b1.posts).toMatchObject([{ postId: 'p1', kind: 'secretary', holder: { personId: 'm1', name: '李全爱' } }]);
      expect(b1.shape).toEqual({
        belowMinimum: false,
        committeeRequired: false,
        electionRequired: false,
        overSize: false,
        policyVersion: '2022-10-22',
      });

      const after = queries.tree('2023-07-01');
      expect(branchesIn(after)).toEqual([{ id: 'b3', name: '东西城联合支部', full: 7, probationary: 0 }]);
      expect(after.committees[0]!.branches[0]!.posts).toEqual([]);
      expect(branchesIn(queries.tree('2023-08-01'))).toEqual([
        { id: 'b3', name: '东西城联合支部', full: 6, probationary: 0 },
      ]);
      // Before the rename, and before the confirmation.
      expect(branchesIn(queries.tree('2020-06-01'))).toEqual([
        { id: 'b1', name: '东城支部', full: 3, probationary: 1 },
        { id: 'b2', name: '西城支部', full: 3, probationary: 0 },
      ]);
      expect(queries.tree('2020-06-01').policyVersion).toBe('2018-10-28');
      expect(queries.tree('2019-12-31').totals).toEqual({ branches: 0, full: 0, probationary: 0 });
    });

    it('the diff across the merge lists exactly what changed', () => {
      const diff = queries.diff('2023-06-29', '2023-07-01', ALL);
      expect(diff).toEqual({
        from: '2023-06-29',
        to: '2023-07-01',
        branchesCreated: [
          { branchId: 'b3', name: '东西城联合支部', committeeId: 'c1', on: MERGE_DAY, restructuringId: 'r-merge-1' },
        ],
        branchesDissolved: [],
        branchesMerged: [
          { branchId: 'b1', name: '东城第一支部', on: MERGE_DAY, intoBranchId: 'b3', restructuringId: 'r-merge-1' },
          { branchId: 'b2', name: '西城支部', on: MERGE_DAY, intoBranchId: 'b3', restructuringId: 'r-merge-1' },
        ],
        branchesRenamed: [],
        branchesReaffiliated: [],
        membersMoved: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((memberId) =>
          expect.objectContaining({
            memberId,
            fromBranchId: Number(memberId.slice(1)) <= 4 ? 'b1' : 'b2',
            toBranchId: 'b3',
            on: MERGE_DAY,
            restructuringId: 'r-merge-1',
          }),
        ),
        membersJoined: [],
        membersLeft: [],
        postsStarted: [],
        postsEnded: [
          expect.objectContaining({ postId: 'p1', branchId: 'b1', on: MERGE_DAY, endReason: 'branchDissolved' }),
          expect.objectContaining({ postId: 'p2', branchId: 'b2', on: MERGE_DAY, endReason: 'branchDissolved' }),
        ],
        next: null,
      });
      expect(queries.diff('2023-06-29', '2023-07-01', { limit: 1 }).next).not.toBeNull();
      const earlier = queries.diff('2020-01-01', '2023-06-29', ALL);
      expect(earlier.branchesRenamed).toEqual([
        { branchId: 'b1', from: '东城支部', to: '东城第一支部', on: '2022-05-01' },
      ]);
      expect(earlier.membersJoined).toHaveLength(7);
      expect(earlier.postsStarted.map((p) => p.postId)).toEqual(['p1', 'p2']);
      expect(queries.diff('2023-07-01', '2023-12-31', ALL).membersLeft).toMatchObject([
        { memberId: 'm6', branchId: 'b3', reason: 'death' },
      ]);
    });

    it('gives the roll as of a date and a member’s history', () => {
      expect(queries.roll('b1', '2020-06-01')).toMatchObject({
        branch: { name: '东城支部', status: 'open' },
        counts: { full: 3, probationary: 1 },
      });
      expect(queries.roll('b1', '2023-07-01')).toMatchObject({ branch: { status: 'dissolved' }, members: [] });
      expect(queries.roll('b3', '2023-07-01')?.members).toHaveLength(7);
      expect(queries.roll('nope', '2023-07-01')).toBeNull();
      const history = queries.memberHistory('m1');
      expect(history?.affiliations.map((a) => [a.branchId, a.change, a.validFrom, a.validTo])).toEqual([
        ['b1', 'admitted', '2020-02-01', MERGE_DAY],
        ['b3', 'transferred', MERGE_DAY, null],
      ]);
      expect(history?.posts).toMatchObject([{ postId: 'p1', validFrom: '2020-03-01', validTo: MERGE_DAY }]);
      expect(queries.memberHistory('nobody')).toBeNull();
    });

    it('refuses malformed dates, a reversed range and a cursor it did not give', () => {
      expect(() => queries.tree('2023-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
      expect(() => queries.diff('2023-07-01', '2023-06-01', ALL)).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE_RANGE' }),
      );
      const forged = [
        'not-a-cursor',
        Buffer.from('[1,2,3]').toString('base64url'),
        Buffer.from(JSON.stringify(['2023-06-30', 5, 'branchesStolen', 'b1'])).toString('base64url'),
        Buffer.from(JSON.stringify(['2023-06-30', 1.5, 'postsEnded', 'p1'])).toString('base64url'),
      ];
      for (const after of forged) {
        expect(() => queries.diff('2020-01-01', '2023-12-31', { after, limit: 5 })).toThrow(
          expect.objectContaining({ code: 'INVALID_CURSOR', category: 'validation' }),
        );
      }
      // No unbounded or empty page: a caller that wants everything follows `next`.
      for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, null as unknown as number]) {
        expect(() => queries.diff('2020-01-01', '2023-12-31', { limit })).toThrow(
          expect.objectContaining({ code: 'INVALID_LIMIT', category: 'validation' }),
        );
      }
    });

    it('applying every event a second time, even in reverse order, changes nothing', async () => {
      const before = dump(db);
      const tables = tablesOf(organisationHistoryProjection, 1);
      const events = await store.readAll();
      db.transaction(() => {
        for (const recorded of events) organisationHistoryProjection.apply(db, recorded, tables);
        for (const recorded of [...events].reverse()) organisationHistoryProjection.apply(db, recorded, tables);
      })();
      expect(dump(db)).toEqual(before);
    });
  });

  it('pages a long diff: each page bounded, the cursors ending, and the pages together equal the whole diff', async () => {
    // Twelve years of one committee: every year a branch, five members, a post, a transfer, a
    // rename, a departure, many changes on one day, and a transfer recorded late and dated early.
    const events: [string, NewEvent][] = [['committee-c1', ev.committeeEstablished('c1', '老干部党委', '2010-01-01')]];
    for (let year = 2011; year <= 2022; year += 1) {
      const b = `b${year}`;
      const day = `${year}-03-01`;
      events.push([`branch-${b}`, ev.branchEstablished(b, `${year}年支部`, 'c1', day)]);
      for (let i = 1; i <= 5; i += 1) {
        events.push([`member-m${year}-${i}`, ev.memberAdmitted(`m${year}-${i}`, `党员${year}-${i}`, b, day)]);
      }
      const post = {
        postId: `p${year}`,
        kind: 'secretary',
        personId: `m${year}-1`,
        name: `党员${year}-1`,
        startDate: day,
      };
      events.push([`branch-${b}`, ev.postAssigned(b, post)]);
      if (year > 2011) {
        events.push([`member-m${year}-2`, ev.memberTransferred(`m${year}-2`, b, `b${year - 1}`, `${year}-09-01`)]);
        events.push([`branch-${b}`, ev.postVacated(b, post, `${year}-12-31`)]);
        events.push([
          `branch-b${year - 1}`,
          ev.branchRenamed(`b${year - 1}`, `${year - 1}年支部`, `${year - 1}年老支部`, `${year}-06-01`),
        ]);
      }
      events.push([`member-m${year}-3`, ev.memberLeft(`m${year}-3`, b, `${year}-11-11`)]);
    }
    events.push(['member-m2013-4', ev.memberTransferred('m2013-4', 'b2013', 'b2012', '2013-05-01')]);
    await appendAll(store, events);
    await project(store, db);

    const whole = queries.diff('2010-12-31', '2022-12-31', ALL);
    expect(whole.next).toBeNull();
    const total = changesIn(whole);
    expect(total).toBeGreaterThan(120);
    for (const limit of [1, 2, 7, 50, total - 1, total, total + 1]) {
      const pages = diffPages(queries, '2010-12-31', '2022-12-31', limit);
      expect(pages).toHaveLength(Math.max(1, Math.ceil(total / limit)));
      for (const page of pages.slice(0, -1)) expect(changesIn(page)).toBe(limit);
      expect(pages[pages.length - 1]!.next).toBeNull();
      for (const list of DIFF_LISTS) {
        expect(pages.flatMap((page) => page[list] as unknown[])).toEqual(whole[list]);
      }
      expect(pages.every((page) => page.from === '2010-12-31' && page.to === '2022-12-31')).toBe(true);
    }
    // Within a list the order stays the dates' order, the late early-dated transfer in its place.
    const moved = whole.membersMoved.map((m) => m.on);
    expect(moved).toEqual([...moved].sort());
    expect(whole.membersMoved.slice(0, 3)).toMatchObject([
      { memberId: 'm2012-2', on: '2012-09-01' },
      { memberId: 'm2013-4', on: '2013-05-01' },
      { memberId: 'm2013-2', on: '2013-09-01' },
    ]);
  });

  it('pages changes that share a date and a position one at a time: by kind of change, then by id, none lost or twice', async () => {
    await appendAll(store, [
      ['committee-c1', ev.committeeEstablished('c1', '党委', '2020-01-01')],
      ['branch-b0', ev.branchEstablished('b0', '老支部', 'c1', '2020-01-01')],
    ]);
    await project(store, db);
    // No handler today makes two listed changes at one event's position, but the order must stay
    // total whatever the tables hold (an event that starts several posts at once, say), so the
    // rows are written straight into the live generation: on one day, at one position, several
    // changes of each kind, with ids whose byte order (SQLite's) is neither their insertion order
    // nor a locale order (a, B, Z), and whose prefixes sort against the order of their kinds (so
    // only the kind in the cursor keeps a page from skipping or repeating the next kind's
    // changes); one change just before and one just after that position.
    const t = tablesOf(organisationHistoryProjection, 1);
    const day = '2023-06-30';
    const at = 1000;
    const ids = ['Z', 'a', 'B'];
    const branch = db.prepare(
      `INSERT INTO ${t.history_branches} (branch_id, name, committee_id, joint, status, change, valid_from, from_position)
       VALUES (?, ?, 'c1', 0, 'open', 'established', ?, ?)`,
    );
    const member = db.prepare(
      `INSERT INTO ${t.history_members} (member_id, name, sex, birth_date, joined_party_on, former_post_level, position)
       VALUES (?, ?, 'female', '1950-01-01', '1975-07-01', '科级', 0)`,
    );
    const affiliation = db.prepare(
      `INSERT INTO ${t.history_affiliations} (member_id, branch_id, membership, voting_suspended, change, end_reason,
         valid_from, valid_to, from_position, to_position)
       VALUES (?, 'b0', 'full', 0, 'admitted', ?, ?, ?, ?, ?)`,
    );
    const post = db.prepare(
      `INSERT INTO ${t.history_posts} (post_id, branch_id, kind, source, assigned_by, person_id, person_name,
         valid_from, valid_to, end_reason, from_position, to_position)
       VALUES (?, 'b0', 'committeeMember', 'elected', 'PostAssigned', 'x', '某', ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      member.run('y-early', '早');
      affiliation.run('y-early', null, day, null, at - 1, null);
      for (const id of ids) {
        branch.run(`z-${id}`, `支部${id}`, day, at);
        member.run(`y-${id}`, `入${id}`);
        affiliation.run(`y-${id}`, null, day, null, at, null);
        member.run(`x-${id}`, `离${id}`);
        affiliation.run(`x-${id}`, 'left:death', '2020-01-01', day, 10, at);
        post.run(`w-${id}`, day, null, null, at, null);
        post.run(`v-${id}`, '2020-01-01', day, 'termEnded', 10, at);
      }
      branch.run('z-late', '支部late', day, at + 1);
    })();

    const whole = queries.diff('2023-06-29', day, ALL);
    expect(whole.next).toBeNull();
    // What a one-change page holds, as `list:id`.
    const idOf = (list: string, change: Record<string, unknown>) =>
      list.startsWith('branches') ? change.branchId : list.startsWith('members') ? change.memberId : change.postId;
    const sequence = (page: OrganisationDiff): string[] =>
      DIFF_LISTS.flatMap((list) =>
        (page[list] as readonly Record<string, unknown>[]).map((change) => `${list}:${String(idOf(list, change))}`),
      );
    const pages = diffPages(queries, '2023-06-29', day, 1);
    expect(pages.map((page) => changesIn(page))).toEqual(pages.map(() => 1));
    // Position first, then the kind of change (the lists' order), then the id in byte order.
    const order = ['B', 'Z', 'a'];
    expect(pages.flatMap(sequence)).toEqual([
      'membersJoined:y-early',
      ...order.map((id) => `branchesCreated:z-${id}`),
      ...order.map((id) => `membersJoined:y-${id}`),
      ...order.map((id) => `membersLeft:x-${id}`),
      ...order.map((id) => `postsStarted:w-${id}`),
      ...order.map((id) => `postsEnded:v-${id}`),
      'branchesCreated:z-late',
    ]);
    for (const list of DIFF_LISTS) expect(pages.flatMap((page) => page[list] as unknown[])).toEqual(whole[list]);
    // Cut anywhere else inside the tie, the pages still put together into the whole diff.
    for (const limit of [2, 3, 5, 16, 17]) {
      const cut = diffPages(queries, '2023-06-29', day, limit);
      expect(cut).toHaveLength(Math.ceil(17 / limit));
      for (const list of DIFF_LISTS) expect(cut.flatMap((page) => page[list] as unknown[])).toEqual(whole[list]);
    }
  });

  it('clamps a late, earlier-dated change to the start of the row it supersedes', async () => {
    await appendAll(store, [
      ['committee-c1', ev.committeeEstablished('c1', '党委', '2020-01-01')],
      ['branch-b1', ev.branchEstablished('b1', '一支部', 'c1', '2020-01-01')],
      ['member-m1', ev.memberAdmitted('m1', '甲', 'b1', '2023-05-01', 'probationary')],
      // Recorded after the admission but dated before it.
      ['member-m1', ev.memberConfirmed('m1', 'b1', '2023-01-01')],
    ]);
    await project(store, db);
    expect(
      db
        .prepare(
          `SELECT membership, valid_from, valid_to FROM history_affiliations WHERE member_id = 'm1' ORDER BY from_position`,
        )
        .all(),
    ).toEqual([
      { membership: 'probationary', valid_from: '2023-05-01', valid_to: '2023-05-01' },
      { membership: 'full', valid_from: '2023-05-01', valid_to: null },
    ]);
    expect(branchesIn(queries.tree('2023-04-30'))).toEqual([{ id: 'b1', name: '一支部', full: 0, probationary: 0 }]);
    expect(branchesIn(queries.tree('2023-05-01'))).toEqual([{ id: 'b1', name: '一支部', full: 1, probationary: 0 }]);
  });

  it('shows a late, earlier-dated post change in a tree already asked for (remembered posts are never stale)', async () => {
    const secretary = { postId: 'p1', kind: 'secretary', personId: 'm1', name: '甲', startDate: '2021-01-01' };
    const deputy = { postId: 'p2', kind: 'deputySecretary', personId: 'm2', name: '乙', startDate: '2021-06-01' };
    const heads = new Map<string, number>();
    await appendAll(
      store,
      [
        ['committee-c1', ev.committeeEstablished('c1', '党委', '2020-01-01')],
        ['branch-b1', ev.branchEstablished('b1', '一支部', 'c1', '2020-01-01')],
        ['branch-b1', ev.postAssigned('b1', secretary)],
        ['branch-b1', ev.postAssigned('b1', deputy)],
      ],
      heads,
    );
    await project(store, db);
    const postsOn = (date: string) =>
      queries.tree(date).committees[0]!.branches[0]!.posts.map((post) => `${post.postId}:${post.holder.name}`);
    expect(postsOn('2021-07-01')).toEqual(['p1:甲', 'p2:乙']);
    expect(postsOn('2021-03-01')).toEqual(['p1:甲']);

    // Recorded now, dated before both dates asked: the versions already shown change in place.
    await appendAll(store, [['branch-b1', ev.postVacated('b1', secretary, '2021-02-01')]], heads);
    await project(store, db);
    expect(postsOn('2021-07-01')).toEqual(['p2:乙']);
    expect(postsOn('2021-03-01')).toEqual([]);
  });

  it('keeps branch counts equal to the roll on every date, even when changes arrive out of date order', async () => {
    const events: [string, NewEvent][] = [
      ['committee-c1', ev.committeeEstablished('c1', '党委', '2020-01-01')],
      ['branch-b1', ev.branchEstablished('b1', '一支部', 'c1', '2020-01-01')],
      ['branch-b2', ev.branchEstablished('b2', '二支部', 'c1', '2020-01-01')],
      ['member-m1', ev.memberAdmitted('m1', '甲', 'b1', '2021-03-01')],
      ['member-m2', ev.memberAdmitted('m2', '乙', 'b2', '2021-06-01', 'probationary')],
      ['member-m3', ev.memberAdmitted('m3', '丙', 'b2', '2022-01-01')],
      // Each recorded after later-dated changes in the same branches.
      ['member-m4', ev.memberAdmitted('m4', '丁', 'b2', '2021-01-01')],
      ['member-m1', ev.memberTransferred('m1', 'b1', 'b2', '2021-05-01')],
      ['member-m2', ev.memberConfirmed('m2', 'b2', '2021-09-01')],
      ['member-m4', ev.memberLeft('m4', 'b2', '2021-04-01')],
      ['member-m3', ev.memberTransferred('m3', 'b2', 'b1', '2021-12-01')],
      ['member-m1', ev.votingSuspended('m1', '2021-07-01')],
      ['member-m1', ev.votingRestored('m1', '2021-08-01')],
    ];
    await appendAll(store, events);
    await project(store, db);
    for (let month = 0; month < 36; month += 1) {
      const date = new Date(Date.UTC(2020, 11 + month, 1)).toISOString().slice(0, 10);
      for (const branch of queries.tree(date).committees[0]!.branches) {
        expect({ date, branch: branch.branchId, ...branch.members }).toEqual({
          date,
          branch: branch.branchId,
          ...queries.roll(branch.branchId, date)!.counts,
        });
      }
    }
    // m3 was transferred (dated 2021-12-01) before being admitted (2022-01-01): clamped to the admission.
    expect(queries.roll('b1', '2022-01-01')?.members.map((m) => m.memberId)).toEqual(['m3']);
  });

  it('forgets what a rolled-back batch left in its memory: going on gives the rows of a clean run', async () => {
    await appendAll(store, mergeScenario());
    const events = await store.readAll();
    const victim = events[Math.floor(events.length / 2)]!.position;
    let crashed = false;
    const crashingOnce: typeof organisationHistoryProjection = {
      ...organisationHistoryProjection,
      apply(database, event, tables) {
        organisationHistoryProjection.apply(database, event, tables);
        if (event.position === victim && !crashed) {
          crashed = true;
          throw new Error('crash after applying');
        }
      },
    };
    const first = new ProjectionRunner(store, db, crashingOnce);
    first.start();
    await expect(first.caughtUp()).rejects.toThrow('crash after applying');
    await first.stop();
    await project(store, db);

    const clean = openReadModelDatabase(':memory:');
    try {
      await project(store, clean);
      expect(dump(db)).toEqual(dump(clean));
    } finally {
      clean.close();
    }
  });

  it('a rebuilt generation equals the incrementally maintained one, and queries answer throughout the rebuild', async () => {
    const all = mergeScenario();
    const live = new ProjectionRunner(store, db, organisationHistoryProjection);
    live.start();
    const heads = new Map<string, number>();
    // Incrementally: the live runner applies events as they arrive, in small steps.
    for (let start = 0; start < all.length; start += 3) {
      const position = await appendAll(store, all.slice(start, start + 3), heads);
      await live.waitForPosition(position);
    }
    await live.stop();
    const incremental = dump(db);
    const treeBefore = queries.tree('2023-06-29');
    expect(liveGeneration(db, 'organisation-history')?.generation).toBe(1);

    const answers: unknown[] = [];
    const rebuild = new ProjectionRunner(store, db, organisationHistoryProjection, {
      fresh: true,
      batchSize: 4,
      onCommitted: (status) => {
        // Between batches the views still point at the live generation.
        if (status.state === 'catchingUp') answers.push(queries.tree('2023-06-29'));
      },
    });
    rebuild.start();
    await rebuild.caughtUp();
    await rebuild.stop();
    expect(answers.length).toBeGreaterThan(3);
    for (const answer of answers) expect(answer).toEqual(treeBefore);
    expect(liveGeneration(db, 'organisation-history')?.generation).toBe(2);
    expect(dump(db)).toEqual(incremental);
    const physical = tablesOf(organisationHistoryProjection, 1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = ?`).get(physical.history_branches)).toBeUndefined();
  });
});
