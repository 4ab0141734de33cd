import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Knex } from 'knex';
import { PROJECT_ROOT } from '../../src/db/paths';
import { startMockApi, type MockApi } from '../../src/mock-api/server';
import { quantfoot } from '../support/cli';
import { testServerKind, useFreshDatabase } from '../support/db';
import { goldenHashes } from '../support/golden';

const one = async <T>(knex: Knex, sql: string, bindings: readonly unknown[] = []): Promise<T> => (await knex.raw(sql, bindings as Knex.RawBinding[])).rows[0] as T;

describe(`quantfoot override on a league loaded from the mock API, as a user runs it (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('override_e2e', { migrate: true });
  let mock: MockApi;
  const env = () => ({ DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'test-key' });
  const etl = (...extra: string[]) => quantfoot(['etl', 'run', '--league', '39', '--season', '2023', ...extra], env());
  const override = (...args: string[]) => quantfoot(['override', ...args], { DATABASE_URL: ctx.db.url });
  let leader: { team_id: number; team_name: string; goals_for: number };
  let scorer: { player_id: number; player_name: string };
  let fixture: { fixture_id: number; home_goals: number };

  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1, asOf: '2023-09-04' });
    const load = await etl();
    expect(load.code, load.stderr).to.equal(0);
    const { knex } = ctx.db;
    leader = await one(knex, 'select team_id, team_name, goals_for from marts.league_table where league_id = 39 and season = 2023 and rank = 1');
    scorer = await one(knex, 'select player_id, player_name from marts.top_scorers where league_id = 39 and season = 2023 order by rank, player_id limit 1');
    fixture = await one(knex, "select fixture_id, home_goals from marts.fixture_results where home_team_id = ? and status = 'FT' order by fixture_id limit 1", [leader.team_id]);
  });
  after(async () => mock?.close());

  const marts = async () => ({
    team: await one<{ team_name: string; goals_for: number }>(ctx.db.knex, 'select team_name, goals_for from marts.league_table where team_id = ? and league_id = 39', [leader.team_id]),
    scorer: await one<{ player_name: string }>(ctx.db.knex, 'select player_name from marts.top_scorers where player_id = ? and league_id = 39', [scorer.player_id]),
    goals: await one<{ home_goals: number }>(ctx.db.knex, 'select home_goals from marts.fixture_results where fixture_id = ?', [fixture.fixture_id]),
  });
  const golden = async () => ({
    team: await one<{ name: string }>(ctx.db.knex, 'select name from golden.teams where team_id = ?', [leader.team_id]),
    player: await one<{ name: string }>(ctx.db.knex, 'select name from golden.players where player_id = ?', [scorer.player_id]),
    goals: await one<{ goals_home: number }>(ctx.db.knex, 'select goals_home from golden.fixtures where fixture_id = ?', [fixture.fixture_id]),
  });

  it('an override shows in the marts (a team name in league_table, a player name in top_scorers, a score in the table) and survives a run and a --full run', async () => {
    const apiValues = await golden();
    for (const args of [
      ['team', String(leader.team_id), 'name', 'Thameside Rovers FC', '--reason', 'the club\'s registered name', '--author', 'e2e'],
      ['players', String(scorer.player_id), 'name', 'Lukas Corrected', '--reason', 'spelt as on his passport'],
      ['fixture', String(fixture.fixture_id), 'goals_home', String(fixture.home_goals + 3), '--reason', 'the match report: three goals the feed missed'],
    ]) {
      const res = await override('set', ...args);
      expect(res.code, res.stderr).to.equal(0);
      expect(res.stdout).to.match(/The marts show it from now on/);
    }
    const expected = { team: { team_name: 'Thameside Rovers FC', goals_for: leader.goals_for + 3 }, scorer: { player_name: 'Lukas Corrected' }, goals: { home_goals: fixture.home_goals + 3 } };
    expect(await marts()).to.deep.equal(expected);
    for (const run of [[], ['--full']]) {
      const res = await etl(...run);
      expect(res.code, res.stderr).to.equal(0);
      expect(await marts(), `after etl run ${run.join(' ')}`).to.deep.equal(expected);
      expect(await golden(), 'the golden rows keep the API\'s values').to.deep.equal(apiValues);
    }
  });

  it('override list shows each override with the API\'s value; removing one restores the API\'s value in the marts', async () => {
    const list = await override('list');
    expect(list.code, list.stderr).to.equal(0);
    expect(list.stdout).to.include(`team     ${leader.team_id}`);
    expect(list.stdout).to.match(new RegExp(`"Thameside Rovers FC"\\s+${JSON.stringify(leader.team_name)}\\s+the club's registered name\\s+e2e`));
    expect(list.stdout).to.match(/3 override\(s\)\n$/);
    const fixtures = await override('list', 'fixtures');
    expect(fixtures.stdout.split('\n').filter((l) => l.startsWith('fixture '))).to.have.length(1);
    const removed = await override('remove', 'team', String(leader.team_id), 'name');
    expect(removed.code, removed.stderr).to.equal(0);
    expect((await marts()).team.team_name).to.equal(leader.team_name);
    const again = await override('remove', 'team', String(leader.team_id), 'name');
    expect(again.code).to.equal(2);
    expect(again.stderr).to.include(`no override of team ${leader.team_id} name`);
  });

  // Every kind of refusal is in test/integration/overrides.test.ts; here, that the command exits 2 and writes nothing.
  it('a bad override exits 2 with what is wrong, and writes nothing', async () => {
    const before = { golden: await goldenHashes(ctx.db.knex), overrides: await ctx.db.knex('golden.overrides').orderBy(['entity', 'entity_id', 'field']) };
    const cases: Array<[string[], RegExp]> = [
      [['set', 'stadium', '1', 'name', 'x', '--reason', 'r'], /unknown entity "stadium"/],
      [['set', 'team', String(leader.team_id), 'founded', 'long ago', '--reason', 'r'], /"long ago" is not a valid integer/],
      [['set', 'player', String(scorer.player_id), 'height_cm', '250', '--reason', 'r'], /players_height_range_chk/],
      [['set', 'team', String(leader.team_id), 'name', 'x'], /Missing required argument: reason/],
    ];
    for (const [args, message] of cases) {
      const res = await override(...args);
      expect(res.code, args.join(' ')).to.equal(2);
      expect(res.stderr, args.join(' ')).to.match(message);
    }
    expect(await goldenHashes(ctx.db.knex)).to.deep.equal(before.golden);
    expect(await ctx.db.knex('golden.overrides').orderBy(['entity', 'entity_id', 'field'])).to.deep.equal(before.overrides);
  });

  it('an override the API comes to agree with is marked by override list and reported by the data test', async () => {
    const res = await override('set', 'team', String(leader.team_id), 'code', 'TRF', '--reason', 'the league\'s code for the club');
    expect(res.code, res.stderr).to.equal(0);
    const check = fs.readFileSync(path.join(PROJECT_ROOT, 'checks', 'overrides_agreed_by_the_api.sql'), 'utf8');
    expect(check).to.match(/^-- name: overrides_agreed_by_the_api\n-- description: .+\n-- severity: warn\n/);
    expect((await ctx.db.knex.raw(check)).rows).to.deep.equal([]);
    // The API corrects its code: the next full load brings it, and the override corrects nothing any more.
    mock.overrideNext('teams', (body: any) => {
      for (const item of body.response) if (item.team.id === leader.team_id) item.team.code = 'TRF';
      return body;
    });
    const load = await etl('--full');
    expect(load.code, load.stderr).to.equal(0);
    const list = await override('list', 'team');
    expect(list.stdout).to.match(/code\s+"TRF"\s+"TRF"\s+yes: remove it/);
    expect(list.stdout).to.include('1 the API now agrees with (marked)');
    expect((await ctx.db.knex.raw(check)).rows.map((r: { entity: string; field: string }) => `${r.entity}.${r.field}`)).to.deep.equal(['teams.code']);
  });
});
