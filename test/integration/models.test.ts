import { expect } from 'chai';
import type { JSONSchema } from 'objection';
import { bindModels, Fixture, GOLDEN_MODELS, League, Player, Team } from '../../src/models';
import { testServerKind, useFreshDatabase } from '../support/db';

describe(`objection models of the golden tables (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('models', { migrate: true });
  before(async () => {
    bindModels(ctx.db.knex);
    await ctx.db.knex('golden.countries').insert({ country_name: 'England' });
  });

  it('has a model for every golden table, whose jsonSchema has its columns, requires the NOT NULL ones without a default and allows NULL where the table does', async () => {
    const { rows } = await ctx.db.knex.raw<{ rows: Array<{ table: string; column: string; type: string; not_null: boolean; has_default: boolean }> }>(
      `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null, a.atthasdef as has_default
       from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       where c.relnamespace = 'golden'::regnamespace and c.relkind = 'r' order by c.relname, a.attnum`,
    );
    const tables = [...new Set(rows.map((r) => r.table))];
    expect(Object.keys(GOLDEN_MODELS).sort()).to.deep.equal(tables.sort());
    const mismatches: string[] = [];
    for (const table of tables) {
      const model = GOLDEN_MODELS[table as keyof typeof GOLDEN_MODELS];
      const schema = model.jsonSchema;
      const columns = rows.filter((r) => r.table === table);
      expect(model.tableName, table).to.equal(`golden.${table}`);
      expect(Object.keys(schema.properties ?? {}).sort(), table).to.deep.equal(columns.map((c) => c.column).sort());
      expect(schema.required, table).to.deep.equal(columns.filter((c) => c.not_null && !c.has_default).map((c) => c.column));
      for (const c of columns) {
        const property = schema.properties![c.column] as JSONSchema;
        const types = property.anyOf ? property.anyOf.flatMap((s) => [(s as JSONSchema).type ?? []].flat()) : property.type === undefined ? null : [property.type].flat();
        const allowsNull = types === null ? true : types.includes('null') || (property.enum ?? []).includes(null);
        if (!c.not_null && !allowsNull) mismatches.push(`${table}.${c.column} is nullable, its schema refuses null`);
        if (c.not_null && types?.includes('null')) mismatches.push(`${table}.${c.column} is NOT NULL, its schema allows null`);
        if (['integer', 'smallint'].includes(c.type) && !(types?.includes('integer') || property.enum)) mismatches.push(`${table}.${c.column} is ${c.type}, its schema says ${JSON.stringify(property)}`);
        if (c.type === 'text' && !(types?.includes('string') || property.enum)) mismatches.push(`${table}.${c.column} is text, its schema says ${JSON.stringify(property)}`);
      }
    }
    expect(mismatches).to.deep.equal([]);
  });

  it('write through the models, validated by their jsonSchema before SQL', async () => {
    await League.query().insert({ league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' });
    await ctx.db.knex('golden.seasons').insert({ league_id: 39, season: 2023 });
    await Team.query().insert([{ team_id: 33, name: 'Manchester United' }, { team_id: 50, name: 'Manchester City' }] as never);
    for (const bad of [{ team_id: 7, name: '', founded: 1200 }, { team_id: 0, name: 'Zero' }, { team_id: 8, name: 'Code', code: 'TOOLONG' }]) {
      const error = await Team.query().insert(bad).catch((err: Error) => err);
      expect(error?.name, JSON.stringify(bad)).to.equal('ValidationError');
    }
    const error = await Player.query().insert({ player_id: 1, name: 'Tall', height_cm: 250 }).catch((err: Error) => err);
    expect(error?.name).to.equal('ValidationError');
    expect(await ctx.db.knex('golden.teams').count({ n: '*' })).to.deep.equal([{ n: '2' }]);
  });

  it('loads a fixture with its events and its line-ups with their players in one call', async () => {
    const { knex } = ctx.db;
    await knex('golden.players').insert([{ player_id: 10, name: 'B. Fernandes' }, { player_id: 17, name: 'K. De Bruyne' }]);
    await Fixture.query().insert({ fixture_id: 1, league_id: 39, season: 2023, round: 'Regular Season - 1', kickoff_at: new Date('2023-08-11T19:00:00Z'), status_short: 'FT', home_team_id: 33, away_team_id: 50, goals_home: 1, goals_away: 1 } as never);
    await knex('golden.fixture_events').insert([
      { fixture_id: 1, event_index: 1, elapsed: 70, team_id: 50, player_id: 17, type: 'Goal', detail: 'Normal Goal', is_shootout: false },
      { fixture_id: 1, event_index: 0, elapsed: 12, team_id: 33, player_id: 10, type: 'Goal', detail: 'Penalty', is_shootout: false },
    ]);
    await knex('golden.fixture_lineups').insert([{ fixture_id: 1, team_id: 33, formation: '4-2-3-1' }, { fixture_id: 1, team_id: 50, formation: '4-3-3' }]);
    await knex('golden.fixture_lineup_players').insert([
      { fixture_id: 1, team_id: 33, player_id: 10, is_starter: true, list_index: 0, position: 'M', grid: '3:2' },
      { fixture_id: 1, team_id: 50, player_id: 17, is_starter: true, list_index: 0, position: 'M', grid: '3:1' },
    ]);
    const fixture = await Fixture.query().findById(1).withGraphFetched('[events.player, lineups.[team, players.player], homeTeam, awayTeam, status, league]');
    expect(fixture?.events?.map((e) => [e.elapsed, e.detail, e.player?.name])).to.deep.equal([[12, 'Penalty', 'B. Fernandes'], [70, 'Normal Goal', 'K. De Bruyne']]);
    expect(fixture?.lineups?.map((l) => [l.team?.name, l.formation, l.players?.map((p) => p.player?.name)]).sort()).to.deep.equal([
      ['Manchester City', '4-3-3', ['K. De Bruyne']],
      ['Manchester United', '4-2-3-1', ['B. Fernandes']],
    ]);
    expect([fixture?.homeTeam?.name, fixture?.status?.category, fixture?.league?.name]).to.deep.equal(['Manchester United', 'finished', 'Premier League']);
  });

  it('walks league → seasons → fixtures → events, and team ↔ players through their seasons', async () => {
    const { knex } = ctx.db;
    await knex('golden.player_team_seasons').insert([{ player_id: 10, team_id: 33, league_id: 39, season: 2023, goals: 10 }, { player_id: 17, team_id: 50, league_id: 39, season: 2023, goals: 4 }]);
    const league = await League.query().findById(39).withGraphFetched('seasons.fixtures.[events, lineups]');
    expect(league?.seasons?.map((s) => [s.season, s.fixtures?.map((f) => [f.fixture_id, f.events?.length, f.lineups?.length])])).to.deep.equal([[2023, [[1, 2, 2]]]]);
    const team = await Team.query().findById(33).withGraphFetched('[players, seasons]');
    expect(team?.players?.map((p) => [p.name, p.league_id, p.season])).to.deep.equal([['B. Fernandes', 39, 2023]]);
    const player = await Player.query().findById(17).withGraphFetched('teams');
    expect(player?.teams?.map((t) => t.name)).to.deep.equal(['Manchester City']);
  });
});
