/** `quantfoot etl run | replay | status` (thin wrappers over src/etl), and sync | work | daemon (./sync.ts). */
import type { Argv, CommandModule } from 'yargs';
import { clientOptionsFromEnv } from '../api/client';
import { withDatabase } from '../db/connection';
import { loadEnv } from '../db/config';
import { EXIT } from '../errors';
import { createReporter, summaryTable } from '../etl/report';
import { replay } from '../etl/replay';
import { runLeagueSeason, type RunResult } from '../etl/run';
import { etlStatus } from '../etl/status';
import { OPTIONAL_STREAMS } from '../etl/streams';
import { checkInteger, checkNumber, COUNT_RANGE, ID_RANGE, logFormat, SEASON_RANGE } from './options';
import { runHandler } from './run';
import { syncCommands } from './sync';

interface RunArgs {
  league: number;
  season: number;
  full: boolean;
  'dry-run': boolean;
  'max-calls'?: number;
  'daily-reserve': number;
  'refresh-hours': number;
  wait: boolean;
  with?: string[];
  'log-format'?: 'pretty' | 'json';
}


export function printRunResult(result: RunResult): number {
  if (result.plan) {
    const total = result.plan.reduce((n, l) => n + l.calls, 0);
    console.log('Call plan (dry run: nothing was called):');
    for (const l of result.plan) console.log(`  ${l.stream.padEnd(16)} ${String(l.calls).padStart(4)} call(s)  ${l.why}`);
    console.log(`  ${'total'.padEnd(16)} ${String(total).padStart(4)} call(s) of the daily quota`);
    console.log(`  daily quota left at the last run: ${result.quotaRemaining ?? 'unknown (no run yet)'}`);
    return EXIT.ok;
  }
  console.log(summaryTable(result.stats));
  console.log(`run ${result.runId}: ${result.status}; ${result.callsUsed} API call(s); daily quota left: ${result.quotaRemaining ?? 'unknown'}; ${result.rejects} item(s) rejected (see etl.rejects)`);
  if (result.error) throw result.error;
  return EXIT.ok;
}

const run: CommandModule<object, RunArgs> = {
  command: 'run',
  describe: 'Load one league-season from API-Football (incremental unless --full)',
  builder: (y: Argv) =>
    y
      .option('league', { type: 'number', demandOption: true, describe: 'API-Football league id, e.g. 39' })
      .option('season', { type: 'number', demandOption: true, describe: 'season start year, e.g. 2023' })
      .option('full', { type: 'boolean', default: false, describe: 'fetch everything again, ignoring bookmarks' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'print the call plan and quota use; call nothing' })
      .option('max-calls', { type: 'number', describe: 'stop (exit 75, resumable) before making more API calls than this' })
      .option('daily-reserve', { type: 'number', default: 0, describe: 'stop (exit 75, resumable) while this many daily API requests are left' })
      .option('refresh-hours', { type: 'number', default: 24, describe: 'refetch leagues, teams, players, standings older than this' })
      .option('wait', { type: 'boolean', default: false, describe: 'wait for a run of the same league-season instead of refusing' })
      .option('with', { type: 'string', array: true, choices: [...OPTIONAL_STREAMS, 'all'], describe: 'optional streams, one call per team each, refreshed weekly' })
      .option('log-format', { choices: ['pretty', 'json'] as const, describe: 'progress bars (terminal default) or JSON lines' })
      .check((a) => {
        checkInteger(a, 'league', ID_RANGE, 'a league id');
        checkInteger(a, 'season', SEASON_RANGE, 'a season year such as 2023,');
        checkInteger(a, 'max-calls', COUNT_RANGE);
        checkInteger(a, 'daily-reserve', COUNT_RANGE);
        checkNumber(a, 'refresh-hours', { min: 0, max: 24 * 366 });
        return true;
      }) as unknown as Argv<RunArgs>,
  handler: runHandler(async (args: RunArgs) => {
    loadEnv();
    const api = { ...clientOptionsFromEnv(), dailyReserve: args['daily-reserve'] };
    return withDatabase(async ({ knex, url }) => {
      const reporter = createReporter(logFormat(args['log-format']));
      const result = await runLeagueSeason(
        knex,
        url,
        api,
        {
          leagueId: args.league, season: args.season, full: args.full, dryRun: args['dry-run'], maxCalls: args['max-calls'], refreshIntervalHours: args['refresh-hours'], wait: args.wait,
          extras: args.with?.includes('all') ? OPTIONAL_STREAMS : args.with,
        },
        reporter,
      );
      reporter.done();
      return printRunResult(result);
    }, { migrated: true });
  }),
};

interface ReplayArgs {
  league?: number;
  season?: number;
  'log-format'?: 'pretty' | 'json';
}

const replayCmd: CommandModule<object, ReplayArgs> = {
  command: 'replay',
  describe: 'Rebuild golden rows from the stored raw responses, with no API calls',
  builder: (y: Argv) =>
    y
      .option('league', { type: 'number', describe: 'only this league' })
      .option('season', { type: 'number', describe: 'only this season' })
      .option('log-format', { choices: ['pretty', 'json'] as const })
      .check((a) => {
        checkInteger(a, 'league', ID_RANGE, 'a league id');
        checkInteger(a, 'season', SEASON_RANGE, 'a season year such as 2023,');
        return true;
      }) as unknown as Argv<ReplayArgs>,
  handler: runHandler(async (args: ReplayArgs) =>
    withDatabase(async ({ knex, url }) => {
      const reporter = createReporter(logFormat(args['log-format']));
      const result = await replay(knex, url, { leagueId: args.league, season: args.season }, reporter);
      reporter.done();
      console.log(summaryTable(result.stats));
      console.log(`replay run ${result.runId}: ${result.responses} response(s) replayed, ${result.skipped} skipped (errors, endpoints not loaded), 0 API calls, ${result.rejects} item(s) rejected`);
    }, { migrated: true }),
  ),
};

const status: CommandModule = {
  command: 'status',
  describe: 'Runs, calls used, quota left, rows per table, rejects',
  handler: runHandler(async () =>
    withDatabase(async ({ knex }) => {
      console.log(await etlStatus(knex));
    }, { migrated: true }),
  ),
};

export const etlCommand: CommandModule = {
  command: 'etl',
  describe: 'Extract, validate, transform and load API-Football data',
  builder: (y: Argv) => {
    let cli = y.command(run).command(replayCmd).command(status);
    for (const command of syncCommands) cli = cli.command(command as CommandModule);
    return cli.demandCommand(1, 'Name an etl command; see quantfoot etl --help');
  },
  handler: () => undefined,
};
