/**
 * Throw-away databases on a server: for `db verify` (a reference build from the files), the
 * benchmarks and the tests (a fresh database per test file). Dropped with FORCE when done.
 */
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { knexConfig } from './config';

export interface ScratchDatabase {
  name: string;
  url: string;
  knex: Knex;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>` on the server of `serverUrl` (any database URL of that server). */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`.slice(0, 63);
  await withAdmin(serverUrl, (admin) => admin.raw('create database ??', [name]));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const knex = knexFactory(knexConfig(url.toString()));
  return {
    name,
    url: url.toString(),
    knex,
    async drop() {
      await knex.destroy();
      await withAdmin(serverUrl, (admin) => admin.raw('drop database if exists ?? with (force)', [name]));
    },
  };
}

export async function withScratchDatabase<T>(serverUrl: string, prefix: string, fn: (db: ScratchDatabase) => Promise<T>): Promise<T> {
  const db = await createScratchDatabase(serverUrl, prefix);
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}

async function withAdmin<T>(serverUrl: string, fn: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}
