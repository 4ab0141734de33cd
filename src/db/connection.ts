/**
 * Opening the database for a command: resolve the URL (DATABASE_URL or the embedded server), connect
 * once to fail early with a message a user can act on, and hand back a knex the caller destroys.
 */
import knexFactory, { type Knex } from 'knex';
import { ConfigError, QuantfootError } from '../errors';
import { knexConfig, redactUrl, resolveDatabaseUrl } from './config';

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

/** Runs fn with an open database and always releases it, whatever fn does. */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await fn(db);
  } finally {
    await db.knex.destroy();
  }
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
