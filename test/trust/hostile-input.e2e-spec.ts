import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { concretePath, routeTable, type Route } from './route-table';

interface Schema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly minimum?: number;
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly additionalProperties?: unknown;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: Schema;
}
interface Operation {
  readonly requestBody?: { content?: Record<string, { schema?: Schema }> };
  readonly parameters?: readonly Parameter[];
}
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

/** Bodies that can never be valid, per command route. */
const RUNS_PER_ROUTE = 100;
/** Otherwise valid bodies with one hostile value, per command route. */
const MUTATIONS_PER_ROUTE = 100;
/** Hostile dates per date parameter of a query string. */
const RUNS_PER_QUERY_DATE = 20;

const hugeString = fc.integer({ min: 100_001, max: 150_000 }).map((n) => 'x'.repeat(n));
const unicodeEdges = fc.constantFrom(
  '\u0000',
  '\uD800',
  '\u202Eevil',
  '𠮷野家',
  '👨‍👩‍👧‍👦',
  'Z̵̡̢͙a̸͓l̷g̶o̵',
  '\u200B',
  'ＡＢＣ',
  ' ',
  '',
);
const badIds = fc.constantFrom(
  'not-a-uuid',
  '../../etc/passwd',
  "' OR 1=1 --",
  '00000000-0000-0000-0000-00000000000g',
  '{}',
);
const badDates = fc.constantFrom('2023-02-30', '2023-13-01', '99999-01-01', '2023-1-1', 'yesterday', '2999-01-01', '');
const wrongTypes = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
// A body over the 100 kB limit costs twenty small ones to send: a few per route find the 413.
const hostileValue = fc.oneof(
  { weight: 30, arbitrary: wrongTypes },
  { weight: 20, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 20, arbitrary: unicodeEdges },
  { weight: 20, arbitrary: badIds },
  { weight: 20, arbitrary: badDates },
  { weight: 1, arbitrary: hugeString },
);
const extraField = fc.constantFrom('actor', 'isAdmin', 'colour', 'constructor', '__proto__', 'revision');
const encodable = (text: string): boolean => {
  try {
    return encodeURIComponent(text).length > 0;
  } catch {
    return false; // a lone surrogate cannot travel in a URL at all
  }
};
const pathValue = fc.oneof(fc.uuid(), badIds, unicodeEdges.filter(encodable));

/** ISO 8601 forms the API does not take (basic, week, ordinal, no offset…), and dates that do not exist. */
const isoFormsRefused = fc.constantFrom(
  '20220101',
  '2022-W01-1',
  '2022W011',
  '2022-032',
  '2022032',
  '2022-01-01T10:00',
  '2022-01-01T10:00:00',
  '2022-01-01 10:00:00+08:00',
  '20220101T100000Z',
  '2022-01-01T24:00:00Z',
  '2022-01-01T23:59:60Z',
  '2022-01-01T10:00:00+2400',
  '+002022-01-01',
  '2022-02-29',
  '2022-1-1',
  '0000-01-01',
  '2022-01-01Z',
);
/** Text no one can read or that would read differently in the read models. */
const unreadableText = fc.constantFrom(
  '\u200B',
  '\u200B\u200C\u200D\u2060',
  '\u202E\u202D\u2066\u2069',
  ' \u3000\u00A0\uFEFF',
  '\u0301\u0302',
  '府前\u0000支部',
  '府前\u0007支部',
  '\u001B[31m红',
  '王\u0085建国',
  '\uD800',
  '府前\uDBFF',
  '\uDC00支部',
);
/** Values of the wrong shape for an object, a list or anything. */
const notAnObject = fc.constantFrom<unknown>(null, [], [{}], 'x', 0, true);
const notAList = fc.constantFrom<unknown>(null, {}, 'x', 0, [null], [[]], ['x'], [0]);

interface Seeds {
  /** Existing ids by path parameter name, so mutated commands reach deciders, not only 404s. */
  readonly byParam: Record<string, readonly string[]>;
}

const resolved = (document: OpenApiDocument, schema: Schema | undefined): Schema => {
  if (!schema) return {};
  if (schema.$ref) return resolved(document, document.components.schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolved(document, part));
    return {
      ...schema,
      ...Object.assign({}, ...parts),
      properties: Object.assign({}, schema.properties, ...parts.map((part) => part.properties ?? {})),
      required: [...(schema.required ?? []), ...parts.flatMap((part) => part.required ?? [])],
      allOf: undefined,
    };
  }
  return schema;
};

const DATE_NAME = /^(?:asOf|on|from|to|until|deadline|occurredAt)$|(?:On|Date|At|From)$/;

/** A value the schema accepts (as far as one field can say: cross-field rules may still refuse it). */
function validValue(
  document: OpenApiDocument,
  raw: Schema | undefined,
  name: string,
  ids: Seeds,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolved(document, raw);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.properties) return validObject(document, schema, ids, depth + 1);
  switch (schema.type) {
    case 'array': {
      if (depth > 3) return fc.constant([]);
      return fc.array(validValue(document, schema.items, name, ids, depth + 1), { minLength: 1, maxLength: 2 });
    }
    case 'object':
      return fc.constant({});
    case 'integer':
    case 'number':
      return fc.constant(typeof schema.example === 'number' ? schema.example : (schema.minimum ?? 1));
    case 'boolean':
      return fc.boolean();
    default:
      if (schema.format === 'uuid') {
        const known = Object.entries(ids.byParam).find(([param]) => param === name)?.[1] ?? [];
        return known.length > 0
          ? fc.oneof(fc.constantFrom(...known), fc.uuid({ version: 4 }))
          : fc.uuid({ version: 4 });
      }
      if (schema.format === 'date' || DATE_NAME.test(name))
        return fc.constantFrom('2023-03-15', '2023-06-30', '2024-01-05');
      return fc.constant(typeof schema.example === 'string' ? schema.example : '测试');
  }
}

function validObject(
  document: OpenApiDocument,
  schema: Schema,
  ids: Seeds,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, validValue(document, property, name, ids, depth)]),
  );
  return fc.record(model, { requiredKeys: [...required].filter((key) => key in model) });
}

/** Where a hostile value can go in a body: a property, or a property of a nested object or list element. */
interface Slot {
  readonly path: readonly (string | number)[];
  readonly kind: 'date' | 'object' | 'list' | 'values' | 'string' | 'value';
}

function slotsOf(
  document: OpenApiDocument,
  raw: Schema | undefined,
  prefix: readonly (string | number)[] = [],
  depth = 0,
): Slot[] {
  const schema = resolved(document, raw);
  if (depth > 3) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]): Slot[] => {
    const path = [...prefix, name];
    const inner = resolved(document, property);
    if (inner.properties) return [{ path, kind: 'object' }, ...slotsOf(document, inner, path, depth + 1)];
    if (inner.type === 'array') {
      const items = resolved(document, inner.items);
      if (!items.properties) return [{ path, kind: 'values' }];
      return [{ path, kind: 'list' }, ...slotsOf(document, items, [...path, 0], depth + 1)];
    }
    if (inner.type === 'object') return [{ path, kind: 'object' }];
    if (inner.type === 'string' && (inner.format === 'date' || DATE_NAME.test(name))) return [{ path, kind: 'date' }];
    if (inner.type === 'string') return [{ path, kind: 'string' }];
    return [{ path, kind: 'value' }];
  });
}

/** What to put in a slot, and whether the API must refuse it whatever the rest of the body says. */
function hostileFor(slot: Slot): fc.Arbitrary<{ value: unknown; refuse: boolean }> {
  const refused = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => ({ value, refuse: true }));
  const maybe = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => ({ value, refuse: false }));
  switch (slot.kind) {
    case 'date':
      return fc.oneof(
        { weight: 4, arbitrary: refused(isoFormsRefused) },
        { weight: 1, arbitrary: refused(fc.constantFrom<unknown>(null, 20220101, [], {})) },
        { weight: 1, arbitrary: maybe(fc.constantFrom('1900-01-01', '9999-12-31', '2022-02-28T23:59:59-12:00')) },
      );
    case 'object':
      return fc.oneof({ weight: 4, arbitrary: refused(notAnObject) }, { weight: 1, arbitrary: maybe(fc.constant({})) });
    case 'list':
      return fc.oneof({ weight: 4, arbitrary: refused(notAList) }, { weight: 1, arbitrary: maybe(fc.constant([])) });
    case 'values':
      return fc.oneof(
        { weight: 4, arbitrary: refused(fc.constantFrom<unknown>(null, {}, 'x', 0, [null], [[]], [{}])) },
        { weight: 2, arbitrary: refused(unreadableText.map((text) => [text])) },
        { weight: 1, arbitrary: maybe(fc.constantFrom<unknown>([], ['x'], [1])) },
      );
    case 'string':
      return fc.oneof(
        { weight: 3, arbitrary: refused(unreadableText) },
        { weight: 1, arbitrary: refused(fc.constantFrom<unknown>(null, 0, [], {})) },
        { weight: 2, arbitrary: maybe(fc.oneof(unicodeEdges, badIds, fc.string({ maxLength: 20, unit: 'grapheme' }))) },
      );
    case 'value':
      return fc.oneof(
        { weight: 1, arbitrary: refused(fc.constant(null)) },
        { weight: 2, arbitrary: maybe(wrongTypes) },
      );
    default:
      return slot.kind;
  }
}

function setAt(body: Record<string, unknown>, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    const next = target[step];
    if (typeof next !== 'object' || next === null) return copy; // the slot's parent was left out
    target = next as Record<string | number, unknown>;
  }
  target[path[path.length - 1] as string | number] = value;
  return copy;
}

/** A valid body, then one slot replaced by a hostile value; or, now and then, no object at all. */
function mutatedBody(document: OpenApiDocument, schema: Schema | undefined, ids: Seeds) {
  const slots = slotsOf(document, schema);
  const top = fc
    .constantFrom<unknown>(null, [], 'x', 0, [{}])
    .map((value) => ({ body: value, refuse: true, where: '(body)' }));
  if (slots.length === 0) return top;
  const one = fc
    .tuple(validObject(document, resolved(document, schema), ids, 0), fc.constantFrom(...slots))
    .chain(([body, slot]) =>
      hostileFor(slot).map(({ value, refuse }) => {
        const placed = setAt(body, slot.path, value);
        // A hostile value placed under a parent the valid body left out never reaches the API.
        const reached = JSON.stringify(placed) !== JSON.stringify(body);
        return { body: placed, refuse: refuse && reached, where: slot.path.join('.') };
      }),
    );
  return fc.oneof({ weight: 19, arbitrary: one }, { weight: 1, arbitrary: top });
}

/** The properties and required list of a route's body schema, following $ref and allOf. */
function bodySchema(document: OpenApiDocument, route: Route): { properties: string[]; required: string[] } {
  const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
  const operation = document.paths[openApiPath]?.[route.method.toLowerCase()];
  const resolve = (schema: Schema | undefined): Schema[] => {
    if (!schema) return [];
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop() ?? '']);
    return [schema, ...(schema.allOf ?? []).flatMap(resolve)];
  };
  const parts = resolve(operation?.requestBody?.content?.['application/json']?.schema);
  return {
    properties: [...new Set(parts.flatMap((part) => Object.keys(part.properties ?? {})))],
    required: [...new Set(parts.flatMap((part) => part.required ?? []))],
  };
}

/**
 * Hostile bodies that can never be valid: every value comes from the hostile pool, and each
 * body also carries an unknown field or lacks a required one — so whatever the values, the only
 * acceptable answers are 4xx problem documents, and nothing may be appended.
 */
function hostileBody(schema: { properties: string[]; required: string[] }) {
  const values = fc.record(Object.fromEntries(schema.properties.map((name) => [name, hostileValue])), {
    requiredKeys: [],
  });
  const flaw =
    schema.required.length > 0
      ? fc.oneof(
          extraField.map((name) => ({ kind: 'extra' as const, name })),
          fc.constantFrom(...schema.required).map((name) => ({ kind: 'missing' as const, name })),
        )
      : extraField.map((name) => ({ kind: 'extra' as const, name }));
  return fc.tuple(values, flaw, hostileValue).map(([body, defect, value]) => {
    const result: Record<string, unknown> = { ...body };
    if (defect.kind === 'extra') Object.defineProperty(result, defect.name, { value, enumerable: true });
    else delete result[defect.name];
    return result;
  });
}

const SEEDLESS_ID = '7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11';

const openApiPathOf = (route: Route): string => route.path.replace(/:(\w+)/g, '{$1}');

/** A path value: mostly an id that exists (so the command reaches its decider), else any uuid or a bad id. */
function seededPathValue(seeds: Seeds, param: string): fc.Arbitrary<string> {
  const known = seeds.byParam[param] ?? [];
  return known.length === 0
    ? fc.oneof({ weight: 4, arbitrary: fc.uuid({ version: 4 }) }, { weight: 1, arbitrary: badIds })
    : fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...known) },
        { weight: 2, arbitrary: fc.uuid({ version: 4 }) },
        { weight: 1, arbitrary: badIds },
      );
}

/** An organisation to aim at: a committee, branches with members and posts, an election, a restructuring, a campaign. */
async function seedOrganisation(http: App): Promise<Seeds> {
  const post = async (path: string, body: object): Promise<Record<string, string>> =>
    (
      await request(http)
        .post(path)
        .send(body)
        .expect((r) => expect(r.status).toBeLessThan(300))
    ).body.events[0].data as Record<string, string>;
  const { committeeId } = await post('/committees', {
    name: '孝义市离退休干部党委',
    kind: 'committee',
    occurredAt: '2022-01-01',
  });
  const branch = (name: string) =>
    post('/branches', {
      name,
      parentCommitteeId: committeeId,
      managementLinks: [{ kind: 'community', name: `${name}所在社区党委` }],
      occurredAt: '2022-02-01',
    });
  const fuqian = await branch('府前社区离退休干部党支部');
  const yongan = await branch('永安社区离退休干部党支部');
  const memberIds: string[] = [];
  for (const [index, branchId] of [
    fuqian.branchId,
    fuqian.branchId,
    fuqian.branchId,
    fuqian.branchId,
    yongan.branchId,
  ].entries()) {
    const admitted = await post('/members', {
      name: `党员${index + 1}`,
      birthDate: '1950-03-08',
      sex: index % 2 ? 'female' : 'male',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '科级',
      membership: 'full',
      branchId,
      occurredAt: '2022-03-01',
    });
    memberIds.push(admitted.memberId as string);
  }
  const branchId = fuqian.branchId as string;
  const { postId } = (
    await request(http)
      .post(`/branches/${branchId}/posts`)
      .send({
        kind: 'secretary',
        source: 'elected',
        holder: { personId: memberIds[0], name: '党员1' },
        startDate: '2022-03-01',
        occurredAt: '2022-03-01',
      })
      .expect(201)
  ).body.events[0].data.post as { postId: string };
  const { electionId } = await post('/elections', {
    branchId,
    committeeWorking: '支委会能正常开展工作',
    secretarySituation: '书记本人不愿连任',
    occurredAt: '2023-01-05',
  });
  const { restructuringId } = await post('/restructurings/dissolution', {
    branchId: yongan.branchId,
    destinationBranchId: branchId,
    reason: '正式党员不足3名',
    occurredAt: '2023-01-05',
  });
  const { campaignId } = await post('/campaigns', {
    title: '换届选举工作方案',
    documentNumber: '孝老干字〔2023〕1号',
    requirements: ['按期换届'],
    deadline: '2023-12-31',
    occurredAt: '2023-01-02',
  });
  const { groupId } = await post(`/campaigns/${campaignId}/working-groups`, {
    name: '第一组',
    leader: { personId: '5d1c8e0a-3b4f-4c6d-9e7f-8a9b0c1d2e3f', name: '张局长' },
    occurredAt: '2023-01-02',
  });
  const linkOf = async (id: string) =>
    ((await request(http).get(`/branches/${id}`).expect(200)).body as { managementLinks: { linkId: string }[] })
      .managementLinks[0]?.linkId as string;
  return {
    byParam: {
      committeeId: [committeeId as string],
      parentCommitteeId: [committeeId as string],
      branchId: [branchId, yongan.branchId as string],
      toBranchId: [branchId, yongan.branchId as string],
      destinationBranchId: [branchId],
      memberId: memberIds,
      personId: memberIds,
      postId: [postId],
      linkId: [await linkOf(branchId), await linkOf(yongan.branchId as string)],
      electionId: [electionId as string],
      restructuringId: [restructuringId as string],
      campaignId: [campaignId as string],
      groupId: [groupId as string],
    },
  };
}

/** A POST with exactly the given Content-Type (none at all when undefined), which supertest cannot leave out. */
async function rawPost(
  api: BootedApi,
  path: string,
  body: string,
  type: string | undefined,
): Promise<{ status: number; type: string; code: unknown }> {
  const server = api.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const token = await tokenFor(api.config, 'admin');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-length': String(Buffer.byteLength(body)),
    };
    if (type !== undefined) headers['content-type'] = type;
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        let code: unknown;
        try {
          code = (JSON.parse(text) as { code?: unknown }).code;
        } catch {
          code = undefined;
        }
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), code });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile input to every command route', () => {
  let api: BootedApi;
  let http: App;
  let commands: Route[];
  let seeds: Seeds;
  /** Requests sent by every test, to report the total. */
  let sent = 0;
  beforeAll(async () => {
    // Thousands of writes a minute from one caller: the throttle would answer most of them 429.
    api = await bootApi({ env: { BRANCHFLOW_WRITES_PER_MINUTE: '1000000' } });
    http = api.app.getHttpServer();
    // Listening once: supertest would otherwise open and close a server for every request.
    const server = http as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    commands = routeTable(api.app).filter(
      (route) => route.method !== 'GET' && route.access?.kind === 'roles' && route.access.roles.includes('admin'),
    );
    seeds = await seedOrganisation(http);
  });
  afterAll(() => {
    console.log(`hostile input: ${sent} requests in all`);
    return api.close();
  });

  it(`answers ${RUNS_PER_ROUTE} hostile requests per command route with 4xx problem+json, never 5xx, appending nothing`, async () => {
    const document = (await request(http).get('/openapi.json').expect(200)).body as OpenApiDocument;
    expect(commands.length).toBeGreaterThan(20);
    const before = (await api.store.readAll()).length;
    const statuses = new Map<number, number>();
    for (const route of commands) {
      const schema = bodySchema(document, route);
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
      await fc.assert(
        fc.asyncProperty(
          hostileBody(schema),
          fc.array(pathValue, { minLength: params.length, maxLength: params.length }),
          async (body, values) => {
            const path = concretePath(route.path, (param) => values[params.indexOf(param)] ?? 'x');
            const response = await request(http)[route.method.toLowerCase() as 'post'](path).send(body);
            sent += 1;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const label = `${route.method} ${route.path} → ${response.status} for ${JSON.stringify(body).slice(0, 300)}`;
            expect([label, response.status >= 400 && response.status < 500]).toEqual([label, true]);
            expect(response.headers['content-type']).toContain('application/problem+json');
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    console.log(
      `hostile input: ${commands.length} command routes x ${RUNS_PER_ROUTE} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(statuses.has(500)).toBe(false);
    expect((await api.store.readAll()).length).toBe(before);
  }, 300_000);

  it(`answers ${MUTATIONS_PER_ROUTE} otherwise valid bodies per command route, each with one hostile value (ISO basic/week/ordinal dates, null and wrong-shaped objects, unreadable text): 400 for what must be refused, never 5xx, and nothing appended by any refusal`, async () => {
    const document = (await request(http).get('/openapi.json').expect(200)).body as OpenApiDocument;
    const statuses = new Map<number, number>();
    const refusedKeys = new Set<string>();
    let accepted = 0;
    for (const route of commands) {
      const operation = document.paths[openApiPathOf(route)]?.[route.method.toLowerCase()];
      const content = operation?.requestBody?.content;
      // A route that takes a file (the workbook import) has no JSON body to mutate; a JSON body is
      // refused there with 415, which the content-type test below covers for every route.
      if (content !== undefined && content['application/json'] === undefined) continue;
      const schema = content?.['application/json']?.schema;
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
      await fc.assert(
        fc.asyncProperty(
          mutatedBody(document, schema, seeds),
          fc.tuple(...params.map((param) => seededPathValue(seeds, param))),
          async ({ body, refuse, where }, values) => {
            sent += 1;
            const key = `hostile-${sent}`;
            const path = concretePath(route.path, (param) => values[params.indexOf(param)] ?? 'x');
            const response = await request(http)
              [route.method.toLowerCase() as 'post'](path)
              .set('Idempotency-Key', key)
              .set('content-type', 'application/json')
              .send(JSON.stringify(body));
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.status >= 400) refusedKeys.add(key);
            else accepted += 1;
            const label = `${route.method} ${path} [${where}] → ${response.status} ${JSON.stringify(response.body).slice(0, 200)} for ${JSON.stringify(body).slice(0, 300)}`;
            expect([label, response.status < 500]).toEqual([label, true]);
            if (refuse) expect([label, response.status]).toEqual([label, 400]);
            if (response.status >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
          },
        ),
        { numRuns: MUTATIONS_PER_ROUTE },
      );
    }
    console.log(
      `hostile input (mutated valid bodies): ${commands.length} routes x ${MUTATIONS_PER_ROUTE}, ${accepted} accepted, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(statuses.has(500)).toBe(false);
    // Every event names the command that caused it; none may come from a refused request.
    const fromRefused = (await api.store.readAll()).filter(
      (event) =>
        refusedKeys.has(event.metadata.commandId) ||
        refusedKeys.has(event.metadata.correlationId) ||
        refusedKeys.has(event.metadata.causationId),
    );
    expect(fromRefused.map((event) => `${event.type} ${event.metadata.commandId}`)).toEqual([]);
  }, 300_000);

  it('answers 415 problem+json to every command route for bodies that are not application/json, appending nothing', async () => {
    const before = (await api.store.readAll()).length;
    const types = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/problem+json',
      'application/json-patch+json',
      'application/jsonx',
      'text/json',
      undefined,
    );
    const bodies = fc.constantFrom('{"name":"某党委","kind":"committee"}', 'name=x&kind=committee', '<a/>', '{}', 'x');
    let count = 0;
    for (const route of commands) {
      await fc.assert(
        fc.asyncProperty(types, bodies, async (type, body) => {
          count += 1;
          sent += 1;
          const path = concretePath(route.path, () => SEEDLESS_ID);
          const response = await rawPost(api, path, body, type);
          const label = `${route.path} ${String(type)} → ${response.status}`;
          expect([label, response.status, response.code]).toEqual([label, 415, 'UNSUPPORTED_MEDIA_TYPE']);
          expect(response.type).toContain('application/problem+json');
        }),
        { numRuns: 10 },
      );
    }
    console.log(`hostile input (content types): ${count} requests, all 415`);
    expect((await api.store.readAll()).length).toBe(before);
  }, 120_000);

  it('answers hostile dates in every query string with 400 naming the parameter, never 5xx', async () => {
    const document = (await request(http).get('/openapi.json').expect(200)).body as OpenApiDocument;
    const queries = Object.entries(document.paths).flatMap(([path, operations]) =>
      (operations.get?.parameters ?? [])
        .filter((p) => p.in === 'query' && (DATE_NAME.test(p.name) || p.schema?.format === 'date'))
        .map((p) => ({
          path: path.replace(/\{(\w+)\}/g, (_, param: string) => seeds.byParam[param]?.[0] ?? SEEDLESS_ID),
          name: p.name,
        })),
    );
    expect(queries.length).toBeGreaterThanOrEqual(10);
    for (const { path, name } of queries) {
      await fc.assert(
        fc.asyncProperty(isoFormsRefused, async (value) => {
          sent += 1;
          const response = await request(http)
            .get(path)
            .query({ [name]: value });
          const fields = ((response.body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
          const label = `${path}?${name}=${value} → ${response.status}`;
          expect([label, response.status, fields.includes(name)]).toEqual([label, 400, true]);
        }),
        { numRuns: RUNS_PER_QUERY_DATE },
      );
    }
  }, 120_000);

  it('has sent at least 10,000 hostile requests', () => {
    expect(sent).toBeGreaterThanOrEqual(10_000);
  });
});
