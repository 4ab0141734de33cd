/**
 * Small JSON Schema builders that also carry the TypeScript type of what they accept, so each
 * endpoint's schema is written once and its item type is inferred from it (no second, drifting
 * interface). The values are plain JSON Schema (draft-07) objects that ajv compiles as they are.
 *
 * Conventions, after SPEC.md §6 and §11 (schema drift):
 * - every key of an object is required unless wrapped in `optional()`; keys the API added later
 *   (`status.extra`, `league.standings`, …) are optional so that old data still validates;
 * - unknown keys are always allowed: the API adds keys without versioning;
 * - nullability is explicit with `nullable()`.
 */

declare const TYPE: unique symbol;
declare const OPTIONAL: unique symbol;

/** A JSON Schema object whose accepted values have the TypeScript type T (phantom, never set). */
export interface Schema<T> {
  readonly [TYPE]?: T;
  readonly [keyword: string]: unknown;
}

/** A property schema whose key may be absent from its object. */
export interface OptionalSchema<T> extends Schema<T> {
  readonly [OPTIONAL]: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Properties = Record<string, Schema<unknown>>;
type RequiredKeys<P extends Properties> = {
  [K in keyof P]: P[K] extends OptionalSchema<unknown> ? never : K;
}[keyof P];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<P extends Properties> = Simplify<
  { [K in RequiredKeys<P>]: Infer<P[K]> } & { [K in Exclude<keyof P, RequiredKeys<P>>]?: Infer<P[K]> }
>;

const optionalSchemas = new WeakSet<object>();

/** Every integer the API sends lands in an `integer` column: out of that range it is an item's fault, not the run's. */
export const INT32 = { minimum: -2_147_483_648, maximum: 2_147_483_647 } as const;
/** Longer text than any name, comment or URL of the API: a sign of a broken or hostile item. */
export const MAX_TEXT_LENGTH = 2000;

export const integer: Schema<number> = { type: 'integer', ...INT32 };
/** Unix seconds (kick-off times): past 2038, so wider than `integer`; years 1970–9999. */
export const unixSeconds: Schema<number> = { type: 'integer', minimum: 0, maximum: 253_402_300_799 };
export const string: Schema<string> = { type: 'string', maxLength: MAX_TEXT_LENGTH };
export const boolean: Schema<boolean> = { type: 'boolean' };
/** An ISO-8601 date-time with offset, e.g. `2024-03-30T17:30:00+00:00`. */
export const dateTime: Schema<string> = { type: 'string', format: 'date-time', maxLength: 64 };
/** A calendar date, `YYYY-MM-DD`. */
export const date: Schema<string> = { type: 'string', format: 'date', maxLength: 32 };

/** Adds `null` to the accepted types (works for objects and arrays too, since `type` lists them). */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  const types = schema.type;
  if (typeof types !== 'string' && !Array.isArray(types)) {
    throw new TypeError('nullable() needs a schema with a "type" keyword');
  }
  return keepSplit(schema, { ...schema, type: [...(Array.isArray(types) ? types : [types]), 'null'] });
}

export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  const copy = keepSplit(schema, { ...schema });
  optionalSchemas.add(copy);
  return copy as OptionalSchema<T>;
}

export function object<P extends Properties>(properties: P): Schema<ObjectOf<P>> {
  const required = Object.keys(properties).filter((key) => !optionalSchemas.has(properties[key]!));
  return { type: 'object', properties, required };
}

export function arrayOf<T>(items: Schema<T>): Schema<T[]> {
  return { type: 'array', items };
}

/** A value of one of several JSON types, e.g. a statistic that is `12`, `"47%"` or null. */
export function oneOfTypes<T>(...types: string[]): Schema<T> {
  return { type: types, maxLength: MAX_TEXT_LENGTH };
}

/** How the elements of an `itemsOf` array are named, keyed and loaded. */
export interface ItemsOptions {
  /** what one element is, for reasons: `line-up player` */
  what: string;
  /** dotted paths whose values identify an element among its siblings; none: elements are not deduplicated */
  key?: readonly string[];
  /** the golden table the element becomes, for the rejects record */
  table?: string;
}

export interface SplitArray {
  element: Schema<unknown>;
  options: ItemsOptions;
}

const splitArrays = new WeakMap<object, SplitArray>();

/**
 * An array whose elements are validated one by one: a broken element (or one duplicated with other
 * contents) is rejected alone, with its path, and the rest of the array is kept. Without this, one
 * bad line-up player would cost the whole fixture and everything embedded in it.
 */
export function itemsOf<T>(element: Schema<T>, options: ItemsOptions): Schema<T[]> {
  const schema = { type: 'array', items: element };
  splitArrays.set(schema, { element, options });
  return schema as Schema<T[]>;
}

/** The element schema and options of an `itemsOf` array, or undefined for any other schema. */
export function splitArrayOf(schema: object): SplitArray | undefined {
  return splitArrays.get(schema);
}

function keepSplit<S extends object>(from: object, to: S): S {
  const split = splitArrays.get(from);
  if (split) splitArrays.set(to, split);
  return to;
}
