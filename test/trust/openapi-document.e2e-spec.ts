import SwaggerParser from '@apidevtools/swagger-parser';
import { ParseUUIDPipe } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { routeTable, type Route } from './route-table';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: { readonly format?: string };
}
interface Answer {
  readonly description: string;
  readonly content?: Record<string, { readonly schema?: unknown }>;
  readonly headers?: Record<string, unknown>;
}
interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly responses: Record<string, Answer>;
  readonly security?: readonly Record<string, readonly string[]>[];
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

const openApiPath = (route: Route) => route.path.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document', () => {
  let api: BootedApi;
  let document: Document;
  let routes: Route[];
  const operationOf = (route: Route): Operation => {
    const operation = document.paths[openApiPath(route)]?.[route.method.toLowerCase()];
    if (!operation) throw new Error(`${route.method} ${route.path} is not documented`);
    return operation;
  };

  beforeAll(async () => {
    api = await bootApi();
    document = (
      await request(api.app.getHttpServer() as App)
        .get('/openapi.json')
        .expect(200)
    ).body as Document;
    routes = routeTable(api.app);
  });
  afterAll(() => api.close());

  it('is valid OpenAPI according to an independent validator, and describes every route', async () => {
    // The validator dereferences in place: give it a copy, keep ours to compare.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const missing = routes
      .map((route) => `${route.method} ${openApiPath(route)}`)
      .filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });

  it("states each route's security as its access decision does: a bearer token and 401/403 for roles, nothing for public routes", () => {
    expect(document.components.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const wrong = routes.flatMap((route) => {
      const operation = operationOf(route);
      const where = `${route.method} ${route.path}`;
      if (route.access?.kind === 'public') {
        return operation.security?.length === 0 && !operation.responses['401'] ? [] : [`${where}: public`];
      }
      const roles = route.access?.roles ?? [];
      const forbidden = operation.responses['403']?.description ?? '';
      return JSON.stringify(operation.security) === JSON.stringify([{ bearer: [] }]) &&
        operation.responses['401'] !== undefined &&
        forbidden.startsWith(`For ${roles.join(', ')}:`)
        ? []
        : [`${where}: ${JSON.stringify(operation.security)} 403 "${forbidden}"`];
    });
    expect(wrong).toEqual([]);
  });

  it('declares every error as application/problem+json, and 413, 415 and 429 on every write', () => {
    const wrong = routes.flatMap((route) => {
      const operation = operationOf(route);
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      const notProblems = errors
        .filter(([, answer]) => JSON.stringify(Object.keys(answer.content ?? {})) !== '["application/problem+json"]')
        .map(([status]) => `${route.method} ${route.path} ${status} is not problem+json`);
      const missing =
        route.method === 'GET'
          ? []
          : ['413', '415', '429']
              .filter((status) => operation.responses[status] === undefined)
              .map((status) => `${route.method} ${route.path} lacks ${status}`);
      return [...notProblems, ...missing];
    });
    expect(wrong).toEqual([]);
  });

  it('gives every read a response schema, and every path id that must be a UUID format: uuid', () => {
    const controllers = [...api.app.get(ModulesContainer).values()].flatMap((module) => [
      ...module.controllers.values(),
    ]);
    const wrong = routes.flatMap((route) => {
      const operation = operationOf(route);
      const where = `${route.method} ${route.path}`;
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1];
      const schemaless =
        route.method === 'GET' && !Object.values(success?.content ?? {}).some((media) => media.schema !== undefined)
          ? [`${where}: no response schema`]
          : [];
      const controller = controllers.find((wrapper) => wrapper.metatype?.name === route.controller)?.metatype;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller as object, route.handler) ?? {}) as Record<
        string,
        { data?: unknown; pipes?: unknown[] }
      >;
      const uuidParams = Object.values(args)
        .filter((arg) => typeof arg.data === 'string' && (arg.pipes ?? []).some((pipe) => pipe === ParseUUIDPipe))
        .map((arg) => arg.data as string);
      const unformatted = uuidParams
        .filter(
          (name) =>
            operation.parameters?.find((parameter) => parameter.in === 'path' && parameter.name === name)?.schema
              ?.format !== 'uuid',
        )
        .map((name) => `${where}: path id ${name} is not format: uuid`);
      return [...schemaless, ...unformatted];
    });
    expect(wrong).toEqual([]);
  });
});
