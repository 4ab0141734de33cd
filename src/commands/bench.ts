/** `quantfoot bench`: prints a table of figures and ratios (bench/), writes bench/results/latest.json; not part of the tests. */
import type { Argv, CommandModule } from 'yargs';
import { redactUrl, resolveDatabaseUrl } from '../db/config';
import { formatFigures, RESULTS_FILE, runBenchmarks, SECTIONS, writeResults, type Section } from '../../bench';
import { runHandler } from './run';

interface BenchArgs {
  only?: Section[];
}

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench',
  describe: 'Benchmarks: load throughput against COPY, replay, API calls, no-change re-run, scale, marts at scale',
  builder: (y: Argv) =>
    y.option('only', { type: 'string', array: true, choices: Object.keys(SECTIONS), describe: 'run only these sections' }) as unknown as Argv<BenchArgs>,
  handler: runHandler(async (args: BenchArgs) => {
    const url = await resolveDatabaseUrl();
    const sections = args.only?.length ? args.only : (Object.keys(SECTIONS) as Section[]);
    const figures = await runBenchmarks(url, sections, (line) => process.stderr.write(`${line}\n`));
    console.log(formatFigures(figures));
    if (!args.only?.length) {
      writeResults(figures, redactUrl(url));
      console.log(`\nwritten: ${RESULTS_FILE}`);
    }
  }),
};
