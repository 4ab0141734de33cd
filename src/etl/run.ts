/**
 * `etl run`: one league-season, incremental unless --full. Each response is stored raw, validated,
 * transformed and loaded in its own transaction together with the bookmark it advances, so a run
 * stopped by the quota resumes later without repeating finished work.
 */
import type { Knex } from 'knex';
import pg from 'pg';
import { ApiFootballClient, type ApiClientOptions, type ApiResult } from '../api/client';
import { batchIds } from '../api/batch';
import { QuantfootError, QuotaStopError } from '../errors';
import type { Endpoint, ItemOf } from '../schemas';
import { loadResponse, type LoadedEndpoint } from './loaders';
import type { LoadContext, Rejection } from './load';
import { storeRawResponse } from './raw';
import { finishRun, recordRejects, startRun } from './runs';
import { readState, writeState, mergeState } from './state';
import { RunStats } from './stats';
import { STATUSES_WITH_DETAILS } from './streams';
import { fixtureFingerprint } from './transform/fixtures';
import type { Reporter } from './report';
import { Fixture, Season } from '../models';

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

interface Bookmark {
  refreshed_at?: string;
  pages?: number;
  fingerprints?: Record<string, string>;
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
    return { runId: null, status: 'dry_run', callsUsed: 0, quotaRemaining: null, stats: new RunStats(), rejects: 0, plan };
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
  runId = await startRun(knex, 'run', { league: leagueId, season, full: options.full, maxCalls: options.maxCalls ?? null });
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

  try {
    const now = new Date();
    const isStale = (b: Bookmark | null) => options.full || !b?.refreshed_at || now.getTime() - Date.parse(b.refreshed_at) > options.refreshIntervalHours * 3600_000;
    const touch = (trx: Knex, stream: string, extra: Bookmark = {}) => writeState(trx, leagueId, season, stream, { refreshed_at: now.toISOString(), ...extra }, runId);

    // leagues (+ countries, seasons)
    const seasonKnown = await Season.query(knex).findById([leagueId, season]);
    if (!seasonKnown || isStale(await readState(knex, leagueId, season, 'leagues'))) {
      reporter.stream('leagues');
      const res = await client.get('leagues', { id: leagueId, season });
      if (res.items.length === 0 && res.rejects.length === 0) throw new QuantfootError(`the API knows no league ${leagueId} with season ${season}`);
      await load('leagues', res, (trx) => touch(trx, 'leagues'));
    }

    // teams (+ venues); fetched before fixtures, which reference them
    let teamsFetched = false;
    const fetchTeams = async () => {
      reporter.stream('teams');
      await load('teams', await client.get('teams', { league: leagueId, season }), (trx) => touch(trx, 'teams'));
      teamsFetched = true;
    };
    if (isStale(await readState(knex, leagueId, season, 'teams'))) await fetchTeams();

    // fixtures list: always, it is what tells what changed
    reporter.stream('fixtures');
    const list = await client.get('fixtures', { league: leagueId, season });
    const listed = list.items as Array<ItemOf<'fixtures'>>;
    if (!teamsFetched) {
      const known = new Set<number>(await knex('golden.team_seasons').where({ league_id: leagueId, season }).pluck('team_id'));
      if (listed.some((f) => !known.has(f.teams.home.id) || !known.has(f.teams.away.id))) await fetchTeams();
    }
    await load('fixtures', list);

    // fixture details, 20 a call, each batch committed with its fingerprints
    const bookmark = (await readState<Bookmark>(knex, leagueId, season, 'fixture_details')) ?? {};
    const seen = bookmark.fingerprints ?? {};
    const loadedIds = new Set((await Fixture.query(knex).where({ league_id: leagueId, season }).select('fixture_id')).map((f) => f.fixture_id));
    const due = listed.filter((f) => loadedIds.has(f.fixture.id) && STATUSES_WITH_DETAILS.has(f.fixture.status.short) && (options.full || seen[f.fixture.id] !== fixtureFingerprint(f)));
    const fingerprintOf = new Map(due.map((f) => [f.fixture.id, fixtureFingerprint(f)]));
    reporter.stream('fixture_details', Math.ceil(due.length / 20));
    for (const ids of batchIds(due.map((f) => f.fixture.id))) {
      const res = await client.get('fixtures', { ids: ids.join('-') });
      await load('fixture_details', res, async (trx, loaded) => {
        const patch = Object.fromEntries(loaded.map((id) => [String(id), fingerprintOf.get(id)]));
        await trx.raw(
          `insert into etl.state (league_id, season, stream, bookmark, run_id) values (?, ?, 'fixture_details', jsonb_build_object('fingerprints', ?::jsonb), ?)
           on conflict (league_id, season, stream) do update
           set bookmark = jsonb_set(etl.state.bookmark, '{fingerprints}', coalesce(etl.state.bookmark->'fingerprints', '{}'::jsonb) || (excluded.bookmark->'fingerprints')), run_id = excluded.run_id, updated_at = now()`,
          [leagueId, season, JSON.stringify(patch), runId],
        );
      });
    }
    const resultsChanged = due.length > 0;

    // players, all pages, when stale or when line-ups name players without season statistics
    const playersState = await readState<Bookmark>(knex, leagueId, season, 'players');
    const { rows: unknownPlayers } = await knex.raw(
      `select count(distinct lp.player_id)::int as n from golden.fixture_lineup_players lp join golden.fixtures f using (fixture_id)
       where f.league_id = ? and f.season = ? and not exists (
         select 1 from golden.player_team_seasons s where s.player_id = lp.player_id and s.league_id = f.league_id and s.season = f.season)`,
      [leagueId, season],
    );
    if (isStale(playersState) || (unknownPlayers[0].n > 0 && resultsChanged)) {
      reporter.stream('players', playersState?.pages);
      let total = 1;
      for (let page = 1; page <= total; page++) {
        const res = await client.get('players', { league: leagueId, season, page });
        total = res.envelope.paging.total;
        await load('players', res, page === total ? (trx) => touch(trx, 'players', { pages: total }) : undefined);
      }
    }

    // standings and injuries follow the results
    for (const stream of ['standings', 'injuries'] as const) {
      if (resultsChanged || isStale(await readState(knex, leagueId, season, stream))) {
        reporter.stream(stream);
        await load(stream, await client.get(stream, { league: leagueId, season }), (trx) => touch(trx, stream));
      }
    }

    await mergeState(knex, leagueId, season, 'run', { last_success_at: new Date().toISOString() }, runId);
    const quota = client.quota.dailyRemaining;
    await finishRun(knex, runId!, { status: 'succeeded', callsUsed: client.callsMade, quotaRemaining: quota, stats });
    return { runId, status: 'succeeded', callsUsed: client.callsMade, quotaRemaining: quota, stats, rejects: rejectCount };
  } catch (err) {
    const status = err instanceof QuotaStopError ? 'stopped_quota' : 'failed';
    const quota = client.quota.dailyRemaining;
    await finishRun(knex, runId!, { status, callsUsed: client.callsMade, quotaRemaining: quota, error: (err as Error).message, stats });
    return { runId, status, callsUsed: client.callsMade, quotaRemaining: quota, stats, rejects: rejectCount, error: err as Error };
  } finally {
    client.close();
    await lock.end();
  }
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

/** The calls a run would make now, from what the database already holds; calls nothing. */
export async function planRun(knex: Knex, options: RunOptions): Promise<PlanLine[]> {
  const { leagueId, season } = options;
  const now = Date.now();
  const stale = (b: Bookmark | null) => options.full || !b?.refreshed_at || now - Date.parse(b.refreshed_at) > options.refreshIntervalHours * 3600_000;
  const state = async (s: string) => readState<Bookmark>(knex, leagueId, season, s);
  const plan: PlanLine[] = [];
  const seasonKnown = await Season.query(knex).findById([leagueId, season]);
  plan.push(!seasonKnown || stale(await state('leagues')) ? { stream: 'leagues', calls: 1, why: seasonKnown ? 'stale' : 'league-season not loaded yet' } : { stream: 'leagues', calls: 0, why: 'fresh' });
  plan.push(stale(await state('teams')) ? { stream: 'teams', calls: 1, why: 'stale or never loaded' } : { stream: 'teams', calls: 0, why: 'fresh (1 if the fixtures name a new team)' });
  plan.push({ stream: 'fixtures', calls: 1, why: 'always: the list tells what changed' });
  const fp = (await state('fixture_details'))?.fingerprints ?? {};
  const fixtures = await Fixture.query(knex).where({ league_id: leagueId, season }).select('fixture_id', 'status_short', 'kickoff_at');
  const known = fixtures.length;
  const likely = options.full
    ? fixtures.filter((f) => f.kickoff_at.getTime() <= now).length
    : fixtures.filter((f) => f.kickoff_at.getTime() <= now && (!fp[f.fixture_id] || !['FT', 'AET', 'PEN', 'AWD', 'WO', 'CANC'].includes(f.status_short))).length;
  plan.push(
    known
      ? { stream: 'fixture_details', calls: Math.ceil(likely / 20), why: `${likely} fixture(s) kicked off and not final in the database (exact number known after the fixtures list)` }
      : { stream: 'fixture_details', calls: 0, why: 'unknown until the fixtures list is fetched: about one call per 20 played fixtures (19 for a full 380-fixture season)' },
  );
  const players = await state('players');
  plan.push(stale(players) ? { stream: 'players', calls: players?.pages ?? 1, why: players?.pages ? `stale; ${players.pages} page(s) last time` : 'never loaded: at least 1 page of 20 players' } : { stream: 'players', calls: 0, why: 'fresh' });
  for (const s of ['standings', 'injuries']) plan.push(stale(await state(s)) || likely > 0 ? { stream: s, calls: 1, why: 'results may have changed' } : { stream: s, calls: 0, why: 'fresh' });
  return plan;
}
