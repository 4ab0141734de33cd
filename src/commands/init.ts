/** `quantfoot init`: writes the commented example quantfoot.yml (never over an existing file). */
import fs from 'node:fs';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { EXAMPLE_CONFIG } from '../config/example';
import { CONFIG_FILE } from '../config/load';
import { ConfigError } from '../errors';
import { runHandler } from './run';

interface InitArgs {
  config?: string;
  force: boolean;
}

export const initCommand: CommandModule<object, InitArgs> = {
  command: 'init',
  describe: 'Write a commented example quantfoot.yml (competitions, seasons, freshness, quota reserve, schedule)',
  builder: (y: Argv) =>
    y
      .option('config', { type: 'string', describe: `where to write it (default ./${CONFIG_FILE})` })
      .option('force', { type: 'boolean', default: false, describe: 'replace an existing file' }) as unknown as Argv<InitArgs>,
  handler: runHandler(async (args: InitArgs) => {
    const target = path.resolve(args.config ?? CONFIG_FILE);
    try {
      // 'wx' fails when the file exists: an edited config is never overwritten by accident.
      fs.writeFileSync(target, EXAMPLE_CONFIG, { flag: args.force ? 'w' : 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new ConfigError(`${target} exists already; edit it, or replace it with --force`);
      throw new ConfigError(`cannot write ${target}: ${(err as Error).message}`, { cause: err });
    }
    console.log(`Wrote ${target}. Edit its competitions, then: quantfoot etl sync --dry-run`);
  }),
};
