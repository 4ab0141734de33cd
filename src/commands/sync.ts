/**
 * `quantfoot etl sync | work | daemon`: the portfolio of quantfoot.yml, loaded in the plan's order
 * within the daily quota (src/sync), on a job queue with any number of workers, or on a schedule.
 */
import type { Argv, CommandModule } from 'yargs';
import { clientOptionsFromEnv } from '../api/client';
import { CONFIG_FILE, loadConfig, type QuantfootConfig } from '../config/load';
import { loadEnv } from '../db/config';
import { withDatabase } from '../db/connection';
import { ConfigError, EXIT } from '../errors';
import { createReporter } from '../etl/report';
import { runDaemon } from '../sync/daemon';
import { enqueueSync, work } from '../sync/queue';
import { dryRunSync, runSync, syncError } from '../sync/run';
import { checkInteger, COUNT_RANGE, logFormat } from './options';
import { runHandler } from './run';

function requireConfig(file: string | undefined): QuantfootConfig {
  const config = loadConfig(file);
  if (!config) throw new ConfigError(`no ${CONFIG_FILE} in ${process.cwd()}: write one with quantfoot init, or name one with --config FILE`);
  return config;
}


interface SyncArgs {
  config?: string;
  'dry-run': boolean;
  'max-calls'?: number;
  enqueue: boolean;
  'job-timeout': number;
  'retry-delay': number;
  'log-format'?: 'pretty' | 'json';
}

const sync: CommandModule<object, SyncArgs> = {
  command: 'sync',
  describe: 'Load every league-season of quantfoot.yml that is due, in order (in progress, then never loaded newest first), within the daily quota; resumable (exit 75)',
  builder: (y: Argv) =>
    y
      .option('config', { type: 'string', describe: `the configuration (default ./${CONFIG_FILE})` })
      .option('dry-run', { type: 'boolean', default: false, describe: 'print the plan: each league-season, why it is due, its calls, the total and the days it needs; load nothing' })
      .option('max-calls', { type: 'number', describe: 'stop (exit 75, resumable) before making more API calls than this in all' })
      .option('enqueue', { type: 'boolean', default: false, describe: 'put the due league-seasons on the job queue for `etl work` instead of loading them here' })
      .option('job-timeout', { type: 'number', default: 3600, describe: 'with --enqueue: seconds after which a running job whose worker died is run again' })
      .option('retry-delay', { type: 'number', default: 30, describe: 'with --enqueue: seconds before a failed job is retried, doubled at each of its 5 retries' })
      .option('log-format', { choices: ['pretty', 'json'] as const })
      .check((a) => {
        checkInteger(a, 'max-calls', COUNT_RANGE);
        checkInteger(a, 'job-timeout', { min: 1, max: 86_399 });
        checkInteger(a, 'retry-delay', { min: 1, max: 86_400 });
        return true;
      }) as unknown as Argv<SyncArgs>,
  handler: runHandler(async (args: SyncArgs) => {
    loadEnv();
    const config = requireConfig(args.config);
    const api = clientOptionsFromEnv();
    return withDatabase(async ({ knex, url }) => {
      if (args['dry-run']) {
        const plan = await dryRunSync(knex, api, config);
        console.log(`Sync plan (dry run: nothing was loaded) for ${config.file}:`);
        console.log(`  ${'#'.padStart(3)}  ${'league/season'.padEnd(14)} ${'calls'.padStart(6)}  why`);
        plan.items.forEach((item, i) => {
          const calls = `${item.estimated ? '~' : ''}${item.calls}`;
          console.log(`  ${String(i + 1).padStart(3)}  ${`${item.leagueId}/${item.season}`.padEnd(14)} ${calls.padStart(6)}  ${item.priority === 'complete' ? item.reason : `${item.priority}: ${item.reason}`}`);
        });
        for (const league of plan.unresolved) console.log(`       ${`${league}/current`.padEnd(14)} ${'1'.padStart(6)}  the current season is asked from /leagues first`);
        console.log(`  total: about ${plan.totalCalls} call(s)`);
        if (plan.perDay === null) console.log('  daily limit: unknown (no API key to ask /status with)');
        else {
          console.log(`  daily limit ${plan.dailyLimit} (from /status), ${config.dailyReserve} kept in reserve: ${plan.perDay} a day for sync${plan.dailyRemaining !== null ? `; ${plan.dailyRemaining} left today` : ''}`);
          console.log(`  days needed: ${plan.days}`);
        }
        return EXIT.ok;
      }
      if (args.enqueue) {
        const queued = await enqueueSync(knex, url, config, { jobTimeoutSeconds: args['job-timeout'], retryDelaySeconds: args['retry-delay'] });
        for (const item of queued.queued) console.log(`queued   ${item.leagueId}/${item.season}: ${item.reason}`);
        for (const item of queued.alreadyQueued) console.log(`waiting  ${item.leagueId}/${item.season}: already queued or running`);
        console.log(`${queued.queued.length} job(s) queued, ${queued.alreadyQueued.length} already there, ${queued.complete.length} league-season(s) complete; run them with quantfoot etl work`);
        return EXIT.ok;
      }
      const reporter = createReporter(logFormat(args['log-format']));
      const result = await runSync(knex, url, api, config, reporter, { maxCalls: args['max-calls'] });
      reporter.done();
      for (const o of result.outcomes) console.log(`${`${o.leagueId}/${o.season}`.padEnd(12)} ${o.status.padEnd(13)} ${String(o.callsUsed).padStart(5)} call(s)${o.error ? `  ${o.error}` : ''}`);
      console.log(`sync ${result.status}: ${result.callsUsed} API call(s)`);
      const error = syncError(result);
      if (error) throw error;
      return EXIT.ok;
    }, { migrated: true });
  }),
};

interface WorkArgs {
  concurrency: number;
  drain: boolean;
  'poll-seconds': number;
  'maintenance-seconds': number;
  'log-format'?: 'pretty' | 'json';
}

const workCmd: CommandModule<object, WorkArgs> = {
  command: 'work',
  describe: 'Run queued league-season jobs (any number of workers, one database) until stopped, or with --drain until the queue is empty',
  builder: (y: Argv) =>
    y
      .option('concurrency', { type: 'number', default: 1, describe: 'jobs run at once by this worker' })
      .option('drain', { type: 'boolean', default: false, describe: 'exit once no job is queued or running' })
      .option('poll-seconds', { type: 'number', default: 2, describe: 'seconds between looks at an empty queue' })
      .option('maintenance-seconds', { type: 'number', default: 60, describe: 'seconds between looks for jobs whose worker died' })
      .option('log-format', { choices: ['pretty', 'json'] as const })
      .check((a) => {
        checkInteger(a, 'concurrency', { min: 1, max: 32 });
        checkInteger(a, 'poll-seconds', { min: 1, max: 3600 });
        checkInteger(a, 'maintenance-seconds', { min: 1, max: 3600 });
        return true;
      }) as unknown as Argv<WorkArgs>,
  handler: runHandler(async (args: WorkArgs) => {
    loadEnv();
    const api = clientOptionsFromEnv();
    return withDatabase(async ({ knex, url }) => {
      const reporter = createReporter(logFormat(args['log-format']));
      let stop = false;
      const onSignal = () => {
        stop = true;
        reporter.log('stopping: no new job; the running ones finish');
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      const result = await work(knex, url, api, reporter, {
        concurrency: args.concurrency,
        drain: args.drain,
        pollSeconds: args['poll-seconds'],
        maintenanceSeconds: args['maintenance-seconds'],
        stopRequested: () => stop,
      });
      reporter.done();
      for (const d of result.done) console.log(`${`${d.leagueId}/${d.season}`.padEnd(12)} ${d.status.padEnd(13)} ${String(d.callsUsed).padStart(5)} call(s)${d.error ? `  ${d.error}` : ''}`);
      console.log(`worker done: ${result.done.length} job(s), ${result.done.reduce((n, d) => n + d.callsUsed, 0)} API call(s)`);
      if (result.quotaStopped) return EXIT.quota;
      return result.done.some((d) => d.status === 'failed') ? EXIT.failure : EXIT.ok;
    }, { migrated: true });
  }),
};

interface DaemonArgs {
  config?: string;
  'run-now': boolean;
  'log-format'?: 'pretty' | 'json';
}

const daemon: CommandModule<object, DaemonArgs> = {
  command: 'daemon',
  describe: 'Run sync on the schedule of quantfoot.yml (a cron expression) until SIGTERM',
  builder: (y: Argv) =>
    y
      .option('config', { type: 'string', describe: `the configuration (default ./${CONFIG_FILE})` })
      .option('run-now', { type: 'boolean', default: false, describe: 'sync once at start, then on the schedule' })
      .option('log-format', { choices: ['pretty', 'json'] as const }) as unknown as Argv<DaemonArgs>,
  handler: runHandler(async (args: DaemonArgs) => {
    loadEnv();
    const config = requireConfig(args.config);
    if (!config.schedule) throw new ConfigError(`${config.file}: etl daemon needs a schedule: (a cron expression, e.g. "15 */6 * * *")`);
    const api = clientOptionsFromEnv();
    return withDatabase(async ({ knex, url }) => {
      const reporter = createReporter(logFormat(args['log-format']));
      const { syncs, signal } = await runDaemon(knex, url, api, config, reporter, { runNow: args['run-now'] });
      reporter.done();
      console.log(`daemon stopped by ${signal ?? 'its schedule ending'} after ${syncs.length} sync(s)`);
      return EXIT.ok;
    }, { migrated: true });
  }),
};

export const syncCommands = [sync, workCmd, daemon];
