import { expect } from 'chai';
import type { Knex } from 'knex';
import { loadResponse, type LoadedEndpoint } from '../../src/etl/loaders';
import type { Rejection } from '../../src/etl/load';
import { RunStats } from '../../src/etl/stats';
import { validateResponse, type Endpoint } from '../../src/schemas';
import { testServerKind, useFreshDatabase } from '../support/db';
import { readSample } from '../support/samples';

// The real recorded responses load with zero rejects once the reference rows they point at exist
// (the samples come from different leagues and seasons, so each test supplies what its sample
// references and another stream would have loaded).
async function load(knex: Knex, endpoint: LoadedEndpoint, file: string): Promise<{ items: unknown[]; rejects: Rejection[]; stats: RunStats }> {
  const body = readSample(file);
  const validated = validateResponse(endpoint as Endpoint, body);
  expect(validated.rejects, `schema rejects in ${file}`).to.deep.equal([]);
  const stats = new RunStats();
  const rejects: Rejection[] = [];
  await knex.transaction((trx) =>
    loadResponse(trx, { endpoint, parameters: Array.isArray(body.parameters) ? {} : body.parameters, items: validated.items }, { stats, reject: (r) => rejects.push(r) }),
  );
  return { items: validated.items, rejects, stats };
}

async function given(knex: Knex, leagues: Array<[number, number, string]>, teams: Array<{ id: number; name: string | null }>): Promise<void> {
  for (const [leagueId, season, country] of leagues) {
    await knex('golden.countries').insert({ country_name: country }).onConflict().ignore();
    await knex('golden.leagues').insert({ league_id: leagueId, name: `League ${leagueId}`, type: 'League', country_name: country }).onConflict().ignore();
    await knex('golden.seasons').insert({ league_id: leagueId, season }).onConflict().ignore();
  }
  const unique = [...new Map(teams.map((t) => [t.id, t])).values()];
  if (unique.length) await knex('golden.teams').insert(unique.map((t) => ({ team_id: t.id, name: t.name ?? `Team ${t.id}` }))).onConflict().ignore();
}

describe(`ETL on the real recorded samples (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('etl_samples', { migrate: true });

  it('loads /leagues (German leagues with coverage) with zero rejects', async () => {
    const { items, rejects, stats } = await load(ctx.db.knex, 'leagues', 'leagues__syurchen93_api-football-client__leagues-current-de.json');
    expect(rejects).to.deep.equal([]);
    expect(stats.tables.get('leagues')!.inserted).to.equal(items.length);
    expect(Number((await ctx.db.knex('golden.seasons').count({ n: '*' }))[0]!.n)).to.be.greaterThan(0);
  });

  it('loads /teams with all-null venues, keeping the team without a venue', async () => {
    const { items, rejects } = await load(ctx.db.knex, 'teams', 'teams__syurchen93_api-football-client__team-manchester.json');
    expect(rejects).to.deep.equal([]);
    expect(Number((await ctx.db.knex('golden.teams').count({ n: '*' }))[0]!.n)).to.equal(items.length);
    expect(Number((await ctx.db.knex('golden.teams').whereNull('venue_id').count({ n: '*' }))[0]!.n)).to.be.greaterThan(0);
  });

  it('loads a /fixtures list of NS and PST matches: every item a row', async () => {
    const body = readSample('fixtures__syurchen93_api-football-client__fixtures-bundes-ns-pst.json') as { response: Array<{ teams: { home: { id: number; name: string }; away: { id: number; name: string } } }> };
    await given(ctx.db.knex, [[78, 2023, 'Germany']], body.response.flatMap((f) => [f.teams.home, f.teams.away]));
    const { items, rejects, stats } = await load(ctx.db.knex, 'fixtures', 'fixtures__syurchen93_api-football-client__fixtures-bundes-ns-pst.json');
    expect(rejects).to.deep.equal([]);
    expect(stats.tables.get('fixtures')!.inserted).to.equal(items.length);
    const statuses = await ctx.db.knex('golden.fixtures').where({ league_id: 78 }).distinct('status_short').pluck('status_short');
    expect(statuses).to.include('NS');
  });

  it('loads /fixtures?ids= with shoot-outs: events, line-ups and statistics counted as served', async () => {
    const body = readSample('fixtures-ids__syurchen93_api-football-client__fixtures-cl-penalties.json') as { response: Array<{ teams: { home: { id: number; name: string }; away: { id: number; name: string } }; events: unknown[]; lineups: Array<{ startXI: unknown[]; substitutes: unknown[] }>; statistics: unknown[]; players: Array<{ players: unknown[] }> }> };
    await given(ctx.db.knex, [[2, 2023, 'World']], body.response.flatMap((f) => [f.teams.home, f.teams.away]));
    const { rejects } = await load(ctx.db.knex, 'fixtures', 'fixtures-ids__syurchen93_api-football-client__fixtures-cl-penalties.json');
    expect(rejects).to.deep.equal([]);
    const count = async (t: string) => Number((await ctx.db.knex(`golden.${t}`).whereIn('fixture_id', [1149519, 1149523]).count({ n: '*' }))[0]!.n);
    const sum = (f: (x: (typeof body.response)[number]) => number) => body.response.reduce((n, x) => n + f(x), 0);
    expect(await count('fixture_events')).to.equal(sum((f) => f.events.length));
    expect(await count('fixture_lineups')).to.equal(sum((f) => f.lineups.length));
    expect(await count('fixture_lineup_players')).to.equal(sum((f) => f.lineups.reduce((n, l) => n + l.startXI.length + l.substitutes.length, 0)));
    expect(await count('fixture_team_stats')).to.equal(sum((f) => f.statistics.length));
    expect(await count('fixture_player_stats')).to.equal(sum((f) => f.players.reduce((n, p) => n + p.players.length, 0)));
    const pen = await ctx.db.knex('golden.fixtures').where({ fixture_id: 1149519 }).first();
    expect(pen).to.include({ status_short: 'PEN', goals_home: 2, goals_away: 1, penalty_home: 3, penalty_away: 2 });
  });

  it('reloading the same response rewrites nothing', async () => {
    const { stats } = await load(ctx.db.knex, 'fixtures', 'fixtures-ids__syurchen93_api-football-client__fixtures-cl-penalties.json');
    expect(stats.written()).to.equal(0);
    expect(stats.total('unchanged')).to.be.greaterThan(100);
  });

  it('loads a /players page with season statistics', async () => {
    const body = readSample('players__syurchen93_api-football-client__player-info-bundes-2022.json') as { response: Array<{ statistics: Array<{ team: { id: number; name: string } }> }> };
    await given(ctx.db.knex, [[78, 2022, 'Germany']], body.response.flatMap((p) => p.statistics.map((s) => s.team)));
    const { items, rejects } = await load(ctx.db.knex, 'players', 'players__syurchen93_api-football-client__player-info-bundes-2022.json');
    expect(rejects).to.deep.equal([]);
    expect(Number((await ctx.db.knex('golden.player_team_seasons').where({ league_id: 78, season: 2022 }).count({ n: '*' }))[0]!.n)).to.equal(items.length);
  });

  it('loads /standings: 20 rows of the Premier League 2022', async () => {
    const body = readSample('standings__syurchen93_api-football-client__standings-epl-2022.json') as { response: Array<{ league: { standings: Array<Array<{ team: { id: number; name: string } }>> } }> };
    await given(ctx.db.knex, [[39, 2022, 'England']], body.response[0]!.league.standings.flat().map((r) => r.team));
    const { rejects } = await load(ctx.db.knex, 'standings', 'standings__syurchen93_api-football-client__standings-epl-2022.json');
    expect(rejects).to.deep.equal([]);
    expect(Number((await ctx.db.knex('golden.standings').where({ league_id: 39, season: 2022 }).count({ n: '*' }))[0]!.n)).to.equal(20);
  });

  it('loads /fixtures/rounds (the Champions League 2021: qualifiers to the final) in their order', async () => {
    await given(ctx.db.knex, [[2, 2021, 'World']], []);
    const { rejects } = await load(ctx.db.knex, 'fixtures/rounds', 'fixtures-rounds__syurchen93_api-football-client__rounds-2021-cl.json');
    expect(rejects).to.deep.equal([]);
    const rounds = await ctx.db.knex('golden.rounds').where({ league_id: 2, season: 2021 }).orderBy('round_index').pluck('round');
    expect(rounds).to.have.length(15);
    expect([rounds[0], rounds[5], rounds[14]]).to.deep.equal(['Preliminary round', 'Group Stage - 1', 'Final']);
  });

  it('loads /venues, /players/squads, /coachs and /transfers with zero rejects', async () => {
    for (const [endpoint, file, table] of [
      ['venues', 'venues__syurchen93_api-football-client__venue-camp-nou.json', 'venues'],
      ['players/squads', 'players-squads__syurchen93_api-football-client__player-squad-Leipzig.json', 'squad_players'],
      ['coachs', 'coachs__syurchen93_api-football-client__misc-coach-Tuchel.json', 'coach_tenures'],
      ['transfers', 'transfers__syurchen93_api-football-client__transfer-pellegri.json', 'transfers'],
    ] as const) {
      if (endpoint === 'players/squads') await given(ctx.db.knex, [], [{ id: 173, name: 'RB Leipzig' }]);
      const { items, rejects } = await load(ctx.db.knex, endpoint, file);
      expect(rejects, file).to.deep.equal([]);
      expect(items.length, file).to.be.greaterThan(0);
      expect(Number((await ctx.db.knex(`golden.${table}`).count({ n: '*' }))[0]!.n), table).to.be.greaterThan(0);
    }
    const tuchel = await ctx.db.knex('golden.coach_tenures').where({ coach_id: 40 }).orderBy('start_date', 'desc').first();
    expect(tuchel).to.deep.include({ team_id: 157, end_date: null });
    expect(Number((await ctx.db.knex('golden.transfers').where({ player_id: 123 }).count({ n: '*' }))[0]!.n)).to.be.greaterThan(2);
  });

  it('rejects only the item that breaks a constraint, with its name, and loads the rest', async () => {
    const body = readSample('fixtures__syurchen93_api-football-client__fixtures-bundes-ns-pst.json') as { parameters: Record<string, string>; response: Array<{ fixture: { id: number }; teams: { home: { id: number } } }> };
    const items = structuredClone(body.response).slice(0, 5);
    items.forEach((f, i) => (f.fixture.id = 9_000_000 + i));
    items[2]!.teams.home.id = 987654; // a team nobody loaded
    const stats = new RunStats();
    const rejects: Rejection[] = [];
    await ctx.db.knex.transaction((trx) => loadResponse(trx, { endpoint: 'fixtures', parameters: body.parameters, items }, { stats, reject: (r) => rejects.push(r) }));
    expect(rejects).to.have.length(1);
    expect(rejects[0]!.reason).to.include('fixtures_home_team_fk');
    expect(stats.tables.get('fixtures')).to.include({ inserted: 4, rejected: 1 });
  });
});
