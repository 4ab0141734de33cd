/**
 * `etl daemon`: `sync` on the configuration's cron expression (croner), in one long-lived process.
 * A tick that comes while a sync still runs is skipped (croner's protect), never stacked. SIGTERM or
 * SIGINT stops the schedule, lets the league-season being loaded finish (it commits page by page
 * anyway), and ends the process with exit 0.
 */
import { Cron } from 'croner';
import type { Knex } from 'knex';
import type { ApiClientOptions } from '../api/client';
import type { QuantfootConfig } from '../config/load';
import { ConfigError } from '../errors';
import type { Reporter } from '../etl/report';
import { runSync, type SyncResult } from './run';

type Api = Pick<ApiClientOptions, 'key' | 'baseUrl'> & Partial<ApiClientOptions>;

export interface DaemonOptions {
  /** run one sync at start, before the first tick */
  runNow?: boolean;
  /** the signals that stop it (default SIGTERM and SIGINT) */
  signals?: NodeJS.Signals[];
}

export async function runDaemon(knex: Knex, databaseUrl: string, api: Api, config: QuantfootConfig, reporter: Reporter, options: DaemonOptions = {}): Promise<{ syncs: SyncResult[]; signal: string | null }> {
  if (!config.schedule) throw new ConfigError(`${config.file ?? 'quantfoot.yml'}: etl daemon needs a schedule: (a cron expression, e.g. "15 */6 * * *")`);
  const syncs: SyncResult[] = [];
  let stopping: string | null = null;
  let running: Promise<void> | null = null;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));

  const tick = async () => {
    if (stopping) return;
    reporter.log(`sync started (${new Date().toISOString()})`);
    running = (async () => {
      try {
        const result = await runSync(knex, databaseUrl, api, config, reporter, { stopRequested: () => stopping !== null });
        syncs.push(result);
        reporter.log(`sync ${result.status}: ${result.callsUsed} call(s)${job.nextRun() ? `; next at ${job.nextRun()!.toISOString()}` : ''}`);
      } catch (err) {
        // One failed sync is reported and the schedule goes on: the next tick tries again.
        reporter.log(`sync failed: ${(err as Error).message}`);
      }
    })();
    await running;
    running = null;
  };
  const job = new Cron(config.schedule, { timezone: config.timezone, protect: true, paused: true }, tick);
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = signal;
    job.stop();
    reporter.log(`${signal}: stopping${running ? ' after the league-season being loaded' : ''}`);
    void Promise.resolve(running).then(() => finished());
  };
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const handlers = signals.map((s) => [s, () => stop(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  try {
    reporter.log(`schedule "${config.schedule}" (${config.timezone}); first sync at ${options.runNow ? 'once, now' : job.nextRun()?.toISOString()}`);
    if (options.runNow) await tick();
    if (!stopping) job.resume();
    await done;
  } finally {
    job.stop();
    for (const [s, h] of handlers) process.off(s, h);
  }
  return { syncs, signal: stopping };
}
