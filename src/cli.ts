/**
 * The `quantfoot` command line: yargs root with every command registered explicitly. Each command's
 * module is required only when that command runs, so `db status` does not pay for loading the HTTP
 * client, the JSON Schemas and the mock (a second or more on a small machine).
 */
import yargs, { type Argv, type CommandModule } from 'yargs';
import { printable } from './text';

function lazy(command: string, describe: string, load: () => CommandModule): CommandModule {
  return {
    command,
    describe,
    builder: (y: Argv) => {
      const builder = load().builder;
      return (typeof builder === 'function' ? builder(y) : builder ? y.options(builder) : y) as Argv;
    },
    handler: (args) => load().handler(args),
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: CommandModule[] = [
  lazy('demo', 'Embedded PostgreSQL + local mock API + migrate + ETL of the demo data + checks; prints the league table', () => require('./commands/demo').demoCommand),
  lazy('db', 'Manage the database schema: migrations, reference data, views', () => require('./commands/db').dbCommand),
  lazy('etl', 'Extract, validate, transform and load API-Football data', () => require('./commands/etl').etlCommand),
  lazy('mock-api', 'Serve a local API-Football v3 with a deterministic demo dataset', () => require('./commands/mock-api').mockApiCommand),
  lazy('init', 'Write a commented example quantfoot.yml', () => require('./commands/init').initCommand),
  lazy('check', 'Data tests and freshness of the golden tables; non-zero exit on failure', () => require('./commands/check').checkCommand),
  lazy('docs', 'Static documentation site of the database: tables, views, columns, constraints, ER diagram, lineage, tests, runs', () => require('./commands/docs').docsCommand),
  lazy('override', 'Curated corrections of golden values that the marts show and the ETL never erases', () => require('./commands/override').overrideCommand),
  lazy('bench', 'Benchmarks: load throughput against COPY, replay, API calls, no-change re-run, scale, marts at scale', () => require('./commands/bench').benchCommand),
];
/* eslint-enable @typescript-eslint/no-require-imports */

export function main(argv: string[]): void {
  let cli = yargs(argv).scriptName('quantfoot');
  for (const command of COMMANDS) cli = cli.command(command);
  void cli
    .demandCommand(1, 'Name a command; see --help')
    .strict()
    .help()
    // Only parsing and validation failures arrive here (handlers map their own errors to exit
    // codes, see commands/run.ts), so every one is a usage error: exit 2.
    .fail((message, err) => {
      process.stderr.write(`quantfoot: ${printable(message || err?.message || '', { multiline: true })}\nRun "quantfoot --help" for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}
