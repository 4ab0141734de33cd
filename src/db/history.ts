/**
 * History of golden tables (slowly changing dimension, type 2), for the migrations that keep it:
 * history.<table>_history holds every version of every row, with the time it became true in the
 * golden table (valid_from, the writing transaction's start) and the time it stopped being true
 * (valid_to, null for the current version). Statement-level triggers with transition tables write
 * it: one call per statement however many rows it touches, and only for rows the statement really
 * changed (the ETL's upserts skip rows that are IS NOT DISTINCT FROM what they hold).
 *
 * A migration that adds a column to a historised golden table, or changes one's type, does the
 * same to its history table (the trigger copies columns by name and fails loudly on a column the
 * history table lacks); test/integration/history.test.ts compares them.
 */
import type { Knex } from 'knex';
import { ident, sqlLiteral } from './sql';
import { relationColumns } from './contracts';

export const HISTORY_SCHEMA = 'history';

/** The trigger function every historised table calls, its key columns as arguments. */
export const RECORD_VERSIONS = `${HISTORY_SCHEMA}.record_versions`;

const OPERATIONS = [
  { name: 'insert', event: 'insert', referencing: 'referencing new table as new_rows' },
  { name: 'update', event: 'update', referencing: 'referencing old table as old_rows new table as new_rows' },
  { name: 'delete', event: 'delete', referencing: 'referencing old table as old_rows' },
  { name: 'truncate', event: 'truncate', referencing: '' },
] as const;

/**
 * Creates history.<table>_history for golden.<table> (its columns and their comments, then
 * version_id, valid_from, valid_to), records the rows it holds now as their first versions, valid
 * from now (nothing is known of them before), and attaches the triggers.
 */
export async function keepHistory(knex: Knex, table: string, key: readonly string[], what: string): Promise<void> {
  const history = `${HISTORY_SCHEMA}.${ident(`${table}_history`)}`;
  const keyList = key.map(ident).join(', ');
  await knex.raw(`create table ${history} (
      like golden.${ident(table)} including comments,
      version_id bigint generated always as identity,
      valid_from timestamptz not null,
      valid_to timestamptz,
      constraint ${ident(`${table}_history_pkey`)} primary key (version_id),
      constraint ${ident(`${table}_history_valid_range_chk`)} check (valid_to is null or valid_to >= valid_from)
    )`);
  await knex.raw(`comment on table ${history} is ${sqlLiteral(`Every version of golden.${table} (${what}), written by its triggers: the row as it was from valid_from until valid_to (null: as it is now).`)}`);
  await knex.raw(`comment on column ${history}.version_id is 'Identifies the version; later versions of a row have higher ids.'`);
  await knex.raw(`comment on column ${history}.valid_from is 'Start of the transaction that wrote this version into the golden table.'`);
  await knex.raw(`comment on column ${history}.valid_to is 'Start of the transaction that changed or deleted the row; null while this version is current.'`);
  await knex.raw(`create unique index ${ident(`${table}_history_current_key`)} on ${history} (${keyList}) where valid_to is null`);
  await knex.raw(`create index ${ident(`${table}_history_validity_idx`)} on ${history} (${keyList}, valid_from)`);
  const columns = ((await relationColumns(knex, `golden.${table}`)) ?? []).map((c) => ident(c.name)).join(', ');
  await knex.raw(`insert into ${history} (${columns}, valid_from) select ${columns}, now() from golden.${ident(table)}`);
  for (const op of OPERATIONS) {
    await knex.raw(`create trigger ${ident(`${table}_history_on_${op.name}`)} after ${op.event} on golden.${ident(table)} ${op.referencing}
      for each statement execute function ${RECORD_VERSIONS}(${key.map(sqlLiteral).join(', ')})`);
  }
}

/** Undoes keepHistory: the triggers and the history table (with every version it kept). */
export async function dropHistory(knex: Knex, table: string): Promise<void> {
  for (const op of OPERATIONS) await knex.raw(`drop trigger ${ident(`${table}_history_on_${op.name}`)} on golden.${ident(table)}`);
  await knex.raw(`drop table ${HISTORY_SCHEMA}.${ident(`${table}_history`)}`);
}
