import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type Schema = Record<string, unknown>;
type Class = abstract new (...args: never[]) => unknown;

interface Rule {
  readonly name?: string;
  readonly propertyName: string;
  readonly constraints?: readonly unknown[];
  readonly each?: boolean;
}

/**
 * What the validators enforce, written into the document where the swagger module does not
 * see it: integers, bounds, lengths, list sizes, UUIDs, patterns and enums. Read from
 * class-validator's own metadata for every body schema and every query parameter, so the
 * document cannot promise less (or more) than the 400 a client gets.
 */
export function withValidatorConstraints(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const type of validatedClasses()) {
    const schema = schemas[type.name];
    const properties = schema?.properties as Record<string, Schema> | undefined;
    if (properties === undefined) continue;
    for (const [property, rules] of rulesByProperty(type)) {
      const target = properties[property];
      if (target !== undefined) applyRules(target, rules);
    }
  }
  for (const { path, method, query } of queryClasses(app)) {
    const operation = (document.paths[path] as Record<string, { parameters?: Schema[] }> | undefined)?.[method];
    for (const [property, rules] of rulesByProperty(query)) {
      const parameter = operation?.parameters?.find(
        (candidate) => candidate.in === 'query' && candidate.name === property,
      );
      const schema = parameter?.schema as Schema | undefined;
      if (schema !== undefined) applyRules(schema, rules);
    }
  }
  return document;
}

function validatedClasses(): Class[] {
  // class-validator keeps no public list of its targets; its storage holds them by class.
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<unknown, unknown> };
  return [...(storage.validationMetadatas?.keys() ?? [])].filter((key): key is Class => typeof key === 'function');
}

/** A class's rules, its ancestors' included, by property. */
function rulesByProperty(type: Class): Map<string, Rule[]> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false) as unknown as Rule[];
  const byProperty = new Map<string, Rule[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  return byProperty;
}

function applyRules(property: Schema, rules: readonly Rule[]): void {
  for (const rule of rules) {
    const listed = property.type === 'array' && typeof property.items === 'object' && property.items !== null;
    // `each` rules and the element rules of a list describe its items.
    const target = rule.each && listed ? (property.items as Schema) : property;
    const [first, second] = rule.constraints ?? [];
    switch (rule.name) {
      case 'isInt':
        target.type = 'integer';
        break;
      case 'min':
        target.minimum = first;
        break;
      case 'max':
        target.maximum = first;
        break;
      case 'isLength':
        if (typeof first === 'number' && first > 0) target.minLength = first;
        if (typeof second === 'number') target.maxLength = second;
        break;
      case 'minLength':
        target.minLength = first;
        break;
      case 'maxLength':
        target.maxLength = first;
        break;
      case 'arrayMinSize':
        property.minItems = first;
        break;
      case 'arrayMaxSize':
        property.maxItems = first;
        break;
      case 'arrayUnique':
        property.uniqueItems = true;
        break;
      case 'isUuid':
        target.format = 'uuid';
        break;
      case 'isIn':
        if (Array.isArray(first)) target.enum = [...(first as unknown[])];
        break;
      case 'matches':
        if (first instanceof RegExp) target.pattern = first.source;
        break;
      case 'isCalendarDate':
        target.format = 'date';
        break;
      default:
        break;
    }
  }
}

interface QueryRoute {
  readonly path: string;
  readonly method: string;
  readonly query: Class;
}

/** Every route's whole-query DTO (`@Query() query: SomeQuery`), with the operation it belongs to. */
function queryClasses(app: INestApplication): QueryRoute[] {
  const scanner = new MetadataScanner();
  const found: QueryRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { index: number; data?: unknown }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Class[];
        for (const [key, arg] of Object.entries(args)) {
          const query = types[arg.index];
          if (key.split(':')[0] !== String(RouteParamtypes.QUERY) || arg.data !== undefined || !query) continue;
          found.push({ path: openApiPath(base, path), method: RequestMethod[method].toLowerCase(), query });
        }
      }
    }
  }
  return found;
}

function openApiPath(...parts: string[]): string {
  const joined = parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`.replace(/:(\w+)/g, '{$1}');
}
