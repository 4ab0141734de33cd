/**
 * `db verify`: does the live schema still match what the migration files build? It builds a scratch
 * database from the files (migrations, seeds, views) on the same server, dumps both catalogs
 * (src/db/catalog.ts) and reports every difference: an applied migration edited afterwards, a
 * column added by hand, a dropped constraint, a view changed outside views/.
 */
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { ConfigError } from '../errors';
import { dumpCatalog } from './catalog';
import { knexConfig } from './config';
import { migrateLatest, migrationStatus } from './migrator';

export interface VerifyResult {
  pending: string[];
  /** catalog lines only the live database has */
  onlyLive: string[];
  /** catalog lines only a fresh build from the files has */
  onlyFiles: string[];
}

export async function verifySchema(knex: Knex, url: string): Promise<VerifyResult> {
  const { pending } = await migrationStatus(knex);
  const live = await dumpCatalog(knex);
  const reference = await withScratchDatabase(url, async (scratch) => {
    await migrateLatest(scratch);
    return dumpCatalog(scratch);
  });
  const liveLines = new Set(live.split('\n'));
  const fileLines = new Set(reference.split('\n'));
  return {
    pending,
    onlyLive: [...liveLines].filter((l) => !fileLines.has(l) && !l.startsWith('## ')),
    onlyFiles: [...fileLines].filter((l) => !liveLines.has(l) && !l.startsWith('## ')),
  };
}

async function withScratchDatabase<T>(url: string, fn: (knex: Knex) => Promise<T>): Promise<T> {
  const name = `quantfoot_verify_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('create database ??', [name]);
  } catch (err) {
    await admin.destroy();
    throw new ConfigError(`db verify builds a scratch database from the migration files and could not create one (${(err as Error).message}); grant CREATEDB to this user`, { cause: err });
  }
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const scratch = knexFactory(knexConfig(scratchUrl.toString()));
  try {
    return await fn(scratch);
  } finally {
    await scratch.destroy();
    await admin.raw('drop database if exists ?? with (force)', [name]);
    await admin.destroy();
  }
}
