/** `quantfoot demo` (also `npm start`): the whole pipeline on the embedded default. */
import type { Argv, CommandModule } from 'yargs';
import { redactUrl } from '../db/config';
import { withDatabase } from '../db/connection';
import { runDemo } from '../etl/demo';
import { createReporter, summaryTable } from '../etl/report';
import { RunStats } from '../etl/stats';
import { printable } from '../text';
import { checkInteger, COUNT_RANGE, logFormat } from './options';
import { runHandler } from './run';

interface DemoArgs {
  seed: number;
  'as-of'?: string;
  'log-format'?: 'pretty' | 'json';
}

export const demoCommand: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe: 'Embedded PostgreSQL + local mock API + migrate + ETL of the demo data + checks; prints the league table',
  builder: (y: Argv) =>
    y
      .option('seed', { type: 'number', default: 1, describe: 'dataset seed of the mock API' })
      .option('as-of', { type: 'string', describe: 'ISO date: fixtures before it are played (default: the whole 2023 season)' })
      .option('log-format', { choices: ['pretty', 'json'] as const })
      .check((a) => {
        checkInteger(a, 'seed', COUNT_RANGE);
        return true;
      }) as unknown as Argv<DemoArgs>,
  handler: runHandler(async (args: DemoArgs) =>
    withDatabase(async ({ knex, url }) => {
      const format = logFormat(args['log-format']);
      const reporter = createReporter(format);
      const result = await runDemo(knex, url, reporter, { seed: args.seed, asOf: args['as-of'] });
      reporter.done();
      const stats = new RunStats();
      for (const { result: r } of result.runs) for (const [t, c] of r.stats.tables) stats.add(t, c);
      console.log(`Database: ${redactUrl(url)}`);
      console.log(result.migrations.length ? `Migrations applied: ${result.migrations.length}` : 'Schema already up to date');
      for (const { leagueId, season, result: r } of result.runs) {
        console.log(`League ${leagueId} season ${season}: run ${r.runId} ${r.status}, ${r.callsUsed} API call(s), ${r.rejects} rejected`);
      }
      console.log(`\n${summaryTable(stats)}\n`);
      console.log('Premier League 2023 (marts.league_table, computed from the loaded fixtures):');
      console.log(formatTable(result.table));
      const passed = result.checks.filter((c) => c.status === 'pass');
      console.log(`\nChecks: ${passed.length} of ${result.checks.length} data tests and freshness pass (checks/; quantfoot check lists them)`);
      for (const c of result.checks.filter((c) => c.status !== 'pass')) {
        console.log(`  ${c.status.toUpperCase()} ${c.name}${c.failing ? ` (${c.failing} failing)` : ''}${c.error ? `: ${printable(c.error)}` : ''}`);
      }
      console.log(`\nDone in ${result.seconds.toFixed(1)} s. Next:`);
      console.log('  npx quantfoot db url                    # a URL for psql or a BI tool (keeps the server up; `quantfoot db stop` after)');
      console.log('  psql "$(npx quantfoot db url)" -c "select * from marts.top_scorers limit 10"');
      console.log('  npx quantfoot etl status                # runs, calls, rows per table, rejects');
      console.log('  npx quantfoot check                     # data tests and freshness');
      console.log('  npx quantfoot mock-api                  # serve the demo API; then API_FOOTBALL_URL=… quantfoot etl run --league 39 --season 2023');
      return result.checks.some((c) => c.status === 'fail' || c.status === 'error') ? 1 : 0;
    }),
  ),
};

function formatTable(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return '  (empty)';
  const cols = Object.keys(rows[0]!);
  const cells = rows.map((r) => cols.map((c) => String(r[c] ?? '')));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (v: string[]) => '  ' + v.map((x, i) => (i === 1 || i === cols.length - 1 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  return [line(cols), ...cells.map(line)].join('\n');
}
