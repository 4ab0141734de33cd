/** Comparing states of the golden tables, and reading what the last run did. */
import type { Knex } from 'knex';

export const GOLDEN = ['fixtures', 'fixture_events', 'fixture_lineups', 'fixture_lineup_players', 'fixture_team_stats', 'fixture_player_stats', 'teams', 'team_seasons', 'venues', 'players', 'player_team_seasons', 'standings', 'injuries', 'leagues', 'seasons', 'countries'];

/** A hash per golden table over all its rows, to compare two states of the database (or two databases). */
export async function goldenHashes(knex: Knex): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of GOLDEN) {
    const { rows } = await knex.raw(`select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as h, count(*)::int as n from golden.${t} r`);
    out[t] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

export async function lastRun(knex: Knex) {
  const run = await knex('etl.runs').orderBy('run_id', 'desc').first();
  const tables = await knex('etl.run_tables').where({ run_id: run.run_id });
  const written = tables.reduce((n: number, t: { inserted: number; updated: number; deleted: number }) => n + t.inserted + t.updated + t.deleted, 0);
  return { run, tables, written };
}
