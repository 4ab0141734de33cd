/**
 * Freshness per league-season (dbt's source freshness, by the competition's calendar): the age of the
 * last successful run and, for a season in progress, of the newest finished fixture still without
 * its details. Each league-season is judged against its thresholds (quantfoot.yml, per competition
 * or global): older than warn_after_hours warns, older than error_after_hours fails.
 * The league-seasons judged: every one loaded, and every one the configuration lists (one never
 * loaded fails: what the config promises is not there).
 */
import type { Knex } from 'knex';
import { DEFAULT_FRESHNESS, type Freshness, type QuantfootConfig } from '../config/load';

/** A fixture is expected to be over two hours after its kick-off; its details are due from then. */
const MATCH_HOURS = 2;

export interface FreshnessRow {
  league_id: number;
  season: number | null;
  level: 'pass' | 'warn' | 'error';
  reason: string;
  last_success_at: string | null;
  hours_since_success: number | null;
  newest_fixture_without_details: number | null;
  hours_waiting_for_details: number | null;
  warn_after_hours: number;
  error_after_hours: number;
}

interface Observed {
  league_id: number;
  season: number;
  in_progress: boolean;
  loaded: boolean;
  last_success_at: Date | null;
  hours_since_success: number | null;
  fixture_id: number | null;
  hours_waiting: number | null;
}

export async function freshness(knex: Knex, config: QuantfootConfig | null, filter: { league?: number; season?: number } = {}): Promise<FreshnessRow[]> {
  const { rows } = await knex.raw<{ rows: Observed[] }>(
    `select s.league_id, s.season,
        (s.is_current or coalesce(s.end_date >= current_date, false)) as in_progress,
        exists (select 1 from golden.fixtures f where f.league_id = s.league_id and f.season = s.season) as loaded,
        run.last_success_at,
        extract(epoch from now() - run.last_success_at) / 3600 as hours_since_success,
        waiting.fixture_id,
        extract(epoch from now() - (waiting.kickoff_at + make_interval(hours => ?))) / 3600 as hours_waiting
     from golden.seasons s
     left join lateral (
        select (st.bookmark ->> 'last_success_at')::timestamptz as last_success_at
        from etl.state st where st.league_id = s.league_id and st.season = s.season and st.stream = 'run'
     ) run on true
     left join lateral (
        select f.fixture_id, f.kickoff_at
        from golden.fixtures f join golden.fixture_statuses fs using (status_short)
        where f.league_id = s.league_id and f.season = s.season and fs.category = 'finished'
          and (s.is_current or coalesce(s.end_date >= current_date, false)) and s.covers_events is not false
          and not exists (select 1 from etl.fixture_details d where d.fixture_id = f.fixture_id)
        order by f.kickoff_at desc
        limit 1
     ) waiting on true`,
    [MATCH_HOURS],
  );
  const byKey = new Map(rows.map((r) => [`${r.league_id}/${r.season}`, r]));
  const thresholds = (league: number): Freshness => config?.competitions.find((c) => c.league === league)?.freshness ?? config?.freshness ?? DEFAULT_FRESHNESS;

  // What to judge: loaded league-seasons, and those the configuration lists.
  const targets = new Map<string, { league: number; season: number | null }>();
  for (const r of rows) if (r.loaded) targets.set(`${r.league_id}/${r.season}`, { league: r.league_id, season: r.season });
  for (const c of config?.competitions ?? []) {
    if (c.seasons === 'current') {
      const current = rows.filter((r) => r.league_id === c.league && r.in_progress);
      if (current.length === 0) targets.set(`${c.league}/current`, { league: c.league, season: null });
      for (const r of current) targets.set(`${r.league_id}/${r.season}`, { league: r.league_id, season: r.season });
    } else for (const season of c.seasons) targets.set(`${c.league}/${season}`, { league: c.league, season });
  }

  const result: FreshnessRow[] = [];
  for (const { league, season } of targets.values()) {
    if (filter.league !== undefined && league !== filter.league) continue;
    if (filter.season !== undefined && season !== filter.season) continue;
    const limits = thresholds(league);
    const seen = season === null ? undefined : byKey.get(`${league}/${season}`);
    const row: FreshnessRow = {
      league_id: league,
      season,
      level: 'pass',
      reason: 'fresh',
      last_success_at: seen?.last_success_at ? new Date(seen.last_success_at).toISOString() : null,
      hours_since_success: round(seen?.hours_since_success),
      newest_fixture_without_details: seen?.fixture_id ?? null,
      hours_waiting_for_details: round(seen?.hours_waiting),
      warn_after_hours: limits.warnAfterHours,
      error_after_hours: limits.errorAfterHours,
    };
    const ages: Array<[number, string]> = [];
    if (!seen?.loaded && row.last_success_at === null) {
      row.level = 'error';
      row.reason = season === null ? 'configured (current season), never loaded' : 'configured, never loaded';
    } else if (row.hours_since_success === null) {
      row.level = 'error';
      row.reason = 'no successful run on record';
    } else {
      ages.push([row.hours_since_success, `last successful run ${row.hours_since_success} h ago`]);
      if (row.hours_waiting_for_details !== null && row.hours_waiting_for_details > 0) {
        ages.push([row.hours_waiting_for_details, `fixture ${row.newest_fixture_without_details} finished ${row.hours_waiting_for_details} h ago, details not loaded`]);
      }
      const [age, why] = ages.reduce((a, b) => (b[0] > a[0] ? b : a));
      row.reason = why;
      row.level = age > limits.errorAfterHours ? 'error' : age > limits.warnAfterHours ? 'warn' : 'pass';
    }
    result.push(row);
  }
  return result.sort((a, b) => a.league_id - b.league_id || (a.season ?? 0) - (b.season ?? 0));
}

function round(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * 10) / 10;
}
