/**
 * The knex migrator as `quantfoot db` uses it: the same migrations and config as `npx knex migrate:*`,
 * with errors that say what to do (which file failed, how to unlock).
 */
import type { Knex } from 'knex';
import { QuantfootError } from '../errors';
import { lastFailedMigration } from './config';
import { ensureMigrationsTables } from './migrations-table';
import { runSeeds } from './seeds';
import { ProjectMigrationSource, assertContractsGrow } from './view-migrations';
import { appliedViewStates, planViewChanges, readViewState, type ViewPlan } from './views';

export interface MigrationStatus {
  applied: Array<{ name: string; batch: number; migratedAt: Date }>;
  pending: string[];
}

export class MigrationLockedError extends QuantfootError {}

export async function migrateLatest(knex: Knex): Promise<{ batch: number; ran: string[]; seeds: string[] }> {
  await ensureMigrationsTables(knex);
  const [batch, ran] = await guard(() => knex.migrate.latest() as Promise<[number, string[]]>);
  // afterAll seeds only when a batch ran; `db migrate` promises usable reference data every time.
  const seeds = ran.length === 0 ? await runSeeds(knex) : [];
  return { batch, ran, seeds };
}

export async function rollback(knex: Knex, all: boolean): Promise<{ batch: number; undone: string[] }> {
  const [batch, undone] = await guard(() => knex.migrate.rollback(undefined, all) as Promise<[number, string[]]>);
  return { batch, undone };
}

export async function unlock(knex: Knex): Promise<void> {
  await knex.migrate.forceFreeMigrationsLock();
}

export async function migrationStatus(knex: Knex): Promise<MigrationStatus> {
  // The source's list, not knex.migrate.list: that one refuses to answer when an applied file is
  // missing, which is exactly when a status is wanted.
  const pending = (await projectSource(knex).getMigrations()).filter((m) => !m.applied);
  const hasTable = await knex.schema.hasTable('knex_migrations');
  const applied = hasTable
    ? (await knex('knex_migrations').select('name', 'batch', 'migration_time').orderBy('id')).map((r: { name: string; batch: number; migration_time: Date }) => ({
        name: r.name,
        batch: r.batch,
        migratedAt: r.migration_time,
      }))
    : [];
  return { applied, pending: pending.map((p) => p.file) };
}

export interface MigrationPlan {
  /** Pending versioned migrations, in the order they would run. */
  versioned: string[];
  /** The views state that would follow them, and what it changes; null when views/ is applied. */
  views: { state: string; plan: ViewPlan } | null;
}

/**
 * What `migrateLatest` would do, read without writing anything (knex.migrate.list would create
 * the bookkeeping tables of a fresh database): the source's list, and for the views the same plan
 * their migration computes when it runs.
 */
export async function migrationPlan(knex: Knex): Promise<MigrationPlan> {
  const source = projectSource(knex);
  const pending = (await source.getMigrations()).filter((m) => !m.applied);
  const versioned = pending.filter((m) => m.kind === 'versioned').map((m) => m.file);
  const views = pending.find((m) => m.kind === 'views');
  if (!views || views.applied) return { versioned, views: null };
  if (views.target instanceof Error) throw views.target;
  const current = await readViewState(knex, (await appliedViewStates(knex)).at(-1));
  assertContractsGrow(current, views.target);
  return { versioned, views: { state: views.file, plan: planViewChanges(current, views.target) } };
}

/** The project's migration source of a knex instance made by knexConfig. */
export function projectSource(knex: Knex): ProjectMigrationSource {
  const source = (knex.client.config as Knex.Config).migrations?.migrationSource;
  if (!(source instanceof ProjectMigrationSource)) throw new QuantfootError('this command needs the project\'s migration source (src/db/config.ts)');
  return source;
}

/**
 * Runs `fn` with the checksum guard of the migration source off: for the commands that report
 * edited migrations (status, verify) rather than refuse to look.
 */
export async function withChecksumsWaived<T>(knex: Knex, fn: () => Promise<T>): Promise<T> {
  const source = projectSource(knex);
  const before = source.enforceChecksums;
  source.enforceChecksums = false;
  try {
    return await fn();
  } finally {
    source.enforceChecksums = before;
  }
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as Error & { name?: string };
    if (e.name === 'LockError' || /already locked/i.test(e.message)) {
      throw new MigrationLockedError(
        'the migrations table is locked: another migration is running, or one crashed while holding the lock. ' +
          'If none is running, release it with `quantfoot db unlock` (or `npx knex migrate:unlock`) and try again.',
        { cause: err },
      );
    }
    if (lastFailedMigration) {
      const [statement, reason] = splitKnexMessage(e.message);
      throw new QuantfootError(
        `migration ${lastFailedMigration} failed: ${reason}${statement ? `\n  statement: ${statement}` : ''}\n  nothing of this batch was applied (it runs in one transaction)`,
        { cause: err },
      );
    }
    throw err;
  }
}

/** knex prefixes a failed query's error with its SQL: "<sql> - <postgres message>". */
function splitKnexMessage(message: string): [string | null, string] {
  const at = message.lastIndexOf(' - ');
  return at > 0 ? [message.slice(0, at), message.slice(at + 3)] : [null, message];
}
