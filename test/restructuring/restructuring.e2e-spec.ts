import request from 'supertest';
import type { App } from 'supertest/types';
import { CommandBus } from '@nestjs/cqrs';
import {
  ExecuteBranchCommand,
  ExecuteMemberCommand,
  OrganisationFacts,
  uuidV5,
  type CommandContext,
  type CommandOutcome,
} from '@app/application';
import { OrganisationQueries } from '@app/read-models';
import { bootApi, type BootedApi } from '../api/boot-api';

const actor = { id: 'dev-admin', name: 'Development administrator', role: 'admin' };
const at = '2023-03-01T09:00:00.000Z';
const id = (name: string): string => uuidV5(`e2e-restructuring:${name}`);

/**
 * Merges and abandonments over HTTP on the embedded SQLite store, with the projections and the
 * restructuring process manager running inside the API as under `npm start`. Branches and members
 * are set up through the command bus (their endpoints belong to the organisation slice).
 */
describe('restructurings over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let bus: CommandBus;
  let committeeId: string;
  let setupCount = 0;

  const context = (): CommandContext => ({ commandId: `setup-${(setupCount += 1)}`, actor, occurredAt: at });
  const branch = (name: string): Promise<CommandOutcome> =>
    bus.execute(
      new ExecuteBranchCommand(
        {
          type: 'EstablishBranch',
          data: {
            branchId: id(name),
            name: `${name}社区离退休干部党支部`,
            parentCommitteeId: committeeId,
            joint: false,
          },
        },
        context(),
      ),
    );
  const admit = (name: string, branchName: string, membership: 'full' | 'probationary' = 'full') =>
    bus.execute(
      new ExecuteMemberCommand(
        {
          type: 'AdmitMember',
          data: {
            memberId: id(name),
            name,
            birthDate: '1950-05-01',
            sex: 'male',
            joinedPartyOn: '1975-07-01',
            formerPostLevel: '科级',
            membership,
            branchId: id(branchName),
          },
        },
        context(),
      ),
    );
  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    bus = api.app.get(CommandBus);
    const committee = await request(http)
      .post('/committees')
      .send({ name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2023-01-05' })
      .expect(201);
    committeeId = committee.body.events[0].data.committeeId as string;
    for (const name of ['永盛', '三皇', '府东', '崇文', '胜溪']) await branch(name);
    for (let i = 1; i <= 6; i += 1) await admit(`永盛${i}`, '永盛', i === 6 ? 'probationary' : 'full');
    for (let i = 1; i <= 5; i += 1) await admit(`三皇${i}`, '三皇');
    for (let i = 1; i <= 3; i += 1) await admit(`府东${i}`, '府东');
    for (let i = 1; i <= 4; i += 1) await admit(`崇文${i}`, '崇文');
    for (let i = 1; i <= 4; i += 1) await admit(`胜溪${i}`, '胜溪');
    for (const [branchName, holder, kind] of [
      ['永盛', '永盛1', 'secretary'],
      ['永盛', '永盛2', 'deputySecretary'],
      ['三皇', '三皇1', 'secretary'],
    ] as const) {
      await bus.execute(
        new ExecuteBranchCommand(
          {
            type: 'AssignPost',
            data: {
              branchId: id(branchName),
              postId: id(`post-${holder}`),
              kind,
              source: 'elected',
              holder: { personId: id(holder), name: holder },
              startDate: '2020-06-01',
            },
          },
          context(),
        ),
      );
    }
  });
  afterAll(() => api.close());

  it('proposes, approves and executes a merge; the process manager moves everyone and closes the sources', async () => {
    const proposal = {
      sourceBranchIds: [id('永盛'), id('三皇')],
      target: { kind: 'existing', branchId: id('府东') },
      reason: '结合城市社区调整，撤并永盛、三皇社区离退休干部党支部',
      occurredAt: '2023-03-10',
    };
    const proposed = await request(http)
      .post('/restructurings/merge')
      .set('Idempotency-Key', 'merge-ys-sh')
      .send(proposal)
      .expect(201);
    expect(proposed.headers.etag).toBe('"0"');
    const restructuringId = proposed.body.events[0].data.restructuringId as string;
    expect(restructuringId).toBe(uuidV5('restructuring:merge-ys-sh'));
    const again = await request(http)
      .post('/restructurings/merge')
      .set('Idempotency-Key', 'merge-ys-sh')
      .send(proposal)
      .expect(201);
    expect(again.body).toEqual({ ...proposed.body, replayed: true });

    const before = await eventCount();
    const early = await request(http).post(`/restructurings/${restructuringId}/execute`).send({}).expect(422);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.body).toMatchObject({ code: 'RESTRUCTURING_NOT_APPROVED' });
    expect(await eventCount()).toBe(before);

    await request(http)
      .post(`/restructurings/${restructuringId}/approve`)
      .set('If-Match', '"0"')
      .send({ approvedBy: '孝义市委老干部局', documentReference: '孝老干字〔2023〕12号', approvedOn: '2023-03-20' })
      .expect(200);
    const started = await request(http)
      .post(`/restructurings/${restructuringId}/execute`)
      .send({ occurredAt: '2023-04-01' })
      .expect(202);
    expect(started.body.events[0]).toMatchObject({
      type: 'RestructuringExecutionStarted',
      data: { execution: { branchesToClose: [id('永盛'), id('三皇')], branchesToReassess: [id('府东')] } },
    });
    expect(started.body.events[0].data.execution.transfers).toHaveLength(11);

    const completed = await pollUntilCompleted(http, restructuringId);
    expect(completed.headers.etag).toBe(`"${completed.body.revision as number}"`);
    expect(completed.body).toMatchObject({
      status: 'completed',
      plan: { kind: 'merge', target: { kind: 'existing', branchId: id('府东') } },
      approval: { documentReference: '孝老干字〔2023〕12号', approvedOn: '2023-03-20' },
      counts: { membersTransferred: 11, membersLeftDuringExecution: 0, branchesEstablished: 0, branchesClosed: 2 },
    });

    const facts = api.app.get(OrganisationFacts);
    const queries = api.app.get(OrganisationQueries);
    for (const source of ['永盛', '三皇']) {
      expect((await facts.branch(id(source))).status).toBe('dissolved');
      expect(await facts.memberCount(id(source))).toBe(0);
      expect(queries.posts(id(source), { activeOnly: true })).toEqual([]);
      expect(queries.posts(id(source)).every((post) => post.endReason === 'branchDissolved')).toBe(true);
    }
    expect(await facts.memberCounts(id('府东'))).toEqual({ full: 13, probationary: 1 });
    // 13 full members and no committee: the merged branch must elect one (RULES B: MERGE).
    const target = await api.store.readStream(`branch-${id('府东')}`);
    expect(target.at(-1)).toMatchObject({
      type: 'BranchShapeAssessed',
      data: { shape: { committeeRequired: true, electionRequired: true, overSize: false } },
    });
    const transfers = (await api.store.readAll()).filter((event) => event.type === 'MemberTransferred');
    expect(transfers).toHaveLength(11);
    const causationId = await executionEventId(api, restructuringId);
    for (const transfer of transfers) {
      expect(transfer.metadata).toMatchObject({
        correlationId: restructuringId,
        causationId,
        actor: { id: 'test-admin' },
        occurredAt: '2023-04-01T00:00:00.000Z',
      });
    }

    const late = await request(http)
      .post(`/restructurings/${restructuringId}/abandon`)
      .send({ reason: '方案变更' })
      .expect(422);
    expect(late.body).toMatchObject({ code: 'RESTRUCTURING_COMPLETED' });
  });

  it('abandons a proposed restructuring before execution, after which it cannot be executed', async () => {
    const proposed = await request(http)
      .post('/restructurings/dissolution')
      .send({ branchId: id('崇文'), destinationBranchId: id('胜溪'), reason: '正式党员不足' })
      .expect(201);
    const restructuringId = proposed.body.events[0].data.restructuringId as string;
    await request(http)
      .post(`/restructurings/${restructuringId}/approve`)
      .send({ approvedBy: '孝义市委老干部局', documentReference: '孝老干字〔2023〕15号', approvedOn: '2023-05-01' })
      .expect(200);
    const abandoned = await request(http)
      .post(`/restructurings/${restructuringId}/abandon`)
      .send({ reason: '社区调整方案变更' })
      .expect(200);
    expect(abandoned.body.events).toEqual([
      { type: 'RestructuringAbandoned', data: expect.objectContaining({ reason: '社区调整方案变更' }) as unknown },
    ]);
    const got = await request(http).get(`/restructurings/${restructuringId}`).expect(200);
    expect(got.body).toMatchObject({ status: 'abandoned', abandonReason: '社区调整方案变更', revision: 2 });
    const refused = await request(http).post(`/restructurings/${restructuringId}/execute`).send({}).expect(422);
    expect(refused.body).toMatchObject({ code: 'RESTRUCTURING_ABANDONED' });
    expect(await api.app.get(OrganisationFacts).memberCount(id('崇文'))).toBe(4);
  });

  it('proposes a redraw into a new branch and a merge into a new branch', async () => {
    const redraw = await request(http)
      .post('/restructurings/redraw')
      .send({
        assignments: [1, 2, 3].map((i) => ({ memberId: id(`胜溪${i}`), toBranchId: id('永安') })),
        newBranches: [{ branchId: id('永安'), name: '永安社区离退休干部党支部', parentCommitteeId: committeeId }],
        reason: '新设立永安社区',
      })
      .expect(201);
    expect(redraw.body.events[0].data.plan).toMatchObject({ kind: 'redraw', newBranches: [{ branchId: id('永安') }] });
    const merge = await request(http)
      .post('/restructurings/merge')
      .set('Idempotency-Key', 'merge-into-new')
      .send({
        sourceBranchIds: [id('崇文')],
        target: { kind: 'new', branch: { name: '崇文胜溪联合', parentCommitteeId: committeeId } },
        reason: '合并',
      })
      .expect(201);
    const restructuringId = uuidV5('restructuring:merge-into-new');
    expect(merge.body.events[0].data.plan.target).toEqual({
      kind: 'new',
      branch: {
        branchId: uuidV5(`restructuring:${restructuringId}:merge-target`),
        name: '崇文胜溪联合',
        parentCommitteeId: committeeId,
      },
    });
  });

  it('answers malformed proposals with 400 and appends nothing', async () => {
    const before = await eventCount();
    const unknown = await request(http)
      .post('/restructurings/merge')
      .send({
        sourceBranchIds: [id('崇文')],
        target: { kind: 'existing', branchId: id('胜溪') },
        reason: '合并',
        colour: 'red',
      })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'colour' }] });
    const mixed = await request(http)
      .post('/restructurings/merge')
      .send({
        sourceBranchIds: [id('崇文')],
        target: {
          kind: 'existing',
          branchId: id('胜溪'),
          branch: { name: '多余', parentCommitteeId: committeeId },
        },
        reason: '合并',
      })
      .expect(400);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'target.branch' })]);
    await request(http)
      .post('/restructurings/merge')
      .send({ sourceBranchIds: [], target: { kind: 'new' }, reason: '' })
      .expect(400);
    await request(http)
      .post('/restructurings/redraw')
      .send({ assignments: [{ memberId: 'not-a-uuid', toBranchId: id('胜溪') }], reason: '调整' })
      .expect(400);
    expect(await eventCount()).toBe(before);
    await request(http)
      .get(`/restructurings/${id('nothing')}`)
      .expect(404);
  });
});

async function executionEventId(api: BootedApi, restructuringId: string): Promise<string | undefined> {
  const events = await api.store.readStream(`restructuring-${restructuringId}`);
  return events.find((event) => event.type === 'RestructuringExecutionStarted')?.id;
}

/** GET the restructuring until the process manager has completed it (at most 15 s). */
async function pollUntilCompleted(http: App, restructuringId: string): Promise<request.Response> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await request(http).get(`/restructurings/${restructuringId}`).expect(200);
    if (response.body.status === 'completed') return response;
    if (Date.now() > deadline) throw new Error(`Restructuring ${restructuringId} is still ${response.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
