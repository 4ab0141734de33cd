/**
 * Coverage-aware loading: /leagues says per season which data exists (coverage.fixtures.events,
 * lineups, statistics_fixtures, statistics_players, players, standings, injuries…). Old seasons of
 * many leagues have results only; asking for their line-ups or statistics spends the quota on
 * empty answers. A stream whose coverage flags are all false is skipped, and the skip is recorded
 * in its bookmark (etl.state) with the reason, for `etl status` and the plan.
 */
import type { Knex } from 'knex';
import { mergeState } from './state';
import type { CoverageFlag, StreamContext, StreamDeclaration } from './streams';

const WHAT: Record<CoverageFlag, string> = {
  covers_events: 'events',
  covers_lineups: 'line-ups',
  covers_fixture_statistics: 'match statistics',
  covers_player_statistics: 'player statistics',
  covers_standings: 'standings',
  covers_players: 'player season statistics',
  covers_injuries: 'injuries',
};

/**
 * Why the season's coverage rules the stream out, or null. Unknown coverage (no season row yet, or
 * a null flag) never rules out: only the API saying false does.
 */
export async function coverageSkip(knex: Knex, leagueId: number, season: number, stream: StreamDeclaration): Promise<string | null> {
  if (!stream.coverage?.length) return null;
  const row: Record<string, boolean | null> | undefined = await knex('golden.seasons').where({ league_id: leagueId, season }).first(...stream.coverage);
  if (!row || stream.coverage.some((flag) => row[flag] !== false)) return null;
  return `the API's coverage of ${leagueId}/${season} has no ${stream.coverage.map((f) => WHAT[f]).join(', no ')}`;
}

/** Records the skip in the stream's bookmark, so it is visible that nothing was asked, and why. */
export async function recordCoverageSkip(ctx: StreamContext, stream: StreamDeclaration, reason: string): Promise<void> {
  await mergeState(ctx.knex, ctx.leagueId, ctx.season, stream.name, { skipped: { at: ctx.now.toISOString(), reason } }, ctx.runId);
}
