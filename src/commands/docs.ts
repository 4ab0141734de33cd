/** `quantfoot docs --out DIR` · `docs --serve [--port N]`: the static documentation site of the database. */
import type { Argv, CommandModule } from 'yargs';
import { withDatabase } from '../db/connection';
import { serveSite } from '../docs/serve';
import { buildSite } from '../docs/site';
import { checkInteger } from './options';
import { runHandler } from './run';

interface DocsArgs {
  out: string;
  serve: boolean;
  port?: number;
}

const DEFAULT_PORT = 8080;

export const docsCommand: CommandModule<object, DocsArgs> = {
  command: 'docs',
  describe: 'Static documentation site of the database: tables, views, columns, constraints, ER diagram, lineage, tests, runs',
  builder: (y: Argv) =>
    y
      .option('out', { type: 'string', default: 'docs-site', describe: 'folder to write the site into (new, empty, or an earlier site)' })
      .option('serve', { type: 'boolean', default: false, describe: 'after building, serve the folder on http://127.0.0.1 until Ctrl-C' })
      .option('port', { type: 'number', describe: `port for --serve (default ${DEFAULT_PORT}; 0: any free port)` })
      .check((a) => {
        checkInteger(a, 'port', { min: 0, max: 65_535 }, 'a port number');
        if (a.port !== undefined && !a.serve) throw new Error('--port goes with --serve');
        return true;
      }) as unknown as Argv<DocsArgs>,
  handler: runHandler(async (args: DocsArgs) => {
    const site = await withDatabase(({ knex }) => buildSite(knex, args.out), { migrated: true });
    const built = `${site.pages} pages (${site.relations} tables and views) in ${site.dir}`;
    if (!args.serve) {
      console.log(`docs written: ${built}`);
      console.log(`open ${site.dir}/index.html in a browser, or run quantfoot docs --serve`);
      return 0;
    }
    const server = await serveSite(site.dir, args.port ?? DEFAULT_PORT);
    console.log(`docs served at ${server.url}`);
    console.log(`built ${built}; Ctrl-C stops`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  }),
};
