/**
 * The COPY path of fixture details: fast where the rows are, with the contract of the isolating
 * path (a refused row costs itself, named by its constraint), replacing a fixture's children whole,
 * and writing nothing when the details would load the same rows.
 */
import { expect } from 'chai';
import { copyInto } from '../../src/etl/copy';
import { loadResponse } from '../../src/etl/loaders';
import type { Rejection } from '../../src/etl/load';
import { RunStats } from '../../src/etl/stats';
import { validateResponse, type FixtureWithDetails } from '../../src/schemas';
import { readSample } from '../support/samples';
import { testServerKind, useFreshDatabase } from '../support/db';

const SAMPLE = 'fixtures-ids__syurchen93_api-football-client__fixtures-cl-penalties.json';

describe(`loading fixture details by COPY (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('copy_load', { migrate: true });
  const knex = () => ctx.db.knex;

  async function givenParents(items: FixtureWithDetails[]): Promise<void> {
    await knex()('golden.countries').insert({ country_name: 'World' }).onConflict().ignore();
    await knex()('golden.leagues').insert({ league_id: 2, name: 'UEFA Champions League', type: 'Cup', country_name: 'World' }).onConflict().ignore();
    await knex()('golden.seasons').insert({ league_id: 2, season: 2023 }).onConflict().ignore();
    const teams = items.flatMap((f) => [f.teams.home, f.teams.away]);
    await knex()('golden.teams').insert(teams.map((t) => ({ team_id: t.id, name: t.name }))).onConflict().ignore();
  }

  async function load(items: FixtureWithDetails[]): Promise<{ stats: RunStats; rejects: Rejection[] }> {
    const stats = new RunStats();
    const rejects: Rejection[] = [];
    await knex().transaction((trx) => loadResponse(trx, { endpoint: 'fixtures', parameters: { ids: items.map((f) => f.fixture.id).join('-') }, items }, { stats, reject: (r) => rejects.push(r) }));
    return { stats, rejects };
  }

  const sample = () => validateResponse('fixtures', readSample(SAMPLE)).items as FixtureWithDetails[];

  it('one bad row among thousands is rejected with its constraint; the rest load', async () => {
    await knex()('golden.countries').insert({ country_name: 'Benchland' }).onConflict().ignore();
    const rows = Array.from({ length: 5000 }, (_, i) => ({ venue_id: 100_000 + i, name: `Venue ${i}`, city: 'Copy City', capacity: i === 3210 ? -5 : 1000 + i, surface: 'grass' }));
    const stats = new RunStats();
    const rejects: Rejection[] = [];
    const loaded = await knex().transaction((trx) => copyInto(trx, { table: 'golden.venues', key: ['venue_id'], rows, items: rows }, { stats, reject: (r) => rejects.push(r) }));
    expect(loaded).to.have.length(4999);
    expect(rejects).to.have.length(1);
    expect(rejects[0]!.reason).to.match(/^violates venues_capacity_range_chk/);
    expect((rejects[0]!.item as { venue_id: number }).venue_id).to.equal(103_210);
    expect(Number((await knex()('golden.venues').where('city', 'Copy City').count({ n: '*' }))[0]!.n)).to.equal(4999);
  });

  it('a fixture whose details come again with fewer children has exactly the new ones, and unchanged details write nothing', async () => {
    const items = sample();
    await givenParents(items);
    const first = await load(items);
    expect(first.rejects).to.deep.equal([]);
    const fixture = items[0]!;
    const count = async (table: string) => Number((await knex()(`golden.${table}`).where({ fixture_id: fixture.fixture.id }).count({ n: '*' }))[0]!.n);
    expect(await count('fixture_events')).to.equal(fixture.events.length);

    const xminBefore = (await knex().raw('select string_agg(xmin::text, \',\' order by event_index) as x from golden.fixture_events where fixture_id = ?', [fixture.fixture.id])).rows[0].x;
    const again = await load(sample());
    expect(again.stats.written(), 'nothing rewritten').to.equal(0);
    expect(again.stats.tables.get('fixture_events')).to.include({ unchanged: items.reduce((n, f) => n + f.events.length, 0) });
    expect((await knex().raw('select string_agg(xmin::text, \',\' order by event_index) as x from golden.fixture_events where fixture_id = ?', [fixture.fixture.id])).rows[0].x).to.equal(xminBefore);

    const shrunk = sample();
    shrunk[0] = { ...shrunk[0]!, events: shrunk[0]!.events.slice(0, -2), lineups: shrunk[0]!.lineups.slice(0, 1), players: shrunk[0]!.players.slice(0, 1) };
    const { stats } = await load(shrunk);
    expect(await count('fixture_events')).to.equal(fixture.events.length - 2);
    expect(await count('fixture_lineups')).to.equal(1);
    expect(await count('fixture_lineup_players')).to.equal(fixture.lineups[0]!.startXI.length + fixture.lineups[0]!.substitutes.length);
    expect(await count('fixture_player_stats')).to.equal(fixture.players[0]!.players.length);
    expect(stats.tables.get('fixture_events')).to.include({ deleted: fixture.events.length, inserted: fixture.events.length - 2 });
    const other = items[1]!.fixture.id;
    expect(Number((await knex()('golden.fixture_events').where({ fixture_id: other }).count({ n: '*' }))[0]!.n), 'the other fixture untouched').to.equal(items[1]!.events.length);
  });

  it('a refused child row costs itself: the fixture\'s other children still load by COPY, atomically with it', async () => {
    const items = sample();
    await givenParents(items);
    const broken = sample();
    broken[1]!.players[0]!.players[3]!.statistics[0]!.games.minutes = 500; // breaks fixture_player_stats_minutes_range_chk
    broken[1]!.lineups[1]!.formation = 'not a formation'; // breaks fixture_lineups_formation_format_chk
    const { rejects } = await load(broken);
    expect(rejects.map((r) => r.table).sort()).to.deep.equal([
      ...Array(broken[1]!.lineups[1]!.startXI.length + broken[1]!.lineups[1]!.substitutes.length).fill('fixture_lineup_players'),
      'fixture_lineups',
      'fixture_player_stats',
    ].sort());
    expect(rejects.find((r) => r.table === 'fixture_player_stats')!.reason).to.match(/^violates fixture_player_stats_minutes_range_chk/);
    expect(rejects.find((r) => r.table === 'fixture_lineups')!.reason).to.match(/^violates fixture_lineups_formation_format_chk/);
    const id = broken[1]!.fixture.id;
    expect(Number((await knex()('golden.fixture_events').where({ fixture_id: id }).count({ n: '*' }))[0]!.n)).to.equal(broken[1]!.events.length);
    const playerLines = broken[1]!.players.reduce((n, p) => n + p.players.length, 0);
    expect(Number((await knex()('golden.fixture_player_stats').where({ fixture_id: id }).count({ n: '*' }))[0]!.n)).to.equal(playerLines - 1);
  });
});
