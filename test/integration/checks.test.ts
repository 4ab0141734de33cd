/**
 * The data tests of checks/: each passes on the loaded mock season and fails on data broken on
 * purpose (inside a transaction rolled back after it); generic tests of all four kinds, severities,
 * applies_to, and the errors of a badly written test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Knex } from 'knex';
import { runChecks, readDataTests, type CheckResult } from '../../src/checks';
import { runLeagueSeason } from '../../src/etl/run';
import { startMockApi } from '../../src/mock-api/server';
import { testServerKind, useFreshDatabase } from '../support/db';

const quiet = { stream: () => undefined, progress: () => undefined, log: () => undefined, done: () => undefined };

class Rollback extends Error {}

describe(`data tests of checks/ (${testServerKind()} server)`, function () {
  this.timeout(300_000);
  const ctx = useFreshDatabase('checks', { migrate: true });

  before(async () => {
    const mock = await startMockApi({ port: 0, seed: 1, asOf: '2024-01-15' });
    try {
      const api = { key: 'checks-key', baseUrl: mock.url, retryBaseDelayMs: 10 };
      const result = await runLeagueSeason(ctx.db.knex, ctx.db.url, api, { leagueId: 39, season: 2023, full: false, dryRun: false, refreshIntervalHours: 24, wait: true }, quiet);
      expect(result.status, String(result.error)).to.equal('succeeded');
    } finally {
      await mock.close();
    }
  });

  /** Breaks the data with `sql`, runs one test, and undoes everything. */
  async function broken(name: string, sql: string, options: { dir?: string } = {}): Promise<CheckResult> {
    let result: CheckResult | undefined;
    await ctx.db.knex
      .transaction(async (trx: Knex.Transaction) => {
        await trx.raw(sql);
        [result] = await runChecks(trx, { select: [name], record: false, ...options });
        throw new Rollback();
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err;
      });
    return result!;
  }

  it('every test of checks/ passes on the loaded season, and each one checked something', async () => {
    const results = await runChecks(ctx.db.knex, { record: false });
    expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.name}: ${r.error ?? JSON.stringify(r.sample)}`)).to.deep.equal([]);
    expect(results.length).to.be.greaterThan(60);
  });

  const SHIPPED: Array<[string, 'fail' | 'warn', string, (r: CheckResult) => void]> = [
    [
      'scores_equal_goal_events',
      'fail',
      `update golden.fixtures set goals_home = goals_home + 1 where fixture_id = (select min(fixture_id) from golden.fixture_events)`,
      (r) => expect(r.sample[0]).to.include.keys('goals_home', 'goal_events_home'),
    ],
    [
      'lineups_have_eleven_starters',
      'fail',
      `update golden.fixture_lineup_players set is_starter = false
       where (fixture_id, team_id, player_id) = (select fixture_id, team_id, player_id from golden.fixture_lineup_players where is_starter order by 1, 2, 3 limit 1)`,
      (r) => expect(r.sample[0]).to.include({ starters: 10 }),
    ],
    [
      'events_belong_to_the_fixture_teams',
      'fail',
      `update golden.fixture_events e set team_id = (select min(team_id) from golden.team_seasons t where t.team_id not in (f.home_team_id, f.away_team_id))
       from golden.fixtures f where f.fixture_id = e.fixture_id and (e.fixture_id, e.event_index) = (select fixture_id, event_index from golden.fixture_events order by 1, 2 limit 1)`,
      () => undefined,
    ],
    [
      'standings_reconcile',
      'fail',
      `update golden.standings set points = points + 3 where team_id = (select min(team_id) from golden.standings)`,
      (r) => expect(JSON.stringify(r.sample[0])).to.include('points'),
    ],
    [
      'player_goals_add_up_to_team_goals',
      'fail',
      `update golden.fixture_player_stats set goals = coalesce(goals, 0) + 1
       where (fixture_id, team_id, player_id) = (select fixture_id, team_id, player_id from golden.fixture_player_stats order by 1, 2, 3 limit 1)`,
      (r) => expect(r.failing).to.equal(1),
    ],
    [
      'finished_fixtures_have_details',
      'warn',
      `delete from golden.fixture_lineups where fixture_id = (select min(fixture_id) from golden.fixture_lineups)`,
      (r) => expect(r.sample[0]).to.deep.include({ missing: ['lineups'] }),
    ],
    [
      'no_player_in_two_fixtures_at_once',
      'fail',
      // A team's second match moved to the kick-off of its first: its players are in both.
      `with team as (select home_team_id as team_id from golden.fixtures where fixture_id = (select min(fixture_id) from golden.fixture_lineups)),
            two as (select f.fixture_id, f.kickoff_at from golden.fixtures f, team where team.team_id in (f.home_team_id, f.away_team_id)
                    and exists (select 1 from golden.fixture_lineups l where l.fixture_id = f.fixture_id) order by f.kickoff_at limit 2)
       update golden.fixtures set kickoff_at = (select min(kickoff_at) from two) where fixture_id = (select fixture_id from two order by kickoff_at desc limit 1)`,
      (r) => expect(r.failing).to.be.at.least(22),
    ],
    [
      'standings_played_equals_finished_fixtures',
      'fail',
      `update golden.standings set all_played = all_played + 1, all_drawn = all_drawn + 1 where team_id = (select min(team_id) from golden.standings)`,
      (r) => expect((r.sample[0] as { api_played: number; finished_fixtures: number }).api_played).to.equal((r.sample[0] as { finished_fixtures: number }).finished_fixtures + 1),
    ],
    [
      'no_fixture_finished_in_the_future',
      'fail',
      `update golden.fixtures set kickoff_at = now() + interval '3 days' where fixture_id = (select min(fixture_id) from golden.fixtures where status_short = 'FT')`,
      (r) => expect(r.sample[0]).to.include({ status_short: 'FT' }),
    ],
    [
      'lineup_players_have_season_statistics',
      'warn',
      `delete from golden.player_team_seasons where (player_id, team_id) = (select player_id, team_id from golden.fixture_lineup_players order by fixture_id, team_id, player_id limit 1)`,
      (r) => expect(r.failing).to.equal(1),
    ],
  ];

  for (const [name, status, sql, more] of SHIPPED) {
    it(`${name}: ${status === 'warn' ? 'warns' : 'fails'} on data broken on purpose, with the league-season of each failing row`, async () => {
      const result = await broken(name, sql);
      expect(result.status, result.error).to.equal(status);
      expect(result.failing).to.be.greaterThan(0);
      expect(result.league_seasons).to.deep.equal([{ league_id: 39, season: 2023, failing: result.failing }]);
      more(result);
    });
  }

  it('applies_to spares the league-seasons whose coverage says there is nothing to test', async () => {
    const result = await broken(
      'lineups_have_eleven_starters',
      `update golden.fixture_lineup_players set is_starter = false where fixture_id = (select min(fixture_id) from golden.fixture_lineup_players);
       update golden.seasons set covers_lineups = false where league_id = 39 and season = 2023`,
    );
    expect(result.status).to.equal('pass');
  });

  describe('generic tests and test files of a folder of ours', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-checks-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    before(() => {
      fs.mkdirSync(path.join(dir, 'generic'));
      fs.writeFileSync(
        path.join(dir, 'generic', 'golden.yml'),
        `golden.fixtures:
  columns:
    venue_id: [not_null]
    status_short: [{ accepted_values: [FT, NS, PST, AWD] }]
golden.teams:
  severity: warn
  unique: [[name]]
golden.players:
  columns:
    player_id: [{ relationships: { to: golden.player_team_seasons, field: player_id, severity: warn } }]
`,
      );
    });

    it('each of the four kinds passes on the loaded data and fails on broken data, with its severity', async () => {
      const options = { dir };
      const clean = await runChecks(ctx.db.knex, { ...options, record: false, exclude: ['freshness'] });
      expect(clean.map((r) => [r.name, r.severity, r.status])).to.deep.equal([
        ['not_null_fixtures_venue_id', 'error', 'pass'],
        ['accepted_values_fixtures_status_short', 'error', 'pass'],
        ['unique_teams_name', 'warn', 'pass'],
        ['relationships_players_player_id_player_team_seasons', 'warn', 'pass'],
      ]);
      const nulls = await broken('not_null_fixtures_venue_id', 'update golden.fixtures set venue_id = null where fixture_id = (select min(fixture_id) from golden.fixtures)', options);
      expect(nulls).to.include({ status: 'fail', failing: 1 });
      expect(nulls.league_seasons).to.deep.equal([{ league_id: 39, season: 2023, failing: 1 }]);
      const values = await broken('accepted_values_fixtures_status_short', "update golden.fixtures set status_short = 'CANC' where fixture_id = (select min(fixture_id) from golden.fixtures where status_short = 'NS')", options);
      expect(values).to.include({ status: 'fail', failing: 1 });
      const twins = await broken('unique_teams_name', 'update golden.teams set name = (select max(name) from golden.teams) where team_id = (select min(team_id) from golden.teams)', options);
      expect(twins).to.include({ status: 'warn', failing: 1 });
      expect(twins.sample[0]).to.include({ occurrences: 2 });
      const orphan = await broken('relationships_players_player_id_player_team_seasons', "insert into golden.players (player_id, name) values (999999999, 'Nobody')", options);
      expect(orphan).to.include({ status: 'warn', failing: 1 });
    });

    it('a test that cannot run is an error naming why; a badly written file is refused naming it', async () => {
      fs.writeFileSync(path.join(dir, 'no_league.sql'), '-- description: per fixture, but applies to seasons with line-ups\n-- severity: error\n-- applies_to: covers_lineups\nselect fixture_id from golden.fixtures where false\n');
      fs.writeFileSync(path.join(dir, 'typo.sql'), '-- description: a column that is not there\n-- severity: error\nselect league_id, season, goals from golden.fixtures\n');
      fs.writeFileSync(path.join(dir, 'entities.sql'), '-- description: not per league-season, and fine so\n-- severity: warn\nselect team_id, name from golden.teams where name = \'\' and not (\'{}\'::jsonb ? \'x\')\n');
      const results = await runChecks(ctx.db.knex, { dir, select: ['no_league', 'typo', 'entities'], league: 39, record: false });
      expect(results.map((r) => [r.name, r.status, r.error])).to.deep.equal([
        ['entities', 'pass', undefined],
        ['no_league', 'error', 'applies_to covers_lineups needs league_id and season in the failing rows (see checks/README.md)'],
        ['typo', 'error', 'column "goals" does not exist'],
      ]);
      for (const file of ['no_league.sql', 'typo.sql', 'entities.sql']) fs.rmSync(path.join(dir, file));
      for (const [file, text, message] of [
        ['a.sql', 'select 1 as league_id, 1 as season', /a\.sql: the header needs "-- description/],
        ['b.sql', '-- description: x\n-- severity: fatal\nselect 1', /b\.sql: severity "fatal": expected error or warn/],
        ['c.sql', '-- description: x\n-- severity: warn\n-- applies_to: covers_magic\nselect 1', /c\.sql: applies_to "covers_magic"/],
        ['d.sql', '-- description: x\n-- severity: warn\n-- owner: me\nselect 1', /d\.sql:3: unknown header key "owner"/],
        ['e.sql', '-- description: x\n-- severity: warn\nselect 1; drop table golden.fixtures', /e\.sql: one query per test/],
      ] as const) {
        fs.writeFileSync(path.join(dir, file), text);
        expect(() => readDataTests(dir), file).to.throw(message);
        fs.rmSync(path.join(dir, file));
      }
      fs.writeFileSync(path.join(dir, 'generic', 'bad.yml'), 'marts.x:\n  columns:\n    y: [is_blue]\n');
      expect(() => readDataTests(dir)).to.throw(/generic\/bad\.yml: \/marts\.x\/columns\/y\/0/);
      fs.rmSync(path.join(dir, 'generic', 'bad.yml'));
    });
  });

  it('results are recorded with their severity', async () => {
    await runChecks(ctx.db.knex, { select: ['lineup_players_have_season_statistics'] });
    const row = await ctx.db.knex('etl.check_results').orderBy('check_result_id', 'desc').first();
    expect(row).to.include({ check_name: 'lineup_players_have_season_statistics', severity: 'warn', status: 'pass' });
  });
});
