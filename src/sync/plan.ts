/**
 * What `etl sync` does next, in the order a user would choose: seasons in progress first (kept up
 * to date incrementally), then seasons never loaded (or whose last load did not finish), newest
 * first (the backfill), and nothing for a season loaded completely after it ended. Each item says
 * why it is due and about how many calls it takes, so `--dry-run` can say how many days the
 * portfolio needs at the plan's daily limit.
 */
import type { Knex } from 'knex';
import type { CompetitionConfig, QuantfootConfig } from '../config/load';
import { planRun } from '../etl/run';
import { OPTIONAL_STREAMS, SETTLE_AFTER_HOURS } from '../etl/streams';

export type SyncPriority = 'in progress' | 'backfill' | 'complete';

export interface SyncItem {
  leagueId: number;
  season: number;
  priority: SyncPriority;
  /** why it is due (or not) */
  reason: string;
  /** about how many API calls the next run takes; `estimated` when the data is not there yet to count */
  calls: number;
  estimated: boolean;
  extras: string[];
  /** position in the config, for a stable order among equals */
  order: number;
}

/** A configured league whose current season is not known yet (asked from /leagues before planning). */
export interface UnresolvedCurrent {
  leagueId: number;
  order: number;
}

/** A load is complete once it succeeded after the season's last day, the results settled. */
const SETTLED_HOURS = Math.max(...SETTLE_AFTER_HOURS);
/** What a season nobody loaded yet costs, guessed from a 20-team league when no sibling season tells. */
const TYPICAL_FIXTURES = 380;
const TYPICAL_PLAYER_PAGES = 25;

interface SeasonFacts {
  league_id: number;
  season: number;
  is_current: boolean;
  end_date: string | null;
  last_success_at: string | null;
  last_run_status: string | null;
  fixtures: number;
  player_pages: number | null;
}

export async function planSync(knex: Knex, config: QuantfootConfig, now = new Date()): Promise<{ items: SyncItem[]; unresolved: UnresolvedCurrent[] }> {
  const leagues = config.competitions.map((c) => c.league);
  if (leagues.length === 0) return { items: [], unresolved: [] };
  const { rows } = await knex.raw<{ rows: SeasonFacts[] }>(
    `select s.league_id, s.season, s.is_current, s.end_date::text as end_date,
        run.bookmark ->> 'last_success_at' as last_success_at,
        (select r.status from etl.runs r where r.command = 'run' and r.arguments ->> 'league' = s.league_id::text and r.arguments ->> 'season' = s.season::text
          order by r.run_id desc limit 1) as last_run_status,
        (select count(*)::int from golden.fixtures f where f.league_id = s.league_id and f.season = s.season) as fixtures,
        (players.bookmark ->> 'pages')::int as player_pages
     from golden.seasons s
     left join etl.state run on run.league_id = s.league_id and run.season = s.season and run.stream = 'run'
     left join etl.state players on players.league_id = s.league_id and players.season = s.season and players.stream = 'players'
     where s.league_id = any(?)`,
    [leagues],
  );
  const facts = new Map(rows.map((r) => [`${r.league_id}/${r.season}`, r]));
  const items: SyncItem[] = [];
  const unresolved: UnresolvedCurrent[] = [];
  for (const [order, competition] of config.competitions.entries()) {
    let seasons: number[];
    if (competition.seasons === 'current') {
      seasons = rows.filter((r) => r.league_id === competition.league && r.is_current).map((r) => r.season);
      if (seasons.length === 0) {
        unresolved.push({ leagueId: competition.league, order });
        continue;
      }
    } else seasons = competition.seasons;
    for (const season of seasons) {
      items.push(await itemFor(knex, config, competition, season, order, facts, now));
    }
  }
  return { items: orderSync(items), unresolved };
}

async function itemFor(knex: Knex, config: QuantfootConfig, competition: CompetitionConfig, season: number, order: number, facts: Map<string, SeasonFacts>, now: Date): Promise<SyncItem> {
  const fact = facts.get(`${competition.league}/${season}`);
  const extras = competition.with.includes('all') ? [...OPTIONAL_STREAMS] : competition.with;
  const base = { leagueId: competition.league, season, extras, order };
  const ended = fact?.end_date ? Date.parse(`${fact.end_date}T23:59:59Z`) : null;
  const inProgress = fact ? fact.is_current || (ended !== null && ended + SETTLED_HOURS * 3_600_000 > now.getTime()) : false;
  const lastSuccess = fact?.last_success_at ? Date.parse(fact.last_success_at) : null;

  const resuming = fact?.last_run_status && fact.last_run_status !== 'succeeded' ? `resuming (last run ${fact.last_run_status})` : null;
  let priority: SyncPriority;
  let reason: string;
  if (inProgress) {
    priority = 'in progress';
    reason = resuming ?? (lastSuccess ? 'incremental update' : 'never loaded');
  } else if (lastSuccess === null || resuming) {
    priority = 'backfill';
    reason = resuming ?? 'never loaded';
  } else if (ended === null || lastSuccess < ended + SETTLED_HOURS * 3_600_000) {
    priority = 'backfill';
    reason = 'loaded before the season ended and its results settled: finishing';
  } else {
    return { ...base, priority: 'complete', reason: 'complete: loaded after the season ended and settled', calls: 0, estimated: false };
  }
  const plan = await planRun(knex, { leagueId: competition.league, season, full: false, dryRun: true, refreshIntervalHours: config.refreshHours, wait: false, now, extras });
  let calls = plan.reduce((n, line) => n + line.calls, 0);
  let estimated = false;
  if (!fact || fact.fixtures === 0) {
    // Not loaded yet: the details and player pages are unknown until the lists are fetched; a
    // sibling season of the same league is the best guess, else a 20-team league.
    const siblings = [...facts.values()].filter((f) => f.league_id === competition.league && f.fixtures > 0);
    const fixtures = siblings.length ? Math.max(...siblings.map((f) => f.fixtures)) : TYPICAL_FIXTURES;
    const pages = siblings.find((f) => f.player_pages)?.player_pages ?? TYPICAL_PLAYER_PAGES;
    calls += Math.ceil(fixtures / 20) + Math.max(0, pages - 1);
    estimated = true;
  }
  return { ...base, priority, reason, calls, estimated };
}

const RANK: Record<SyncPriority, number> = { 'in progress': 0, backfill: 1, complete: 2 };

/**
 * In progress first, in config order; then the backfill, newest season first (config order among
 * equal seasons); complete ones last (they cost nothing).
 */
export function orderSync(items: readonly SyncItem[]): SyncItem[] {
  return [...items].sort(
    (a, b) =>
      RANK[a.priority] - RANK[b.priority] ||
      (a.priority === 'backfill' ? b.season - a.season : 0) ||
      a.order - b.order ||
      a.season - b.season,
  );
}

/** Days the due calls take at `perDay` calls a day (the daily limit less the reserve). */
export function daysNeeded(calls: number, perDay: number | null): number | null {
  if (perDay === null || perDay <= 0) return null;
  return Math.max(calls > 0 ? 1 : 0, Math.ceil(calls / perDay));
}
