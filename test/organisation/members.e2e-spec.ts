import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { OrganisationFixtures } from './organisation-http-fixtures';

const UNKNOWN_ID = '7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11';

describe('members over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let fixtures: OrganisationFixtures;
  let committeeId: string;
  let branchId: string;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    fixtures = new OrganisationFixtures(http);
    committeeId = await fixtures.committee();
    branchId = await fixtures.branch(committeeId, '府前社区离退休干部党支部');
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  const admission = {
    name: '王建国',
    birthDate: '1948-05-12',
    sex: 'male',
    joinedPartyOn: '1972-07-01',
    formerPostLevel: '处级',
    membership: 'probationary',
  };

  it('admits a member; a retry addresses the same member; GET shows them with the revision as ETag', async () => {
    const admitted = await request(http)
      .post('/members')
      .set('Idempotency-Key', 'admit-wang-jianguo')
      .send({ ...admission, branchId, occurredAt: '2023-02-01' })
      .expect(201);
    expect(admitted.headers.etag).toBe('"0"');
    expect(admitted.body).toMatchObject({
      revision: 0,
      replayed: false,
      events: [{ type: 'MemberAdmitted', data: { ...admission, branchId } }],
    });
    const memberId = admitted.body.events[0].data.memberId as string;
    const before = await eventCount();
    const again = await request(http)
      .post('/members')
      .set('Idempotency-Key', 'admit-wang-jianguo')
      .send({ ...admission, branchId, occurredAt: '2023-02-01' })
      .expect(201);
    expect(again.body).toEqual({ ...admitted.body, replayed: true });
    expect(await eventCount()).toBe(before);

    const got = await request(http).get(`/members/${memberId}`).expect(200);
    expect(got.headers.etag).toBe('"0"');
    expect(got.body).toEqual({
      status: 'active',
      memberId,
      personal: {
        name: '王建国',
        birthDate: '1948-05-12',
        sex: 'male',
        joinedPartyOn: '1972-07-01',
        formerPostLevel: '处级',
      },
      membership: 'probationary',
      branchId,
      suspension: null,
      lastTransferRestructuringId: null,
      affiliated: { since: '2023-02-01', by: 'admission' },
      revision: 0,
    });
    const [event] = await api.store.readStream(`member-${memberId}`);
    expect(event?.metadata).toMatchObject({ commandId: 'admit-wang-jianguo', actor: { id: 'test-admin' } });
  });

  it('admits with a chosen id, confirms, suspends and restores voting rights, corrects data, and records leaving', async () => {
    const memberId = '3a9e4f0c-8b1d-4e27-a5f6-1c2d3e4f5a6b';
    await request(http)
      .post('/members')
      .send({ ...admission, memberId, name: '刘桂兰', sex: 'female', branchId })
      .expect(201);

    const confirmed = await request(http)
      .post(`/members/${memberId}/confirm`)
      .set('If-Match', '"0"')
      .send({ confirmedOn: '2023-07-01' })
      .expect(200);
    expect(confirmed.headers.etag).toBe('"1"');
    expect(confirmed.body.events[0]).toMatchObject({ type: 'MemberConfirmed', data: { confirmedOn: '2023-07-01' } });

    const suspended = await request(http)
      .post(`/members/${memberId}/suspend-voting-rights`)
      .send({ reason: 'detention', from: '2023-08-01', documentReference: '孝监留〔2023〕1号' })
      .expect(200);
    expect(suspended.body.events[0]).toMatchObject({
      type: 'VotingRightsSuspended',
      data: { reason: 'detention', from: '2023-08-01', until: null, documentReference: '孝监留〔2023〕1号' },
    });
    const whileSuspended = await request(http).get(`/members/${memberId}`).expect(200);
    expect(whileSuspended.body.suspension).toEqual({ reason: 'detention', from: '2023-08-01', until: null });

    const restored = await request(http)
      .post(`/members/${memberId}/restore-voting-rights`)
      .send({ restoredOn: '2023-10-01' })
      .expect(200);
    expect(restored.body.events[0]).toMatchObject({
      type: 'VotingRightsRestored',
      data: { reason: 'detention', restoredOn: '2023-10-01' },
    });

    const corrected = await request(http)
      .post(`/members/${memberId}/correct`)
      .send({ corrections: { birthDate: '1948-06-12', formerPostLevel: '副处级' }, reason: '据干部档案核对' })
      .expect(200);
    expect(corrected.body.events[0]).toMatchObject({
      type: 'MemberDataCorrected',
      data: {
        previous: { birthDate: '1948-05-12', formerPostLevel: '处级' },
        corrections: { birthDate: '1948-06-12', formerPostLevel: '副处级' },
        reason: '据干部档案核对',
      },
    });

    const left = await request(http)
      .post(`/members/${memberId}/leave`)
      .send({ reason: 'movedOut', leftOn: '2023-11-20', note: '组织关系转至太原市' })
      .expect(200);
    expect(left.body.events[0]).toMatchObject({
      type: 'MemberLeft',
      data: { branchId, reason: 'movedOut', leftOn: '2023-11-20', note: '组织关系转至太原市' },
    });

    const got = await request(http).get(`/members/${memberId}`).expect(200);
    expect(got.headers.etag).toBe('"5"');
    expect(got.body).toMatchObject({
      status: 'left',
      membership: 'full',
      lastBranchId: branchId,
      reason: 'movedOut',
      leftOn: '2023-11-20',
      personal: { name: '刘桂兰', birthDate: '1948-06-12', formerPostLevel: '副处级' },
      revision: 5,
    });
  });

  it('transfers a member (组织关系转接): both branches show the new counts and the member the new branch', async () => {
    const from = await fixtures.branch(committeeId, '永盛社区离退休干部党支部');
    const to = await fixtures.branch(committeeId, '永安社区离退休干部党支部');
    const [memberId] = await fixtures.members(from, 3);
    await fixtures.member(to, { membership: 'probationary' });

    const transferred = await request(http)
      .post(`/members/${memberId}/transfer`)
      .send({ toBranchId: to, documentReference: '组织关系介绍信 第0023号' })
      .expect(200);
    expect(transferred.body.events[0]).toMatchObject({
      type: 'MemberTransferred',
      data: { memberId, fromBranchId: from, toBranchId: to, documentReference: '组织关系介绍信 第0023号' },
    });

    // No wait here: the GET's facts wait for the projection to reach the store's head.
    const [source, target, member] = await Promise.all([
      request(http).get(`/branches/${from}`).expect(200),
      request(http).get(`/branches/${to}`).expect(200),
      request(http).get(`/members/${memberId}`).expect(200),
    ]);
    expect(source.body.counts).toEqual({ full: 2, probationary: 0 });
    expect(source.body.shape).toMatchObject({ belowMinimum: true });
    expect(target.body.counts).toEqual({ full: 1, probationary: 1 });
    expect(member.body).toMatchObject({ status: 'active', branchId: to, revision: 1 });
    const roll = await request(http).get(`/branches/${to}/members`).expect(200);
    expect(roll.body.members.map((row: { memberId: string }) => row.memberId)).toContain(memberId);
  });

  it('refuses a transfer to a dissolved branch with 422 BRANCH_DISSOLVED, appending nothing', async () => {
    const closed = await fixtures.branch(committeeId, '三皇社区离退休干部党支部');
    await request(http).post(`/branches/${closed}/dissolve`).send({ reason: '并入相邻支部' }).expect(200);
    const memberId = await fixtures.member(branchId);
    const before = await eventCount();
    const refused = await request(http).post(`/members/${memberId}/transfer`).send({ toBranchId: closed }).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 422, code: 'BRANCH_DISSOLVED', details: { branchId: closed } });
    expect(await eventCount()).toBe(before);
  });

  it('refuses admission into an unknown branch with 404, appending nothing', async () => {
    const before = await eventCount();
    const refused = await request(http)
      .post('/members')
      .send({ ...admission, branchId: UNKNOWN_ID })
      .expect(404);
    expect(refused.body).toMatchObject({ code: 'BRANCH_NOT_FOUND', details: { branchId: UNKNOWN_ID } });
    expect(await eventCount()).toBe(before);
  });

  it('answers unknown fields and malformed values with 400 listing them, appending nothing', async () => {
    const memberId = await fixtures.member(branchId);
    const before = await eventCount();
    const unknown = await request(http)
      .post('/members')
      .send({ ...admission, branchId, nickname: '老王' })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'nickname' }] });

    const malformed = await request(http)
      .post('/members')
      .send({ ...admission, branchId: 'branch-1', birthDate: '1948-5-12', sex: 'm', membership: 'candidate' })
      .expect(400);
    expect((malformed.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'birthDate',
      'branchId',
      'membership',
      'sex',
    ]);

    const nested = await request(http)
      .post(`/members/${memberId}/correct`)
      .send({ corrections: { birthDate: '1948-02-30', address: '府前街1号' }, reason: '核对' })
      .expect(400);
    expect((nested.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'corrections.address',
      'corrections.birthDate',
    ]);
    await request(http).post(`/members/${memberId}/correct`).send({ reason: '核对' }).expect(400);
    await request(http)
      .post(`/members/${memberId}/leave`)
      .send({ reason: 'retired', leftOn: '2023-01-01' })
      .expect(400);
    await request(http).post(`/members/${memberId}/transfer`).send({ toBranchId: branchId, extra: true }).expect(400);
    await request(http).get('/members/not-a-uuid').expect(400);
    const missing = await request(http).get(`/members/${UNKNOWN_ID}`).expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a stale If-Match with 409 and the current revision, appending nothing', async () => {
    const target = await fixtures.branch(committeeId, '胜溪社区离退休干部党支部');
    const memberId = await fixtures.member(branchId, { membership: 'probationary' });
    await request(http)
      .post(`/members/${memberId}/confirm`)
      .set('If-Match', '"0"')
      .send({ confirmedOn: '2023-07-01' })
      .expect(200);
    const before = await eventCount();
    const stale = await request(http)
      .post(`/members/${memberId}/transfer`)
      .set('If-Match', '"0"')
      .send({ toBranchId: target })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', currentRevision: 1 });
    expect(await eventCount()).toBe(before);
  });
});
