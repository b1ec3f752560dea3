import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

/**
 * One-line property declarations for response DTOs. Each says what the answer really holds, as
 * strictly as the code that builds it: the e2e harness checks every JSON answer against the
 * document (test/api/response-conformance.ts), so a field declared required that is sometimes
 * absent, or a null where none is declared, fails the suite.
 */
export interface FieldOptions {
  readonly description?: string;
  /** Absent in some answers (another status of the entity, or withheld from reporting jobs). */
  readonly optional?: boolean;
  /** Present, and sometimes null. */
  readonly nullable?: boolean;
  readonly example?: unknown;
}

type Class = abstract new (...args: never[]) => unknown;

function field(schema: ApiPropertyOptions, options: FieldOptions): PropertyDecorator {
  const { optional, nullable, description, example } = options;
  const declared = {
    ...schema,
    ...(nullable ? { nullable: true } : {}),
    ...(description === undefined ? {} : { description }),
    ...(example === undefined ? {} : { example }),
  };
  return optional ? ApiPropertyOptional(declared) : ApiProperty(declared);
}

/** Free text, a name, a reference, or an id that is not always a UUID. */
export const Text = (options: FieldOptions = {}) => field({ type: String }, options);
/**
 * An entity's id. The API takes and makes UUIDs, but answers only promise a string: read models
 * and histories hold whatever ids their events carry.
 */
export const Id = (options: FieldOptions = {}) => field({ type: String }, options);
/** A calendar date `YYYY-MM-DD`. */
export const Day = (options: FieldOptions = {}) => field({ type: String, format: 'date' }, options);
/** An instant, RFC 3339 with its offset. */
export const Instant = (options: FieldOptions = {}) => field({ type: String, format: 'date-time' }, options);
/** A whole number; counts and revisions start at 0. */
export const Int = (options: FieldOptions & { readonly minimum?: number } = {}) =>
  field({ type: 'integer', ...(options.minimum === undefined ? {} : { minimum: options.minimum }) }, options);
/** A number that may have a fraction (a median). */
export const Num = (options: FieldOptions = {}) => field({ type: Number }, options);
export const Count = (options: FieldOptions = {}) => Int({ minimum: 0, ...options });
export const Flag = (options: FieldOptions = {}) => field({ type: Boolean }, options);
/**
 * One of a domain constant list. The enum is written out in place: a shared named schema would be
 * referenced through a one-element `allOf` (to keep the property's description), which linters
 * flag, and OpenAPI 3.0 cannot make such a reference nullable without one. `name` says which list.
 */
export const OneOf = (values: readonly string[], name: string, options: FieldOptions = {}) =>
  field({ type: String, enum: [...values], ...named(name) }, options);
export const OneOfEach = (values: readonly string[], name: string, options: FieldOptions = {}) =>
  field({ type: 'array', items: { type: 'string', enum: [...values] }, ...named(name) }, options);

const named = (name: string) => ({ 'x-enum-name': name }) as ApiPropertyOptions;
// The swagger module knows a lazy type by its function's name, `type`: the arrow written as the
// `type` property has it, the caller's arrow passed in does not.
/** A nested object, declared by its own DTO class. */
export const Obj = (of: () => Class, options: FieldOptions = {}) => field({ type: () => of() }, options);
/** A list of objects of one DTO class. */
export const List = (of: () => Class, options: FieldOptions = {}) =>
  field({ type: () => of(), isArray: true }, options);
export const Texts = (options: FieldOptions = {}) => field({ type: String, isArray: true }, options);
export const Ids = (options: FieldOptions = {}) => field({ type: String, isArray: true }, options);
export const Ints = (options: FieldOptions = {}) => field({ type: 'array', items: { type: 'integer' } }, options);
/** An object used as a map from a name (a state, a branch id, a duty) to a count. */
export const CountsBy = (options: FieldOptions = {}) =>
  field({ type: 'object', additionalProperties: { type: 'integer', minimum: 0 } }, options);
/** An object used as a map from a name to a text. */
export const TextsBy = (options: FieldOptions = {}) =>
  field({ type: 'object', additionalProperties: { type: 'string' } }, options);
/** Data recorded as the event holds it: any JSON object. */
export const AnyObject = (options: FieldOptions = {}) => field({ type: 'object', additionalProperties: true }, options);

/**
 * Every value of a string union, as a list the compiler proves complete: a member added to the
 * union and missing here, or a value that is not a member, fails to compile.
 */
export function everyValueOf<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Union] extends [List[number]] ? unknown : { missing: Exclude<Union, List[number]> }),
  ): readonly Union[] => list;
}
