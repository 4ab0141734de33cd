/**
 * Reference data (seeds/) applied with the schema: each seed is an idempotent upsert, so running
 * them after every migration batch (and from `quantfoot db migrate`) changes nothing the second time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { SEEDS_DIR } from './paths';

export async function runSeeds(knex: Knex): Promise<string[]> {
  const ran: string[] = [];
  const { rows } = await knex.raw<{ rows: Array<{ present: boolean }> }>("select to_regclass('golden.fixture_statuses') is not null as present");
  if (!rows[0]?.present) return ran; // rolled back below the reference tables: nothing to seed
  for (const file of fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(SEEDS_DIR, file)) as { seed: (k: Knex) => Promise<void> };
    await mod.seed(knex);
    ran.push(file);
  }
  return ran;
}
