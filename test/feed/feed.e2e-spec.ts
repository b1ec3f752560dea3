import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { seedHistory } from '../audit/read-model-fixtures';

interface FeedLine {
  checkpoint: number;
  position: number;
  stream: string;
  type: string;
  occurredAt: string;
  change: { entity: string; entityId: string; summary: { zh: string; en: string }; data: Record<string, unknown> };
}

describe('change feed over HTTP', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    await seedHistory(api.store);
  });
  afterAll(() => api.close());

  const read = async (query = '') => {
    const res = await request(http).get(`/feed${query}`).buffer(true).parse(textBody).expect(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const text = res.body as string;
    const lines =
      text === ''
        ? []
        : text
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as FeedLine);
    return { lines, next: res.headers['x-next-checkpoint'], more: res.headers['x-more'] };
  };

  it('gives one NDJSON line per change, each with its checkpoint', async () => {
    const { lines, next, more } = await read();
    const events = await api.store.readAll();
    expect(lines.map((line) => line.position)).toEqual(events.map((event) => event.position));
    expect(lines.every((line) => line.checkpoint === line.position)).toBe(true);
    expect(next).toBe(String(events[events.length - 1]!.position));
    expect(more).toBe('false');
    expect(lines.find((line) => line.type === 'MemberTransferred')).toMatchObject({
      stream: 'member-m-lqa',
      occurredAt: '2023-03-15T00:00:00.000Z',
      change: {
        entity: 'member',
        entityId: 'm-lqa',
        summary: { zh: '党员李全爱的组织关系由永盛社区离退休干部党支部转入永安社区离退休干部党支部' },
        data: { fromBranchId: 'b-ys', toBranchId: 'b-ya' },
      },
    });
  });

  it('resumes exactly after a checkpoint, also for changes made after the first read', async () => {
    const all = (await read()).lines;
    const checkpoint = all[9]!.checkpoint;
    const resumed = await read(`?after=${checkpoint}`);
    expect(resumed.lines).toEqual(all.slice(10));

    const caughtUp = await read(`?after=${resumed.next}`);
    expect(caughtUp.lines).toEqual([]);
    expect(caughtUp.next).toBe(resumed.next);

    await request(http).post('/committees').send({ name: '梧桐镇老干部党委', kind: 'committee' }).expect(201);
    await request(http).post('/committees').send({ name: '下堡镇老干部党委', kind: 'committee' }).expect(201);
    const later = await read(`?after=${resumed.next}`);
    expect(later.lines.map((line) => line.change.summary.zh)).toEqual(['成立梧桐镇老干部党委', '成立下堡镇老干部党委']);
  });

  it('walks the whole feed in small pages, following X-Next-Checkpoint, with no duplicates and no gaps', async () => {
    const all = (await read()).lines.map((line) => line.checkpoint);
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await read(`?limit=4${after === undefined ? '' : `&after=${after}`}`);
      seen.push(...page.lines.map((line) => line.checkpoint));
      after = page.next;
      if (page.more === 'false') break;
    }
    expect(seen).toEqual(all);
  });

  it('refuses a malformed checkpoint with 400', async () => {
    await request(http).get('/feed?after=abc').expect(400);
    await request(http).get('/feed?limit=0').expect(400);
  });
});

function textBody(res: import('superagent').Response, callback: (error: Error | null, body: string) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => callback(null, text));
}
