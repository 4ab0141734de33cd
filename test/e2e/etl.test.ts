import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import type { Knex } from 'knex';
import { startMockApi, type MockApi } from '../../src/mock-api/server';
import { quantfoot } from '../support/cli';
import { testServerKind, useFreshDatabase } from '../support/db';
import { GOLDEN, goldenHashes, lastRun } from '../support/golden';


/** What the mock serves for a league-season, counted by fetching it as any client would. */
async function served(mock: MockApi, league: number, season: number) {
  const get = async (q: string) => (await (await fetch(`${mock.url}/${q}`, { headers: { 'x-apisports-key': 'oracle' } })).json()) as { response: any[] };
  const list = (await get(`fixtures?league=${league}&season=${season}`)).response;
  const played = list.filter((f) => !['NS', 'TBD', 'PST', 'CANC'].includes(f.fixture.status.short)).map((f) => f.fixture.id as number);
  const counts = { fixtures: list.length, events: 0, lineups: 0, lineupPlayers: 0, teamStats: 0, playerStats: 0 };
  for (let i = 0; i < played.length; i += 20) {
    for (const f of (await get(`fixtures?ids=${played.slice(i, i + 20).join('-')}`)).response) {
      counts.events += f.events.length;
      counts.lineups += f.lineups.length;
      counts.lineupPlayers += f.lineups.reduce((n: number, l: any) => n + l.startXI.length + l.substitutes.length, 0);
      counts.teamStats += f.statistics.length;
      counts.playerStats += f.players.reduce((n: number, p: any) => n + p.players.length, 0);
    }
  }
  return { ...counts, played };
}

async function count(knex: Knex, table: string, league: number, season: number): Promise<number> {
  const q = table === 'fixtures'
    ? knex('golden.fixtures').where({ league_id: league, season })
    : knex(`golden.${table}`).whereIn('fixture_id', knex('golden.fixtures').select('fixture_id').where({ league_id: league, season }));
  return Number((await q.count({ n: '*' }))[0]!.n);
}

describe(`etl run against the mock API, as a user runs it (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('etl_e2e', { migrate: true });
  let mock: MockApi;
  const env = () => ({ DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'test-key' });
  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1, asOf: '2023-12-01' });
  });
  after(async () => mock?.close());

  it('exits 2 on bad arguments or a missing API key, before writing anything', async () => {
    const bad = await quantfoot(['etl', 'run', '--league', 'x', '--season', '2023'], env());
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include('--league must be a league id from 1 to 2147483647');
    const noKey = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], { ...env(), API_FOOTBALL_KEY: '' });
    expect(noKey.code).to.equal(2);
    expect(noKey.stderr).to.include('API_FOOTBALL_KEY is not set');
    expect(await ctx.db.knex('etl.runs').count({ n: '*' })).to.deep.equal([{ n: '0' }]);
  });

  it('--dry-run prints the call plan and calls nothing', async () => {
    const before = mock.stats().requests;
    const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--dry-run'], env());
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/Call plan/).and.match(/fixtures\s+1 call/).and.match(/total/);
    expect(mock.stats().requests).to.equal(before);
    expect(await count(ctx.db.knex, 'fixtures', 39, 2023)).to.equal(0);
  });

  it('a full load holds every fixture, event, line-up and statistic the mock served', async () => {
    const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--log-format', 'json'], env());
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/run \d+: succeeded/);
    const oracle = await served(mock, 39, 2023);
    expect(await count(ctx.db.knex, 'fixtures', 39, 2023)).to.equal(oracle.fixtures).and.equal(380);
    expect(await count(ctx.db.knex, 'fixture_events', 39, 2023)).to.equal(oracle.events);
    expect(await count(ctx.db.knex, 'fixture_lineups', 39, 2023)).to.equal(oracle.lineups);
    expect(await count(ctx.db.knex, 'fixture_lineup_players', 39, 2023)).to.equal(oracle.lineupPlayers);
    expect(await count(ctx.db.knex, 'fixture_team_stats', 39, 2023)).to.equal(oracle.teamStats);
    expect(await count(ctx.db.knex, 'fixture_player_stats', 39, 2023)).to.equal(oracle.playerStats);
    const { run } = await lastRun(ctx.db.knex);
    expect(run.status).to.equal('succeeded');
    expect(await ctx.db.knex('etl.rejects').count({ n: '*' })).to.deep.equal([{ n: '0' }]);
    expect(Number((await ctx.db.knex('raw.api_responses').count({ n: '*' }))[0]!.n)).to.equal(run.calls_used);
    // JSON log lines when not on a terminal
    expect(res.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('{'))).to.equal(true);
  });

  it('a second run makes at most 3 calls and rewrites zero rows (its dry run plans no refetch first)', async () => {
    const plan = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--dry-run'], env());
    // Fixture details are estimated from the wall clock, which is past the mock's as-of date.
    for (const line of [/leagues\s+0 call/, /teams\s+0 call/, /fixtures\s+1 call/, /players\s+0 call/]) expect(plan.stdout, plan.stdout).to.match(line);
    const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], env());
    expect(res.code, res.stderr).to.equal(0);
    const { run, written } = await lastRun(ctx.db.knex);
    expect(run.calls_used).to.be.at.most(3);
    expect(written).to.equal(0);
  });

  it('advancing the mock by a round loads only that round\'s fixtures', async () => {
    const before = await served(mock, 39, 2023);
    mock.setAsOf('2023-12-09');
    const after = await served(mock, 39, 2023);
    const newlyPlayed = after.played.filter((id) => !before.played.includes(id)).sort((a, b) => a - b);
    expect(newlyPlayed.length).to.be.within(9, 11);
    const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], env());
    expect(res.code, res.stderr).to.equal(0);
    const { run, tables } = await lastRun(ctx.db.knex);
    const requested = (await ctx.db.knex('raw.api_responses').where({ run_id: run.run_id }).whereRaw("parameters->>'ids' is not null").pluck('parameters'))
      .flatMap((p: { ids: string }) => p.ids.split('-').map(Number)).sort((a: number, b: number) => a - b);
    expect(requested).to.deep.equal(newlyPlayed);
    expect(tables.find((t: any) => t.table_name === 'fixtures')).to.include({ inserted: 0 });
    expect(await count(ctx.db.knex, 'fixture_events', 39, 2023)).to.equal(after.events);
  });

  it('etl status shows the runs, calls, quota left, rows per table and rejects', async () => {
    const res = await quantfoot(['etl', 'status'], { DATABASE_URL: ctx.db.url });
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/#\d+ run \{"full":false,"league":39,"season":2023,"maxCalls":null\} succeeded/);
    expect(res.stdout).to.match(/quota left \d+/);
    expect(res.stdout).to.match(/fixtures\s+380/);
    expect(res.stdout).to.match(/Rejects: none/);
  });

  it('replay rebuilds identical golden tables from raw responses with zero API calls', async () => {
    const original = await goldenHashes(ctx.db.knex);
    await ctx.db.knex.raw(`truncate ${GOLDEN.filter((t) => t !== 'countries').map((t) => `golden.${t}`).join(', ')}, golden.countries cascade`);
    const calls = mock.stats().requests;
    const res = await quantfoot(['etl', 'replay', '--league', '39', '--season', '2023'], { DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: 'http://127.0.0.1:9', API_FOOTBALL_KEY: '' });
    expect(res.code, res.stderr).to.equal(0);
    expect(mock.stats().requests).to.equal(calls);
    expect(await goldenHashes(ctx.db.knex)).to.deep.equal(original);
  });

  it('refuses a second run of the same league-season, while another league runs in parallel', async () => {
    const holder = new pg.Client({ connectionString: ctx.db.url });
    await holder.connect();
    await holder.query("select pg_advisory_lock(hashtextextended('quantfoot:league-season:39:2023', 0))");
    try {
      const [same, other] = await Promise.all([
        quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], env()),
        quantfoot(['etl', 'run', '--league', '2', '--season', '2023', '--max-calls', '3'], env()),
      ]);
      expect(same.code).to.equal(1);
      expect(same.stderr).to.include('another run is loading league 39 season 2023');
      expect(other.stderr).to.not.include('another run');
    } finally {
      await holder.end();
    }
  });

  it('stops before the call budget with exit 75, and resumes without repeating finished work', async () => {
    const first = await quantfoot(['etl', 'run', '--league', '2', '--season', '2023', '--max-calls', '6'], env());
    expect(first.code, first.stderr).to.equal(75);
    const { run: stopped } = await lastRun(ctx.db.knex);
    expect(stopped.status).to.equal('stopped_quota');
    expect(stopped.calls_used).to.be.at.most(6);
    const second = await quantfoot(['etl', 'run', '--league', '2', '--season', '2023'], env());
    expect(second.code, second.stderr).to.equal(0);
    const ids = (await ctx.db.knex('raw.api_responses').where({ league_id: 2 }).whereRaw("parameters->>'ids' is not null").pluck('parameters')).flatMap((p: { ids: string }) => p.ids.split('-'));
    expect(new Set(ids).size, 'a fixture was fetched twice').to.equal(ids.length);
    const oracle = await served(mock, 2, 2023);
    expect(await count(ctx.db.knex, 'fixture_events', 2, 2023)).to.equal(oracle.events);
  });

  it('a schema-breaking item and an unknown team are rejected with reasons; the rest loads', async () => {
    mock.overrideNext('fixtures', (body: any) => {
      body.response[0].fixture.id = 'not-a-number';
      body.response[1].teams.home.id = 424242;
      return body;
    });
    const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], env());
    expect(res.code, res.stderr).to.equal(0);
    const { run, tables } = await lastRun(ctx.db.knex);
    const rejects = await ctx.db.knex('etl.rejects').where({ run_id: run.run_id }).orderBy('reject_id');
    expect(rejects.map((r) => r.reason)).to.have.length(2);
    expect(rejects[0].reason).to.match(/^schema: fixture not-a-number: \/fixture\/id must be integer/);
    expect(rejects[1].reason).to.include('fixtures_home_team_fk');
    const fixtures = tables.find((t: any) => t.table_name === 'fixtures');
    expect(fixtures.rejected).to.equal(2);
    expect(fixtures.unchanged + fixtures.updated + fixtures.inserted).to.equal(378);
  });

  it('a goal the API drops (cancelled by VAR) disappears here too, in the same transaction', async () => {
    let dropped: { fixture: number; events: number } | undefined;
    mock.overrideNext('fixtures', (body: any) => body); // the list, as served
    mock.overrideNext('fixtures', (body: any) => {
      const f = body.response.find((x: any) => x.events.some((e: any) => e.type === 'Goal'));
      const at = f.events.findIndex((e: any) => e.type === 'Goal');
      f.events.splice(at, 1);
      dropped = { fixture: f.fixture.id, events: f.events.length };
      return body;
    });
    const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--full'], env());
    expect(res.code, res.stderr).to.equal(0);
    expect(dropped).to.exist;
    const events = await ctx.db.knex('golden.fixture_events').where({ fixture_id: dropped!.fixture }).orderBy('event_index');
    expect(events).to.have.length(dropped!.events);
    expect(events.map((e) => e.event_index)).to.deep.equal(events.map((_, i) => i));
    const { tables } = await lastRun(ctx.db.knex);
    expect(tables.find((t: any) => t.table_name === 'fixture_events').deleted).to.be.at.least(1);
    // and when the API serves it again, it is back
    const again = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--full'], env());
    expect(again.code, again.stderr).to.equal(0);
    expect(await ctx.db.knex('golden.fixture_events').where({ fixture_id: dropped!.fixture })).to.have.length(dropped!.events + 1);
  });

  it('a truncated body is retried, and nothing is lost', async () => {
    mock.overrideNext('fixtures', (body: any) => JSON.stringify(body).slice(0, 500));
    const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--log-format', 'json'], env());
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stderr).to.match(/retrying/);
    expect(await count(ctx.db.knex, 'fixtures', 39, 2023)).to.equal(380);
  });
});

describe(`etl: shoot-outs, postponed and awarded fixtures (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('etl_special', { migrate: true });
  let mock: MockApi;
  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1 });
    for (const league of ['2', '39']) {
      const res = await quantfoot(['etl', 'run', '--league', league, '--season', '2023'], { DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'k' });
      expect(res.code, res.stderr).to.equal(0);
    }
  });
  after(async () => mock?.close());

  it('a penalty shoot-out keeps the shoot-out apart from the score', async () => {
    const pens = await ctx.db.knex('golden.fixtures').where({ status_short: 'PEN' });
    expect(pens.length).to.be.greaterThan(0);
    for (const f of pens) {
      expect(f.penalty_home).to.not.equal(f.penalty_away);
      expect(f.home_winner).to.equal(f.penalty_home > f.penalty_away);
      const kicks = await ctx.db.knex('golden.fixture_events').where({ fixture_id: f.fixture_id, is_shootout: true });
      expect(kicks.length).to.be.greaterThan(0);
      const goals = await ctx.db.knex('golden.fixture_events').where({ fixture_id: f.fixture_id, type: 'Goal', is_shootout: false }).whereNot('detail', 'Missed Penalty');
      expect(goals.length).to.equal(f.goals_home + f.goals_away);
    }
    expect(await ctx.db.knex('golden.fixtures').where({ status_short: 'AET' }).count({ n: '*' })).to.not.deep.equal([{ n: '0' }]);
  });

  it('a postponed fixture has no score and no details; an awarded one has its score and no events', async () => {
    const pst = await ctx.db.knex('golden.fixtures').where({ status_short: 'PST' });
    expect(pst.length).to.be.greaterThan(0);
    for (const f of pst) {
      expect([f.goals_home, f.goals_away]).to.deep.equal([null, null]);
      expect(await count(ctx.db.knex, 'fixture_events', f.league_id, f.season)).to.be.greaterThan(0);
      expect(await ctx.db.knex('golden.fixture_events').where({ fixture_id: f.fixture_id })).to.deep.equal([]);
    }
    const awd = await ctx.db.knex('golden.fixtures').where({ status_short: 'AWD' });
    expect(awd.length).to.be.greaterThan(0);
    for (const f of awd) {
      expect(f.goals_home + f.goals_away).to.equal(3);
      expect(await ctx.db.knex('golden.fixture_events').where({ fixture_id: f.fixture_id })).to.deep.equal([]);
    }
  });

  it('marts on the loaded demo data: the computed tables reconcile with the API standings', async () => {
    const rows = await ctx.db.knex('marts.standings_reconciliation').select('league_id', 'group_name', 'team_id', 'matches', 'differences');
    expect(rows.length).to.equal(20 + 32); // Premier League + 8 cup groups of 4
    expect(rows.filter((r) => !r.matches)).to.deep.equal([]);
  });

  it('marts on the loaded demo data: player season goals equal the goal events', async () => {
    const { rows } = await ctx.db.knex.raw(`
      with events as (
        select f.league_id, f.season, e.player_id, count(*)::int as goals
        from golden.fixture_events e join golden.fixtures f using (fixture_id)
        where e.type = 'Goal' and e.detail in ('Normal Goal', 'Penalty') and not e.is_shootout
        group by 1, 2, 3),
      marts as (
        select league_id, season, player_id, sum(goals)::int as goals from marts.player_season_stats group by 1, 2, 3)
      select * from marts full join events using (league_id, season, player_id)
      where coalesce(marts.goals, 0) <> coalesce(events.goals, 0)`);
    expect(rows).to.deep.equal([]);
    const total = await ctx.db.knex('marts.player_season_stats').sum({ n: 'goals' });
    expect(Number(total[0]!.n)).to.be.greaterThan(1000);
  });

  it('quantfoot check passes on the loaded data, and fails naming the test when a score is tampered with', async () => {
    const env = { DATABASE_URL: ctx.db.url };
    const ok = await quantfoot(['check'], env);
    expect(ok.code, ok.stdout + ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/\d+ passed, 0 warned, 0 failed, 0 could not run/);
    const victim = await ctx.db.knex('golden.fixtures').where({ status_short: 'FT' }).orderBy('fixture_id').first();
    await ctx.db.knex('golden.fixtures').where({ fixture_id: victim.fixture_id }).update({ goals_home: victim.goals_home + 1 });
    try {
      const bad = await quantfoot(['check', '--select', 'scores_equal_goal_events'], env);
      expect(bad.code).to.equal(1);
      expect(bad.stdout).to.match(/FAIL\s+error\s+scores_equal_goal_events\s+1\s+\{/);
      expect(bad.stdout).to.include(`"fixture_id":${victim.fixture_id}`);
      const recorded = await ctx.db.knex('etl.check_results').where({ check_name: 'scores_equal_goal_events' }).orderBy('check_result_id', 'desc').first();
      expect(recorded).to.include({ status: 'fail', severity: 'error', failing_rows: 1 });
      // The JSON form: one object per test and line, for a scheduler.
      const json = await quantfoot(['check', '--select', 'scores_*', 'standings_*', '--json'], env);
      expect(json.code).to.equal(1);
      const objects = json.stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(objects.map((o) => o.name)).to.deep.equal(['scores_equal_goal_events', 'standings_played_equals_finished_fixtures', 'standings_reconcile']);
      expect(objects[0]).to.include({ status: 'fail', severity: 'error', failing: 1 });
      expect(objects[0].league_seasons).to.deep.equal([{ league_id: victim.league_id, season: victim.season, failing: 1 }]);
      // Only the warn-severity tests: the tampered score is not among them.
      const warnOnly = await quantfoot(['check', '--severity', 'warn'], env);
      expect(warnOnly.code, warnOnly.stdout).to.equal(0);
      expect(warnOnly.stdout).to.not.include('scores_equal_goal_events');
      const unknown = await quantfoot(['check', '--select', 'no_such_test'], env);
      expect(unknown.code).to.equal(2);
      expect(unknown.stderr).to.include('no data test is named no_such_test');
    } finally {
      await ctx.db.knex('golden.fixtures').where({ fixture_id: victim.fixture_id }).update({ goals_home: victim.goals_home });
    }
  });

  it('a warn-severity failure exits 0 and says so; freshness warns and fails at the thresholds of quantfoot.yml', async () => {
    const env = { DATABASE_URL: ctx.db.url };
    const knex = ctx.db.knex;
    const victim = await knex('golden.player_team_seasons').orderBy(['player_id', 'team_id']).first();
    await knex('golden.player_team_seasons').where({ player_id: victim.player_id, team_id: victim.team_id, league_id: victim.league_id, season: victim.season }).delete();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-check-config-'));
    const config = path.join(dir, 'quantfoot.yml');
    const state = { league_id: victim.league_id, season: victim.season, stream: 'run' };
    const before = await knex('etl.state').where(state).first();
    const successHoursAgo = (hours: number) => knex('etl.state').where(state).update({ bookmark: knex.raw(`jsonb_set(bookmark, '{last_success_at}', to_jsonb((now() - make_interval(hours => ?))::text))`, [hours]) });
    try {
      const warned = await quantfoot(['check', '--select', 'lineup_players_have_season_statistics'], env);
      expect(warned.code, warned.stdout + warned.stderr).to.equal(0);
      expect(warned.stdout).to.match(/WARN\s+warn\s+lineup_players_have_season_statistics\s+1\s/);
      expect(warned.stdout).to.include('0 passed, 1 warned, 0 failed');

      fs.writeFileSync(config, `competitions:\n  - league: ${victim.league_id}\n    seasons: [${victim.season}]\n    freshness: { warn_after_hours: 10, error_after_hours: 30 }\n`);
      const fresh = ['check', '--select', 'freshness', '--config', config];
      await successHoursAgo(5);
      expect((await quantfoot(fresh, env)).code).to.equal(0);
      await successHoursAgo(20);
      const stale = await quantfoot(fresh, env);
      expect(stale.code, stale.stdout).to.equal(0);
      expect(stale.stdout).to.match(/WARN\s+error\s+freshness\s+1\s+.*last successful run 20 h ago/);
      await successHoursAgo(40);
      const late = await quantfoot(fresh, env);
      expect(late.code).to.equal(1);
      expect(late.stdout).to.match(/FAIL\s+error\s+freshness\s+1\s+.*"level":"error"/);
      // A league-season the configuration lists but nobody loaded fails too.
      fs.writeFileSync(config, `competitions:\n  - { league: ${victim.league_id}, seasons: [${victim.season}, ${victim.season + 1}] }\nfreshness: { warn_after_hours: 100, error_after_hours: 200 }\n`);
      const missing = await quantfoot([...fresh, '--json'], env);
      expect(missing.code).to.equal(1);
      expect(JSON.parse(missing.stdout).sample[0]).to.include({ league_id: victim.league_id, season: victim.season + 1, level: 'error', reason: 'configured, never loaded' });
      fs.writeFileSync(config, 'competitions:\n  - league: 39\n    seasons: [2023]\n    freshness: { warn_after_hours: 50, error_after_hours: 10 }\n');
      const bad = await quantfoot(fresh, env);
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.include(`${config}:4: competitions[0].freshness.warn_after_hours: warn_after_hours (50) is more than error_after_hours (10)`);
    } finally {
      await knex('golden.player_team_seasons').insert(victim);
      await knex('etl.state').where(state).update({ bookmark: before.bookmark });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(`etl: the daily quota (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('etl_quota', { migrate: true });
  let mock: MockApi;
  let clock = Date.parse('2026-11-25T10:00:00Z');
  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1, dailyLimit: 30, now: () => clock });
  });
  after(async () => mock?.close());
  const env = () => ({ DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'quota-key-1234' });

  it('stops before the API refuses (exit 75), then resumes the next day without repeating work', async () => {
    const day1 = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023', '--daily-reserve', '2'], env());
    expect(day1.code, day1.stderr).to.equal(75);
    expect(day1.stderr).to.match(/requests left today/);
    const stopped = await ctx.db.knex('etl.runs').orderBy('run_id', 'desc').first();
    expect(stopped).to.include({ status: 'stopped_quota', quota_remaining: 2 });
    const refused = await ctx.db.knex('raw.api_responses').whereRaw("body->'errors'->>'requests' is not null");
    expect(refused, 'the API had to refuse a call').to.deep.equal([]);

    clock += 24 * 3600_000; // a new day: the quota is reset
    const day2 = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], env());
    expect(day2.code, day2.stderr).to.equal(0);
    const ids = (await ctx.db.knex('raw.api_responses').whereRaw("parameters->>'ids' is not null").pluck('parameters')).flatMap((p: { ids: string }) => p.ids.split('-'));
    expect(new Set(ids).size, 'a fixture was fetched twice').to.equal(ids.length);
    expect(ids.length).to.equal(377); // every played fixture (380 less 3 postponed), once
    const runs = await ctx.db.knex('etl.runs').orderBy('run_id');
    expect(runs.map((r) => r.calls_used).reduce((a: number, b: number) => a + b, 0)).to.be.at.most(49 + 3);
  });
});
