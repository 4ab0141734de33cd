/** After a load: the materialized marts (views/ files that CREATE MATERIALIZED VIEW) catch up. */
import type { Knex } from 'knex';
import { refreshMaterializedMarts } from '../db/views';
import type { Reporter } from './report';
import type { RunStats } from './stats';

/**
 * The materialized marts follow the golden rows: refreshed once a run or replay that wrote rows
 * ends, however it ended (what it committed is there). A refresh that fails is reported, not
 * fatal: the rows are loaded, and the next load or `quantfoot db refresh` tries again.
 */
export async function refreshAfterLoad(knex: Knex, stats: RunStats, reporter: Reporter): Promise<void> {
  if (stats.written() === 0) return;
  try {
    const started = Date.now();
    const refreshed = await refreshMaterializedMarts(knex);
    if (refreshed.length) reporter.log(`refreshed ${refreshed.join(', ')} in ${Date.now() - started} ms`);
  } catch (err) {
    reporter.log(`refreshing the materialized marts failed (quantfoot db refresh tries again): ${(err as Error).message}`);
  }
}
