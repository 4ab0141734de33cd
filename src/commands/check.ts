/** `quantfoot check [--select NAME]`: data tests and freshness; exit 1 when one fails. */
import type { Argv, CommandModule } from 'yargs';
import { checkNames, runChecks } from '../checks';
import { withDatabase } from '../db/connection';
import { EXIT } from '../errors';
import { checkNumber } from './options';
import { runHandler } from './run';

interface CheckArgs {
  select?: string[];
  'max-age-hours': number;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check',
  describe: 'Data tests and freshness of the golden tables; non-zero exit on failure',
  builder: (y: Argv) =>
    y
      .option('select', { type: 'string', array: true, choices: checkNames(), describe: 'only these checks' })
      .option('max-age-hours', { type: 'number', default: 48, describe: 'freshness: the last successful run of every loaded league-season is younger than this' })
      .check((a) => {
        checkNumber(a, 'max-age-hours', { min: 0, max: 24 * 3660 });
        return true;
      }) as unknown as Argv<CheckArgs>,
  handler: runHandler(async (args: CheckArgs) =>
    withDatabase(async ({ knex }) => {
      const results = await runChecks(knex, { select: args.select, maxAgeHours: args['max-age-hours'] });
      for (const r of results) {
        console.log(`${r.status.toUpperCase().padEnd(5)} ${r.name}${r.failing ? ` (${r.failing} failing)` : ''}${r.error ? `: ${r.error}` : ''}`);
        for (const row of r.sample) console.log(`      ${JSON.stringify(row)}`);
      }
      const failed = results.filter((r) => r.status !== 'pass').length;
      console.log(`${results.length - failed} passed, ${failed} failed (recorded in etl.check_results)`);
      return failed ? EXIT.failure : EXIT.ok;
    }, { migrated: true }),
  ),
};
