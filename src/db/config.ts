/**
 * One knex configuration for every entry point (the knex CLI via knexfile.ts, `quantfoot`, tests):
 * DATABASE_URL when set, else the embedded server, started lazily on the first connection so that
 * `knex migrate:make` never starts a server.
 */
import path from 'node:path';
import type { Knex } from 'knex';
import dotenv from 'dotenv';
import { ConfigError } from '../errors';
import { ensureEmbeddedServer } from './embedded';
import { migrationsTablesReady } from './migrations-table';
import { recordChecksums } from './checksums';
import { MIGRATIONS_DIR, SEEDS_DIR, migrationsDirFromEnv } from './paths';
import { runSeeds } from './seeds';
import { ProjectMigrationSource } from './view-migrations';
import { MIGRATIONS_TABLE, viewsDirFromEnv } from './views';

let envLoaded = false;
/** Reads ./.env once; variables already set in the environment win. */
export function loadEnv(): void {
  if (envLoaded) return;
  envLoaded = true;
  dotenv.config({ path: path.resolve(process.cwd(), '.env'), quiet: true });
}

/** Validates a postgres:// URL and returns it; throws a ConfigError that names the problem. */
export function parseDatabaseUrl(raw: string, variable = 'DATABASE_URL'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${variable} is not a URL: expected postgres://user[:password]@host[:port]/database`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${variable} must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new ConfigError(`${variable} has no host name`);
  if (url.pathname.length <= 1) throw new ConfigError(`${variable} names no database (…/DATABASE at its end)`);
  return url;
}

/** The database to use: DATABASE_URL, else the embedded server's `postgres` database. */
export async function resolveDatabaseUrl(): Promise<string> {
  loadEnv();
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return parseDatabaseUrl(fromEnv).toString();
  return (await ensureEmbeddedServer()).url;
}

/** Hides the password of a connection URL, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export interface MigrationsOptions {
  /** The database the list is read from; resolved lazily (DATABASE_URL or the embedded server) by default. */
  databaseUrl?: () => Promise<string>;
  /** The views folder; QUANTFOOT_VIEWS_DIR or the checkout's views/ by default, read now. */
  viewsDir?: string;
  /** The versioned migrations; QUANTFOOT_MIGRATIONS_DIR or the checkout's migrations/ by default. */
  migrationsDir?: string;
}

export function migrationsConfig(options: MigrationsOptions = {}): Knex.MigratorConfig {
  const migrationsDir = options.migrationsDir ?? migrationsDirFromEnv();
  return {
    // The versioned files plus the views lifecycle (view-migrations.ts). No `directory` or
    // `loadExtensions` here: knex would replace this source with its own file source. Hence
    // `knex migrate:make` writes to ./migrations of the working directory: run it in the checkout.
    migrationSource: new ProjectMigrationSource({
      migrationsDir,
      viewsDir: options.viewsDir ?? viewsDirFromEnv(),
      databaseUrl: options.databaseUrl ?? resolveDatabaseUrl,
    }),
    extension: 'ts',
    stub: path.join(MIGRATIONS_DIR, 'migration.stub'),
    tableName: MIGRATIONS_TABLE,
    // After every batch, up or down (also from the plain knex CLI): the checksums of the applied
    // files follow knex_migrations, and the seeds upsert, so a migrated database is usable at once.
    afterAll: async (knex: Knex) => {
      await recordChecksums(knex, migrationsDir);
      await runSeeds(knex);
    },
  } as Knex.MigratorConfig;
}

/** A knex config; `url` pins the database, otherwise it is resolved on the first connection. */
export function knexConfig(url?: string): Knex.Config {
  return {
    client: 'pg',
    // The knex CLI (knexfile.ts) resolves the URL lazily, and may be one of several deployments
    // migrating at once: its bookkeeping tables are made race-free before knex looks at them.
    connection: url
      ? { connectionString: url }
      : async () => {
          const resolved = await resolveDatabaseUrl();
          await migrationsTablesReady(resolved);
          return { connectionString: resolved };
        },
    log: migrationLog,
    pool: { min: 0, max: 8 },
    migrations: migrationsConfig({ databaseUrl: url ? async () => url : resolveDatabaseUrl }),
    seeds: { directory: SEEDS_DIR, loadExtensions: ['.ts'], stub: path.join(SEEDS_DIR, 'seed.stub') },
  };
}

/**
 * knex reports a failing migration's file only through its logger ("migration file "X" failed");
 * we keep the name so errors can say which file failed, not just which statement.
 */
export let lastFailedMigration: string | null = null;
const migrationLog = {
  warn(message: unknown) {
    const text = String(message);
    const failed = /migration file "([^"]+)" failed/.exec(text);
    if (failed) lastFailedMigration = failed[1] ?? null;
    // Connection failures are rethrown to the caller, which explains them; don't print them twice.
    else if (!/^migration failed with error|connection error/i.test(text)) process.stderr.write(`${text}\n`);
  },
  deprecate(method: unknown, alternative: unknown) {
    process.stderr.write(`${String(method)} is deprecated, use ${String(alternative)}\n`);
  },
};
