/** The `quantfoot` command line: yargs root with every command registered explicitly. */
import yargs from 'yargs';
import { dbCommand } from './commands/db';
import { etlCommand } from './commands/etl';
import { demoCommand } from './commands/demo';
import { mockApiCommand } from './commands/mock-api';
import { benchCommand } from './commands/bench';

export function main(argv: string[]): void {
  void yargs(argv)
    .scriptName('quantfoot')
    .command(dbCommand)
    .command(etlCommand)
    .command(demoCommand)
    .command(mockApiCommand)
    .command(benchCommand)
    .demandCommand(1, 'Name a command; see --help')
    .strict()
    .help()
    .fail((message, err, y) => {
      if (err) throw err;
      process.stderr.write(`${y.help() ? '' : ''}quantfoot: ${message}\nRun "quantfoot --help" for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}
