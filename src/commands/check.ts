/**
 * `quantfoot check [--select NAME…] [--exclude NAME…] [--severity error|warn] [--json]`: the data
 * tests of checks/ and freshness. Exit 1 when a test of severity error fails (or cannot run); 0
 * with warnings only.
 */
import type { Argv, CommandModule } from 'yargs';
import { runChecks, type CheckResult } from '../checks';
import { loadConfig } from '../config/load';
import { withDatabase } from '../db/connection';
import { EXIT } from '../errors';
import { printable } from '../text';
import { ID_RANGE, SEASON_RANGE, checkInteger } from './options';
import { runHandler } from './run';

interface CheckArgs {
  select?: string[];
  exclude?: string[];
  severity?: 'error' | 'warn';
  json: boolean;
  league?: number;
  season?: number;
  config?: string;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check',
  describe: 'Data tests (checks/*.sql, checks/generic/*.yml) and freshness per league-season; exit 1 on an error-severity failure, 0 with warnings',
  builder: (y: Argv) =>
    y
      .option('select', { type: 'string', array: true, describe: 'only these tests (names, or globs such as "standings_*")' })
      .option('exclude', { type: 'string', array: true, describe: 'not these tests (names or globs)' })
      .option('severity', { choices: ['error', 'warn'] as const, describe: 'only the tests of this severity' })
      .option('json', { type: 'boolean', default: false, describe: 'one JSON object per test and line, for schedulers' })
      .option('league', { type: 'number', describe: 'only the failing rows of this league' })
      .option('season', { type: 'number', describe: 'only the failing rows of this season' })
      .option('config', { type: 'string', describe: 'the configuration with the freshness thresholds (default ./quantfoot.yml if present)' })
      .check((a) => {
        checkInteger(a, 'league', ID_RANGE);
        checkInteger(a, 'season', SEASON_RANGE);
        return true;
      }) as unknown as Argv<CheckArgs>,
  handler: runHandler(async (args: CheckArgs) => {
    // The configuration is read (and a bad one refused, exit 2) before any connection.
    const config = loadConfig(args.config);
    return withDatabase(
      async ({ knex }) => {
        const results = await runChecks(knex, {
          select: args.select,
          exclude: args.exclude,
          severity: args.severity,
          league: args.league,
          season: args.season,
          config,
        });
        if (args.json) for (const r of results) console.log(JSON.stringify(r));
        else printTable(results);
        return results.some((r) => r.status === 'fail' || r.status === 'error') ? EXIT.failure : EXIT.ok;
      },
      { migrated: true },
    );
  }),
};

function printTable(results: readonly CheckResult[]): void {
  const width = Math.max(4, ...results.map((r) => r.name.length));
  console.log(`${'STATUS'.padEnd(6)} ${'SEVERITY'.padEnd(8)} ${'TEST'.padEnd(width)} ${'FAILING'.padStart(7)}  SAMPLE`);
  for (const r of results) {
    const sample = r.error ?? (r.sample.length ? JSON.stringify(r.sample[0]) : '');
    console.log(`${r.status.toUpperCase().padEnd(6)} ${r.severity.padEnd(8)} ${r.name.padEnd(width)} ${String(r.failing).padStart(7)}  ${printable(clip(sample, 110))}`);
  }
  const count = (status: CheckResult['status']) => results.filter((r) => r.status === status).length;
  console.log(`${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('error')} could not run (recorded in etl.check_results)`);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
