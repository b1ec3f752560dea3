import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { routeTable } from './route-table';

describe('the OpenAPI document', () => {
  let api: BootedApi;
  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api.close());

  it('is valid OpenAPI according to an independent validator, and describes every route', async () => {
    const document = (
      await request(api.app.getHttpServer() as App)
        .get('/openapi.json')
        .expect(200)
    ).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    // The validator dereferences in place: give it a copy, keep ours to compare.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const missing = routeTable(api.app)
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });
});
