/**
 * knex creates its bookkeeping tables (knex_migrations, knex_migrations_lock) on first use with a
 * check-then-create outside any lock, so two deployments migrating an empty database at once race:
 * one dies on `duplicate key … pg_type_typname_nsp_index`, or both insert a lock row and then both
 * see "Migration table is already locked". Creating them first, under an advisory lock, removes the
 * race; from then on knex's own lock row serialises the batches (the second waits, then finds
 * nothing left to do).
 */
import knexFactory, { type Knex } from 'knex';
import { MIGRATIONS_TABLE } from './views';

// knex's own creator, so the tables are exactly the ones knex would make (db verify compares them).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTable } = require('knex/lib/migrations/migrate/table-creator') as {
  ensureTable(tableName: string, schemaName: string | undefined, trx: Knex | Knex.Transaction): Promise<unknown>;
};

export async function ensureMigrationsTables(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw("select pg_advisory_xact_lock(hashtextextended('quantfoot:knex_migrations', 0))");
    await ensureTable(MIGRATIONS_TABLE, undefined, trx);
  });
}

const ready = new Map<string, Promise<void>>();

/** Once per process and database: for entry points (the knex CLI) that hand knex a URL resolver. */
export function migrationsTablesReady(url: string): Promise<void> {
  let done = ready.get(url);
  if (!done) {
    done = (async () => {
      const knex = knexFactory({ client: 'pg', connection: { connectionString: url }, pool: { min: 0, max: 1 } });
      try {
        await ensureMigrationsTables(knex);
      } finally {
        await knex.destroy();
      }
    })();
    ready.set(url, done);
  }
  return done;
}
