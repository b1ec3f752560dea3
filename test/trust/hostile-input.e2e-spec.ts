import fc from 'fast-check';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { concretePath, routeTable, type Route } from './route-table';

interface Schema {
  readonly type?: string;
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
}
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

const RUNS_PER_ROUTE = 100;

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
const hostileValue = fc.oneof(
  { weight: 3, arbitrary: wrongTypes },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 2, arbitrary: unicodeEdges },
  { weight: 2, arbitrary: badIds },
  { weight: 2, arbitrary: badDates },
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

describe('hostile input to every command route', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  it(`answers ${RUNS_PER_ROUTE} hostile requests per command route with 4xx problem+json, never 5xx, appending nothing`, async () => {
    const document = (await request(http).get('/openapi.json').expect(200)).body as OpenApiDocument;
    const commands = routeTable(api.app).filter(
      (route) => route.method !== 'GET' && route.access?.kind === 'roles' && route.access.roles.includes('admin'),
    );
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
});
