/**
 * League-season jobs on a PostgreSQL job queue (pg-boss, in its own `pgboss` schema of the same
 * database): `etl sync --enqueue` queues the due league-seasons, `etl work` runs them, any number of
 * workers on any number of machines. pg-boss gives what a home-made queue would get wrong:
 * - one job per league-season queued and one running at a time (queue policy `stately`, keyed by
 *   league-season; the run's advisory lock is the second guard);
 * - a failed job retried with exponential backoff;
 * - a job whose worker died (killed, machine lost) expires after `jobTimeoutSeconds` and is retried
 *   by another worker, whose run marks the dead one abandoned and resumes from the bookmarks;
 * - a job stopped by the daily quota is put back for the next UTC day, not counted as a failure.
 * Every worker's client reads the same quota headers of the one key, so together they stop at the
 * daily reserve.
 */
import PgBoss from 'pg-boss';
import type { Knex } from 'knex';
import type { ApiClientOptions } from '../api/client';
import type { QuantfootConfig } from '../config/load';
import type { Reporter } from '../etl/report';
import { LeagueSeasonBusyError, runLeagueSeason } from '../etl/run';
import { planSync, type SyncItem } from './plan';

export const QUEUE = 'league-season';
const SCHEMA = 'pgboss';

export interface JobData {
  leagueId: number;
  season: number;
  extras: string[];
  refreshHours: number;
  dailyReserve: number;
}

export interface QueueOptions {
  /** a job running longer than this is taken for dead and retried (default an hour) */
  jobTimeoutSeconds?: number;
  /** how often a worker looks for expired jobs (pg-boss maintenance; default a minute) */
  maintenanceSeconds?: number;
  /** the first retry's delay, doubled at each (default 30 s) */
  retryDelaySeconds?: number;
}

async function startBoss(databaseUrl: string, options: QueueOptions & { supervise: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: SCHEMA,
    application_name: 'quantfoot-queue',
    max: 4,
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
  });
  boss.on('error', (err: Error) => process.stderr.write(`job queue: ${err.message}\n`));
  await boss.start();
  await boss.createQueue(QUEUE, {
    name: QUEUE,
    policy: 'stately',
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: options.jobTimeoutSeconds ?? 3600,
  });
  return boss;
}

export interface EnqueueResult {
  queued: SyncItem[];
  /** already queued or running: not queued twice */
  alreadyQueued: SyncItem[];
  complete: SyncItem[];
}

/** Queues every due league-season of the configuration, in the plan's order (as job priority). */
export async function enqueueSync(knex: Knex, databaseUrl: string, config: QuantfootConfig, options: QueueOptions = {}, now?: Date): Promise<EnqueueResult> {
  const { items } = await planSync(knex, config, now);
  const due = items.filter((i) => i.priority !== 'complete');
  const boss = await startBoss(databaseUrl, { ...options, supervise: false });
  const result: EnqueueResult = { queued: [], alreadyQueued: [], complete: items.filter((i) => i.priority === 'complete') };
  try {
    for (const [rank, item] of due.entries()) {
      const data: JobData = { leagueId: item.leagueId, season: item.season, extras: item.extras, refreshHours: config.refreshHours, dailyReserve: config.dailyReserve };
      const id = await boss.send(QUEUE, data, {
        singletonKey: `${item.leagueId}/${item.season}`,
        // The plan's order: the first due item is fetched first.
        priority: due.length - rank,
        expireInSeconds: options.jobTimeoutSeconds ?? 3600,
        retryLimit: 5,
        retryDelay: options.retryDelaySeconds ?? 30,
        retryBackoff: true,
      });
      (id ? result.queued : result.alreadyQueued).push(item);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return result;
}

export interface WorkOptions extends QueueOptions {
  concurrency: number;
  /** stop once no job is queued or running (instead of waiting for more) */
  drain: boolean;
  /** seconds between looks at an empty queue */
  pollSeconds?: number;
  /** the worker stops taking jobs (SIGTERM); running ones finish */
  stopRequested?: () => boolean;
}

export interface WorkResult {
  done: Array<{ leagueId: number; season: number; status: string; callsUsed: number; error?: string }>;
  /** a job was put back for tomorrow because the quota was spent */
  quotaStopped: boolean;
}

type Api = Pick<ApiClientOptions, 'key' | 'baseUrl'> & Partial<ApiClientOptions>;

export async function work(knex: Knex, databaseUrl: string, api: Api, reporter: Reporter, options: WorkOptions): Promise<WorkResult> {
  const boss = await startBoss(databaseUrl, { ...options, supervise: true });
  const result: WorkResult = { done: [], quotaStopped: false };
  let running = 0;
  const handle = async ([job]: Array<PgBoss.Job<JobData>>) => {
    if (!job) return;
    running += 1;
    const { leagueId, season } = job.data;
    try {
      reporter.log(`job ${job.id}: league ${leagueId} season ${season}`);
      let run;
      try {
        run = await runLeagueSeason(
          knex,
          databaseUrl,
          { ...api, dailyReserve: job.data.dailyReserve },
          { leagueId, season, full: false, dryRun: false, refreshIntervalHours: job.data.refreshHours, wait: false, extras: job.data.extras },
          reporter,
        );
      } catch (err) {
        // Another run holds the league-season (an `etl run` by hand): try again later.
        if (err instanceof LeagueSeasonBusyError) throw new Error(`league ${leagueId} season ${season} is being loaded by another run; retried later`);
        throw err;
      }
      result.done.push({ leagueId, season, status: run.status, callsUsed: run.callsUsed, error: run.error?.message });
      if (run.status === 'stopped_quota') {
        // Not a failure: the same job again when the day's quota is back (UTC midnight).
        result.quotaStopped = true;
        await boss.send(QUEUE, job.data, { singletonKey: `${leagueId}/${season}`, startAfter: nextUtcDay(), expireInSeconds: options.jobTimeoutSeconds ?? 3600 });
        reporter.log(`job ${job.id}: the daily quota is spent; queued again for ${nextUtcDay().toISOString()}`);
        return;
      }
      if (run.status === 'failed') throw run.error ?? new Error('run failed');
    } finally {
      running -= 1;
    }
  };
  for (let i = 0; i < options.concurrency; i++) await boss.work<JobData>(QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollSeconds ?? 2 }, handle);

  // Wait: until stopped, or with --drain until nothing is left to do now (jobs put off to a later
  // day do not keep a draining worker up).
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (options.stopRequested?.()) break;
    if (options.drain && running === 0 && (await jobsReady(knex)) === 0) break;
    if (result.quotaStopped && running === 0) break;
  }
  await boss.offWork(QUEUE);
  await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
  return result;
}

/**
 * Jobs a draining worker waits for: running, awaiting a retry (a failure, or a dead worker's job
 * whose time ran out), or queued to start by now; not those put off to another day by the quota.
 */
async function jobsReady(knex: Knex): Promise<number> {
  const { rows } = await knex.raw<{ rows: Array<{ n: number }> }>(
    `select count(*)::int as n from ${SCHEMA}.job where name = ? and (state in ('active', 'retry') or (state = 'created' and start_after <= now()))`,
    [QUEUE],
  );
  return rows[0]?.n ?? 0;
}

function nextUtcDay(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, 0, 5));
}
