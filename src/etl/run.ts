/**
 * `etl run`: one league-season, incremental unless --full. Each response is stored raw, validated,
 * transformed and loaded in its own transaction together with the bookmark it advances, so a run
 * stopped by the quota (or killed) resumes later without repeating finished work.
 *
 * What the API sends cannot stop the run by being wrong: a bad item is a reject, and a response that
 * cannot be used at all (not an envelope, over the size limit, errors of an unknown form) is
 * recorded, skipped, and makes the run end `failed` once everything that does not depend on it has
 * loaded; its bookmark did not advance, so the next run asks again. Only what everything else
 * needs (the league-season, its teams, its fixtures list) stops the run at once when it is missing.
 */
import type { Knex } from 'knex';
import { ApiFootballClient, type ApiClientOptions, type ApiResult, type PagedEndpoint } from '../api/client';
import { describeRequest, PlanRestrictionError, UnusableResponseError } from '../api/errors';
import { QuantfootError, QuotaStopError } from '../errors';
import type { Endpoint } from '../schemas';
import { coverageSkip, recordCoverageSkip } from './coverage';
import { loadValidated, type LoadedEndpoint } from './loaders';
import { storeRawResponse } from './raw';
import { finishRun, lockLeagueSeason, markAbandonedRuns, openRunSession, recordProgress, recordRejects, startRun, type RunSession } from './runs';
import { readState, mergeState } from './state';
import { RunStats } from './stats';
import { idsRefused, SETTLE_AFTER_HOURS, settlingDue, STATUSES_WITH_DETAILS, STREAMS, type Bookmark, type StreamContext, type StreamDeclaration } from './streams';
import type { Reporter } from './report';
import { Fixture } from '../models';
import { refreshAfterLoad } from './refresh';

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
  /** the instant staleness and settling are decided against (default: the clock) */
  now?: Date;
  /** optional streams to run too (see OPTIONAL_STREAMS) */
  extras?: readonly string[];
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

/** Responses the run had to skip: it loaded everything else, then ends `failed` naming them. */
export class SkippedResponsesError extends QuantfootError {
  constructor(readonly skipped: readonly UnusableResponseError[]) {
    const shown = skipped.slice(0, 3).map((e) => e.message).join('\n  ');
    super(
      `${skipped.length} API response(s) could not be used and were skipped; everything else loaded, and a re-run asks for them again:\n  ${shown}` +
        (skipped.length > 3 ? `\n  … and ${skipped.length - 3} more (etl.rejects)` : ''),
    );
  }
}

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
  let session: RunSession;
  try {
    session = await openRunSession(databaseUrl);
    if (!(await lockLeagueSeason(session, leagueId, season, options.wait))) {
      await session.client.end();
      throw new LeagueSeasonBusyError(`another run is loading league ${leagueId} season ${season}; wait for it to finish, or pass --wait to queue behind it`);
    }
  } catch (err) {
    client.close();
    throw err;
  }
  const stats = new RunStats();
  let rejectCount = 0;
  const skipped: UnusableResponseError[] = [];
  const thisRun = await startRun(knex, 'run', { league: leagueId, season, full: options.full, maxCalls: options.maxCalls ?? null }, session);
  runId = thisRun;
  for (const dead of await markAbandonedRuns(knex, { runId: thisRun, leagueId, season })) reporter.log(`run ${dead} had been left running by a process that died; marked abandoned`);

  const load = async (stream: StreamDeclaration, result: ApiResult<Endpoint>, lastPage: boolean) => {
    const outcome = await loadValidated(
      knex,
      runId,
      { endpoint: result.endpoint as LoadedEndpoint, parameters: result.parameters, items: result.items, rejects: result.rejects },
      stats,
      async (trx, loaded) => {
        await stream.advance?.(trx, ctx, result, loaded.fixtureIds, lastPage);
        await recordProgress(trx, thisRun, client.callsMade, client.quota.dailyRemaining);
      },
    );
    rejectCount += outcome.rejects.length;
    reporter.progress(stream.name, { calls: client.callsMade, rows: stats.written(), rejects: rejectCount });
  };

  const ctx: StreamContext = {
    knex,
    leagueId,
    season,
    full: options.full,
    now: options.now ?? new Date(),
    refreshIntervalHours: options.refreshIntervalHours,
    runId,
    listed: null,
    resultsChanged: false,
    fetched: new Set(),
    extras: new Set(options.extras ?? []),
    runStream: (name) => runStream(streamNamed(name)),
  };

  /** One request's answer, or null when it cannot be used (recorded, and skipped unless the stream is essential). */
  const fetchOne = async <T>(stream: StreamDeclaration, fetch: () => Promise<T>, parameters: Record<string, unknown>): Promise<T | null> => {
    try {
      return await fetch();
    } catch (err) {
      if (!(err instanceof UnusableResponseError) || stream.essential) throw err;
      skipped.push(err);
      stats.add(stream.endpoint.replace('/', '_'), { rejected: 1 });
      await recordRejects(knex, runId, stream.endpoint, Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, String(v)])), [
        { table: stream.endpoint.replace('/', '_'), item: null, reason: `response: ${err.reason}` },
      ]);
      rejectCount += 1;
      reporter.log(`${describeRequest(err.request)}: skipped, the answer cannot be used: ${err.reason}`);
      return null;
    }
  };

  const runStream = async (stream: StreamDeclaration) => {
    const requests = await stream.requests(ctx);
    reporter.stream(stream.name, stream.paged ? undefined : requests.length);
    let itemsSent = 0;
    const handle = async (result: ApiResult<Endpoint>, lastPage: boolean) => {
      itemsSent += result.items.length + new Set(result.rejects.filter((r) => r.at === '').map((r) => r.index)).size;
      await stream.received?.(ctx, result);
      await load(stream, result, lastPage);
    };
    const queue = [...requests];
    for (let params = queue.shift(); params !== undefined; params = queue.shift()) {
      if (stream.paged) {
        const pages = client.pages(stream.endpoint as PagedEndpoint, params, Number(params.page ?? 1));
        for (;;) {
          const next = await fetchOne(stream, () => pages.next(), params);
          if (next === null || next.done) break;
          await handle(next.value.result, next.value.lastPage);
        }
        continue;
      }
      const request = params;
      let result: ApiResult<Endpoint> | null;
      try {
        result = await fetchOne(stream, () => client.get(stream.endpoint, request), request);
      } catch (err) {
        if (!(err instanceof PlanRestrictionError)) throw err;
        const instead = await stream.fallback?.(ctx, request, err.planMessage);
        if (!instead) throw err;
        reporter.log(`${describeRequest(err.request)}: the API plan refuses it ("${err.planMessage}"); asking what the plan allows instead, for this and the stream's other requests, as from now on`);
        // The refusal is of a parameter, not of this one request: the queued ones change the same way.
        const rest = await Promise.all(queue.map(async (queued) => (await stream.fallback?.(ctx, queued, err.planMessage)) ?? [queued]));
        queue.splice(0, queue.length, ...instead, ...rest.flat());
        continue;
      }
      if (result !== null) await handle(result, true);
    }
    ctx.fetched.add(stream.name);
    const missing = await stream.mustHold?.(ctx, itemsSent);
    if (missing) throw new QuantfootError(`${missing}${await rejectsSummary(knex, thisRun, stream.endpoint)}; nothing that depends on it can load, so the run stops here`);
  };

  try {
    for (const stream of STREAMS) {
      if (ctx.fetched.has(stream.name) || (stream.optional && !ctx.extras.has(stream.name))) continue;
      const uncovered = await coverageSkip(knex, leagueId, season, stream);
      if (uncovered) {
        reporter.log(`${stream.name}: skipped, ${uncovered}`);
        await recordCoverageSkip(ctx, stream, uncovered);
        continue;
      }
      const why = await stream.due(ctx);
      if (!why) continue;
      reporter.log(`${stream.name}: ${why}`);
      await runStream(stream);
    }
    if (skipped.length > 0) throw new SkippedResponsesError(skipped);
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
    await refreshAfterLoad(knex, stats, reporter);
    await session.client.end();
  }
}

function streamNamed(name: string): StreamDeclaration {
  const stream = STREAMS.find((s) => s.name === name);
  if (!stream) throw new Error(`no stream named ${name}`);
  return stream;
}

/** `: <how many> rejected in this run, e.g. <first reason>`, or '' when none was. */
async function rejectsSummary(knex: Knex, runId: number, endpoint: string): Promise<string> {
  const rows = await knex('etl.rejects').where({ run_id: runId, endpoint }).orderBy('reject_id').limit(3).select('reason');
  if (rows.length === 0) return '';
  const { n } = (await knex('etl.rejects').where({ run_id: runId, endpoint }).count({ n: '*' }).first()) as { n: string };
  return `: ${n} item(s) of /${endpoint} rejected in this run, e.g. ${rows.map((r: { reason: string }) => r.reason).join(' | ')}`;
}

/**
 * The calls a run would make now, from what the database already holds; calls nothing. The streams
 * decide as in a real run, except that the fixtures list is not fetched: details are estimated
 * from the fixtures already loaded (kicked off, and not final when last seen).
 */
export async function planRun(knex: Knex, options: RunOptions): Promise<PlanLine[]> {
  const { leagueId, season } = options;
  const ctx: StreamContext = {
    knex, leagueId, season, full: options.full, now: options.now ?? new Date(), refreshIntervalHours: options.refreshIntervalHours,
    runId: null, listed: null, resultsChanged: false, fetched: new Set(), extras: new Set(options.extras ?? []), runStream: async () => undefined,
  };
  const details = await readState<Bookmark>(knex, leagueId, season, 'fixture_details');
  const fingerprints = details?.fingerprints ?? {};
  const fixtures = await Fixture.query(knex).where({ league_id: leagueId, season }).select('fixture_id', 'status_short', 'kickoff_at');
  // Kicked off since last seen (still NS/TBD, or in play), or played without details loaded yet.
  const FINAL = new Set(['FT', 'AET', 'PEN', 'AWD', 'WO']);
  const likely = fixtures.filter((f) => {
    if (f.kickoff_at.getTime() > ctx.now.getTime()) return false;
    const pending = ['NS', 'TBD'].includes(f.status_short) || (STATUSES_WITH_DETAILS.has(f.status_short) && !FINAL.has(f.status_short));
    return pending || (STATUSES_WITH_DETAILS.has(f.status_short) && (options.full || !fingerprints[f.fixture_id]));
  }).length;
  const settling = options.full ? 0 : fixtures.filter((f) => settlingDue(f.status_short, f.kickoff_at.getTime(), details?.fetched_at?.[f.fixture_id], ctx.now.getTime())).length;
  ctx.resultsChanged = likely > 0;
  const oneEach = idsRefused(details, ctx.now);
  const perCall = oneEach ? 1 : 20;
  const plan: PlanLine[] = [];
  for (const stream of STREAMS) {
    if (stream.name === 'fixture_details' && !(await coverageSkip(knex, leagueId, season, stream))) {
      const settle = settling > 0 ? `; ${settling} finished fixture(s) settling (${SETTLE_AFTER_HOURS.join(' h, ')} h after kick-off)` : '';
      const calls = oneEach ? '1 call per fixture: the API plan refuses the ids parameter' : '20 fixtures a call';
      plan.push(
        fixtures.length
          ? { stream: stream.name, calls: Math.ceil((likely + settling) / perCall), why: `about ${likely} fixture(s) kicked off since last seen or without details${settle} (${calls}; the exact number is known after the fixtures list)` }
          : { stream: stream.name, calls: 0, why: 'unknown until the fixtures list is fetched: one call per 20 played fixtures (19 for a full 380-fixture season)' },
      );
      continue;
    }
    if (stream.optional && !ctx.extras.has(stream.name)) {
      plan.push({ stream: stream.name, calls: 0, why: `off (--with ${stream.name} to load it)` });
      continue;
    }
    const uncovered = await coverageSkip(knex, leagueId, season, stream);
    if (uncovered) {
      plan.push({ stream: stream.name, calls: 0, why: `skipped: ${uncovered}` });
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

