/**
 * From a validated response to golden rows, in one transaction per response: the one code path
 * that both `etl run` (live responses) and `etl replay` (stored raw responses) go through.
 */
import type { Knex } from 'knex';
import type { FixtureWithDetails, ItemOf, ItemReject } from '../schemas';
import { ensureExists, replaceChildren, schemaRejection, upsert, type Batch, type LoadContext, type Rejection, type Row } from './load';
import { recordRejects } from './runs';
import type { RunStats } from './stats';
import { countryRow, countryRowOfLeague, leagueRow, seasonRows } from './transform/leagues';
import { teamRow, teamSeasonRow, venueRow, venueRowOfTeam } from './transform/teams';
import { playerRow, playerSeasonRows } from './transform/players';
import { fixtureRow, venuePlaceholderOfFixture } from './transform/fixtures';
import { eventRows, lineupPlayerRows, lineupRows, playerPlaceholders, playerStatsRows, teamHalfStatsRows, teamStatsRows } from './transform/fixture-details';
import { standingRows } from './transform/standings';
import { injuryRow, playerPlaceholderOfInjury } from './transform/injuries';
import { roundRows } from './transform/rounds';
import { playerPlaceholdersOfSquad, squadPlayerRows } from './transform/squads';
import { coachRow, teamPlaceholdersOfCoach, tenureRows } from './transform/coaches';
import { playerPlaceholdersOfTransfers, teamPlaceholdersOfTransfers, transferRows } from './transform/transfers';

export const LOADED_ENDPOINTS = [
  'countries', 'leagues', 'teams', 'venues', 'players', 'fixtures', 'standings', 'injuries', 'fixtures/rounds', 'fixtures/statistics', 'players/squads', 'coachs', 'transfers', 'sidelined',
] as const;
export type LoadedEndpoint = (typeof LOADED_ENDPOINTS)[number];

export function isLoadedEndpoint(endpoint: string): endpoint is LoadedEndpoint {
  return (LOADED_ENDPOINTS as readonly string[]).includes(endpoint);
}

/** Items of one response, with the request parameters (league and season come from them). */
export interface ResponseToLoad {
  endpoint: LoadedEndpoint;
  parameters: Record<string, string>;
  items: unknown[];
}

export interface LoadOutcome {
  rejects: Rejection[];
  /** fixtures of an ids response whose details loaded */
  fixtureIds: number[];
}

function batch(table: string, key: readonly string[], pairs: Array<[Row | null, unknown]>, onDuplicate?: Batch['onDuplicate']): Batch {
  const kept = pairs.filter((p): p is [Row, unknown] => p[0] !== null);
  return { table, key, rows: kept.map((p) => p[0]), items: kept.map((p) => p[1]), onDuplicate };
}

/**
 * One validated response into the database, in one transaction with the record of its rejects
 * (the validator's and the constraints'); `within` runs in the same transaction (a bookmark).
 */
export async function loadValidated(
  knex: Knex,
  runId: number | null,
  response: ResponseToLoad & { rejects: readonly ItemReject[] },
  stats: RunStats,
  within?: (trx: Knex.Transaction, outcome: LoadOutcome) => Promise<void>,
): Promise<LoadOutcome> {
  const rejects = response.rejects.map((r) => schemaRejection(r, response.endpoint));
  for (const r of rejects) stats.add(r.table, { rejected: 1 });
  return knex.transaction(async (trx) => {
    const outcome = await loadResponse(trx, response, { stats, reject: (r) => rejects.push(r) });
    if (within) await within(trx, outcome);
    await recordRejects(trx, runId, response.endpoint, response.parameters, rejects);
    return { ...outcome, rejects };
  });
}

/** Loads one response's items; rejected items are returned, everything else is in the database. */
export async function loadResponse(trx: Knex.Transaction, response: ResponseToLoad, ctx: LoadContext): Promise<LoadOutcome> {
  const rejects: Rejection[] = [];
  const local: LoadContext = { stats: ctx.stats, reject: (r) => rejects.push(r) };
  const p = response.parameters;
  const fixtureIds: number[] = [];
  switch (response.endpoint) {
    case 'countries': {
      const items = response.items as Array<ItemOf<'countries'>>;
      await upsert(trx, batch('golden.countries', ['country_name'], items.map((i) => [countryRow(i), i])), local);
      break;
    }
    case 'leagues': {
      const items = response.items as Array<ItemOf<'leagues'>>;
      await upsert(trx, batch('golden.countries', ['country_name'], items.map((i) => [countryRowOfLeague(i), i]), 'first'), local);
      await upsert(trx, batch('golden.leagues', ['league_id'], items.map((i) => [leagueRow(i), i])), local);
      const season = p.season ? Number(p.season) : undefined;
      await upsert(trx, batch('golden.seasons', ['league_id', 'season'], items.flatMap((i) => seasonRows(i, season).map((r): [Row, unknown] => [r, i]))), local);
      break;
    }
    case 'venues': {
      const items = response.items as Array<ItemOf<'venues'>>;
      await upsert(trx, batch('golden.venues', ['venue_id'], items.map((i) => [venueRow(i), i])), local);
      break;
    }
    case 'teams': {
      const items = response.items as Array<ItemOf<'teams'>>;
      await upsert(trx, batch('golden.venues', ['venue_id'], items.map((i) => [venueRowOfTeam(i), i]), 'first'), local);
      const teams = await upsert(trx, batch('golden.teams', ['team_id'], items.map((i) => [teamRow(i), i])), local);
      if (p.league && p.season) {
        const loaded = new Set(teams.map((t) => t['team_id']));
        const ofSeason = items.filter((i) => loaded.has(i.team.id));
        await upsert(trx, batch('golden.team_seasons', ['league_id', 'season', 'team_id'], ofSeason.map((i) => [teamSeasonRow(i, Number(p.league), Number(p.season)), i])), local);
      }
      break;
    }
    case 'players': {
      const items = response.items as Array<ItemOf<'players'>>;
      const players = await upsert(trx, batch('golden.players', ['player_id'], items.map((i) => [playerRow(i), i])), local);
      if (p.league && p.season) {
        const loaded = new Set(players.map((r) => r['player_id']));
        const pairs = items.filter((i) => loaded.has(i.player.id)).flatMap((i) => playerSeasonRows(i, Number(p.league), Number(p.season)).map((r): [Row, unknown] => [r, i]));
        await upsert(trx, batch('golden.player_team_seasons', ['player_id', 'team_id', 'league_id', 'season'], pairs), local);
      }
      break;
    }
    case 'fixtures': {
      const items = response.items as Array<ItemOf<'fixtures'>>;
      const venues = items.map(venuePlaceholderOfFixture).filter((v): v is Row => v !== null);
      ctx.stats.add('venues', { inserted: await ensureExists(trx, 'golden.venues', ['venue_id'], venues) });
      const fixtures = await upsert(trx, batch('golden.fixtures', ['fixture_id'], items.map((i) => [fixtureRow(i), i])), local);
      if (p.id || p.ids) {
        const loaded = new Set(fixtures.map((f) => f['fixture_id'] as number));
        const detailed = (items as FixtureWithDetails[]).filter((i) => loaded.has(i.fixture.id));
        await loadFixtureDetails(trx, detailed, local);
        fixtureIds.push(...detailed.map((i) => i.fixture.id));
      }
      break;
    }
    case 'standings': {
      const items = response.items as Array<ItemOf<'standings'>>;
      await upsert(trx, batch('golden.standings', ['league_id', 'season', 'group_name', 'team_id'], items.flatMap((i) => standingRows(i).map((r): [Row, unknown] => [r, i]))), local);
      break;
    }
    case 'injuries': {
      const items = response.items as Array<ItemOf<'injuries'>>;
      ctx.stats.add('players', { inserted: await ensureExists(trx, 'golden.players', ['player_id'], items.map(playerPlaceholderOfInjury)) });
      await upsert(trx, batch('golden.injuries', ['fixture_id', 'player_id'], items.map((i) => [injuryRow(i), i])), local);
      break;
    }
    case 'fixtures/rounds': {
      if (!p.league || !p.season) break;
      const rounds = response.items as string[];
      const loaded = await upsert(trx, batch('golden.rounds', ['league_id', 'season', 'round'], roundRows(rounds, Number(p.league), Number(p.season)).map((r, i) => [r, rounds[i]])), local);
      // The list is the season's: a round no longer in it goes (its index was taken by another).
      const res = await trx('golden.rounds').where({ league_id: Number(p.league), season: Number(p.season) }).whereNotIn('round', loaded.map((r) => r['round'] as string)).delete();
      ctx.stats.add('rounds', { deleted: res });
      break;
    }
    case 'players/squads': {
      const items = response.items as Array<ItemOf<'players/squads'>>;
      ctx.stats.add('players', { inserted: await ensureExists(trx, 'golden.players', ['player_id'], items.flatMap(playerPlaceholdersOfSquad)) });
      const teams = new Set((await trx('golden.teams').whereIn('team_id', items.map((i) => i.team.id)).pluck('team_id')) as number[]);
      const known = items.filter((i) => teams.has(i.team.id));
      await replaceChildren(trx, batch('golden.squad_players', ['team_id', 'player_id'], known.flatMap((i) => squadPlayerRows(i).map((r): [Row, unknown] => [r, i]))), 'team_id', known.map((i) => i.team.id), local);
      break;
    }
    case 'fixtures/statistics': {
      // Only the halves (half=true) are loaded from here: the match's own figures come with its details.
      if (!p.fixture || p.half !== 'true') break;
      const items = response.items as Array<ItemOf<'fixtures/statistics'>>;
      const fixtureId = Number(p.fixture);
      if (!(await trx('golden.fixtures').where({ fixture_id: fixtureId }).first('fixture_id'))) break;
      await replaceChildren(trx, batch('golden.fixture_team_half_stats', ['fixture_id', 'team_id', 'half'], items.flatMap((i) => teamHalfStatsRows(fixtureId, [i]).map((r): [Row, unknown] => [r, i]))), 'fixture_id', [fixtureId], local);
      break;
    }
    case 'sidelined': {
      if (!p.player) break;
      const items = response.items as Array<ItemOf<'sidelined'>>;
      const playerId = Number(p.player);
      const rows = items.map((i): [Row, unknown] => [{ player_id: playerId, start_date: i.start, end_date: i.end, type: i.type }, i]);
      await replaceChildren(trx, batch('golden.sidelined', ['player_id', 'start_date'], rows), 'player_id', [playerId], local);
      break;
    }
    case 'coachs': {
      const items = response.items as Array<ItemOf<'coachs'>>;
      ctx.stats.add('teams', { inserted: await ensureExists(trx, 'golden.teams', ['team_id'], items.flatMap(teamPlaceholdersOfCoach)) });
      const coaches = await upsert(trx, batch('golden.coaches', ['coach_id'], items.map((i) => [coachRow(i), i])), local);
      const loaded = new Set(coaches.map((c) => c['coach_id']));
      const ofLoaded = items.filter((i) => loaded.has(i.id));
      await replaceChildren(trx, batch('golden.coach_tenures', ['coach_id', 'team_id', 'start_date'], ofLoaded.flatMap((i) => tenureRows(i).map((r): [Row, unknown] => [r, i]))), 'coach_id', ofLoaded.map((i) => i.id), local);
      break;
    }
    case 'transfers': {
      const items = response.items as Array<ItemOf<'transfers'>>;
      ctx.stats.add('players', { inserted: await ensureExists(trx, 'golden.players', ['player_id'], items.flatMap(playerPlaceholdersOfTransfers)) });
      ctx.stats.add('teams', { inserted: await ensureExists(trx, 'golden.teams', ['team_id'], items.flatMap(teamPlaceholdersOfTransfers)) });
      await replaceChildren(trx, batch('golden.transfers', ['player_id', 'transfer_date', 'team_out_id', 'team_in_id'], items.flatMap((i) => transferRows(i).map((r): [Row, unknown] => [r, i]))), 'player_id', items.map((i) => i.player.id), local);
      break;
    }
  }
  for (const r of rejects) ctx.reject(r);
  return { rejects, fixtureIds };
}

/** Replaces each fixture's events, lineups and statistics with what this response says. */
async function loadFixtureDetails(trx: Knex.Transaction, items: FixtureWithDetails[], ctx: LoadContext): Promise<void> {
  const ids = items.map((i) => i.fixture.id);
  const placeholders = items.flatMap((i) => playerPlaceholders(i.events, i.lineups, i.players));
  ctx.stats.add('players', { inserted: await ensureExists(trx, 'golden.players', ['player_id'], placeholders) });
  const rowsOf = (fn: (i: FixtureWithDetails) => Row[]) => items.flatMap((i) => fn(i).map((r): [Row, unknown] => [r, i]));
  const shootout = (i: FixtureWithDetails) => ({ status: i.fixture.status.short, penalty: i.score.penalty, homeTeamId: i.teams.home.id, awayTeamId: i.teams.away.id });
  await replaceChildren(trx, batch('golden.fixture_events', ['fixture_id', 'event_index'], rowsOf((i) => eventRows(i.fixture.id, i.events, shootout(i)))), 'fixture_id', ids, ctx);
  // A line-up no longer sent takes its players with it (cascade); the rest are replaced after.
  await replaceChildren(trx, batch('golden.fixture_lineups', ['fixture_id', 'team_id'], rowsOf((i) => lineupRows(i.fixture.id, i.lineups))), 'fixture_id', ids, ctx);
  await replaceChildren(trx, batch('golden.fixture_lineup_players', ['fixture_id', 'team_id', 'player_id'], rowsOf((i) => lineupPlayerRows(i.fixture.id, i.lineups))), 'fixture_id', ids, ctx);
  await replaceChildren(trx, batch('golden.fixture_team_stats', ['fixture_id', 'team_id'], rowsOf((i) => teamStatsRows(i.fixture.id, i.statistics))), 'fixture_id', ids, ctx);
  await replaceChildren(trx, batch('golden.fixture_player_stats', ['fixture_id', 'team_id', 'player_id'], rowsOf((i) => playerStatsRows(i.fixture.id, i.players))), 'fixture_id', ids, ctx);
}
