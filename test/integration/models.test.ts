import { expect } from 'chai';
import { bindModels, Fixture, League, Team } from '../../src/models';
import { testServerKind, useFreshDatabase } from '../support/db';

describe(`objection models of the golden tables (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('models', { migrate: true });
  before(async () => {
    bindModels(ctx.db.knex);
    await ctx.db.knex('golden.countries').insert({ country_name: 'England' });
  });

  it('write through the models, validated by their jsonSchema before SQL', async () => {
    await League.query().insert({ league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' });
    await ctx.db.knex('golden.seasons').insert({ league_id: 39, season: 2023 });
    await Team.query().insert([{ team_id: 33, name: 'Manchester United' }, { team_id: 50, name: 'Manchester City' }] as never);
    let error: Error | undefined;
    try {
      await Team.query().insert({ team_id: 7, name: '', founded: 1200 });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.name).to.equal('ValidationError');
  });

  it('read fixtures with their events and teams as a typed graph', async () => {
    await Fixture.query().insert({ fixture_id: 1, league_id: 39, season: 2023, round: 'Regular Season - 1', kickoff_at: new Date('2023-08-11T19:00:00Z'), status_short: 'FT', home_team_id: 33, away_team_id: 50, goals_home: 1, goals_away: 0 } as never);
    await ctx.db.knex('golden.fixture_events').insert({ fixture_id: 1, event_index: 0, elapsed: 12, team_id: 33, type: 'Goal', detail: 'Normal Goal', is_shootout: false });
    const fixture = await Fixture.query().findById(1).withGraphFetched('[events, homeTeam, awayTeam, status]');
    expect(fixture?.homeTeam?.name).to.equal('Manchester United');
    expect(fixture?.status?.category).to.equal('finished');
    expect(fixture?.events?.map((e) => e.detail)).to.deep.equal(['Normal Goal']);
    const league = await League.query().findById(39).withGraphFetched('seasons');
    expect(league?.seasons?.map((s) => s.season)).to.deep.equal([2023]);
  });
});
