import request from 'supertest';
import type { App } from 'supertest/types';
import { MemoryEventStore } from '@app/event-store';
import { bootApi, type BootedApi } from './boot-api';

const CJK = /[\u4e00-\u9fff]/;

/** What the committee is, and a branch dated the day before it was established: refused with 422. */
const COMMITTEE = { name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2023-01-05' };
const tooEarly = (committeeId: string) => ({
  name: '府东社区离退休干部党支部',
  parentCommitteeId: committeeId,
  occurredAt: '2023-01-04',
});

const CHINESE_REFUSAL =
  '府东社区离退休干部党支部成立的日期为2023年1月4日，早于孝义市离退休干部党委的成立日期2023年1月5日：' +
  '组织成立之前，不能为其记载任何事项（见 docs/rules.md 第 2.6 节）。';
const ENGLISH_REFUSAL =
  'The establishment of branch 府东社区离退休干部党支部 is dated 2023-01-04, before party committee ' +
  '孝义市离退休干部党委 was established on 2023-01-05; nothing can be recorded for an organisation before it exists.';

async function committeeOf(http: App): Promise<string> {
  const created = await request(http).post('/committees').send(COMMITTEE).expect(201);
  return created.body.events[0].data.committeeId as string;
}

describe('the language of answers (Accept-Language, default zh-CN)', () => {
  let api: BootedApi;
  let http: App;
  let committeeId: string;
  beforeAll(async () => {
    api = await bootApi({ store: new MemoryEventStore() });
    http = api.app.getHttpServer();
    committeeId = await committeeOf(http);
  });
  afterAll(() => api.close());

  const refusedIn = async (acceptLanguage: string | undefined) => {
    const sent = request(http).post('/branches');
    if (acceptLanguage !== undefined) void sent.set('Accept-Language', acceptLanguage);
    const response = await sent.send(tooEarly(committeeId)).expect(422);
    expect(response.body).toMatchObject({ status: 422, code: 'DATED_BEFORE_ESTABLISHMENT' });
    return response;
  };

  it('answers a rule refusal in Chinese for zh-CN, zh and zh-Hans, in English for en, and in Chinese without a header', async () => {
    for (const chinese of ['zh-CN', 'zh', 'zh-Hans', undefined, 'fr-FR', 'en;q=0.3, zh-CN;q=0.9']) {
      const response = await refusedIn(chinese);
      expect([chinese, response.body.detail]).toEqual([chinese, CHINESE_REFUSAL]);
      expect(response.headers['content-language']).toBe('zh-CN');
      expect(response.headers['vary']).toMatch(/Accept-Language/i);
    }
    for (const english of ['en', 'en-US,en;q=0.9,zh-CN;q=0.8', 'fr, en-GB;q=0.5']) {
      const response = await refusedIn(english);
      expect([english, response.body.detail]).toEqual([english, ENGLISH_REFUSAL]);
      expect(response.headers['content-language']).toBe('en');
    }
    // Programs read the same code and facts in either language.
    const [zh, en] = [await refusedIn('zh-CN'), await refusedIn('en')];
    expect(zh.body.details).toEqual(en.body.details);
    expect(zh.body.details).toMatchObject({ date: '2023-01-04', establishedOn: '2023-01-05' });
  });

  it('declares the code it answered in the ProblemDetails code enum of /openapi.json', async () => {
    const document = (await request(http).get('/openapi.json').expect(200)).body as {
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    const codes = document.components.schemas['ProblemDetails']?.properties['code']?.enum ?? [];
    expect(codes).toEqual(expect.arrayContaining(['DATED_BEFORE_ESTABLISHMENT', 'VALIDATION_FAILED', 'NOT_FOUND']));
    expect(codes).toContain('IDEMPOTENCY_KEY_REUSED');
    expect(codes.length).toBeGreaterThan(180);
    expect(codes).toContain((await refusedIn('en')).body.code);
  });

  it('answers a malformed body with 400 and every field in Chinese, or in English when asked', async () => {
    const body = { name: '', kind: 'party', parentCommitteeId: 'nope', colour: 'red' };
    const chinese = await request(http).post('/committees').send(body).expect(400);
    expect(chinese.body.code).toBe('VALIDATION_FAILED');
    expect(chinese.body.detail).toMatch(/^请求的内容有误：/);
    const byField = Object.fromEntries(
      (chinese.body.errors as { field: string; messages: string[] }[]).map((e) => [e.field, e.messages]),
    );
    expect(byField).toMatchObject({
      colour: ['不接受字段 colour'],
      kind: [expect.stringMatching(/^kind 须为以下值之一：/)],
      parentCommitteeId: ['parentCommitteeId 须为 UUID'],
    });
    for (const message of Object.values(byField).flat()) expect(message).toMatch(CJK);
    const english = await request(http).post('/committees').set('Accept-Language', 'en').send(body).expect(400);
    expect(english.body.detail).toMatch(/^The request is invalid: /);
    expect(english.body.errors).toEqual(
      expect.arrayContaining([{ field: 'colour', messages: ['property colour should not exist'] }]),
    );
    expect((english.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      (chinese.body.errors as { field: string }[]).map((e) => e.field),
    );
  });

  it('says in Chinese what does not exist, which route is unknown, and what the body may not be', async () => {
    const unknownBranch = await request(http).get('/branches/6f1c1d9e-5d4a-4e8b-9a39-3f2b8a0c1d11').expect(404);
    expect(unknownBranch.body).toMatchObject({
      code: 'NOT_FOUND',
      detail: '支部 6f1c1d9e-5d4a-4e8b-9a39-3f2b8a0c1d11 不存在。',
    });
    const route = await request(http).get('/nowhere').expect(404);
    expect(route.body).toMatchObject({ code: 'NOT_FOUND', detail: '没有 GET /nowhere 这一接口。' });
    const typed = await request(http).post('/committees').set('Content-Type', 'text/plain').send('x').expect(415);
    expect(typed.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: '请求正文的类型是 text/plain：所有命令的正文都须为 application/json。',
    });
    const broken = await request(http).post('/committees').set('Content-Type', 'application/json').send('{"name":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({
      code: 'BAD_REQUEST',
      detail: expect.stringMatching(/^请求正文不是可接受的 JSON/),
    });
  });

  it('writes CSV headers in Chinese for zh-CN and keeps the stable English ones for en', async () => {
    const csv = async (language: string) =>
      (
        await request(http)
          .get('/reports/branches?format=csv')
          .set('Accept-Language', language)
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer;
    const zh = (await csv('zh-CN')).toString('utf8');
    const en = (await csv('en')).toString('utf8');
    expect(zh.split('\r\n')[0]).toBe(
      '\uFEFF支部编号,支部名称,党组织编号,隶属党组织,是否联合党支部,状态,成立日期,撤销日期,正式党员人数,预备党员人数,是否设支部委员会,书记编号,书记姓名',
    );
    expect(en.split('\r\n')[0]).toBe(
      '\uFEFFbranch_id,name,committee_id,committee_name,joint,status,established_on,dissolved_on,full_members,probationary_members,has_committee,secretary_id,secretary_name',
    );
    expect(zh.split('\r\n').slice(1)).toEqual(en.split('\r\n').slice(1));
  });
});

describe('BRANCHFLOW_LANGUAGE=en', () => {
  let api: BootedApi;
  afterAll(() => api.close());

  it('answers in English when the request names no language it can use, in Chinese when it asks for it', async () => {
    api = await bootApi({ store: new MemoryEventStore(), env: { BRANCHFLOW_LANGUAGE: 'en' } });
    const http = api.app.getHttpServer() as App;
    const committeeId = await committeeOf(http);
    const plain = await request(http).post('/branches').send(tooEarly(committeeId)).expect(422);
    expect(plain.body.detail).toBe(ENGLISH_REFUSAL);
    expect(plain.headers['content-language']).toBe('en');
    const other = await request(http).post('/branches').set('Accept-Language', 'de').send(tooEarly(committeeId));
    expect(other.body.detail).toBe(ENGLISH_REFUSAL);
    const chinese = await request(http).post('/branches').set('Accept-Language', 'zh-CN').send(tooEarly(committeeId));
    expect(chinese.body.detail).toBe(CHINESE_REFUSAL);
  });
});

describe('refusals before a route is reached', () => {
  let api: BootedApi;
  afterAll(() => api.close());

  it('answers a request without a token in the language it asks for', async () => {
    api = await bootApi({ store: new MemoryEventStore(), auth: 'explicit' });
    const http = api.app.getHttpServer() as App;
    const chinese = await request(http).get('/policies').expect(401);
    expect(chinese.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: '请先登录：请求须带有访问令牌（Authorization: Bearer <令牌>）。',
    });
    const english = await request(http).get('/policies').set('Accept-Language', 'en').expect(401);
    expect(english.body.detail).toBe('A bearer token is required (Authorization: Bearer <token>).');
  });
});
