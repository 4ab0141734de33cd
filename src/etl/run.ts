/**
 * `etl run`: one league-season, incremental unless --full. Each response is stored raw, validated,
 * transformed and loaded in its own transaction together with the bookmark it advances, so a run
 * stopped by the quota resumes later without repeating finished work.
 */
import type { Knex } from 'knex';
import pg from 'pg';
import { ApiFootballClient, type ApiClientOptions, type ApiResult } from '../api/client';
import { QuantfootError, QuotaStopError } from '../errors';
import type { Endpoint } from '../schemas';
import { loadResponse, type LoadedEndpoint } from './loaders';
import type { LoadContext, Rejection } from './load';
import { storeRawResponse } from './raw';
import { finishRun, recordRejects, startRun } from './runs';
import { readState, mergeState } from './state';
import { RunStats } from './stats';
import { STATUSES_WITH_DETAILS, STREAMS, type Bookmark, type StreamContext, type StreamDeclaration } from './streams';
import type { Reporter } from './report';
import { Fixture } from '../models';

export interface RunOptions {
  leagueId: number;
  season: number;
  full: boolean;
  dryRun: boolean;
  maxCalls?: number;
  /** streams older than this are fetched again (teams, players, leagues, standings) */
  refreshIntervalHours: number;
  /** wait for another run of the same league-season instead of refusing */
  wait: boolean;
}

export interface RunResult {
  runId: number | null;
  status: 'succeeded' | 'stopped_quota' | 'failed' | 'dry_run';
  callsUsed: number;
  quotaRemaining: number | null;
  stats: RunStats;
  rejects: number;
  plan?: PlanLine[];
  error?: QuantfootError | Error;
}

export interface PlanLine {
  stream: string;
  calls: number;
  why: string;
}

export class LeagueSeasonBusyError extends QuantfootError {}

export async function runLeagueSeason(
  knex: Knex,
  databaseUrl: string,
  api: Pick<ApiClientOptions, 'key' | 'baseUrl'> & Partial<ApiClientOptions>,
  options: RunOptions,
  reporter: Reporter,
): Promise<RunResult> {
  const { leagueId, season } = options;
  if (options.dryRun) {
    const plan = await planRun(knex, options);
    const last = await knex('etl.runs').whereNotNull('quota_remaining').orderBy('run_id', 'desc').first('quota_remaining');
    return { runId: null, status: 'dry_run', callsUsed: 0, quotaRemaining: last?.quota_remaining ?? null, stats: new RunStats(), rejects: 0, plan };
  }
  // The client first: a missing key or a bad URL is a configuration error before anything is written.
  let runId: number | null = null;
  const client = new ApiFootballClient({
    ...api,
    maxCalls: options.maxCalls,
    onResponse: (r) => storeRawResponse(knex, r, { runId, leagueId, season }),
    log: (line) => reporter.log(line),
  });
  let lock: pg.Client;
  try {
    lock = await acquireLeagueSeasonLock(databaseUrl, leagueId, season, options.wait);
  } catch (err) {
    client.close();
    throw err;
  }
  const stats = new RunStats();
  let rejectCount = 0;
  const thisRun = await startRun(knex, 'run', { league: leagueId, season, full: options.full, maxCalls: options.maxCalls ?? null });
  runId = thisRun;
  const load = async (stream: string, result: ApiResult<Endpoint>, extra?: (trx: Knex.Transaction, loadedFixtureIds: number[]) => Promise<void>) => {
    const rejects: Rejection[] = result.rejects.map((r) => ({ table: tableOfEndpoint(result.endpoint), item: r.item, reason: `schema: ${r.path || '/'} ${r.reason}` }));
    stats.add(tableOfEndpoint(result.endpoint), { rejected: rejects.length });
    await knex.transaction(async (trx) => {
      const ctx: LoadContext = { stats, reject: (r) => rejects.push(r) };
      const outcome = await loadResponse(trx, { endpoint: result.endpoint as LoadedEndpoint, parameters: result.parameters, items: result.items }, ctx);
      if (extra) await extra(trx, outcome.fixtureIds);
      await recordRejects(trx, runId, result.endpoint, result.parameters, rejects);
    });
    rejectCount += rejects.length;
    reporter.progress(stream, { calls: client.callsMade, rows: stats.written(), rejects: rejectCount });
  };

  const ctx: StreamContext = {
    knex,
    leagueId,
    season,
    full: options.full,
    now: new Date(),
    refreshIntervalHours: options.refreshIntervalHours,
    runId,
    listed: null,
    resultsChanged: false,
    fetched: new Set(),
    runStream: (name) => runStream(streamNamed(name)),
  };
  const runStream = async (stream: StreamDeclaration) => {
    const requests = await stream.requests(ctx);
    reporter.stream(stream.name, stream.paged ? undefined : requests.length);
    for (const params of requests) {
      const first = stream.paged ? Number(params.page ?? 1) : 1;
      for (let page = first, total = first; page <= total; page++) {
        const result = await client.get(stream.endpoint, stream.paged ? { ...params, page } : params);
        if (stream.paged) total = result.envelope.paging.total;
        await stream.received?.(ctx, result);
        const lastPage = page === total;
        await load(stream.name, result, stream.advance && ((trx, loaded) => stream.advance!(trx, ctx, result, loaded, lastPage)));
      }
    }
    ctx.fetched.add(stream.name);
  };

  try {
    for (const stream of STREAMS) {
      if (ctx.fetched.has(stream.name)) continue;
      const why = await stream.due(ctx);
      if (!why) continue;
      reporter.log(`${stream.name}: ${why}`);
      await runStream(stream);
    }
    await mergeState(knex, leagueId, season, 'run', { last_success_at: new Date().toISOString() }, runId);
    const quota = client.quota.dailyRemaining;
    await finishRun(knex, thisRun, { status: 'succeeded', callsUsed: client.callsMade, quotaRemaining: quota, stats });
    return { runId, status: 'succeeded', callsUsed: client.callsMade, quotaRemaining: quota, stats, rejects: rejectCount };
  } catch (err) {
    const status = err instanceof QuotaStopError ? 'stopped_quota' : 'failed';
    const quota = client.quota.dailyRemaining;
    await finishRun(knex, thisRun, { status, callsUsed: client.callsMade, quotaRemaining: quota, error: (err as Error).message, stats });
    return { runId, status, callsUsed: client.callsMade, quotaRemaining: quota, stats, rejects: rejectCount, error: err as Error };
  } finally {
    client.close();
    await lock.end();
  }
}

function streamNamed(name: string): StreamDeclaration {
  const stream = STREAMS.find((s) => s.name === name);
  if (!stream) throw new Error(`no stream named ${name}`);
  return stream;
}

/** The golden table an endpoint's items mainly become (for counting schema rejects). */
function tableOfEndpoint(endpoint: string): string {
  return endpoint.replace('/', '_');
}

/**
 * A session-level advisory lock per league-season on its own connection: two runs of different
 * league-seasons go in parallel; a second run of the same one refuses (or waits with --wait).
 */
async function acquireLeagueSeasonLock(url: string, leagueId: number, season: number, wait: boolean): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const key = [0x5146 /* "QF" */, leagueId * 10_000 + season];
  if (wait) {
    await client.query('select pg_advisory_lock($1, $2)', key);
    return client;
  }
  const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', key);
  if (!rows[0]?.ok) {
    await client.end();
    throw new LeagueSeasonBusyError(`another run is loading league ${leagueId} season ${season}; wait for it to finish, or pass --wait to queue behind it`);
  }
  return client;
}

/**
 * The calls a run would make now, from what the database already holds; calls nothing. The streams
 * decide as in a real run, except that the fixtures list is not fetched: details are estimated
 * from the fixtures already loaded (kicked off, and not final when last seen).
 */
export async function planRun(knex: Knex, options: RunOptions): Promise<PlanLine[]> {
  const { leagueId, season } = options;
  const ctx: StreamContext = {
    knex, leagueId, season, full: options.full, now: new Date(), refreshIntervalHours: options.refreshIntervalHours,
    runId: null, listed: null, resultsChanged: false, fetched: new Set(), runStream: async () => undefined,
  };
  const fingerprints = (await readState<Bookmark>(knex, leagueId, season, 'fixture_details'))?.fingerprints ?? {};
  const fixtures = await Fixture.query(knex).where({ league_id: leagueId, season }).select('fixture_id', 'status_short', 'kickoff_at');
  // Kicked off since last seen (still NS/TBD, or in play), or played without details loaded yet.
  const FINAL = new Set(['FT', 'AET', 'PEN', 'AWD', 'WO']);
  const likely = fixtures.filter((f) => {
    if (f.kickoff_at.getTime() > ctx.now.getTime()) return false;
    const pending = ['NS', 'TBD'].includes(f.status_short) || (STATUSES_WITH_DETAILS.has(f.status_short) && !FINAL.has(f.status_short));
    return pending || (STATUSES_WITH_DETAILS.has(f.status_short) && (options.full || !fingerprints[f.fixture_id]));
  }).length;
  ctx.resultsChanged = likely > 0;
  const plan: PlanLine[] = [];
  for (const stream of STREAMS) {
    if (stream.name === 'fixture_details') {
      plan.push(
        fixtures.length
          ? { stream: stream.name, calls: Math.ceil(likely / 20), why: `about ${likely} fixture(s) kicked off since last seen or without details (the exact number is known after the fixtures list)` }
          : { stream: stream.name, calls: 0, why: 'unknown until the fixtures list is fetched: one call per 20 played fixtures (19 for a full 380-fixture season)' },
      );
      continue;
    }
    const why = await stream.due(ctx);
    const requests = why ? await stream.requests(ctx) : [];
    const firstPage = Number(requests[0]?.page ?? 1);
    const pages = stream.paged ? Math.max(1, ((await readState<Bookmark>(knex, leagueId, season, stream.name))?.pages ?? 1) - firstPage + 1) : 1;
    const calls = requests.length * pages;
    plan.push({ stream: stream.name, calls, why: why ? (stream.paged ? `${why}; ${pages} page(s)${pages === 1 ? ' at least' : ' last time'}` : why) : 'fresh' });
  }
  return plan;
}
