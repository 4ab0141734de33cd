import { expect } from 'chai';
import { startMockApi, type MockApi } from '../../src/mock-api/server';
import { quantfoot } from '../support/cli';
import { testServerKind, useFreshDatabase } from '../support/db';

interface SquadPlayer { id: number; name: string; age: number | null; number: number | null; position: string | null; photo: string }

describe(`history of the golden source as the ETL writes it (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('history_e2e', { migrate: true });
  let mock: MockApi;
  const etl = (...extra: string[]) => quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--log-format', 'json', ...extra], { DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'test-key' });
  /** The database's clock, to name a moment between two loads. */
  const now = async (): Promise<string> => (await ctx.db.knex.raw("select to_json(now()) #>> '{}' as now")).rows[0].now;
  const versionCount = async () => Number((await ctx.db.knex.raw(
    `select (select count(*) from history.fixtures_history) + (select count(*) from history.teams_history) + (select count(*) from history.players_history)
      + (select count(*) from history.standings_history) + (select count(*) from history.squad_players_history) as n`,
  )).rows[0].n);

  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1, asOf: '2023-09-04' });
    const first = await etl('--with', 'squads');
    expect(first.code, first.stderr).to.equal(0);
  });
  after(async () => mock?.close());

  it('a no-change re-run writes no version', async () => {
    const before = await versionCount();
    const res = await etl();
    expect(res.code, res.stderr).to.equal(0);
    expect(await versionCount()).to.equal(before);
  });

  it('a round played between two runs: each of its fixtures has its scheduled version, then its result, with when each was recorded', async () => {
    const { knex } = ctx.db;
    const between = await now();
    mock.setAsOf('2023-09-25');
    const res = await etl();
    expect(res.code, res.stderr).to.equal(0);
    const played: number[] = await knex('marts.fixture_score_changes').where({ status: 'FT', previous_status: 'NS' }).pluck('fixture_id');
    expect(played.length).to.be.within(9, 30);
    const changes = await knex('marts.fixture_score_changes').where({ fixture_id: played[0] }).orderBy('recorded_at');
    const result = await knex('golden.fixtures').where({ fixture_id: played[0] }).first('goals_home', 'goals_away');
    expect(changes.map((c) => [c.status, c.home_goals, c.away_goals])).to.deep.equal([['NS', null, null], ['FT', result.goals_home, result.goals_away]]);
    expect(changes[0].superseded_at).to.deep.equal(changes[1].recorded_at);
    expect(changes[1].recorded_at.getTime()).to.be.greaterThan(new Date(between).getTime());
    // What the row looked like between the runs: the history's version valid then.
    const then = await knex('history.fixtures_history').where({ fixture_id: played[0] }).where('valid_from', '<=', between)
      .where((q) => q.whereNull('valid_to').orWhere('valid_to', '>', between)).select('status_short');
    expect(then).to.deep.equal([{ status_short: 'NS' }]);
  });

  it('a transfer between two squad loads: the player\'s club on a date before it is the old one, after it the new one', async () => {
    const { knex } = ctx.db;
    const [from, to] = (await knex('golden.team_seasons').where({ league_id: 39, season: 2023 }).orderBy('team_id').limit(2).pluck('team_id')) as number[];
    const squad = async (team: number): Promise<SquadPlayer[]> =>
      ((await (await fetch(`${mock.url}/players/squads?team=${team}`, { headers: { 'x-apisports-key': 'oracle' } })).json()) as { response: Array<{ players: SquadPlayer[] }> }).response[0]!.players;
    const moving = (await squad(from!)).at(-1)!;
    const clubOn = async (at: string) =>
      (await knex.raw('select team_id from marts.player_clubs where player_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)', [moving.id, at, at])).rows.map((r: { team_id: number }) => r.team_id);
    expect(await clubOn(await now())).to.deep.equal([from]);

    const beforeTransfer = await now();
    // The next squads load, one call per team: the player has left one club's squad for the other's.
    for (let team = 0; team < 20; team++) {
      mock.overrideNext('players/squads', (body: any) => {
        const item = body.response[0];
        if (item.team.id === from) item.players = item.players.filter((p: SquadPlayer) => p.id !== moving.id);
        if (item.team.id === to) item.players.push({ ...moving, number: 99 });
        return body;
      });
    }
    const res = await etl('--with', 'squads', '--full');
    expect(res.code, res.stderr).to.equal(0);
    const afterTransfer = await now();

    expect(await knex('golden.squad_players').where({ player_id: moving.id }).pluck('team_id')).to.deep.equal([to]);
    expect(await clubOn(beforeTransfer)).to.deep.equal([from]);
    expect(await clubOn(afterTransfer)).to.deep.equal([to]);
    const spells = await knex('marts.player_clubs').where({ player_id: moving.id }).orderBy('valid_from').select('team_id', 'valid_from', 'valid_to', 'is_current');
    expect(spells.map((s) => [s.team_id, s.is_current])).to.deep.equal([[from, false], [to, true]]);
    // Each club's squad loads in its own transaction: the old spell ends and the new one starts within the run.
    for (const edge of [spells[0].valid_to, spells[1].valid_from]) expect(edge.getTime()).to.be.within(new Date(beforeTransfer).getTime(), new Date(afterTransfer).getTime());
  });
});
