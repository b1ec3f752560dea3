import request from 'supertest';
import { MemoryEventStore } from '@app/event-store';
import { bootApi, type BootedApi } from './boot-api';

describe('OpenAPI', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi({ store: new MemoryEventStore() });
  });

  afterAll(async () => {
    await api.close();
  });

  it('serves an OpenAPI 3 document at /openapi.json that describes the health probes', async () => {
    const response = await request(api.app.getHttpServer())
      .get('/openapi.json')
      .expect(200)
      .expect('Content-Type', /json/);
    const document = response.body as {
      openapi: string;
      info: { title: string; description: string };
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('branchflow');
    expect(document.info.description).toMatch(/event-sourced workflow engine/);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    expect(Object.keys(document.paths['/health/ready']?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '503']),
    );
    expect(document.components.schemas).toHaveProperty('ProblemDetails');
  });

  it('serves the interactive documentation at /docs', async () => {
    const response = await request(api.app.getHttpServer()).get('/docs').redirects(1).expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toMatch(/swagger-ui/i);
  });
});
