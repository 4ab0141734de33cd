/**
 * `etl sync`: every due league-season of the configuration, in the plan's order (plan.ts), within
 * the day's quota and the `--max-calls` budget. A quota stop ends the sync (exit 75); the next
 * invocation plans again from the database and resumes where it stopped without repeating
 * finished work. A league-season that fails does not stop the others: the sync ends failed.
 */
import type { Knex } from 'knex';
import { ApiFootballClient, type ApiClientOptions } from '../api/client';
import type { QuantfootConfig } from '../config/load';
import { QuantfootError, QuotaStopError } from '../errors';
import { loadValidated } from '../etl/loaders';
import { storeRawResponse } from '../etl/raw';
import type { Reporter } from '../etl/report';
import { LeagueSeasonBusyError, runLeagueSeason, type RunResult } from '../etl/run';
import { RunStats } from '../etl/stats';
import { daysNeeded, planSync, type SyncItem } from './plan';

type Api = Pick<ApiClientOptions, 'key' | 'baseUrl'> & Partial<ApiClientOptions>;

export interface SyncOptions {
  maxCalls?: number;
  now?: Date;
  /** asked between league-seasons: stop before the next one (the daemon's SIGTERM) */
  stopRequested?: () => boolean;
}

export interface SyncOutcome {
  leagueId: number;
  season: number;
  status: RunResult['status'] | 'busy' | 'skipped';
  callsUsed: number;
  error?: string;
}

export interface SyncResult {
  outcomes: SyncOutcome[];
  callsUsed: number;
  status: 'succeeded' | 'stopped_quota' | 'failed' | 'stopped';
}

/**
 * Configured leagues followed as `seasons: current` whose current season the database does not
 * know: asked from /leagues (one call each), loaded like any /leagues answer.
 */
export async function resolveCurrentSeasons(knex: Knex, api: Api, leagueIds: readonly number[], reporter: Reporter): Promise<number> {
  if (leagueIds.length === 0) return 0;
  let current: number | null = null;
  // Kept in raw.api_responses like every answer, for replay.
  const client = new ApiFootballClient({ ...api, log: (line) => reporter.log(line), onResponse: (r) => storeRawResponse(knex, r, { runId: null, leagueId: current, season: null }) });
  try {
    for (const id of leagueIds) {
      current = id;
      const result = await client.get('leagues', { id, current: 'true' });
      await loadValidated(knex, null, { endpoint: 'leagues', parameters: result.parameters, items: result.items, rejects: result.rejects }, new RunStats());
    }
    return client.callsMade;
  } finally {
    client.close();
  }
}

export async function runSync(knex: Knex, databaseUrl: string, api: Api, config: QuantfootConfig, reporter: Reporter, options: SyncOptions = {}): Promise<SyncResult> {
  const outcomes: SyncOutcome[] = [];
  let callsUsed = 0;
  const budget = () => (options.maxCalls === undefined ? undefined : options.maxCalls - callsUsed);
  const first = await planSync(knex, config, options.now);
  if (first.unresolved.length) {
    reporter.log(`asking /leagues for the current season of league ${first.unresolved.map((u) => u.leagueId).join(', ')}`);
    callsUsed += await resolveCurrentSeasons(knex, { ...api, dailyReserve: config.dailyReserve, maxCalls: budget() }, first.unresolved.map((u) => u.leagueId), reporter);
  }
  const { items, unresolved } = first.unresolved.length ? await planSync(knex, config, options.now) : first;
  for (const u of unresolved) reporter.log(`league ${u.leagueId}: the API names no current season; nothing to load`);
  const due = items.filter((i) => i.priority !== 'complete');
  reporter.log(`${due.length} league-season(s) due, ${items.length - due.length} complete`);

  for (const item of due) {
    if (options.stopRequested?.()) return { outcomes, callsUsed, status: 'stopped' };
    const left = budget();
    if (left !== undefined && left <= 0) {
      reporter.log(`--max-calls spent: stopping before league ${item.leagueId} season ${item.season}; run sync again to go on`);
      return { outcomes, callsUsed, status: 'stopped_quota' };
    }
    reporter.log(`league ${item.leagueId} season ${item.season}: ${item.reason} (about ${item.calls} call(s))`);
    let result: RunResult;
    try {
      result = await runLeagueSeason(
        knex,
        databaseUrl,
        { ...api, dailyReserve: config.dailyReserve },
        { leagueId: item.leagueId, season: item.season, full: false, dryRun: false, maxCalls: left, refreshIntervalHours: config.refreshHours, wait: false, now: options.now, extras: item.extras },
        reporter,
      );
    } catch (err) {
      // Another process (a worker, a second sync) is loading it now: its run covers it.
      if (err instanceof LeagueSeasonBusyError) {
        outcomes.push({ leagueId: item.leagueId, season: item.season, status: 'busy', callsUsed: 0, error: err.message });
        continue;
      }
      throw err;
    }
    callsUsed += result.callsUsed;
    outcomes.push({ leagueId: item.leagueId, season: item.season, status: result.status, callsUsed: result.callsUsed, error: result.error?.message });
    if (result.status === 'stopped_quota') return { outcomes, callsUsed, status: 'stopped_quota' };
  }
  return { outcomes, callsUsed, status: outcomes.some((o) => o.status === 'failed') ? 'failed' : 'succeeded' };
}

/** The exit of a sync: 75 when the quota stopped it (resumable), 1 when a league-season failed. */
export function syncError(result: SyncResult): QuantfootError | null {
  if (result.status === 'stopped_quota') return new QuotaStopError(`the daily quota (or --max-calls) is spent after ${result.callsUsed} call(s); run sync again later: it resumes where it stopped`);
  if (result.status === 'failed') {
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    return new QuantfootError(`${failed.length} league-season(s) failed: ${failed.map((o) => `${o.leagueId}/${o.season}: ${o.error ?? 'failed'}`).join('; ')}`);
  }
  return null;
}

export interface DryRun {
  items: SyncItem[];
  unresolved: number[];
  totalCalls: number;
  dailyLimit: number | null;
  dailyRemaining: number | null;
  perDay: number | null;
  days: number | null;
}

/** The plan without loading anything: the only call is /status, which costs no quota. */
export async function dryRunSync(knex: Knex, api: Api, config: QuantfootConfig, now?: Date): Promise<DryRun> {
  const { items, unresolved } = await planSync(knex, config, now);
  const totalCalls = items.reduce((n, i) => n + i.calls, 0) + unresolved.length;
  let dailyLimit: number | null = null;
  let dailyRemaining: number | null = null;
  if (api.key) {
    const client = new ApiFootballClient({ ...api, maxAttempts: 2 });
    try {
      const status = (await client.status()) as { requests?: { current?: number; limit_day?: number } } | null;
      dailyLimit = status?.requests?.limit_day ?? client.quota.dailyLimit;
      if (status?.requests?.current !== undefined && dailyLimit !== null) dailyRemaining = dailyLimit - status.requests.current;
    } catch {
      // No answer from /status: the plan stands without the day count.
    } finally {
      client.close();
    }
  }
  const perDay = dailyLimit === null ? null : Math.max(0, dailyLimit - config.dailyReserve);
  return { items, unresolved: unresolved.map((u) => u.leagueId), totalCalls, dailyLimit, dailyRemaining, perDay, days: daysNeeded(totalCalls, perDay) };
}
