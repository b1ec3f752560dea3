import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';

/** A whole rule version: the 2022 defaults with a four-year term, effective in the future. */
const version = (overrides: Record<string, unknown> = {}) => ({
  version: '2030-01-01',
  effectiveFrom: '2030-01-01',
  description: '测试：四年任期',
  minFullMembersForBranch: 3,
  committeeRequiredFromFullMembers: 7,
  memberWarningAbove: 50,
  jointBranchMaxUnits: 5,
  minimumPartyJoiningAge: 18,
  quorumNumerator: 4,
  quorumDenominator: 5,
  quorumInclusive: true,
  majorityBase: 'due',
  differentialSharePercent: 20,
  committeeSizeMin: 3,
  committeeSizeUsualMax: 5,
  committeeSizeHardMax: 7,
  termYears: 4,
  electionShiftLimitMonths: 12,
  approvalLapseDays: 90,
  termEndReminderMonths: [6, 3],
  overdueReminderEveryMonths: 1,
  noTermReminderEveryMonths: 1,
  officersUncontestedAllowed: true,
  secretaryMinPartyStandingYears: 1,
  secretaryPartyStandingShortfall: 'warning',
  committeeSeatsOdd: true,
  suspensionsWithoutVote: ['membershipSuspended', 'probation', 'detention', 'arrest'],
  dueVoterExclusionReasons: ['illnessPreventsExpression', 'retiredInHomeTown', 'floatingOnOwnApplication'],
  ...overrides,
});

describe('rule policies over HTTP', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  it('lists the built-in versions with the one in force today', async () => {
    const listed = await request(http).get('/policies').expect(200);
    expect(listed.body).toMatchObject({ inForce: '2022-10-22', revision: null });
    expect(listed.body.versions).toEqual([
      expect.objectContaining({ version: '2018-10-28', termYears: 3, source: 'builtIn', inForceToday: false }),
      expect.objectContaining({ version: '2022-10-22', termYears: 5, source: 'builtIn', inForceToday: true }),
    ]);
  });

  it('publishes a version, lists it, and answers which version is in force on a date', async () => {
    const published = await request(http)
      .post('/policies')
      .set('Idempotency-Key', 'publish-2030')
      .send(version())
      .expect(201);
    expect(published.headers.etag).toBe('"0"');
    expect(published.body).toMatchObject({
      stream: 'rule-policy-bureau',
      revision: 0,
      events: [
        {
          type: 'RulePolicyPublished',
          data: { registryId: 'bureau', policy: expect.objectContaining({ version: '2030-01-01', termYears: 4 }) },
        },
      ],
    });
    const again = await request(http).post('/policies').set('Idempotency-Key', 'publish-2030').send(version());
    expect(again.body).toMatchObject({ replayed: true, revision: 0 });

    const listed = await request(http).get('/policies').expect(200);
    expect(listed.headers.etag).toBe('"0"');
    expect(listed.body.inForce).toBe('2022-10-22');
    expect(listed.body.versions.map((v: { version: string }) => v.version)).toEqual([
      '2018-10-28',
      '2022-10-22',
      '2030-01-01',
    ]);
    expect(listed.body.versions[2]).toMatchObject({
      source: 'published',
      inForceToday: false,
      publishedBy: { role: 'admin' },
      publishedAt: expect.any(String),
    });

    const on = (date: string) => request(http).get(`/policies/in-force?on=${date}`);
    expect((await on('2030-06-01').expect(200)).body).toMatchObject({ version: '2030-01-01', termYears: 4 });
    expect((await on('2029-12-31').expect(200)).body).toMatchObject({ version: '2022-10-22', termYears: 5 });
    expect((await on('2020-01-01').expect(200)).body).toMatchObject({
      version: '2018-10-28',
      termYears: 3,
      // In force on the day asked about, not today.
      inForceToday: false,
    });
    expect((await request(http).get('/policies/in-force').expect(200)).body).toMatchObject({
      version: '2022-10-22',
      inForceToday: true,
    });
    expect((await on('2010-01-01').expect(404)).body).toMatchObject({ code: 'POLICY_NOT_IN_FORCE' });
    await on('2023-02-30').expect(400);
    expect((await request(http).get('/policies/in-force').expect(200)).body.version).toBe('2022-10-22');
    expect((await request(http).get('/policies/2030-01-01').expect(200)).body.description).toBe('测试：四年任期');
    await request(http).get('/policies/1999').expect(404);
  });

  it('refuses a second version on the same effective date, or a taken version number, appending nothing', async () => {
    const before = await eventCount();
    const sameDate = await request(http)
      .post('/policies')
      .set('Accept-Language', 'en')
      .send(version({ version: '2030-01-01b', termYears: 6 }))
      .expect(409);
    expect(sameDate.body).toMatchObject({ code: 'POLICY_EFFECTIVE_DATE_TAKEN', status: 409 });
    expect(sameDate.body.detail).toContain('exactly one version may govern a given date');
    const sameVersion = await request(http)
      .post('/policies')
      .send(version({ effectiveFrom: '2031-01-01', termYears: 6 }))
      .expect(409);
    expect(sameVersion.body.code).toBe('POLICY_VERSION_EXISTS');
    const builtIn = await request(http)
      .post('/policies')
      .send(version({ version: '2022-10-22', effectiveFrom: '2032-01-01' }))
      .expect(409);
    expect(builtIn.body.code).toBe('POLICY_VERSION_EXISTS');
    expect(await eventCount()).toBe(before);
  });

  it('refuses invalid parameters with 400 (DTO or domain) and a retroactive date with 422, appending nothing', async () => {
    const before = await eventCount();
    const post = (body: Record<string, unknown>) => request(http).post('/policies').send(body);

    const incoherent = await post(version({ version: 'bad-quorum', quorumNumerator: 6 })).expect(400);
    expect(incoherent.body).toMatchObject({ code: 'INVALID_RULE_POLICY', details: { field: 'quorumNumerator' } });
    const sizes = await post(
      version({ version: 'bad-sizes', committeeSizeUsualMax: 9, committeeSizeHardMax: 7 }),
    ).expect(400);
    expect(sizes.body.code).toBe('INVALID_RULE_POLICY');

    const { termYears: _omitted, ...withoutTerm } = version({ version: 'no-term' });
    expect((await post(withoutTerm).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await post(version({ version: 'neg', approvalLapseDays: 0 })).expect(400);
    await post(version({ version: 'base', majorityBase: 'everyone' })).expect(400);
    await post(version({ version: 'dup', termEndReminderMonths: [3, 3] })).expect(400);
    await post(version({ version: 'frac', differentialSharePercent: 12.5 })).expect(400);
    await post(version({ version: 'date', effectiveFrom: '2030-02-30' })).expect(400);
    await post(version({ version: 'extra', surprise: true })).expect(400);
    // Publication is now: a backdated occurredAt is not accepted.
    await post(version({ version: 'backdated', occurredAt: '2020-01-01' })).expect(400);

    const retroactive = await post(version({ version: 'retro', effectiveFrom: '2023-01-01' })).expect(422);
    expect(retroactive.body).toMatchObject({ code: 'POLICY_RETROACTIVE', status: 422 });
    expect(await eventCount()).toBe(before);
  });

  it('lets only administrators publish, and auditors and reporters read', async () => {
    const auditor = `Bearer ${await tokenFor(api.config, 'auditor')}`;
    const reporter = `Bearer ${await tokenFor(api.config, 'reporter')}`;
    await request(http)
      .post('/policies')
      .set('Authorization', auditor)
      .send(version({ version: '2040-01-01', effectiveFrom: '2040-01-01' }))
      .expect(403);
    await request(http).get('/policies').set('Authorization', reporter).expect(200);
  });
});
