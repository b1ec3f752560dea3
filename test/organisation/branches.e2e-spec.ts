import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { OrganisationFixtures } from './organisation-http-fixtures';

const UNKNOWN_ID = '7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11';

describe('branches over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let fixtures: OrganisationFixtures;
  let committeeId: string;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    fixtures = new OrganisationFixtures(http);
    committeeId = await fixtures.committee();
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  it('establishes a branch with management links; a retry addresses the same branch; GET shows it with flags', async () => {
    const body = {
      name: '府前社区离退休干部党支部',
      parentCommitteeId: committeeId,
      managementLinks: [
        { kind: 'community', name: '府前社区党委' },
        { kind: 'formerUnit', name: '孝义市水利局' },
      ],
      decisionReference: '孝老干党发〔2022〕5号',
      occurredAt: '2023-01-10',
    };
    const created = await request(http)
      .post('/branches')
      .set('Idempotency-Key', 'establish-branch-1')
      .send(body)
      .expect(201);
    expect(created.headers.etag).toBe('"0"');
    expect(created.body).toMatchObject({ revision: 0, replayed: false, events: [{ type: 'BranchEstablished' }] });
    const established = created.body.events[0].data;
    const branchId = established.branchId as string;
    expect(established).toMatchObject({
      parentCommitteeId: committeeId,
      joint: false,
      jointUnits: [],
      decisionReference: '孝老干党发〔2022〕5号',
    });
    expect(established.managementLinks).toHaveLength(2);
    expect(established.managementLinks[0]).toMatchObject({ kind: 'community', name: '府前社区党委' });
    expect(established.managementLinks[0].linkId).toMatch(/^[0-9a-f-]{36}$/);

    const before = await eventCount();
    const again = await request(http).post('/branches').set('Idempotency-Key', 'establish-branch-1').send(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ ...created.body, replayed: true });
    expect(await eventCount()).toBe(before);

    const got = await request(http).get(`/branches/${branchId}`).expect(200);
    expect(got.headers.etag).toBe('"0"');
    expect(got.body).toMatchObject({
      status: 'open',
      branchId,
      name: '府前社区离退休干部党支部',
      parentCommitteeId: committeeId,
      managementLinks: established.managementLinks,
      joint: false,
      posts: [],
      endedPosts: [],
      counts: { full: 0, probationary: 0 },
      shape: { belowMinimum: true, committeeRequired: false, electionRequired: false, overSize: false },
      revision: 0,
    });
  });

  it('establishes a joint branch (联合党支部) covering several units', async () => {
    const created = await request(http)
      .post('/branches')
      .send({
        name: '水利林业联合党支部',
        parentCommitteeId: committeeId,
        joint: true,
        jointUnits: ['孝义市水利局', '孝义市林业局'],
      })
      .expect(201);
    expect(created.body.events[0].data).toMatchObject({ joint: true, jointUnits: ['孝义市水利局', '孝义市林业局'] });
  });

  it('renames, re-affiliates, adds and removes a management link', async () => {
    const branchId = await fixtures.branch(committeeId, '三皇社区离退休干部党支部');
    const otherCommittee = await fixtures.committee('高阳镇老干部党委');

    const renamed = await request(http)
      .post(`/branches/${branchId}/rename`)
      .set('If-Match', '"0"')
      .send({ name: '永安社区离退休干部党支部' })
      .expect(200);
    expect(renamed.headers.etag).toBe('"1"');
    expect(renamed.body.events).toEqual([
      expect.objectContaining({
        type: 'BranchRenamed',
        data: expect.objectContaining({ name: '永安社区离退休干部党支部' }),
      }),
    ]);

    const moved = await request(http)
      .post(`/branches/${branchId}/reaffiliate`)
      .send({ parentCommitteeId: otherCommittee, decisionReference: '孝老干党发〔2023〕2号' })
      .expect(200);
    expect(moved.body.events[0]).toMatchObject({
      type: 'BranchReaffiliated',
      data: { fromCommitteeId: committeeId, toCommitteeId: otherCommittee },
    });

    const added = await request(http)
      .post(`/branches/${branchId}/management-links`)
      .send({ kind: 'association', name: '孝义市老年人体育协会' })
      .expect(201);
    const link = added.body.events[0].data.link as { linkId: string };
    expect(added.body.events[0]).toMatchObject({
      type: 'ManagementLinkAdded',
      data: { link: { kind: 'association' } },
    });

    const removed = await request(http)
      .post(`/branches/${branchId}/management-links/${link.linkId}/remove`)
      .expect(200);
    expect(removed.body.events[0]).toMatchObject({ type: 'ManagementLinkRemoved', data: { link } });

    const got = await request(http).get(`/branches/${branchId}`).expect(200);
    expect(got.body).toMatchObject({
      name: '永安社区离退休干部党支部',
      parentCommitteeId: otherCommittee,
      managementLinks: [],
      revision: 4,
    });
    expect(got.headers.etag).toBe('"4"');
  });

  describe('posts', () => {
    let branchId: string;
    let fullMembers: string[];
    let probationary: string;
    beforeAll(async () => {
      branchId = await fixtures.branch(committeeId, '崇文社区离退休干部党支部');
      fullMembers = await fixtures.members(branchId, 3);
      probationary = await fixtures.member(branchId, { membership: 'probationary' });
    });

    it('assigns an elected secretary (书记) who is a full member of the branch', async () => {
      const assigned = await request(http)
        .post(`/branches/${branchId}/posts`)
        .send({
          kind: 'secretary',
          source: 'elected',
          holder: { personId: fullMembers[0], name: '党员甲' },
          startDate: '2023-03-15',
        })
        .expect(201);
      expect(assigned.body.events).toEqual([
        expect.objectContaining({
          type: 'PostAssigned',
          data: expect.objectContaining({
            post: expect.objectContaining({
              kind: 'secretary',
              source: 'elected',
              duty: null,
              startDate: '2023-03-15',
            }),
          }),
        }),
      ]);
    });

    it('refuses an elected deputy who is not a full member of the branch with 422, appending nothing', async () => {
      const before = await eventCount();
      const refused = await request(http)
        .post(`/branches/${branchId}/posts`)
        .send({
          kind: 'deputySecretary',
          source: 'elected',
          holder: { personId: probationary, name: '预备党员' },
          startDate: '2023-03-15',
        })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'POST_HOLDER_NOT_ELIGIBLE', details: { isFullMember: false } });
      expect(await eventCount()).toBe(before);
    });

    it('refuses an elected secretary from another branch (not a member here) with 422, appending nothing', async () => {
      const elsewhere = await fixtures.branch(committeeId, '胜溪社区离退休干部党支部');
      const outsider = await fixtures.member(elsewhere);
      const vacant = await fixtures.branch(committeeId, '东许社区离退休干部党支部');
      const before = await eventCount();
      const refused = await request(http)
        .post(`/branches/${vacant}/posts`)
        .send({
          kind: 'secretary',
          source: 'elected',
          holder: { personId: outsider, name: '外支部党员' },
          startDate: '2023-03-15',
        })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'POST_HOLDER_NOT_ELIGIBLE', details: { isMemberOfBranch: false } });
      expect(await eventCount()).toBe(before);
    });

    it('accepts a community party secretary who is not a member as concurrent deputy (交叉任职)', async () => {
      const assigned = await request(http)
        .post(`/branches/${branchId}/posts`)
        .send({
          kind: 'deputySecretary',
          source: 'concurrent',
          holder: { personId: '0b8a6c1e-3f55-4c1d-8e2a-6d9f0e7b1c42', name: '社区书记李明' },
          startDate: '2023-03-20',
        })
        .expect(201);
      expect(assigned.body.events[0]).toMatchObject({
        type: 'ViceSecretaryCrossAppointed',
        data: { post: { kind: 'deputySecretary', source: 'concurrent', holder: { name: '社区书记李明' } } },
      });
    });

    it('assigns an elected committee member with a duty, then vacates the post; GET lists held and ended posts', async () => {
      const assigned = await request(http)
        .post(`/branches/${branchId}/posts`)
        .set('Idempotency-Key', 'assign-organisation-member')
        .send({
          kind: 'committeeMember',
          duty: '组织委员',
          source: 'elected',
          holder: { personId: fullMembers[1], name: '党员乙' },
          startDate: '2023-03-15',
        })
        .expect(201);
      const postId = assigned.body.events[0].data.post.postId as string;
      expect(assigned.body.events[0].data.post).toMatchObject({ kind: 'committeeMember', duty: '组织委员' });

      const withCommittee = await request(http).get(`/branches/${branchId}`).expect(200);
      expect(withCommittee.body.posts).toHaveLength(3);

      const vacated = await request(http)
        .post(`/branches/${branchId}/posts/${postId}/vacate`)
        .send({ reason: 'resigned', note: '因身体原因辞去委员职务', endDate: '2023-06-30' })
        .expect(200);
      expect(vacated.body.events[0]).toMatchObject({
        type: 'PostVacated',
        data: { postId, reason: 'resigned', endDate: '2023-06-30', note: '因身体原因辞去委员职务' },
      });

      const got = await request(http).get(`/branches/${branchId}`).expect(200);
      expect(got.body.posts.map((post: { kind: string }) => post.kind).sort()).toEqual([
        'deputySecretary',
        'secretary',
      ]);
      expect(got.body.endedPostIds).toEqual([postId]);
      expect(got.body.endedPosts).toEqual([
        expect.objectContaining({ postId, kind: 'committeeMember', endDate: '2023-06-30', endReason: 'resigned' }),
      ]);
      expect(got.body.counts).toEqual({ full: 3, probationary: 1 });
      expect(got.body.shape).toMatchObject({ belowMinimum: false, committeeRequired: false });
    });

    it('answers a malformed post with 400 and appends nothing', async () => {
      const before = await eventCount();
      const bad = await request(http)
        .post(`/branches/${branchId}/posts`)
        .send({
          kind: 'chairman',
          source: 'elected',
          holder: { personId: 'not-a-uuid', name: '', age: 70 },
          startDate: '2023-02-30',
        })
        .expect(400);
      const fields = (bad.body.errors as { field: string }[]).map((error) => error.field).sort();
      expect(fields).toEqual(['holder.age', 'holder.name', 'holder.personId', 'kind', 'startDate']);
      await request(http)
        .post(`/branches/${branchId}/posts/${UNKNOWN_ID}/vacate`)
        .send({ reason: 'branchDissolved', endDate: '2023-06-30' })
        .expect(400);
      expect(await eventCount()).toBe(before);
    });
  });

  it('records the shape from the roll: 7 full members and no committee → election required; a repeat appends nothing', async () => {
    const branchId = await fixtures.branch(committeeId, '新义社区离退休干部党支部');
    await fixtures.members(branchId, 7);

    const got = await request(http).get(`/branches/${branchId}`).expect(200);
    expect(got.body).toMatchObject({
      counts: { full: 7, probationary: 0 },
      shape: { belowMinimum: false, committeeRequired: true, electionRequired: true, overSize: false },
    });

    const assessed = await request(http).post(`/branches/${branchId}/assess-shape`).expect(200);
    expect(assessed.body.events[0]).toMatchObject({
      type: 'BranchShapeAssessed',
      data: { counts: { full: 7, probationary: 0 }, hasCommittee: false, shape: { electionRequired: true } },
    });
    const before = await eventCount();
    const repeat = await request(http).post(`/branches/${branchId}/assess-shape`).send({}).expect(200);
    expect(repeat.body).toMatchObject({ events: [], revision: assessed.body.revision });
    expect(await eventCount()).toBe(before);
  });

  it('refuses to dissolve a branch that still has members with 422 naming the count, appending nothing', async () => {
    const branchId = await fixtures.branch(committeeId, '永盛社区离退休干部党支部');
    await fixtures.members(branchId, 2);
    const before = await eventCount();
    const refused = await request(http)
      .post(`/branches/${branchId}/dissolve`)
      .send({ reason: '并入相邻支部' })
      .expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'BRANCH_HAS_MEMBERS', details: { memberCount: 2 } });
    expect(refused.body.detail).toBe(
      '永盛社区离退休干部党支部仍有党员 2 名：须将全部党员的组织关系转出后，方可撤销支部（见 docs/rules.md 第 2.5 节）。',
    );
    expect(await eventCount()).toBe(before);
  });

  it('dissolves an empty branch, ending its posts; GET shows it dissolved and every post ended', async () => {
    const branchId = await fixtures.branch(committeeId, '旧城社区离退休干部党支部');
    await request(http)
      .post(`/branches/${branchId}/posts`)
      .send({
        kind: 'partyAffairsOfficer',
        source: 'concurrent',
        holder: { personId: '5d0c7b0a-4d1e-4f0b-9a63-2a8b5f1c9e77', name: '社区干部王芳' },
        startDate: '2023-02-01',
      })
      .expect(201);
    const dissolved = await request(http)
      .post(`/branches/${branchId}/dissolve`)
      .send({ reason: '结合城市社区调整撤销', decisionReference: '孝老干党发〔2023〕12号', occurredAt: '2023-05-01' })
      .expect(200);
    expect(dissolved.body.events.map((event: { type: string }) => event.type)).toEqual([
      'PostVacated',
      'BranchDissolved',
    ]);

    const got = await request(http).get(`/branches/${branchId}`).expect(200);
    expect(got.body).toMatchObject({ status: 'dissolved', shape: null, counts: { full: 0, probationary: 0 } });
    expect(got.body.endedPosts).toEqual([
      expect.objectContaining({ kind: 'partyAffairsOfficer', endReason: 'branchDissolved', endDate: '2023-05-01' }),
    ]);

    const before = await eventCount();
    const refused = await request(http).post(`/branches/${branchId}/rename`).send({ name: '新名' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'BRANCH_DISSOLVED' });
    expect(await eventCount()).toBe(before);
  });

  it('lists the member roll (花名册) of a branch from the read model', async () => {
    const branchId = await fixtures.branch(committeeId, '东关社区离退休干部党支部');
    const zhang = await fixtures.member(branchId, { name: '张秀英' });
    const li = await fixtures.member(branchId, { name: '李德明', membership: 'probationary' });
    await request(http)
      .post(`/members/${zhang}/suspend-voting-rights`)
      .send({ reason: 'probation', from: '2023-03-01' })
      .expect(200);

    const roll = await request(http).get(`/branches/${branchId}/members`).expect(200);
    expect(roll.body).toEqual({
      branchId,
      members: expect.arrayContaining([
        { memberId: zhang, name: '张秀英', membership: 'full', votingSuspended: true },
        { memberId: li, name: '李德明', membership: 'probationary', votingSuspended: false },
      ]),
    });
    expect(roll.body.members).toHaveLength(2);
    await request(http).get(`/branches/${UNKNOWN_ID}/members`).expect(404);
  });

  it('answers unknown fields, malformed ids and a missing parent with problem+json, appending nothing', async () => {
    const before = await eventCount();
    const unknownField = await request(http)
      .post('/branches')
      .send({ name: '丁', parentCommitteeId: committeeId, colour: 'red' })
      .expect(400);
    expect(unknownField.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'colour' }] });
    const nested = await request(http)
      .post('/branches')
      .send({ name: '丁', parentCommitteeId: committeeId, managementLinks: [{ kind: 'club', name: '甲', extra: 1 }] })
      .expect(400);
    expect((nested.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'managementLinks[0].extra',
      'managementLinks[0].kind',
    ]);
    await request(http).post('/branches').send({ name: '丁', parentCommitteeId: 'committee-1' }).expect(400);
    await request(http).post('/branches/not-a-uuid/rename').send({ name: '戊' }).expect(400);
    const noParent = await request(http)
      .post('/branches')
      .send({ name: '己', parentCommitteeId: UNKNOWN_ID })
      .expect(404);
    expect(noParent.body).toMatchObject({ code: 'PARENT_COMMITTEE_NOT_FOUND' });
    const missing = await request(http).get(`/branches/${UNKNOWN_ID}`).expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a stale If-Match with 409 and the current revision, appending nothing', async () => {
    const branchId = await fixtures.branch(committeeId, '西城社区离退休干部党支部');
    await request(http)
      .post(`/branches/${branchId}/rename`)
      .set('If-Match', '"0"')
      .send({ name: '西城一支部' })
      .expect(200);
    const before = await eventCount();
    const stale = await request(http)
      .post(`/branches/${branchId}/dissolve`)
      .set('If-Match', '"0"')
      .send({ reason: '撤销' })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', currentRevision: 1 });
    expect(await eventCount()).toBe(before);
  });
});
