/**
 * What tells an analyst whether to trust the data today: the latest result of each data test
 * (etl.check_results, written by `quantfoot check` and the demo), and per league-season its last
 * runs and how long ago it last loaded successfully (the bookmark the `fresh` check reads).
 */
import type { Knex } from 'knex';
import { FRESHNESS_DESCRIPTION, FRESHNESS_TEST, readDataTests } from '../checks';
import { SHOWN_STATUS_SQL } from '../etl/runs';

const RUNS_SHOWN_PER_LEAGUE_SEASON = 5;

export interface TestResult {
  name: string;
  describe: string | null;
  status: 'pass' | 'warn' | 'fail' | 'error';
  /** error (a failure fails quantfoot check) or warn */
  severity: string;
  failingRows: number;
  /** A few failing rows, or {error} when the test could not run, as JSON text. */
  sample: string | null;
  checkedAt: Date;
}

export interface RunSummary {
  runId: number;
  command: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  callsUsed: number;
  error: string | null;
}

export interface LeagueSeason {
  leagueId: number;
  season: number;
  leagueName: string | null;
  lastSuccessAt: Date | null;
  /** Newest first. */
  runs: RunSummary[];
}

export interface Trust {
  tests: TestResult[];
  leagueSeasons: LeagueSeason[];
}

export async function readTrust(knex: Knex): Promise<Trust> {
  const describe = new Map<string, string>([[FRESHNESS_TEST, FRESHNESS_DESCRIPTION]]);
  try {
    for (const t of readDataTests()) describe.set(t.name, t.description);
  } catch {
    // A broken test file is `quantfoot check`'s to report; the site shows results without descriptions.
  }
  const tests = await knex.raw<{ rows: Array<{ check_name: string; status: TestResult['status']; severity: string; failing_rows: number; sample: unknown; checked_at: Date }> }>(
    `select distinct on (check_name) check_name, status, severity, failing_rows, sample, checked_at
     from etl.check_results order by check_name, checked_at desc, check_result_id desc`,
  );
  const runs = await knex.raw<{
    rows: Array<{ league_id: number; season: number; league_name: string | null; last_success_at: Date | null; run_id: string; command: string; status: string; started_at: Date; finished_at: Date | null; calls_used: number; error: string | null }>;
  }>(
    `with league_season_runs as (
       select r.*, (r.arguments->>'league')::int as league_id, (r.arguments->>'season')::int as season, ${SHOWN_STATUS_SQL} as shown_status,
              row_number() over (partition by r.arguments->>'league', r.arguments->>'season' order by r.run_id desc) as recency
       from etl.runs r
       where r.arguments->>'league' ~ '^[0-9]{1,9}$' and r.arguments->>'season' ~ '^[0-9]{4}$'
     )
     select x.league_id, x.season, l.name as league_name, st.updated_at as last_success_at,
            x.run_id, x.command, x.shown_status as status, x.started_at, x.finished_at, x.calls_used, x.error
     from league_season_runs x
     left join golden.leagues l on l.league_id = x.league_id
     left join etl.state st on st.league_id = x.league_id and st.season = x.season and st.stream = 'run'
     where x.recency <= ?
     order by x.league_id, x.season, x.run_id desc`,
    [RUNS_SHOWN_PER_LEAGUE_SEASON],
  );
  const leagueSeasons = new Map<string, LeagueSeason>();
  for (const r of runs.rows) {
    const key = `${r.league_id}/${r.season}`;
    let entry = leagueSeasons.get(key);
    if (!entry) leagueSeasons.set(key, (entry = { leagueId: r.league_id, season: r.season, leagueName: r.league_name, lastSuccessAt: r.last_success_at, runs: [] }));
    entry.runs.push({ runId: Number(r.run_id), command: r.command, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, callsUsed: r.calls_used, error: r.error });
  }
  return {
    tests: tests.rows.map((t) => ({
      name: t.check_name,
      describe: describe.get(t.check_name) ?? null,
      status: t.status,
      severity: t.severity,
      failingRows: t.failing_rows,
      sample: t.status === 'pass' || t.sample === null ? null : JSON.stringify(t.sample, null, 2),
      checkedAt: t.checked_at,
    })),
    leagueSeasons: [...leagueSeasons.values()],
  };
}
