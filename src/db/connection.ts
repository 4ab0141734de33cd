/**
 * Opening the database for a command: resolve the URL (DATABASE_URL or the embedded server), connect
 * once to fail early with a message a user can act on, and hand back a knex the caller destroys.
 */
import knexFactory, { type Knex } from 'knex';
import { ConfigError, QuantfootError } from '../errors';
import { knexConfig, redactUrl, resolveDatabaseUrl } from './config';
import { migrationPlan } from './migrator';

export interface Database {
  knex: Knex;
  url: string;
}

export async function openDatabase(url?: string): Promise<Database> {
  const resolved = url ?? (await resolveDatabaseUrl());
  const knex = knexFactory(knexConfig(resolved));
  try {
    await knex.raw('select 1');
  } catch (err) {
    await knex.destroy();
    throw explainConnectionError(err, resolved);
  }
  return { knex, url: resolved };
}

/**
 * Runs fn with an open database and always releases it, whatever fn does. `migrated`: the commands
 * that read or write the golden source first check that the schema is there and up to date.
 */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>, options: { migrated?: boolean } = {}): Promise<T> {
  const db = await openDatabase();
  try {
    if (options.migrated) await assertMigrated(db.knex, db.url);
    return await fn(db);
  } finally {
    await db.knex.destroy();
  }
}

/** A ConfigError naming what to run when the database lacks migrations this checkout has. */
export async function assertMigrated(knex: Knex, url: string): Promise<void> {
  const { versioned } = await migrationPlan(knex);
  if (versioned.length === 0) return;
  throw new ConfigError(
    `the database ${redactUrl(url)} is not migrated for this version of QuantFoot: ${versioned.length} migration(s) pending (${versioned.slice(0, 3).join(', ')}${versioned.length > 3 ? ', …' : ''}). ` +
      'Run `quantfoot db migrate` (or `npx knex migrate:latest`) first.',
  );
}

/** SQLSTATEs a user fixes in their set-up, not in QuantFoot: what each means for them. */
const SETUP_CODES: Record<string, string> = {
  '42P01': 'a table QuantFoot needs does not exist: the database is not migrated. Run `quantfoot db migrate` (or `npx knex migrate:latest`)',
  '3F000': 'a schema QuantFoot needs does not exist: the database is not migrated. Run `quantfoot db migrate` (or `npx knex migrate:latest`)',
  '42501': 'the database user lacks a privilege QuantFoot needs (the ETL writes to the golden, raw and etl schemas; the analyst role only reads marts)',
  '25006': 'the database is read-only (a standby, or default_transaction_read_only is on); point DATABASE_URL at a writable primary',
  '53100': 'the database server has no disk space left',
};

/** A database error caused by the set-up (missing tables, privileges, read-only), as a ConfigError that says what to do; others unchanged. */
export function explainDatabaseError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !Object.hasOwn(SETUP_CODES, code)) return err;
  const message = String((err as { message?: string }).message ?? err).replace(/^[\s\S]* - /, '');
  return new ConfigError(`${SETUP_CODES[code]} (PostgreSQL: ${message})`, { cause: err });
}

const PG_CODES: Record<string, string> = {
  '28P01': 'password authentication failed',
  '28000': 'the server refused this user (pg_hba.conf)',
  '3D000': 'the database does not exist',
  '57P03': 'the server is starting up or shutting down',
};

export function explainConnectionError(err: unknown, url: string): QuantfootError {
  const e = err as { code?: string; message?: string };
  const where = redactUrl(url);
  if (e.code && PG_CODES[e.code]) return new ConfigError(`cannot use the database ${where}: ${PG_CODES[e.code]} (${e.message ?? e.code})`, { cause: err });
  if (e.code === 'ECONNREFUSED') return new ConfigError(`cannot reach the database ${where}: connection refused. Is PostgreSQL running there? Unset DATABASE_URL to use the embedded server.`, { cause: err });
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new ConfigError(`cannot reach the database ${where}: unknown host`, { cause: err });
  if (e.code === 'ETIMEDOUT') return new ConfigError(`cannot reach the database ${where}: connection timed out`, { cause: err });
  return new QuantfootError(`cannot use the database ${where}: ${e.message ?? String(err)}`, { cause: err });
}
