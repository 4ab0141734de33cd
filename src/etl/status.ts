/** `etl status`: what the ETL has done, as text. */
import type { Knex } from 'knex';
import { printable } from '../text';
import { SHOWN_STATUS_SQL } from './runs';

const GOLDEN_TABLES = [
  'countries', 'leagues', 'seasons', 'venues', 'teams', 'team_seasons', 'players', 'player_team_seasons', 'fixtures',
  'fixture_events', 'fixture_lineups', 'fixture_lineup_players', 'fixture_team_stats', 'fixture_player_stats', 'standings', 'injuries',
  'rounds', 'squad_players', 'coaches', 'coach_tenures', 'transfers', 'sidelined', 'fixture_team_half_stats', 'overrides',
];

export async function etlStatus(knex: Knex): Promise<string> {
  const out: string[] = [];
  const runs = await knex('etl.runs as r').select('r.*', knex.raw(`${SHOWN_STATUS_SQL} as shown_status`)).orderBy('r.run_id', 'desc').limit(10);
  out.push('Last runs:');
  if (runs.length === 0) out.push('  none yet: quantfoot etl run --league 39 --season 2023');
  for (const r of runs) {
    const status = r.shown_status === r.status ? r.status : `${r.shown_status} (its process is gone; still marked ${r.status})`;
    out.push(`  #${r.run_id} ${r.command} ${JSON.stringify(r.arguments)} ${status} started ${r.started_at.toISOString()} calls ${r.calls_used} quota left ${r.quota_remaining ?? '?'}${r.error ? ` error: ${r.error}` : ''}`);
  }
  const counts = await knex.raw(GOLDEN_TABLES.map((t) => `select '${t}' as t, count(*)::int as n from golden.${t}`).join(' union all '));
  out.push('Rows per golden table:');
  for (const r of counts.rows) out.push(`  ${String(r.t).padEnd(24)} ${String(r.n).padStart(8)}`);
  const { rows: rejects } = await knex.raw('select endpoint, table_name, count(*)::int as n from etl.rejects group by 1, 2 order by 1, 2');
  out.push(`Rejects: ${rejects.length === 0 ? 'none' : ''}`);
  for (const r of rejects as Array<{ endpoint: string; table_name: string | null; n: number }>) out.push(`  ${r.endpoint} → ${r.table_name ?? '?'}: ${r.n}`);
  const states = await knex('etl.state')
    .select('league_id', 'season', 'stream', 'updated_at', knex.raw("bookmark -> 'skipped' ->> 'reason' as skipped"))
    .orderBy(['league_id', 'season', 'stream']);
  out.push('Bookmarks:');
  for (const s of states) {
    // A stream the season's coverage rules out (coverage.ts) says so, with the API's reason.
    out.push(`  league ${s.league_id} season ${s.season} ${s.stream}: updated ${s.updated_at.toISOString()}${s.skipped ? `; skipped: ${s.skipped}` : ''}`);
  }
  // Errors and reasons quote what the API sent: never raw control characters on a terminal.
  return out.map((line) => printable(line)).join('\n');
}
