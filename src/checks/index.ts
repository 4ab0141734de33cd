/**
 * Data tests (dbt-style): each query returns the rows that break an identity the golden tables must
 * satisfy; zero rows is a pass. `quantfoot check` runs them (and the freshness check) and records
 * every result in etl.check_results; the demo runs them after loading.
 */
import type { Knex } from 'knex';

export interface DataTest {
  name: string;
  describe: string;
  sql: string;
}

export const DATA_TESTS: readonly DataTest[] = [
  {
    name: 'scores_equal_goal_events',
    describe: 'a finished fixture with events has as many goal events per side as goals (own goals count for the side credited; missed penalties and shoot-out kicks do not)',
    sql: `select f.fixture_id, f.goals_home, f.goals_away, g.home, g.away from golden.fixtures f
      join golden.fixture_statuses s using (status_short)
      cross join lateral (
        select count(*) filter (where e.team_id = f.home_team_id)::int as home, count(*) filter (where e.team_id = f.away_team_id)::int as away
        from golden.fixture_events e
        where e.fixture_id = f.fixture_id and e.type = 'Goal' and not e.is_shootout and e.detail is distinct from 'Missed Penalty') g
      where s.category = 'finished' and exists (select 1 from golden.fixture_events e where e.fixture_id = f.fixture_id)
        and (f.goals_home, f.goals_away) is distinct from (g.home, g.away)`,
  },
  {
    name: 'lineups_have_eleven_starters',
    describe: 'every line-up lists 11 starters',
    sql: `select l.fixture_id, l.team_id, count(p.player_id) filter (where p.is_starter)::int as starters
      from golden.fixture_lineups l left join golden.fixture_lineup_players p using (fixture_id, team_id)
      group by 1, 2 having count(p.player_id) filter (where p.is_starter) <> 11`,
  },
  {
    name: 'events_belong_to_the_fixture_teams',
    describe: 'an event is credited to the home or the away team of its fixture',
    sql: `select e.fixture_id, e.event_index, e.team_id from golden.fixture_events e join golden.fixtures f using (fixture_id)
      where e.team_id not in (f.home_team_id, f.away_team_id)`,
  },
  {
    name: 'standings_reconcile',
    describe: 'the league table computed from results equals the API standings',
    sql: `select league_id, season, group_name, team_id, differences from marts.standings_reconciliation where not matches`,
  },
];

export interface CheckResult {
  name: string;
  status: 'pass' | 'fail' | 'error';
  failing: number;
  sample: unknown[];
  error?: string;
}

/** Runs the data tests (all, or those named) and a freshness check; records each result. */
export async function runChecks(knex: Knex, options: { select?: string[]; maxAgeHours?: number; record?: boolean } = {}): Promise<CheckResult[]> {
  const tests = [...DATA_TESTS, freshnessTest(options.maxAgeHours ?? 48)].filter((t) => !options.select?.length || options.select.includes(t.name));
  const results: CheckResult[] = [];
  for (const t of tests) {
    try {
      const { rows } = await knex.raw(t.sql);
      results.push({ name: t.name, status: rows.length ? 'fail' : 'pass', failing: rows.length, sample: rows.slice(0, 5) });
    } catch (err) {
      results.push({ name: t.name, status: 'error', failing: 0, sample: [], error: (err as Error).message });
    }
  }
  if (options.record !== false) {
    await knex('etl.check_results').insert(results.map((r) => ({ check_name: r.name, status: r.status, failing_rows: r.failing, sample: JSON.stringify(r.error ? { error: r.error } : r.sample) })));
  }
  return results;
}

/** Every league-season loaded so far had a successful run within the last `hours`. */
function freshnessTest(hours: number): DataTest {
  return {
    name: 'fresh',
    describe: `every loaded league-season had a successful run in the last ${hours} h`,
    sql: `select s.league_id, s.season, max(st.updated_at) as last_success
      from golden.seasons s join golden.fixtures f using (league_id, season)
      left join etl.state st on st.league_id = s.league_id and st.season = s.season and st.stream = 'run'
      group by 1, 2 having coalesce(max(st.updated_at), '-infinity') < now() - interval '${Math.max(0, Number(hours))} hours'`,
  };
}

export function checkNames(): string[] {
  return [...DATA_TESTS.map((t) => t.name), 'fresh'];
}
