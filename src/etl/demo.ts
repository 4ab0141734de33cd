/**
 * `quantfoot demo`: the whole pipeline on one machine with nothing installed: the embedded
 * PostgreSQL (or DATABASE_URL), the mock API-Football in-process, migrations, the ETL of the demo
 * league-seasons, data checks, and the league table. Re-runnable: a second run changes nothing.
 */
import type { Knex } from 'knex';
import { startMockApi } from '../mock-api/server';
import { migrateLatest } from '../db/migrator';
import { runLeagueSeason, type RunResult } from './run';
import type { Reporter } from './report';

export const DEMO_LEAGUE_SEASONS: ReadonlyArray<[number, number]> = [
  [39, 2023],
  [2, 2023],
];

export interface DemoResult {
  migrations: string[];
  runs: Array<{ leagueId: number; season: number; result: RunResult }>;
  checks: CheckResult[];
  table: Array<Record<string, unknown>>;
  seconds: number;
}

export interface CheckResult {
  name: string;
  failing: number;
}

export async function runDemo(knex: Knex, databaseUrl: string, reporter: Reporter, options: { seed?: number; asOf?: string } = {}): Promise<DemoResult> {
  const started = Date.now();
  const { ran } = await migrateLatest(knex);
  const mock = await startMockApi({ port: 0, seed: options.seed ?? 1, asOf: options.asOf });
  const runs: DemoResult['runs'] = [];
  try {
    for (const [leagueId, season] of DEMO_LEAGUE_SEASONS) {
      const result = await runLeagueSeason(
        knex,
        databaseUrl,
        { key: 'demo-key', baseUrl: mock.url, retryBaseDelayMs: 50 },
        { leagueId, season, full: false, dryRun: false, refreshIntervalHours: 24, wait: true },
        reporter,
      );
      runs.push({ leagueId, season, result });
      if (result.error) throw result.error;
    }
  } finally {
    await mock.close();
  }
  const checks = await runDemoChecks(knex);
  const table = await knex('marts.league_table').where({ league_id: 39, season: 2023 }).orderBy('rank').limit(20)
    .select('rank', 'team_name', 'played', 'won', 'drawn', 'lost', 'goals_for', 'goals_against', 'goal_diff', 'points', 'form');
  return { migrations: ran, runs, checks, table, seconds: (Date.now() - started) / 1000 };
}

/** Identities the demo data must satisfy once loaded; each query returns the rows that break it. */
const CHECKS: Array<[string, string]> = [
  [
    'fixture scores equal their goal events',
    `select f.fixture_id from golden.fixtures f
     join golden.fixture_statuses s using (status_short)
     cross join lateral (
       select count(*) filter (where e.team_id = f.home_team_id) as home, count(*) filter (where e.team_id = f.away_team_id) as away, count(*) as events
       from golden.fixture_events e
       where e.fixture_id = f.fixture_id and e.type = 'Goal' and not e.is_shootout and e.detail is distinct from 'Missed Penalty') g
     where s.category = 'finished' and exists (select 1 from golden.fixture_events e where e.fixture_id = f.fixture_id)
       and (f.goals_home, f.goals_away) is distinct from (g.home::int, g.away::int)`,
  ],
  [
    'finished fixtures have two line-ups of 11 starters',
    `select f.fixture_id from golden.fixtures f join golden.fixture_statuses s using (status_short)
     where s.category = 'finished' and (select count(*) from golden.fixture_lineup_players p where p.fixture_id = f.fixture_id and p.is_starter) <> 22`,
  ],
  [
    'the computed league table matches the API standings',
    `select team_id from marts.standings_reconciliation where not matches`,
  ],
];

export async function runDemoChecks(knex: Knex): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const [name, sql] of CHECKS) {
    const { rows } = await knex.raw(sql);
    out.push({ name, failing: rows.length });
  }
  return out;
}
