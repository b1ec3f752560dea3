import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { bureauRoll, rollWorkbook, XLSX } from './workbook-fixtures';

// Workbooks are written, read and applied on a machine shared with other jobs.
jest.setTimeout(60_000);

/**
 * The bureau's workbook end to end over HTTP: a dry run records nothing, the apply records it,
 * the same workbook again records nothing, an edited copy records only the corrections, and the
 * tree and rolls read as the workbook says.
 */
describe('importing the bureau’s workbook', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  const send = (file: Buffer, query = '') =>
    request(http)
      .post(`/imports${query}`)
      .set('Content-Type', XLSX)
      .send(file)
      .expect((answer) => {
        if (answer.status === 400) console.log(answer.body);
      });

  it('dry-runs, applies, re-imports (nothing new), imports an edited copy (only the corrections), and reads as the workbook says', async () => {
    const roll = bureauRoll();
    const file = await rollWorkbook(roll);

    const dry = await send(file, '?asOf=2023-01-01').expect(200);
    expect(dry.body).toMatchObject({ applied: false, problemCount: 0, appendedEvents: 0, asOf: '2023-01-01' });
    expect(dry.body.sheets.map((s: { kind: string; rows: number }) => [s.kind, s.rows])).toEqual([
      ['committees', 2],
      ['branches', 3],
      ['members', 10],
      ['posts', 4],
    ]);
    expect(dry.body.summary).toEqual(
      expect.arrayContaining([
        { action: '新建党组织', count: 2 },
        { action: '新建支部', count: 3 },
        { action: '接收为正式党员', count: 9 },
        { action: '接收为预备党员', count: 1 },
        { action: '记载转正', count: 1 },
        { action: '任职', count: 4 },
      ]),
    );
    expect(dry.body.notes.join('')).toContain('住址或社区');
    expect(await eventCount()).toBe(0);

    const applied = await send(file, '?apply=true&asOf=2023-01-01').expect(200);
    expect(applied.body).toMatchObject({ applied: true, problemCount: 0 });
    expect(applied.body.appendedEvents).toBe(dry.body.plannedEvents);
    expect(await eventCount()).toBe(dry.body.plannedEvents);

    const again = await send(file, '?apply=true&asOf=2023-01-01').expect(200);
    expect(again.body).toMatchObject({ appendedEvents: 0, plannedEvents: 0, changeCount: 0 });
    expect(await eventCount()).toBe(dry.body.plannedEvents);

    // The edited copy: a corrected post level, a move to another branch, a confirmation, a new member, a new committee member.
    const edited = bureauRoll();
    (edited.members[3] as unknown[])[7] = '副科级';
    (edited.members[7] as unknown[])[8] = '东关社区离退休干部党支部';
    (edited.members[4] as unknown[])[5] = '正式';
    (edited.members[4] as unknown[])[6] = '2021-07-01';
    edited.members.push([
      'X04',
      '黄丽娟',
      '女',
      '1956-07-07',
      '1985-09-09',
      '正式',
      '',
      '科员',
      '西街社区离退休干部党支部',
      '',
    ]);
    edited.posts.push(['西街社区离退休干部党支部', '', '2022-05-20', '', '杨桂芳', '委员', '宣传委员', '选举', '']);
    const editedFile = await rollWorkbook(edited);
    const before = await eventCount();
    const editedDry = await send(editedFile, '?asOf=2023-02-01').expect(200);
    expect(editedDry.body.problemCount).toBe(0);
    expect(editedDry.body.changes.map((c: { action: string; subject: string }) => `${c.subject} ${c.action}`)).toEqual([
      '赵淑兰 更正原职级为副科级',
      '刘志刚 记载2021年7月1日转正',
      '周建华 转入东关社区离退休干部党支部',
      '黄丽娟 接收为正式党员',
      '杨桂芳 任宣传委员（自2022年5月20日起）',
    ]);
    const editedApply = await send(editedFile, '?apply=true&asOf=2023-02-01').expect(200);
    expect(editedApply.body.appendedEvents).toBe(5);
    expect(await eventCount()).toBe(before + 5);
    expect((await send(editedFile, '?apply=true&asOf=2023-02-01').expect(200)).body.appendedEvents).toBe(0);

    // An edit an import may not make: a full member listed as probationary is refused, nothing recorded.
    const undo = bureauRoll();
    (undo.members[0] as unknown[])[5] = '预备';
    const refused = await send(await rollWorkbook(undo), '?apply=true&asOf=2023-02-01').expect(422);
    expect(refused.body.code).toBe('WORKBOOK_HAS_PROBLEMS');
    const undoDry = await send(await rollWorkbook(undo), '?asOf=2023-02-01');
    expect(undoDry.body.problems).toContainEqual(
      expect.objectContaining({
        sheet: '党员',
        row: 2,
        code: 'IMPORT_DIFFERS_FROM_RECORD',
        message: expect.stringContaining('张建国的党员类别在系统中记载为“正式党员”'),
      }),
    );
    expect(await eventCount()).toBe(before + 5);

    // The tree and the rolls over HTTP.
    const tree = await request(http).get('/org/tree?asOf=2023-02-01').expect(200);
    const branches = new Map<
      string,
      {
        members: { full: number; probationary: number };
        posts: { kind: string; holder: { name: string }; duty: string | null }[];
      }
    >();
    const walk = (committees: { branches: unknown[]; committees?: unknown[] }[]) => {
      for (const committee of committees) {
        for (const branch of committee.branches as { name: string }[]) branches.set(branch.name, branch as never);
        walk((committee.committees ?? []) as never);
      }
    };
    walk(tree.body.committees);
    expect(branches.get('东关社区离退休干部党支部')?.members).toEqual({ full: 6, probationary: 0 });
    expect(branches.get('西街社区离退休干部党支部')?.members).toEqual({ full: 3, probationary: 0 });
    expect(branches.get('体协联合党支部')?.members).toEqual({ full: 2, probationary: 0 });
    const eastPosts = branches
      .get('东关社区离退休干部党支部')
      ?.posts.map((p) => `${p.kind} ${p.holder.name}`)
      .sort();
    expect(eastPosts).toEqual(['committeeMember 李秀英', 'deputySecretary 孙立新', 'secretary 张建国']);

    // The rolls: who is on each branch now, and a corrected member as the roll records them.
    const rollOf = async (name: string) => {
      const branchId = (branches.get(name) as unknown as { branchId: string }).branchId;
      const answer = await request(http).get(`/branches/${branchId}/members`).expect(200);
      return (answer.body.members as { memberId: string; name: string; membership: string }[]).sort((x, y) =>
        x.name.localeCompare(y.name, 'zh-CN'),
      );
    };
    const east = await rollOf('东关社区离退休干部党支部');
    expect(east.map((m) => `${m.name} ${m.membership}`).sort()).toEqual(
      ['张建国 full', '李秀英 full', '王德明 full', '赵淑兰 full', '刘志刚 full', '周建华 full'].sort(),
    );
    expect((await rollOf('西街社区离退休干部党支部')).map((m) => m.name).sort()).toEqual(
      ['陈国华', '杨桂芳', '黄丽娟'].sort(),
    );
    const zhao = east.find((m) => m.name === '赵淑兰') as { memberId: string };
    const corrected = await request(http).get(`/members/${zhao.memberId}`).expect(200);
    expect(corrected.body).toMatchObject({
      status: 'active',
      personal: { name: '赵淑兰', sex: 'female', birthDate: '1955-08-09', formerPostLevel: '副科级' },
    });

    const roll2022 = await request(http).get('/org/tree?asOf=2022-12-31').expect(200);
    const count = (body: {
      committees: { branches: { members: { full: number; probationary: number } }[]; committees?: unknown[] }[];
    }): number =>
      body.committees.reduce(
        (sum, c) =>
          sum +
          c.branches.reduce((s, b) => s + b.members.full + b.members.probationary, 0) +
          count({ committees: (c.committees ?? []) as never }),
        0,
      );
    expect(count(roll2022.body)).toBe(0);
    expect(count(tree.body)).toBe(11);
  });

  it('hands out the template, which imports as it stands', async () => {
    const template = await request(http)
      .get('/imports/template')
      .set('Authorization', `Bearer ${await tokenFor(api.config, 'admin')}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(template.headers['content-type']).toContain(XLSX);
    const dry = await send(template.body as Buffer, '?asOf=2023-01-01').expect(200);
    expect(dry.body.problemCount).toBe(0);
    expect(dry.body.sheets.map((s: { name: string }) => s.name)).toEqual(['党委', '支部', '党员', '委员会任职']);
  });
});
