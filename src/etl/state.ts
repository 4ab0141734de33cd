/** Bookmarks per league-season and stream (etl.state), written in the caller's transaction. */
import type { Knex } from 'knex';

export async function readState<T>(knex: Knex, leagueId: number, season: number, stream: string): Promise<T | null> {
  const row = await knex('etl.state').where({ league_id: leagueId, season, stream }).first('bookmark');
  return (row?.bookmark as T | undefined) ?? null;
}

export async function writeState(knex: Knex, leagueId: number, season: number, stream: string, bookmark: unknown, runId: number | null): Promise<void> {
  await knex('etl.state')
    .insert({ league_id: leagueId, season, stream, bookmark: JSON.stringify(bookmark), run_id: runId, updated_at: knex.fn.now() })
    .onConflict(['league_id', 'season', 'stream'])
    .merge();
}

/** Merges keys into a jsonb object bookmark without reading it first. */
export async function mergeState(knex: Knex, leagueId: number, season: number, stream: string, patch: Record<string, unknown>, runId: number | null): Promise<void> {
  await knex.raw(
    `insert into etl.state (league_id, season, stream, bookmark, run_id) values (?, ?, ?, ?::jsonb, ?)
     on conflict (league_id, season, stream) do update set bookmark = etl.state.bookmark || excluded.bookmark, run_id = excluded.run_id, updated_at = now()`,
    [leagueId, season, stream, JSON.stringify(patch), runId],
  );
}
