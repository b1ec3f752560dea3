import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';

type BodyClass = new (...args: never[]) => object;

interface NestedOptions {
  /** The property may be left out. It may never be `null`: null is not "left out". */
  readonly optional?: boolean;
  /** Left out is allowed unless this holds of the enclosing object (e.g. `kind === 'new'`). */
  readonly requiredIf?: (object: never) => boolean;
  readonly description?: string;
}

interface NestedListOptions extends NestedOptions {
  readonly min?: number;
}

/** How a DTO property holds other values: one object, a list of objects, or a keyed record. */
export type NestedShape = 'object' | 'list' | 'record';

const NESTED_SHAPE = Symbol('branchflow:nested-shape');

/** The nested shape a DTO property was declared with, for the test that every object uses one. */
export function nestedShapeOf(target: object, property: string): NestedShape | undefined {
  return Reflect.getMetadata(NESTED_SHAPE, target, property) as NestedShape | undefined;
}

const shape =
  (value: NestedShape): PropertyDecorator =>
  (target, property) =>
    Reflect.defineMetadata(NESTED_SHAPE, value, target, property);

/**
 * Skips validation only when the property is absent (or not required by `requiredIf`).
 * `IsOptional` would also skip `null`, and a handler reading `body.x.y` would then crash.
 */
function presence(options: NestedOptions): PropertyDecorator[] {
  const { optional, requiredIf } = options;
  if (!optional && requiredIf === undefined) return [];
  return [
    ValidateIf((object: object, value: unknown) => value !== undefined || (requiredIf?.(object as never) ?? false)),
  ];
}

/**
 * A nested object validated as its class. The decorators come as one: without `@Type`,
 * class-validator never looks inside and any object passes; without `IsObject`, an array or
 * `null` reaches the handler.
 */
export function Nested(type: BodyClass, options: NestedOptions = {}): PropertyDecorator {
  return applyDecorators(
    shape('object'),
    documented({ type, ...described(options) }, options),
    ...presence(options),
    IsObject({
      message: `$property must be an object (${type.name.replace(/Body$/, '')}), not null, a list or a value`,
    }),
    ValidateNested(),
    Type(() => type),
  );
}

/** A list of `min`–`max` nested objects, each validated as its class (never null, never a list itself). */
export function NestedList(type: BodyClass, max: number, options: NestedListOptions = {}): PropertyDecorator {
  return applyDecorators(
    shape('list'),
    documented({ type: [type], ...described(options) }, options),
    ...presence(options),
    IsArray({ message: '$property must be a list, not null, an object or a value' }),
    ...(options.min === undefined ? [] : [ArrayMinSize(options.min)]),
    ArrayMaxSize(max),
    IsObject({ each: true, message: 'each element of $property must be an object, not null, a list or a value' }),
    ValidateNested({ each: true }),
    Type(() => type),
  );
}

/**
 * An object used as a map: at most `max` entries whose keys match `key` and whose values pass
 * `valueOk` (e.g. ballot marks by candidate id). Never null, never a list.
 */
export function KeyedRecord(
  what: { readonly keys: string; readonly values: string },
  key: RegExp,
  valueOk: (value: unknown) => boolean,
  max: number,
): PropertyDecorator {
  return applyDecorators(shape('record'), (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isKeyedRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      // The validation messages read the limit and the descriptions from here.
      constraints: [max, what.keys, what.values],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= max &&
          Object.entries(value).every(([name, entry]) => key.test(name) && valueOk(entry)),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an object of at most ${max} entries keyed by ${what.keys}, each ${what.values}`,
      },
    }),
  );
}

function documented(property: ApiPropertyOptions, options: NestedOptions): PropertyDecorator {
  return options.optional || options.requiredIf ? ApiPropertyOptional(property) : ApiProperty(property);
}

const described = ({ description }: NestedOptions) => (description === undefined ? {} : { description });
