import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';

type BodyClass = new (...args: never[]) => object;

interface NestedOptions {
  readonly optional?: boolean;
  readonly description?: string;
}

/**
 * A nested object validated as its class. The decorators come as one: without `@Type`,
 * class-validator never looks inside and any object passes.
 */
export function Nested(type: BodyClass, options: NestedOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented({ type, ...described(options) }, options.optional),
    ...(options.optional ? [IsOptional()] : []),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}

/** A list of at most `max` nested objects, each validated as its class. */
export function NestedList(type: BodyClass, max: number, options: NestedOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented({ type: [type], ...described(options) }, options.optional),
    ...(options.optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => type),
  );
}

function documented(property: ApiPropertyOptions, optional = false): PropertyDecorator {
  return optional ? ApiPropertyOptional(property) : ApiProperty(property);
}

const described = ({ description }: NestedOptions) => (description === undefined ? {} : { description });
