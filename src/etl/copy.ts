/**
 * The COPY path beside load.ts, with the same contract: rows in, loaded rows out, rejects with
 * reasons. COPY FROM STDIN is PostgreSQL's fastest way in (no statement per row, no bind limit), but
 * it stops at the first row a constraint refuses and loads nothing of the statement; then, and only
 * then, the batch goes through the isolating path (load.ts), which rejects exactly the offending
 * rows with their constraint's name. Meant for rows that are new (the children of a fixture whose
 * old children were just deleted): COPY does not upsert.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { guarded, ident, isDataError, qualified, shortName, upsert, type Batch, type LoadContext, type Row } from './load';

/** Rows per write to the COPY stream: the text of a chunk is built at once, a few hundred KB. */
const ROWS_PER_CHUNK = 2_000;

export async function copyInto(trx: Knex.Transaction, batch: Batch, ctx: LoadContext): Promise<Row[]> {
  return (await copyAll(trx, [batch], ctx))[0]!;
}

/**
 * COPY of several batches (in foreign-key order) under one savepoint: the common case costs one
 * savepoint for them all. When one is refused, everything since the savepoint is undone and the
 * batches are copied again one savepoint each, the refused one falling back to the isolating path.
 */
export async function copyAll(trx: Knex.Transaction, batches: CopyBatch[], ctx: LoadContext): Promise<Row[][]> {
  const filled = batches.filter((b) => b.rows.length > 0);
  try {
    await guarded(trx, ctx, async (sp) => {
      for (const b of filled) await copyStream(sp, b);
    });
  } catch (err) {
    if (!isDataError(err)) throw err;
    if (filled.length === 1) return [await upsert(trx, filled[0]!, ctx)];
    const out: Row[][] = [];
    for (const b of batches) out.push(await copyInto(trx, b, ctx));
    return out;
  }
  for (const b of filled) ctx.stats.add(shortName(b.table), { inserted: b.rows.length });
  return batches.map((b) => b.rows);
}

/** A batch with its rows already in COPY's text format (built once, e.g. to be hashed as well). */
export interface CopyBatch extends Batch {
  text?: string;
}

async function copyStream(trx: Knex.Transaction, batch: CopyBatch): Promise<void> {
  const columns = Object.keys(batch.rows[0]!);
  const connection = (await trx.client.acquireConnection()) as pg.PoolClient;
  const stream = connection.query(copyFrom(`copy ${qualified(batch.table)} (${columns.map(ident).join(', ')}) from stdin`));
  await pipeline(Readable.from(batch.text !== undefined ? [batch.text] : chunks(batch.rows, columns)), stream);
}

/** The rows in COPY's text format, columns in the order of the first row's keys. */
export function copyText(rows: readonly Row[]): string {
  if (rows.length === 0) return '';
  let text = '';
  for (const chunk of chunks(rows, Object.keys(rows[0]!))) text += chunk;
  return text;
}

function* chunks(rows: readonly Row[], columns: string[]): Generator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    let text = '';
    const end = Math.min(rows.length, start + ROWS_PER_CHUNK);
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      for (let c = 0; c < columns.length; c++) {
        text += (c === 0 ? '' : '\t') + field(row[columns[c]!]);
      }
      text += '\n';
    }
    yield text;
  }
}

/** One value in COPY's text format: \N for null, and the four characters that have a meaning escaped. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'string':
      return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, escapeChar) : value;
    default:
      return value instanceof Date ? value.toISOString() : field(JSON.stringify(value));
  }
}

function escapeChar(c: string): string {
  return c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r';
}
