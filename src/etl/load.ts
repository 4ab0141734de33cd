/**
 * Set-based loading into the golden tables. One multi-row INSERT … ON CONFLICT DO UPDATE per chunk,
 * guarded by IS DISTINCT FROM so that a row received again unchanged is not rewritten (a re-run
 * writes nothing). Only when a chunk breaks a constraint do we split it (in savepoints) to find the
 * offending rows: they are rejected with the constraint's name, and the rest of the batch loads.
 */
import type { Knex } from 'knex';
import { ident } from '../db/sql';
import type { ItemReject } from '../schemas';
import type { RunStats } from './stats';

export type Row = Record<string, unknown>;

export interface Rejection {
  table: string;
  item: unknown;
  reason: string;
}

/** A validator reject as recorded: the golden table it was meant for, and where in its item it failed. */
export function schemaRejection(r: ItemReject, endpointTable = 'unknown'): Rejection {
  const where = r.at ? `${r.context}, ${r.what} at ${r.at}` : r.context;
  return { table: r.table ?? endpointTable, item: r.item, reason: `schema: ${where}: ${r.reason}` };
}

export interface Batch {
  /** schema-qualified table, e.g. golden.fixtures */
  table: string;
  key: readonly string[];
  rows: Row[];
  /** the API item each row came from (same index), kept for rejects */
  items: unknown[];
  /**
   * Rows sharing a key: 'reject' (default) loads identical ones once and rejects all that differ;
   * 'first' keeps the first, for copies of a shared entity embedded in several items (a venue two
   * teams name, a league's country), where a disagreement must not cost the items that embed it.
   */
  onDuplicate?: 'reject' | 'first';
}

/** Rows per statement: each column travels as one array, so this only bounds a statement's size. */
const ROWS_PER_STATEMENT = 5_000;

export interface LoadContext {
  stats: RunStats;
  reject(rejection: Rejection): void;
  /**
   * Statements run without savepoints (the common case: no row is refused). A refused row then
   * aborts the transaction with OptimisticLoadAborted, and the caller loads the response again
   * without this flag, where each statement's savepoint lets the refused rows be isolated.
   */
  optimistic?: boolean;
}

/** A row was refused while loading optimistically: the transaction is lost, load it again isolating. */
export class OptimisticLoadAborted extends Error {
  constructor(cause: unknown) {
    super(`a row was refused while loading without savepoints: ${describeDbError(cause)}`, { cause });
  }
}

/** Runs fn as one statement group: in optimistic mode directly, else in a savepoint (so a refusal costs only it). */
export async function guarded<T>(trx: Knex.Transaction, ctx: Pick<LoadContext, 'optimistic'>, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  if (!ctx.optimistic) return trx.transaction(fn);
  try {
    return await fn(trx);
  } catch (err) {
    throw isDataError(err) ? new OptimisticLoadAborted(err) : err;
  }
}

/** Upserts the batch; returns the rows that were loaded (not rejected). */
export async function upsert(trx: Knex.Transaction, batch: Batch, ctx: LoadContext): Promise<Row[]> {
  const { rows, items } = dedupeByKey(batch, ctx);
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const loaded: Row[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const chunkItems = items.slice(start, start + ROWS_PER_STATEMENT);
    loaded.push(...(await upsertIsolating(trx, batch, columns, chunk, chunkItems, ctx)));
  }
  return loaded;
}

async function upsertIsolating(trx: Knex.Transaction, batch: Batch, columns: string[], rows: Row[], items: unknown[], ctx: LoadContext): Promise<Row[]> {
  try {
    const counts = await guarded(trx, ctx, (sp) => runUpsert(sp, batch, columns, rows));
    ctx.stats.add(shortName(batch.table), counts);
    return rows;
  } catch (err) {
    if (!isDataError(err)) throw err;
    if (rows.length === 1) {
      ctx.stats.add(shortName(batch.table), { rejected: 1 });
      ctx.reject({ table: shortName(batch.table), item: items[0], reason: describeDbError(err) });
      return [];
    }
    const mid = Math.ceil(rows.length / 2);
    return [
      ...(await upsertIsolating(trx, batch, columns, rows.slice(0, mid), items.slice(0, mid), ctx)),
      ...(await upsertIsolating(trx, batch, columns, rows.slice(mid), items.slice(mid), ctx)),
    ];
  }
}

async function runUpsert(trx: Knex.Transaction, batch: Batch, columns: string[], rows: Row[]): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const cols = columns.map(ident).join(', ');
  const nonKey = columns.filter((c) => !batch.key.includes(c));
  const alias = 't';
  const conflict = nonKey.length
    ? `do update set ${nonKey.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}
       where (${nonKey.map((c) => `${alias}.${ident(c)}`).join(', ')}) is distinct from (${nonKey.map((c) => `excluded.${ident(c)}`).join(', ')})`
    : 'do nothing';
  const { source, bindings } = await unnested(trx, batch.table, columns, rows);
  const sql = `insert into ${qualified(batch.table)} as ${alias} (${cols}) ${source}
    on conflict (${batch.key.map(ident).join(', ')}) ${conflict}
    returning (xmax = 0) as inserted`;
  const result = await trx.raw<{ rows: Array<{ inserted: boolean }> }>(sql, bindings);
  const inserted = result.rows.filter((r) => r.inserted).length;
  const updated = result.rows.length - inserted;
  return { inserted, updated, unchanged: rows.length - result.rows.length };
}

/**
 * Rows as `select * from unnest($1::type[], $2::type[], …)`: one array parameter per column, not
 * one parameter per value (a 380-row, 30-column upsert binds 30 values instead of 11,400, and
 * PostgreSQL parses and plans it in a fraction of the time).
 */
async function unnested(trx: Knex.Transaction, table: string, columns: string[], rows: Row[]): Promise<{ source: string; bindings: Knex.RawBinding[] }> {
  const types = await columnTypes(trx, table);
  const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
  const casts = columns.map((c) => {
    const type = types.get(c);
    if (!type) throw new Error(`${table} has no column ${c}`);
    return `?::${type}[]`;
  });
  return { source: `select * from unnest(${casts.join(', ')})`, bindings: arrays as unknown as Knex.RawBinding[] };
}

/** Column types per table, read once per database handle (the schema is the migrations'). */
const typesByClient = new WeakMap<object, Map<string, Promise<Map<string, string>>>>();

function columnTypes(trx: Knex.Transaction, table: string): Promise<Map<string, string>> {
  const config = trx.client.config as object;
  let tables = typesByClient.get(config);
  if (!tables) typesByClient.set(config, (tables = new Map()));
  let types = tables.get(table);
  if (!types) {
    types = trx
      .raw<{ rows: Array<{ name: string; type: string }> }>(
        'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped',
        [qualified(table)],
      )
      .then((r) => new Map(r.rows.map((row) => [row.name, row.type])));
    tables.set(table, types);
    types.catch(() => tables!.delete(table));
  }
  return types;
}

/**
 * Inserts rows that only need to exist (placeholders such as a player first seen in a line-up).
 * A placeholder its table refuses (an id of 0) is left out: the row that needs it is then rejected
 * by its foreign key, with a reason, and nothing else is lost.
 */
export async function ensureExists(trx: Knex.Transaction, table: string, key: readonly string[], rows: Row[], ctx: Pick<LoadContext, 'optimistic'> = {}): Promise<number> {
  const unique = dedupeByKey({ table, key, rows, items: rows, onDuplicate: 'first' }).rows;
  if (unique.length === 0) return 0;
  const columns = Object.keys(unique[0]!);
  let created = 0;
  for (let start = 0; start < unique.length; start += ROWS_PER_STATEMENT) created += await insertIsolating(trx, table, key, columns, unique.slice(start, start + ROWS_PER_STATEMENT), ctx);
  return created;
}

async function insertIsolating(trx: Knex.Transaction, table: string, key: readonly string[], columns: string[], rows: Row[], ctx: Pick<LoadContext, 'optimistic'>): Promise<number> {
  try {
    const res = await guarded(trx, ctx, async (sp) => {
      const { source, bindings } = await unnested(sp, table, columns, rows);
      return sp.raw<{ rowCount: number }>(`insert into ${qualified(table)} (${columns.map(ident).join(', ')}) ${source} on conflict (${key.map(ident).join(', ')}) do nothing`, bindings);
    });
    return res.rowCount ?? 0;
  } catch (err) {
    if (!isDataError(err) || rows.length === 1) {
      if (isDataError(err)) return 0;
      throw err;
    }
    const mid = Math.ceil(rows.length / 2);
    return (await insertIsolating(trx, table, key, columns, rows.slice(0, mid), ctx)) + (await insertIsolating(trx, table, key, columns, rows.slice(mid), ctx));
  }
}

/**
 * Makes a fixture's child collection exactly the rows of `batch` that load: upserts them, then
 * deletes the children of `parentIds` that did not (no longer sent, like an event cancelled by VAR,
 * or rejected this time: an old version never stands in for a rejected row). Runs inside the
 * caller's transaction, so no reader ever sees a half-replaced collection.
 */
export async function replaceChildren(trx: Knex.Transaction, batch: Batch, parentColumn: string, parentIds: number[], ctx: LoadContext): Promise<Row[]> {
  if (parentIds.length === 0) return [];
  const loaded = await upsert(trx, batch, ctx);
  const keep = loaded.map((r) => batch.key.map((k) => r[k]));
  // Keys travel as one jsonb parameter: typed by the columns they are compared with, any size.
  let sql = `delete from ${qualified(batch.table)} where ${ident(parentColumn)} = any(?::int[])`;
  const bindings: Knex.RawBinding[] = [parentIds];
  if (keep.length > 0) {
    sql += ` and jsonb_build_array(${batch.key.map(ident).join(', ')}) not in (select jsonb_array_elements(?::jsonb))`;
    bindings.push(JSON.stringify(keep));
  }
  const res = await trx.raw<{ rowCount: number }>(sql, bindings);
  ctx.stats.add(shortName(batch.table), { deleted: res.rowCount ?? 0 });
  return loaded;
}

/**
 * One row per key. The validator already settles duplicated items; this settles rows that meet on
 * a key only once mapped (two standings groups without a label, say), by the same rule: identical
 * rows are one, rows that differ are all rejected (never "the last one wins" silently).
 */
function dedupeByKey(batch: Batch, ctx?: LoadContext): { rows: Row[]; items: unknown[] } {
  const byKey = new Map<string, number[]>();
  batch.rows.forEach((row, i) => {
    const key = JSON.stringify(batch.key.map((k) => row[k]));
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  if (byKey.size === batch.rows.length) return { rows: batch.rows, items: batch.items };
  const keepIdx: number[] = [];
  for (const [key, indexes] of byKey) {
    const first = indexes[0]!;
    const text = JSON.stringify(batch.rows[first]);
    if (batch.onDuplicate === 'first' || indexes.every((i) => JSON.stringify(batch.rows[i]) === text)) {
      keepIdx.push(first);
      continue;
    }
    for (const i of indexes) {
      ctx?.stats.add(shortName(batch.table), { rejected: 1 });
      ctx?.reject({
        table: shortName(batch.table),
        item: batch.items[i],
        reason: `duplicate key (${batch.key.join(', ')}) = ${key}: ${indexes.length} rows with different values in one response; none loaded`,
      });
    }
  }
  keepIdx.sort((a, b) => a - b);
  return { rows: keepIdx.map((i) => batch.rows[i]!), items: keepIdx.map((i) => batch.items[i]) };
}

/** Integrity (23xxx) and data (22xxx) errors are the row's fault; anything else is the run's. */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('23') || code.startsWith('22');
}

export function describeDbError(err: unknown): string {
  const e = err as { constraint?: string; detail?: string; message?: string; code?: string };
  const message = (e.message ?? String(err)).replace(/^[\s\S]* - /, '');
  return [e.constraint ? `violates ${e.constraint}` : null, message, e.detail].filter(Boolean).join(': ');
}

export function shortName(table: string): string {
  return table.slice(table.indexOf('.') + 1);
}

export function qualified(table: string): string {
  return table.split('.').map(ident).join('.');
}

export { ident };
