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
import { runChecks, type CheckResult } from '../checks';

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
  // Every test of checks/ and freshness, as `quantfoot check` runs them.
  const checks = await runChecks(knex);
  const table = await knex('marts.league_table').where({ league_id: 39, season: 2023 }).orderBy('rank').limit(20)
    .select('rank', 'team_name', 'played', 'won', 'drawn', 'lost', 'goals_for', 'goals_against', 'goal_diff', 'points', 'form');
  return { migrations: ran, runs, checks, table, seconds: (Date.now() - started) / 1000 };
}
