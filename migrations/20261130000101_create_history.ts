import type { Knex } from 'knex';
import { dropHistory, HISTORY_SCHEMA, keepHistory, RECORD_VERSIONS } from '../src/db/history';
import { sqlLiteral } from '../src/db/sql';

// The history of the golden parents (what a row looked like on any date): schema history, the
// trigger function, and one <table>_history per table (src/db/history.ts). Child rows of fixtures
// (events, line-ups, statistics) are not kept: they are replaced whole on every change, and their
// fixture's own history says when that happened.
const TABLES: Array<[string, string[], string]> = [
  ['leagues', ['league_id'], 'competitions'],
  ['venues', ['venue_id'], 'stadiums'],
  ['teams', ['team_id'], 'clubs and national teams'],
  ['players', ['player_id'], 'players'],
  ['fixtures', ['fixture_id'], 'matches: status, scores, kick-off'],
  ['standings', ['league_id', 'season', 'group_name', 'team_id'], 'the API\'s league tables'],
];

// One function for every table: the history table is named after the one the trigger fires on,
// and its key columns come as the trigger's arguments. Dynamic SQL, because each table has its own
// columns; a version opened earlier in the same transaction is dropped rather than closed, as no
// other transaction ever saw it.
const FUNCTION = `create function ${RECORD_VERSIONS}() returns trigger language plpgsql as $$
declare
  history_table text := format('${HISTORY_SCHEMA}.%I', tg_table_name || '_history');
  key_columns text := (select string_agg(format('%I', k), ', ') from unnest(tg_argv) as k);
  columns text;
  changed boolean;
begin
  if tg_op = 'TRUNCATE' then
    execute format('delete from %s where valid_to is null and valid_from = now()', history_table);
    execute format('update %s set valid_to = now() where valid_to is null', history_table);
    return null;
  end if;
  execute format('select exists (select from %I)', case tg_op when 'INSERT' then 'new_rows' else 'old_rows' end) into changed;
  if not changed then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    execute format('delete from %1$s where valid_to is null and valid_from = now() and (%2$s) in (select %2$s from old_rows)', history_table, key_columns);
    execute format('update %1$s set valid_to = now() where valid_to is null and (%2$s) in (select %2$s from old_rows)', history_table, key_columns);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    select string_agg(format('%I', attname), ', ' order by attnum) into columns
    from pg_attribute where attrelid = tg_relid and attnum > 0 and not attisdropped;
    execute format('insert into %1$s (%2$s, valid_from) select %2$s, now() from new_rows', history_table, columns);
  end if;
  return null;
end
$$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create schema ${HISTORY_SCHEMA}`);
  await knex.raw(`comment on schema ${HISTORY_SCHEMA} is ${sqlLiteral('Every version of the golden tables that keep a history, written by their triggers: <table>_history, each version with valid_from and valid_to. Analysts read it through the marts; quantfoot_analyst has no access here.')}`);
  await knex.raw(FUNCTION);
  await knex.raw(`comment on function ${RECORD_VERSIONS}() is ${sqlLiteral('Trigger of the golden tables with a history: closes the versions of the rows a statement changed or deleted and opens the new ones, in history.<table>_history; arguments: the key columns.')}`);
  for (const [table, key, what] of TABLES) await keepHistory(knex, table, key, what);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table] of [...TABLES].reverse()) await dropHistory(knex, table);
  await knex.raw(`drop function ${RECORD_VERSIONS}()`);
  await knex.raw(`drop schema ${HISTORY_SCHEMA}`);
}
