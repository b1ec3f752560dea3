import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import request from 'supertest';
import type { NextFunction, Request, Response } from 'express';
import { bootApi, type BootedApi } from './boot-api';
import { ResponseConformance, type OpenApiDocument } from './response-conformance';

const PROBLEM = { $ref: '#/components/schemas/Problem' };
const DOCUMENT: OpenApiDocument = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { content: { 'application/problem+json': { schema: PROBLEM } } },
        },
      },
    },
    '/things': {
      post: {
        responses: {
          '201': {
            headers: { Location: { required: true } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          count: { type: 'integer', nullable: true },
          kind: { type: 'string', enum: ['a', 'b'], nullable: true },
        },
        required: ['id', 'count'],
      },
      Problem: { type: 'object', properties: { status: { type: 'integer' } }, required: ['status'] },
    },
  },
};

/** Answers by path, so each case sends exactly one kind of departure from the document. */
const ANSWERS: Record<string, [number, string, unknown, Record<string, string>?]> = {
  '/things/good': [200, 'application/json', { id: 'g', count: null, kind: null }],
  '/things/extra': [200, 'application/json', { id: 'e', count: 1, secret: 'x' }],
  '/things/incomplete': [200, 'application/json', { count: 1 }],
  '/things/null-id': [200, 'application/json', { id: null, count: 1 }],
  '/things/teapot': [418, 'application/json', { id: 't', count: 1 }],
  '/things/text': [200, 'text/plain', 'hello'],
  '/things/gone': [404, 'application/problem+json', { status: 404 }],
  '/things': [201, 'application/json', { id: 'n', count: 0 }],
};

function serve(conformance: ResponseConformance) {
  return createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    conformance.recorder(
      incoming as Request,
      outgoing as Response,
      (() => {
        const [status, type, body] = ANSWERS[incoming.url ?? ''] ?? [404, 'text/plain', 'no route'];
        // As Express answers: headers set on the response, not passed to writeHead.
        outgoing.statusCode = status;
        outgoing.setHeader('Content-Type', type);
        outgoing.end(typeof body === 'string' ? body : JSON.stringify(body));
      }) as NextFunction,
    );
  });
}

describe('the response conformance check', () => {
  it('finds undeclared fields and statuses, missing and null fields, undeclared types and missing headers', async () => {
    const conformance = new ResponseConformance();
    const server = serve(conformance);
    for (const path of Object.keys(ANSWERS)) {
      await (path === '/things' ? request(server).post(path) : request(server).get(path));
    }
    await request(server).get('/elsewhere');
    expect(conformance.violations(DOCUMENT).sort()).toEqual(
      [
        'GET /things/{id} → 200: / must NOT have additional properties (secret)',
        "GET /things/{id} → 200: / must have required property 'id'",
        'GET /things/{id} → 200: /id must be string',
        'GET /things/{id} → 418: status not declared (declared: 200, 404)',
        'GET /things/{id} → 200: content type text/plain not declared (application/json)',
        'POST /things → 201: required header Location not sent',
      ].sort(),
    );
  });
});

describe('command answers', () => {
  let api: BootedApi;
  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api.close());

  it('name what they created, and a creation sends its GET as Location', async () => {
    const http = api.app.getHttpServer();
    const committee = await request(http)
      .post('/committees')
      .send({ name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2021-01-01' });
    expect(committee.status).toBe(201);
    const committeeId = committee.body.id as string;
    expect(committee.headers.location).toBe(`/committees/${committeeId}`);
    expect(committee.body.stream).toBe(`committee-${committeeId}`);
    await request(http)
      .get(committee.headers.location as string)
      .expect(200)
      .expect((answer) => {
        expect(answer.body.committeeId).toBe(committeeId);
      });

    const branch = await request(http)
      .post('/branches')
      .send({ name: '府东社区离退休干部党支部', parentCommitteeId: committeeId, occurredAt: '2022-01-01' });
    const branchId = branch.body.id as string;
    const post = await request(http)
      .post(`/branches/${branchId}/posts`)
      .send({
        kind: 'secretary',
        source: 'appointed',
        documentReference: '孝老干党字〔2023〕1号',
        holder: { personId: '0b1f3c52-6d1e-4d8a-9b8f-1c2d3e4f5a6b', name: '王秀英' },
        startDate: '2023-01-01',
        occurredAt: '2023-01-01',
      });
    expect(post.status).toBe(201);
    expect(post.body).toMatchObject({ id: branchId, createdId: expect.any(String) });
    expect(post.headers.location).toBe(`/branches/${branchId}`);
    const renamed = await request(http).post(`/branches/${branchId}/rename`).send({ name: '府东社区第一党支部' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.id).toBe(branchId);
    expect(renamed.body.createdId).toBeUndefined();
    expect(renamed.headers.location).toBeUndefined();
  });
});
