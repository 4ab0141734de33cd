/**
 * `db verify`: are the applied migration files the ones recorded (checksums.ts), and does the live
 * schema still match what the files build? It builds a scratch database from the files
 * (migrations, seeds, views) on the same server, dumps both catalogs (src/db/catalog.ts) and
 * reports every difference: a column added by hand, a dropped constraint, a view changed outside
 * views/. An edited migration that builds the same catalog (a comment) is caught by its checksum.
 */
import type { Knex } from 'knex';
import { ConfigError } from '../errors';
import { dumpCatalog } from './catalog';
import { checksumProblems, type ChecksumProblem } from './checksums';
import { contractDifferences, relationColumns } from './contracts';
import { readViewDefinitions } from './views';
import { migrateLatest, migrationStatus, projectSource, withChecksumsWaived } from './migrator';
import { withScratchDatabase } from './scratch';

export interface VerifyResult {
  /** applied migrations edited or deleted since they were recorded */
  checksums: ChecksumProblem[];
  pending: string[];
  /** catalog lines only the live database has */
  onlyLive: string[];
  /** catalog lines only a fresh build from the files has */
  onlyFiles: string[];
  /** why the files no longer build a database (then there is no catalog diff) */
  buildError?: string;
  /** live marts whose columns differ from the contract in their view file */
  contracts: string[];
}

/** Each contracted view of views/ against the live view of that name. */
export async function contractDrift(knex: Knex, viewsDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const definition of readViewDefinitions(viewsDir)) {
    if (!definition.contract) continue;
    const live = await relationColumns(knex, definition.name);
    if (!live) out.push(`${definition.name}: not in the database (views/${definition.file} has a contract)`);
    else for (const difference of contractDifferences(definition.contract, live)) out.push(`${definition.name}: ${difference}`);
  }
  return out;
}

export async function verifySchema(knex: Knex, url: string): Promise<VerifyResult> {
  const source = projectSource(knex);
  const checksums = await checksumProblems(knex, source.options.migrationsDir);
  const contracts = await contractDrift(knex, source.options.viewsDir);
  const { pending } = await withChecksumsWaived(knex, () => migrationStatus(knex));
  const live = await dumpCatalog(knex);
  // The reference is built from the files as they are now, edited ones included (a fresh database
  // has no checksums to disagree with): the checksum names the edit, the catalog diff says
  // whether it changed what the files build.
  let reference: string;
  try {
    reference = await buildReference(url);
  } catch (err) {
    // A deleted or broken file: no reference to compare with, which is itself the finding.
    if (err instanceof ConfigError) throw err;
    return { checksums, pending, onlyLive: [], onlyFiles: [], buildError: (err as Error).message, contracts };
  }
  const liveLines = new Set(live.split('\n'));
  const fileLines = new Set(reference.split('\n'));
  return {
    checksums,
    contracts,
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
