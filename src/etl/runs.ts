/** The audit trail: etl.runs, etl.run_tables and etl.rejects. */
import type { Knex } from 'knex';
import type { Rejection } from './load';
import type { RunStats } from './stats';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'stopped_quota';

export async function startRun(knex: Knex, command: 'run' | 'replay', args: Record<string, unknown>): Promise<number> {
  const [row] = await knex('etl.runs').insert({ command, arguments: JSON.stringify(args), status: 'running' }).returning('run_id');
  return Number((row as { run_id: string | number }).run_id);
}

export async function finishRun(
  knex: Knex,
  runId: number,
  outcome: { status: RunStatus; callsUsed: number; quotaRemaining: number | null; error?: string | null; stats: RunStats },
): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx('etl.runs').where({ run_id: runId }).update({
      status: outcome.status,
      finished_at: trx.fn.now(),
      calls_used: outcome.callsUsed,
      quota_remaining: outcome.quotaRemaining,
      error: outcome.error ?? null,
    });
    const rows = [...outcome.stats.tables].map(([table_name, c]) => ({ run_id: runId, table_name, ...c }));
    if (rows.length) await trx('etl.run_tables').insert(rows);
  });
}

export async function recordRejects(knex: Knex, runId: number | null, endpoint: string, parameters: Record<string, string>, rejects: Rejection[]): Promise<void> {
  if (rejects.length === 0) return;
  await knex('etl.rejects').insert(
    rejects.map((r) => ({ run_id: runId, endpoint, parameters: JSON.stringify(parameters), table_name: r.table, item: JSON.stringify(r.item ?? null), reason: r.reason })),
  );
}
