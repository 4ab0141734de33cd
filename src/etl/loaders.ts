/**
 * From a validated response to golden rows, in one transaction per response: the one code path
 * that both `etl run` (live responses) and `etl replay` (stored raw responses) go through.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { FixtureWithDetails, ItemOf, ItemReject } from '../schemas';
import { copyAll, copyText } from './copy';
import { ensureExists, OptimisticLoadAborted, replaceChildren, schemaRejection, shortName, upsert, type Batch, type LoadContext, type Rejection, type Row } from './load';
import { recordRejects } from './runs';
import { RunStats } from './stats';
import { countryRow, countryRowOfLeague, leagueRow, seasonRows } from './transform/leagues';
import { teamRow, teamSeasonRow, venueRow, venueRowOfTeam } from './transform/teams';
import { playerRow, playerSeasonRows } from './transform/players';
import { fixtureRow, venuePlaceholderOfFixture } from './transform/fixtures';
import { eventRows, lineupPlayerRows, lineupRows, playerPlaceholders, playerStatsRows, teamHalfStatsRows, teamStatsRows } from './transform/fixture-details';
import { standingRows } from './transform/standings';
import { injuryRow, playerPlaceholderOfInjury } from './transform/injuries';
import { roundRows } from './transform/rounds';
import { sidelinedRow } from './transform/sidelined';
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
  return loadOptimistically(stats, (attempt, optimistic) =>
    knex.transaction(async (trx) => {
      const outcome = await loadValidatedIn(trx, runId, response, attempt, optimistic);
      if (within) await within(trx, outcome);
      return outcome;
    }),
  );
}

/**
 * Runs a load first without savepoints (nearly always nothing is refused, and a savepoint per
 * statement is a good part of the time), and again with them when a row was refused: the first
 * attempt's transaction is lost whole, so its counts are dropped and only the second one's kept.
 */
export async function loadOptimistically<T>(stats: RunStats, load: (attempt: RunStats, optimistic: boolean) => Promise<T>): Promise<T> {
  for (const optimistic of [true, false]) {
    const attempt = new RunStats();
    try {
      const result = await load(attempt, optimistic);
      for (const [table, counts] of attempt.tables) stats.add(table, counts);
      return result;
    } catch (err) {
      if (!(optimistic && err instanceof OptimisticLoadAborted)) throw err;
    }
  }
  throw new Error('unreachable');
}

/** `loadValidated` inside the caller's transaction (replay loads a page of responses in one). */
export async function loadValidatedIn(trx: Knex.Transaction, runId: number | null, response: ResponseToLoad & { rejects: readonly ItemReject[] }, stats: RunStats, optimistic = false): Promise<LoadOutcome> {
  const rejects = response.rejects.map((r) => schemaRejection(r, response.endpoint));
  for (const r of rejects) stats.add(r.table, { rejected: 1 });
  const outcome = await loadResponse(trx, response, { stats, reject: (r) => rejects.push(r), optimistic });
  await recordRejects(trx, runId, response.endpoint, response.parameters, rejects);
  return { ...outcome, rejects };
}

/** Loads one response's items; rejected items are returned, everything else is in the database. */
export async function loadResponse(trx: Knex.Transaction, response: ResponseToLoad, ctx: LoadContext): Promise<LoadOutcome> {
  const rejects: Rejection[] = [];
  const local: LoadContext = { stats: ctx.stats, reject: (r) => rejects.push(r), optimistic: ctx.optimistic };
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
      ctx.stats.add('venues', { inserted: await ensureExists(trx, 'golden.venues', ['venue_id'], venues, local) });
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
      ctx.stats.add('players', { inserted: await ensureExists(trx, 'golden.players', ['player_id'], items.map(playerPlaceholderOfInjury), local) });
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
      ctx.stats.add('players', { inserted: await ensureExists(trx, 'golden.players', ['player_id'], items.flatMap(playerPlaceholdersOfSquad), local) });
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
      const rows = items.map((i): [Row, unknown] => [sidelinedRow(playerId, i), i]);
      await replaceChildren(trx, batch('golden.sidelined', ['player_id', 'start_date'], rows), 'player_id', [playerId], local);
      break;
    }
    case 'coachs': {
      const items = response.items as Array<ItemOf<'coachs'>>;
      ctx.stats.add('teams', { inserted: await ensureExists(trx, 'golden.teams', ['team_id'], items.flatMap(teamPlaceholdersOfCoach), local) });
      const coaches = await upsert(trx, batch('golden.coaches', ['coach_id'], items.map((i) => [coachRow(i), i])), local);
      const loaded = new Set(coaches.map((c) => c['coach_id']));
      const ofLoaded = items.filter((i) => loaded.has(i.id));
      await replaceChildren(trx, batch('golden.coach_tenures', ['coach_id', 'team_id', 'start_date'], ofLoaded.flatMap((i) => tenureRows(i).map((r): [Row, unknown] => [r, i]))), 'coach_id', ofLoaded.map((i) => i.id), local);
      break;
    }
    case 'transfers': {
      const items = response.items as Array<ItemOf<'transfers'>>;
      ctx.stats.add('players', { inserted: await ensureExists(trx, 'golden.players', ['player_id'], items.flatMap(playerPlaceholdersOfTransfers), local) });
      ctx.stats.add('teams', { inserted: await ensureExists(trx, 'golden.teams', ['team_id'], items.flatMap(teamPlaceholdersOfTransfers), local) });
      await replaceChildren(trx, batch('golden.transfers', ['player_id', 'transfer_date', 'team_out_id', 'team_in_id'], items.flatMap((i) => transferRows(i).map((r): [Row, unknown] => [r, i]))), 'player_id', items.map((i) => i.player.id), local);
      break;
    }
  }
  for (const r of rejects) ctx.reject(r);
  return { rejects, fixtureIds };
}

/** A fixture's child rows, table by table in foreign-key order, each row with the item it came from. */
export interface ChildBatch extends Batch {
  /** the fixture column the rows are grouped by */
  parent: 'fixture_id';
}

export function fixtureDetailBatches(items: FixtureWithDetails[]): ChildBatch[] {
  const rowsOf = (fn: (i: FixtureWithDetails) => Row[]) => items.flatMap((i) => fn(i).map((r): [Row, unknown] => [r, i]));
  const shootout = (i: FixtureWithDetails) => ({ status: i.fixture.status.short, penalty: i.score.penalty, homeTeamId: i.teams.home.id, awayTeamId: i.teams.away.id });
  const child = (table: string, key: string[], pairs: Array<[Row, unknown]>): ChildBatch => ({ ...batch(table, key, pairs), parent: 'fixture_id' });
  return [
    child('golden.fixture_events', ['fixture_id', 'event_index'], rowsOf((i) => eventRows(i.fixture.id, i.events, shootout(i)))),
    child('golden.fixture_lineups', ['fixture_id', 'team_id'], rowsOf((i) => lineupRows(i.fixture.id, i.lineups))),
    child('golden.fixture_lineup_players', ['fixture_id', 'team_id', 'player_id'], rowsOf((i) => lineupPlayerRows(i.fixture.id, i.lineups))),
    child('golden.fixture_team_stats', ['fixture_id', 'team_id'], rowsOf((i) => teamStatsRows(i.fixture.id, i.statistics))),
    child('golden.fixture_player_stats', ['fixture_id', 'team_id', 'player_id'], rowsOf((i) => playerStatsRows(i.fixture.id, i.players))),
  ];
}

/** A fixture's child batches with their COPY text, and the sha256 of that text: exactly what loading it writes. */
function preparedDetails(item: FixtureWithDetails): { batches: Array<ChildBatch & { text: string }>; sha256: string } {
  const batches = fixtureDetailBatches([item]).map((b) => ({ ...b, text: copyText(b.rows) }));
  const hash = createHash('sha256');
  for (const b of batches) hash.update(`${b.table}\n`).update(b.text);
  return { batches, sha256: hash.digest('hex') };
}

/** One batch per table out of the fixtures' own (same tables, same order). */
function mergedBatches(perFixture: Array<Array<ChildBatch & { text: string }>>): Array<ChildBatch & { text: string }> {
  return perFixture[0]!.map((first, t) => {
    const parts = perFixture.map((batches) => batches[t]!);
    return { ...first, rows: parts.flatMap((p) => p.rows), items: parts.flatMap((p) => p.items), text: parts.map((p) => p.text).join('') };
  });
}

/**
 * Makes each fixture's events, line-ups and statistics exactly what this response says. A fixture
 * whose rows would be exactly the ones already loaded (etl.fixture_details keeps their hash) is not
 * touched; the others have their old children deleted and the new ones copied in (COPY), in the
 * response's transaction, so no reader sees half a fixture.
 */
async function loadFixtureDetails(trx: Knex.Transaction, items: FixtureWithDetails[], ctx: LoadContext): Promise<void> {
  const prepared = new Map(items.map((i) => [i.fixture.id, preparedDetails(i)]));
  const ids = [...prepared.keys()];
  // Players the details name before /players lists them; a positive id and a name each, so these
  // rows cannot break a players constraint and may share the statement below.
  const players = new Map<number, string>();
  for (const i of items) for (const p of playerPlaceholders(i.events, i.lineups, i.players)) if (!players.has(p['player_id'] as number)) players.set(p['player_id'] as number, p['name'] as string);
  // One statement: the placeholder players, which fixtures' rows differ from the loaded ones (by
  // hash), the deletion of their old children, and the record of the new hashes. The players of a
  // line-up are deleted before it, so they are counted (its deletion would cascade to them unseen).
  const tables = ['fixture_lineup_players', 'fixture_lineups', 'fixture_events', 'fixture_team_stats', 'fixture_player_stats'];
  const { rows } = await trx.raw(
    `with placeholders as (
         insert into golden.players (player_id, name) select * from unnest(?::int[], ?::text[]) on conflict (player_id) do nothing returning 1),
     incoming as (select * from unnest(?::int[], ?::text[]) as i(fixture_id, sha256)),
     stale as (
         select incoming.fixture_id, incoming.sha256 from incoming
         left join etl.fixture_details as loaded on loaded.fixture_id = incoming.fixture_id
         where loaded.sha256 is distinct from incoming.sha256),
     ${tables.map((t, i) => `d${i} as (delete from golden.${t} where fixture_id in (select fixture_id from stale) returning 1)`).join(',\n     ')},
     recorded as (
         insert into etl.fixture_details (fixture_id, sha256, loaded_at) select fixture_id, sha256, now() from stale
         on conflict (fixture_id) do update set sha256 = excluded.sha256, loaded_at = excluded.loaded_at returning 1)
     select array(select fixture_id from stale) as stale, (select count(*) from recorded)::int as recorded,
         (select count(*) from placeholders)::int as players, ${tables.map((_, i) => `(select count(*) from d${i})::int as n${i}`).join(', ')}`,
    [[...players.keys()], [...players.values()], ids, ids.map((id) => prepared.get(id)!.sha256)],
  );
  const stale = new Set<number>(rows[0].stale);
  ctx.stats.add('players', { inserted: rows[0].players });
  tables.forEach((t, i) => ctx.stats.add(t, { deleted: rows[0][`n${i}`] }));
  const changed = items.filter((i) => stale.has(i.fixture.id));
  for (const item of items) {
    if (stale.has(item.fixture.id)) continue;
    for (const b of prepared.get(item.fixture.id)!.batches) ctx.stats.add(shortName(b.table), { unchanged: b.rows.length });
  }
  if (changed.length === 0) return;
  await copyAll(trx, mergedBatches(changed.map((i) => prepared.get(i.fixture.id)!.batches)), ctx);
}
