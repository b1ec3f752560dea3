import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { bootApi, type BootedApi } from '../api/boot-api';
import { dateFormatOf, type DateFormat } from '../../apps/api/src/http/calendar-date';
import { isHumanText } from '../../apps/api/src/http/human-text';
import { nestedShapeOf, type NestedShape } from '../../apps/api/src/http/nested';
import { createValidationPipe, ValidationFailed } from '../../apps/api/src/http/validation';

type DtoClass = new (...args: never[]) => object;
interface Dto {
  readonly type: DtoClass;
  /** A request body or a class nested in one (as opposed to a query string). */
  readonly inBody: boolean;
}
interface SwaggerProperty {
  readonly type?: unknown;
  readonly isArray?: boolean;
  readonly format?: string;
}

const SWAGGER_PROPERTIES = 'swagger/apiModelProperties';
const SWAGGER_PROPERTY_LIST = 'swagger/apiModelPropertiesArray';
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array, Date, undefined]);
/** Names a date property would have; a new one named so must use a date decorator. */
const DATE_NAME = /^(?:asOf|on|from|to|until|deadline)$|(?:On|Date|At|From)$/;
/** What marks a string as an identifier or a code rather than text for people. */
const NOT_TEXT_VALIDATORS = new Set(['isUuid', 'isIn', 'matches', 'isCalendarDate', 'isDateOrDateTime']);
/** Validators that make a property a single value, whatever TypeScript's metadata says. */
const SCALAR_VALIDATORS = new Set(['isIn', 'isEnum', 'isString', 'isInt', 'isNumber', 'isBoolean', 'equals']);
/** Validators a date must not be declared with: they accept 20220101, 2022-W01-1 and 2022-032. */
const LOOSE_DATE_VALIDATORS = new Set(['isIso8601', 'isDateString', 'isDate', 'isRFC3339']);

/** Every class a route takes as `@Body()` or `@Query()`, read from the controllers' own metadata. */
function routeDtos(api: BootedApi): { bodies: DtoClass[]; queries: DtoClass[] } {
  const scanner = new MetadataScanner();
  const found = { bodies: [] as DtoClass[], queries: [] as DtoClass[] };
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      if (!wrapper.metatype) continue;
      const prototype = wrapper.metatype.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper.metatype, name) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as unknown[];
        for (const [key, { index }] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]) as RouteParamtypes;
          const type = types[index];
          if (typeof type !== 'function' || PRIMITIVES.has(type)) continue;
          if (kind === RouteParamtypes.BODY) found.bodies.push(type as DtoClass);
          if (kind === RouteParamtypes.QUERY) found.queries.push(type as DtoClass);
        }
      }
    }
  }
  return found;
}

function swaggerOf(type: DtoClass, property: string): SwaggerProperty {
  return (Reflect.getMetadata(SWAGGER_PROPERTIES, type.prototype, property) ?? {}) as SwaggerProperty;
}

function validationsOf(type: DtoClass): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
}

function propertiesOf(type: DtoClass): string[] {
  const documented = ((Reflect.getMetadata(SWAGGER_PROPERTY_LIST, type.prototype) ?? []) as string[]).map((key) =>
    key.replace(/^:/, ''),
  );
  return [...new Set([...documented, ...validationsOf(type).map((metadata) => metadata.propertyName)])];
}

/** The class a property holds (one object or a list of them), if it holds one. */
function nestedClassOf(type: DtoClass, property: string): DtoClass | undefined {
  const declared = swaggerOf(type, property).type;
  const candidate = Array.isArray(declared) ? (declared[0] as unknown) : declared;
  if (typeof candidate === 'function' && !PRIMITIVES.has(candidate)) return candidate as DtoClass;
  const design = Reflect.getMetadata('design:type', type.prototype, property) as unknown;
  return typeof design === 'function' && !PRIMITIVES.has(design) ? (design as DtoClass) : undefined;
}

/** Every DTO class the API reads, with the classes nested in them. */
function allDtos(api: BootedApi): Dto[] {
  const { bodies, queries } = routeDtos(api);
  const seen = new Map<DtoClass, Dto>();
  const visit = (type: DtoClass, inBody: boolean) => {
    if (seen.has(type)) return;
    seen.set(type, { type, inBody });
    for (const property of propertiesOf(type)) {
      const nested = nestedClassOf(type, property);
      if (nested) visit(nested, inBody);
    }
  };
  bodies.forEach((type) => visit(type, true));
  queries.forEach((type) => visit(type, false));
  return [...seen.values()];
}

/** What the API's own validation pipe says about `property` when the body (or query) is `{ [property]: value }`. */
async function errorsAt(type: DtoClass, property: string, value: unknown, inBody: boolean): Promise<string[]> {
  try {
    await createValidationPipe().transform({ [property]: value }, { type: inBody ? 'body' : 'query', metatype: type });
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    return error.errors
      .filter((e) => e.field === property || e.field.startsWith(`${property}.`) || e.field.startsWith(`${property}[`))
      .flatMap((e) => e.messages);
  }
}

/** Runs `check` on every (class, property) and lists what it reports, so one failure names every offender. */
async function offenders(
  dtos: readonly Dto[],
  check: (dto: Dto, property: string) => Promise<string | undefined> | string | undefined,
): Promise<string[]> {
  const found: string[] = [];
  for (const dto of dtos) {
    for (const property of propertiesOf(dto.type)) {
      const problem = await check(dto, property);
      if (problem !== undefined) found.push(`${dto.type.name}.${property}: ${problem}`);
    }
  }
  return found;
}

const HOSTILE_FOR: Record<NestedShape, readonly unknown[]> = {
  object: [null, [], [{}], 'x', 0, true],
  list: [null, {}, 'x', 0, [null], [[]], ['x']],
  record: [null, [], 'x', 0],
};
const NOT_A_DATE = ['20220101', '2022-W01-1', '2022-032', '2023-02-30', '2023-3-5', '2023-03-15T09:30:00', ''];
const NOT_TEXT = ['\u200B\u202E\u2066 \u3000', 'a\u0000b', 'a\u001Bb', 'a\uD800b', '\uDC00'];

describe('the rules every DTO follows (so a new DTO cannot forget them)', () => {
  let api: BootedApi;
  let dtos: Dto[];
  beforeAll(async () => {
    api = await bootApi();
    dtos = allDtos(api);
  });
  afterAll(() => api.close());

  it('finds the DTOs of every route', () => {
    expect(dtos.filter((dto) => dto.inBody).length).toBeGreaterThan(40);
    expect(dtos.filter((dto) => !dto.inBody).length).toBeGreaterThan(5);
  });

  it('declares every object-typed property with Nested, NestedList or KeyedRecord, and each refuses null and wrong shapes', async () => {
    const found = await offenders(dtos, async ({ type, inBody }, property) => {
      const design = Reflect.getMetadata('design:type', type.prototype, property) as unknown;
      const validations = validationsOf(type).filter((m) => m.propertyName === property);
      // A union of string literals is `Object` to TypeScript's metadata too; its IsIn says it is a value.
      const scalar = validations.some((m) => SCALAR_VALIDATORS.has(m.name ?? ''));
      const holdsObjects =
        nestedClassOf(type, property) !== undefined ||
        swaggerOf(type, property).type === 'object' ||
        (design === Object && !scalar) ||
        validations.some((m) => m.type === 'nestedValidation');
      const shape = nestedShapeOf(type.prototype, property);
      if (!holdsObjects) return shape === undefined ? undefined : `declared ${shape} but holds no object`;
      if (shape === undefined) return 'holds objects without Nested, NestedList or KeyedRecord';
      for (const value of HOSTILE_FOR[shape]) {
        if ((await errorsAt(type, property, value, inBody)).length === 0) return `accepts ${JSON.stringify(value)}`;
      }
      return undefined;
    });
    expect(found).toEqual([]);
  });

  it('declares every date with IsCalendarDate or IsDateOrDateTime, which refuse ISO basic, week and ordinal forms', async () => {
    const found = await offenders(dtos, async ({ type, inBody }, property) => {
      const loose = validationsOf(type).find(
        (m) => m.propertyName === property && LOOSE_DATE_VALIDATORS.has(m.name ?? ''),
      );
      if (loose) return `uses ${loose.name}, which accepts 20220101 and 2022-W01-1`;
      const format: DateFormat | undefined = dateFormatOf(type.prototype, property);
      const looksLikeDate =
        DATE_NAME.test(property) || ['date', 'date-time'].includes(swaggerOf(type, property).format ?? '');
      if (format === undefined) return looksLikeDate ? 'is a date without a date decorator' : undefined;
      for (const value of NOT_A_DATE) {
        if ((await errorsAt(type, property, value, inBody)).length === 0) return `accepts ${JSON.stringify(value)}`;
      }
      const instant = await errorsAt(type, property, '2023-03-15T09:30:00+08:00', inBody);
      if ((format === 'date') !== instant.length > 0) return `${format} is wrong about a date-time with an offset`;
      if ((await errorsAt(type, property, '2023-03-15', inBody)).length > 0) return 'refuses 2023-03-15';
      return undefined;
    });
    expect(found).toEqual([]);
  });

  it('declares every free-text string of a body with HumanText, which refuses invisible, control and broken characters', async () => {
    const bodies = dtos.filter((dto) => dto.inBody);
    const found = await offenders(bodies, async ({ type }, property) => {
      const swagger = swaggerOf(type, property);
      const design = Reflect.getMetadata('design:type', type.prototype, property) as unknown;
      const isString = swagger.type === String || (design === String && swagger.type === undefined);
      const names = validationsOf(type)
        .filter((m) => m.propertyName === property)
        .map((m) => m.name ?? '');
      if (!isString || names.some((name) => NOT_TEXT_VALIDATORS.has(name))) return undefined;
      if (!isHumanText(type.prototype, property)) return 'is a text without HumanText';
      for (const text of NOT_TEXT) {
        const value = swagger.isArray ? [text] : text;
        if ((await errorsAt(type, property, value, true)).length === 0) return `accepts ${JSON.stringify(value)}`;
      }
      return undefined;
    });
    expect(found).toEqual([]);
  });

  it('never skips a body field that is null: IsOptional is not used in bodies (Optional is)', async () => {
    const bodies = dtos.filter((dto) => dto.inBody);
    const found = await offenders(bodies, ({ type }, property) =>
      validationsOf(type).some((m) => m.propertyName === property && m.name === 'isOptional')
        ? 'uses IsOptional, which lets null through to the handler'
        : undefined,
    );
    expect(found).toEqual([]);
  });
});
