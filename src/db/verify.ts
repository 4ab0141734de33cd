/**
 * `db verify`: does the live schema still match what the migration files build? It builds a scratch
 * database from the files (migrations, seeds, views) on the same server, dumps both catalogs
 * (src/db/catalog.ts) and reports every difference: an applied migration edited afterwards, a
 * column added by hand, a dropped constraint, a view changed outside views/.
 */
import type { Knex } from 'knex';
import { ConfigError } from '../errors';
import { dumpCatalog } from './catalog';
import { migrateLatest, migrationStatus } from './migrator';
import { withScratchDatabase } from './scratch';

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
  const reference = await buildReference(url);
  const liveLines = new Set(live.split('\n'));
  const fileLines = new Set(reference.split('\n'));
  return {
    pending,
    onlyLive: [...liveLines].filter((l) => !fileLines.has(l) && !l.startsWith('## ')),
    onlyFiles: [...fileLines].filter((l) => !liveLines.has(l) && !l.startsWith('## ')),
  };
}

/** The catalog a fresh database gets from the migration files, seeds and views. */
async function buildReference(url: string): Promise<string> {
  try {
    return await withScratchDatabase(url, 'quantfoot_verify', async ({ knex }) => {
      await migrateLatest(knex);
      return dumpCatalog(knex);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '42501') {
      throw new ConfigError(`db verify builds a scratch database from the migration files and may not create one here (${(err as Error).message}); grant CREATEDB to this user`, { cause: err });
    }
    throw err;
  }
}
