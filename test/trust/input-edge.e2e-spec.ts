import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';
import { concretePath, routeTable, type Route } from './route-table';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: { readonly format?: string };
}
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { parameters?: readonly Parameter[] }>>;
}

const SOME_ID = '3f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const ISO_FORMS_WE_REFUSE = ['20220101', '2022-W01-1', '2022-032', '2022-01-01T10:00', '2022-01-01 10:00:00+08:00'];
const DATE_NAME = /^(?:asOf|on|from|to|until)$|(?:On|Date|At|From)$/;

interface Field {
  readonly field: string;
  readonly messages: readonly string[];
}
const fieldsOf = (body: { errors?: readonly Field[] }): string[] => (body.errors ?? []).map((error) => error.field);

describe('the API edge: one date format, whole nested objects, readable names, JSON bodies', () => {
  let api: BootedApi;
  let http: App;
  let commands: Route[];
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    // Every command route that takes a JSON body (the workbook import takes the file itself).
    const document = (await request(http).get('/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } } | undefined>>;
    };
    const takesJson = (route: Route): boolean => {
      const content =
        document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()]?.requestBody?.content;
      return content === undefined || 'application/json' in content;
    };
    commands = routeTable(api.app).filter(
      (route) =>
        route.method !== 'GET' &&
        route.access?.kind === 'roles' &&
        route.access.roles.includes('admin') &&
        takesJson(route),
    );
    expect(commands.some((route) => route.path === '/imports')).toBe(false);
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  const send = (route: Route) =>
    request(http)[route.method.toLowerCase() as 'post'](concretePath(route.path, () => SOME_ID));

  it('refuses occurredAt in ISO basic, week or ordinal form on every command route with 400 naming the field', async () => {
    expect(commands.length).toBeGreaterThan(40);
    const before = await eventCount();
    const wrong: string[] = [];
    for (const route of commands) {
      for (const occurredAt of ['20220101', '2022-W01-1', '2022-032']) {
        const response = await send(route).send({ occurredAt });
        const named = response.status === 400 && fieldsOf(response.body).includes('occurredAt');
        if (!named) wrong.push(`${route.method} ${route.path} ${occurredAt} → ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    const accepted = await send(commands[0] as Route).send({ occurredAt: '2022-01-01T10:00:00+08:00' });
    expect(fieldsOf(accepted.body)).not.toContain('occurredAt');
    expect(await eventCount()).toBe(before);
  });

  it('refuses null and wrong shapes where approve-result, officers and ballots expect objects, with 400 naming the field', async () => {
    const election = `/elections/${SOME_ID}`;
    const cases: [string, Record<string, unknown>, string][] = [];
    const approve = { approvalReference: '孝老干党字〔2023〕21号', approvedOn: '2023-03-20' };
    for (const value of [null, [], 'x', 1])
      cases.push(['approve-result', { ...approve, superiorDecision: value }, 'superiorDecision']);
    const officers = {
      chairMemberId: SOME_ID,
      secretary: { memberId: SOME_ID, votes: { for: 5, against: 0, abstain: 0 } },
      scrutineers: [],
      duties: {},
    };
    for (const value of [null, [], 'x'])
      cases.push(['officers', { ...officers, deputySecretary: value }, 'deputySecretary']);
    cases.push(['officers', { ...officers, secretary: { ...officers.secretary, votes: null } }, 'secretary.votes']);
    cases.push(['officers', { ...officers, duties: null }, 'duties']);
    const ballot = { marks: {} };
    for (const value of [null, {}, 'x', [null], [[]]]) {
      cases.push([
        'ballots',
        { race: 'secretary', issued: 1, ballots: [{ ...ballot, writeIns: value }] },
        'ballots[0].writeIns',
      ]);
    }
    cases.push(['ballots', { race: 'secretary', issued: 1, ballots: [null] }, 'ballots']);
    cases.push(['ballots', { race: 'secretary', issued: 1, ballots: [{ marks: null }] }, 'ballots[0].marks']);
    const before = await eventCount();
    for (const [step, body, field] of cases) {
      const response = await request(http).post(`${election}/${step}`).send(body);
      expect([step, field, response.status]).toEqual([step, field, 400]);
      expect(fieldsOf(response.body)).toContain(field);
    }
    expect(await eventCount()).toBe(before);
  });

  it('takes the same date format in every query string and answers 400 naming the parameter for the rest', async () => {
    const document = (await request(http).get('/openapi.json').expect(200)).body as OpenApiDocument;
    const queries = Object.entries(document.paths).flatMap(([path, operations]) =>
      (operations.get?.parameters ?? [])
        .filter((p) => p.in === 'query' && (DATE_NAME.test(p.name) || p.schema?.format === 'date'))
        .map((p) => ({ path: path.replace(/\{\w+\}/g, SOME_ID), name: p.name })),
    );
    // Every date in a query: /audit/events, /reports/statistics, /org/tree, /org/diff, /elections…
    expect(queries.map((q) => `${q.path.replace(SOME_ID, ':id')}?${q.name}`)).toEqual(
      expect.arrayContaining([
        '/audit/events?from',
        '/audit/events?to',
        '/reports/statistics?asOf',
        '/org/tree?asOf',
        '/org/diff?from',
        '/org/diff?to',
        '/elections/:id?asOf',
        '/policies/in-force?on',
      ]),
    );
    const wrong: string[] = [];
    for (const { path, name } of queries) {
      for (const value of ISO_FORMS_WE_REFUSE) {
        const response = await request(http)
          .get(path)
          .query({ [name]: value });
        if (response.status !== 400 || !fieldsOf(response.body).includes(name)) {
          wrong.push(`${path}?${name}=${value} → ${response.status}`);
        }
      }
      const good = await request(http)
        .get(path)
        .query({ [name]: '2023-03-15' });
      if (fieldsOf(good.body).includes(name)) wrong.push(`${path}?${name}=2023-03-15 refused`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses names made only of invisible or direction characters, with control characters or lone surrogates; accepted names read the same everywhere', async () => {
    const before = await eventCount();
    const names = [
      '\u200B\u200C\u200D',
      '\u202E\u2066\u2069',
      ' \u3000\u00A0\uFEFF',
      '府前\u0000支部',
      '府前\u001B[31m',
      '府前\uD800',
    ];
    for (const name of names) {
      for (const [path, body] of [
        ['/committees', { name, kind: 'committee' }],
        ['/branches', { name, parentCommitteeId: SOME_ID }],
        [`/branches/${SOME_ID}/rename`, { name }],
        [
          '/members',
          {
            name,
            birthDate: '1950-03-08',
            sex: 'male',
            joinedPartyOn: '1975-07-01',
            formerPostLevel: '科级',
            membership: 'full',
            branchId: SOME_ID,
          },
        ],
      ] as const) {
        const response = await request(http).post(path).send(body);
        expect([path, JSON.stringify(name), response.status]).toEqual([path, JSON.stringify(name), 400]);
        expect(fieldsOf(response.body)).toContain('name');
      }
    }
    const multiline = await request(http)
      .post(`/branches/${SOME_ID}/dissolve`)
      .send({ reason: '第一行\n第二行\t附注' });
    expect(fieldsOf(multiline.body)).not.toContain('reason');
    expect(await eventCount()).toBe(before);

    // Characters that only look unusual pass, and the event and the read models show the same text.
    const fixtures = new OrganisationFixtures(http);
    const committeeId = await fixtures.committee('孝义市𠮷野离退休干部党委');
    const name = '𠮷野家社区 ‍离退休干部党支部👨‍👩‍👧‍👦';
    const branchId = await fixtures.branch(committeeId, name);
    const [event] = (await api.store.readStream(`branch-${branchId}`)).filter((e) => e.type === 'BranchEstablished');
    expect((event?.data as { name?: string }).name).toBe(name.trim());
    const shown = await request(http).get(`/branches/${branchId}`).expect(200);
    expect(shown.body.name).toBe(name.trim());
    const tree = await request(http).get('/org/tree').query({ asOf: '2023-12-31' }).expect(200);
    expect(JSON.stringify(tree.body)).toContain(JSON.stringify(name.trim()));
  });

  describe('bodies that are not application/json', () => {
    it('answers 415 problem+json on every command route for form, text and XML bodies, appending nothing', async () => {
      const before = await eventCount();
      const wrong: string[] = [];
      for (const route of commands) {
        for (const [type, body] of [
          ['application/x-www-form-urlencoded', 'name=x&kind=committee'],
          ['text/plain', '{"name":"x","kind":"committee"}'],
          ['application/xml', '<name>x</name>'],
          ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--'],
        ] as const) {
          const response = await send(route).set('content-type', type).send(body);
          const ok =
            response.status === 415 && String(response.headers['content-type']).startsWith('application/problem+json');
          if (!ok || response.body.code !== 'UNSUPPORTED_MEDIA_TYPE')
            wrong.push(`${route.path} ${type} → ${response.status}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(await eventCount()).toBe(before);
    });

    it('answers 415 for a body without a Content-Type, and still runs a command sent without a body', async () => {
      const server = api.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const token = await tokenFor(api.config, 'admin');
      const raw = (path: string, body: string | undefined) =>
        new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          const headers: Record<string, string> = { authorization: `Bearer ${token}` };
          if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
          const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }),
            );
          });
          req.on('error', reject);
          req.end(body);
        });
      const untyped = await raw('/committees', '{"name":"某党委","kind":"committee"}');
      expect(untyped.status).toBe(415);
      expect(untyped.type).toContain('application/problem+json');
      expect(JSON.parse(untyped.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      // No body, no type: the command runs (here it finds no restructuring: 404, not 415).
      const bodyless = await raw(`/restructurings/${SOME_ID}/execute`, undefined);
      expect(bodyless.status).toBe(404);
      const empty = await raw(`/restructurings/${SOME_ID}/execute`, '');
      expect(empty.status).toBe(404);
    });
  });
});
