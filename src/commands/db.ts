/** `quantfoot db …`: the knex migrator with the project's extras (seeds, views, clear errors). */
import os from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { acceptChecksum, checksumProblems, describeChecksumProblem } from '../db/checksums';
import { ensureEmbeddedServer, stopEmbeddedServer } from '../db/embedded';
import { loadEnv, parseDatabaseUrl, redactUrl } from '../db/config';
import { withDatabase } from '../db/connection';
import { migrateLatest, migrationPlan, migrationStatus, projectSource, rollback, unlock, withChecksumsWaived } from '../db/migrator';
import { VIEW_HISTORY_TABLE, refreshMaterializedMarts, viewPlanStatements } from '../db/views';
import { verifySchema } from '../db/verify';
import { runHandler } from './run';

const migrate: CommandModule = {
  command: 'migrate',
  describe: 'Apply pending migrations (one transaction per batch), then the reference data',
  handler: runHandler(async () =>
    withDatabase(async ({ knex, url }) => {
      const { batch, ran, seeds } = await migrateLatest(knex);
      if (ran.length === 0) console.log(`Already up to date (${redactUrl(url)})${seeds.length ? `; reference data checked: ${seeds.join(', ')}` : ''}`);
      else console.log(`Batch ${batch} applied ${ran.length} migration(s) to ${redactUrl(url)}:\n${ran.map((m) => `  ${m}`).join('\n')}`);
    }),
  ),
};

const rollbackCmd: CommandModule<object, { all: boolean }> = {
  command: 'rollback',
  describe: 'Undo the last batch of migrations (or all of them with --all)',
  builder: (y: Argv) => y.option('all', { type: 'boolean', default: false, describe: 'undo every batch' }),
  handler: runHandler(async (args: { all: boolean }) =>
    withDatabase(async ({ knex }) => {
      const { batch, undone } = await rollback(knex, args.all);
      if (undone.length === 0) console.log('Nothing to roll back: already at the base migration');
      else console.log(`Rolled back ${args.all ? 'all batches' : `batch ${batch}`}: ${undone.length} migration(s)\n${undone.map((m) => `  ${m}`).join('\n')}`);
    }),
  ),
};

const status: CommandModule = {
  command: 'status',
  describe: 'List applied and pending migrations',
  handler: runHandler(async () =>
    withDatabase(async ({ knex, url }) => {
      // Status shows an edited migration rather than refusing to list (migrate refuses to run).
      const { applied, pending } = await withChecksumsWaived(knex, () => migrationStatus(knex));
      const problems = await checksumProblems(knex, projectSource(knex).options.migrationsDir);
      const flagged = new Map(problems.map((p) => [p.file, p.problem === 'edited' ? '  EDITED since applied' : '  FILE MISSING']));
      console.log(`Database: ${redactUrl(url)}`);
      console.log(`Applied (${applied.length}):`);
      for (const m of applied) console.log(`  batch ${m.batch}  ${m.migratedAt.toISOString()}  ${m.name}${flagged.get(m.name) ?? ''}`);
      console.log(`Pending (${pending.length}):`);
      for (const m of pending) console.log(`  ${m}`);
      if (problems.length) console.log(`${problems.length} applied migration(s) differ from their recorded checksum: db migrate refuses to run; see quantfoot db verify`);
      return 0;
    }),
  ),
};

const plan: CommandModule = {
  command: 'plan',
  describe: 'Print the SQL that `db migrate` would run (pending migrations by name, view changes as SQL), changing nothing',
  handler: runHandler(async () =>
    withDatabase(async ({ knex, url }) => {
      const { versioned, views } = await migrationPlan(knex);
      if (versioned.length === 0 && views === null) {
        console.log(`-- Nothing to migrate: ${redactUrl(url)} is up to date`);
        return;
      }
      console.log(`-- What \`quantfoot db migrate\` would run on ${redactUrl(url)}, in one transaction (nothing has been changed)`);
      if (versioned.length) console.log(`-- ${versioned.length} versioned migration(s), in this order:\n${versioned.map((m) => `--   ${m}`).join('\n')}`);
      if (views) {
        console.log(`-- then views state ${views.state}:\n${views.plan.changes.map((c) => `--   ${c.kind.padEnd(9)} ${c.view}`).join('\n')}`);
        for (const statement of viewPlanStatements(views.plan)) console.log(statement);
        console.log(`-- and records the definitions of views/ in ${VIEW_HISTORY_TABLE} as ${views.state}`);
      }
    }),
  ),
};

const unlockCmd: CommandModule = {
  command: 'unlock',
  describe: 'Release the migrations lock left behind by a crashed migration',
  handler: runHandler(async () =>
    withDatabase(async ({ knex }) => {
      await unlock(knex);
      console.log('Migrations lock released');
    }),
  ),
};

const url: CommandModule = {
  command: 'url',
  describe: 'Print a connection URL for psql or a BI tool (starts the embedded server if needed)',
  handler: runHandler(async () => {
    loadEnv();
    if (process.env.DATABASE_URL) {
      console.log(parseDatabaseUrl(process.env.DATABASE_URL).toString());
      return;
    }
    // The URL is for another program (psql, a BI tool), so the server must outlive this command.
    const server = await ensureEmbeddedServer(undefined, { keepRunning: true });
    console.log(server.url);
    console.error('The embedded server keeps running for it; stop it with `quantfoot db stop`.');
  }),
};

const stop: CommandModule = {
  command: 'stop',
  describe: 'Stop the embedded server that `db url` left running',
  handler: runHandler(async () => {
    const result = stopEmbeddedServer();
    console.log(result === 'in use' ? 'The embedded server is in use by another quantfoot process; it stops when that one ends.' : `Embedded server: ${result}`);
  }),
};

const refresh: CommandModule = {
  command: 'refresh',
  describe: 'Refresh the materialized marts now (every load that writes rows does it too)',
  handler: runHandler(async () =>
    withDatabase(async ({ knex }) => {
      const started = Date.now();
      const refreshed = await refreshMaterializedMarts(knex);
      console.log(refreshed.length ? `Refreshed ${refreshed.join(', ')} in ${Date.now() - started} ms` : 'No materialized mart to refresh');
    }, { migrated: true }),
  ),
};

interface VerifyArgs {
  accept?: string[];
}

const verify: CommandModule<object, VerifyArgs> = {
  command: 'verify',
  describe: 'Fail when an applied migration file changed (checksum) or the live schema drifted from what the migration files build (changes by hand)',
  builder: (y: Argv) =>
    y.option('accept', {
      type: 'string',
      array: true,
      describe: 'record the current checksum of these applied migration files (FILE name or path): a reviewed edit, e.g. a comment; then verify',
    }) as unknown as Argv<VerifyArgs>,
  handler: runHandler(async (args: VerifyArgs) =>
    withDatabase(async ({ knex, url }) => {
      const migrationsDir = projectSource(knex).options.migrationsDir;
      for (const file of args.accept ?? []) {
        const accepted = await acceptChecksum(knex, migrationsDir, file, acceptedBy());
        console.log(`Accepted ${accepted.name}: sha256 ${accepted.previous.slice(0, 12)}… → ${accepted.current.slice(0, 12)}…`);
      }
      const result = await verifySchema(knex, url);
      for (const problem of result.checksums) console.log(`  ${describeChecksumProblem(problem)}`);
      for (const drift of result.contracts) console.log(`  contract drift: ${drift}`);
      if (result.pending.length) console.log(`Pending migrations (run quantfoot db migrate): ${result.pending.join(', ')}`);
      for (const line of result.onlyLive) console.log(`  only in the database:      ${line}`);
      for (const line of result.onlyFiles) console.log(`  only in the migrations:    ${line}`);
      if (result.buildError) console.log(`  the migration files no longer build a database: ${result.buildError}`);
      const drift = result.onlyLive.length + result.onlyFiles.length;
      const findings = [
        result.buildError ? 'no schema comparison (the files do not build)' : '',
        result.checksums.length ? `${result.checksums.length} applied migration(s) changed (restore, or accept a reviewed change with --accept FILE)` : '',
        drift ? `Drift: ${drift} difference(s)` : '',
        result.contracts.length ? `${result.contracts.length} contract difference(s)` : '',
        result.pending.length ? `${result.pending.length} pending migration(s)` : '',
      ].filter(Boolean);
      console.log(findings.length === 0 ? 'The applied migrations are the files recorded. The schema is what the migration files build.' : `${findings.join('; ')}.`);
      return findings.length === 0 ? 0 : 1;
    }),
  ),
};

/** Who accepted a changed migration: the operating-system user (the record is for the team's review). */
function acceptedBy(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

export const dbCommand: CommandModule = {
  command: 'db',
  describe: 'Manage the database schema (migrations, reference data)',
  builder: (y: Argv) => y.command(migrate).command(rollbackCmd).command(status).command(plan).command(unlockCmd).command(url).command(stop).command(verify).command(refresh).demandCommand(1, 'Name a db command; see quantfoot db --help'),
  handler: () => undefined,
};
