/**
 * `quantfoot mock-api`: serves the local API-Football until SIGINT/SIGTERM. The first line printed
 * is the contract (`mock API-Football listening on http://HOST:PORT`): scripts wait for it.
 */
import type { CommandModule } from 'yargs';
import { DEFAULT_AS_OF, formatFigures } from '../mock-api/dataset/dataset';
import { parseInstant } from '../mock-api/dataset/time';
import { parseFaults } from '../mock-api/faults';
import { parseQuirks, QUIRKS } from '../mock-api/quirks';
import { startMockApi } from '../mock-api/server';
import { checkInteger, COUNT_RANGE } from './options';

interface MockApiArgs {
  port: number;
  host: string;
  seed: number;
  'as-of': string;
  'daily-limit'?: number;
  'minute-limit'?: number;
  faults?: string;
  scale: number;
  quirks?: string;
  plan: 'free' | 'pro';
}

export const mockApiCommand: CommandModule<object, MockApiArgs> = {
  command: 'mock-api',
  describe: 'Serve a local API-Football v3 with a deterministic demo dataset',
  builder: (yargs) => yargs
    .option('port', { type: 'number', default: 0, describe: 'port to listen on (0: any free port)' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on' })
    .option('seed', { type: 'number', default: 1, describe: 'dataset seed: same seed, same data' })
    .option('as-of', { type: 'string', default: DEFAULT_AS_OF, describe: 'ISO date: fixtures before it are played, later ones NS' })
    .option('daily-limit', { type: 'number', describe: 'calls per key per UTC day (default 7500; 100 on the free plan)' })
    .option('minute-limit', { type: 'number', describe: 'calls per key per minute (default 300; 10 on the free plan)' })
    .option('faults', { type: 'string', describe: 'fault injection, e.g. 500:0.1,timeout:0.02,truncate:0.02,ratelimit:0.05,slow:200ms' })
    .option('scale', { type: 'number', default: 0, describe: 'extra generated leagues (ids 1000+) for benchmarks' })
    .option('quirks', { type: 'string', describe: `quirks of the real API to reproduce: ${QUIRKS.join(', ')}` })
    .option('plan', { choices: ['free', 'pro'] as const, default: 'pro' as const, describe: 'subscription plan: free refuses ids/last/next and seasons outside 2022-2024 (100 calls a day, 10 a minute unless set)' })
    .check((a) => {
      checkInteger(a, 'port', { min: 0, max: 65_535 });
      for (const name of ['seed', 'daily-limit', 'minute-limit']) checkInteger(a, name, COUNT_RANGE);
      checkInteger(a, 'scale', { min: 0, max: 1_000 });
      try {
        parseQuirks(a.quirks as string | undefined);
      } catch (err) {
        throw new Error((err as Error).message);
      }
      try {
        parseInstant(a['as-of'] as string);
      } catch {
        throw new Error(`--as-of must be an ISO date, e.g. 2024-01-31 (got ${JSON.stringify(a['as-of'])})`);
      }
      return true;
    }),
  handler: async (argv) => {
    const api = await startMockApi({
      port: argv.port, host: argv.host, seed: argv.seed, asOf: argv['as-of'], dailyLimit: argv['daily-limit'],
      minuteLimit: argv['minute-limit'], faults: parseFaults(argv.faults), scale: argv.scale, quirks: argv.quirks, plan: argv.plan,
    });
    console.log(`mock API-Football listening on ${api.url}`);
    console.log(`seed ${argv.seed}, as of ${api.asOf()}; demo (league 39 and league 2, season 2023): ${formatFigures(api.dataset.figures())}`);
    if (argv.scale > 0) console.log(`plus ${argv.scale} generated leagues (ids 1000-${999 + argv.scale}), generated on first request`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await api.close();
  },
};
