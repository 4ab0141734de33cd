/**
 * The pieces the models' JSON Schemas are made of: one per column type, with the ranges of the
 * tables' CHECK constraints where a model states them. They validate what is written through a
 * model (objection runs them before SQL); PostgreSQL's constraints remain the last word.
 */
import type { JSONSchema } from 'objection';

const INT4_MAX = 2_147_483_647;

/** An API id (league, team, player…): a positive integer column. */
export const id: JSONSchema = { type: 'integer', minimum: 1, maximum: INT4_MAX };

export function integer(minimum = -INT4_MAX - 1, maximum = INT4_MAX): JSONSchema {
  return { type: 'integer', minimum, maximum };
}

export function smallint(minimum = -32_768, maximum = 32_767): JSONSchema {
  return { type: 'integer', minimum, maximum };
}

export function text(options: Pick<JSONSchema, 'minLength' | 'maxLength' | 'pattern'> = {}): JSONSchema {
  return { type: 'string', ...options };
}

export function oneOf(...values: Array<string | number>): JSONSchema {
  return { enum: values };
}

/** numeric: a number, or a decimal string as node-postgres reads exact decimals back (its range unchecked here). */
export function decimal(minimum?: number, maximum?: number): JSONSchema {
  const number: JSONSchema = { type: 'number', ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) };
  return { anyOf: [number, { type: 'string', pattern: '^-?[0-9]+([.][0-9]+)?$' }] };
}

export const boolean: JSONSchema = { type: 'boolean' };

/** date and timestamptz: a Date (as node-postgres reads them) or a string PostgreSQL reads, untyped in JSON Schema. */
export const time: JSONSchema = { description: 'a Date, or an ISO 8601 string' };

export const object: JSONSchema = { type: 'object' };

/** The column may be NULL. */
export function nullable(schema: JSONSchema): JSONSchema {
  if (schema.enum) return { ...schema, enum: [...schema.enum, null] };
  if (schema.anyOf) return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  if (schema.type === undefined) return schema;
  return { ...schema, type: [...(Array.isArray(schema.type) ? schema.type : [schema.type]), 'null'] };
}

/** The same schema for each of `columns` (the counters of the statistics tables). */
export function each(columns: readonly string[], schema: JSONSchema): Record<string, JSONSchema> {
  return Object.fromEntries(columns.map((c) => [c, schema]));
}

/** A row: every column a property; `required` the NOT NULL columns without a default. */
export function rowSchema(required: readonly string[], properties: Record<string, JSONSchema>): JSONSchema {
  return { type: 'object', required: [...required], properties };
}
