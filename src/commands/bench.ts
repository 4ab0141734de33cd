/** `quantfoot bench`: prints a table of figures and ratios (bench/); not part of the tests. */
import type { CommandModule } from 'yargs';
import { resolveDatabaseUrl } from '../db/config';
import { benchEtl, formatBench } from '../../bench/etl.bench';
import { runHandler } from './run';

export const benchCommand: CommandModule = {
  command: 'bench',
  describe: 'Benchmarks on the mock API: full load, no-change re-run, replay, faults, set-based vs per-row',
  handler: runHandler(async () => {
    const url = await resolveDatabaseUrl();
    console.log(formatBench(await benchEtl(url)));
  }),
};
