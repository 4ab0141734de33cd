/** The audit trail: etl.runs, etl.run_tables and etl.rejects; and the session a run holds while it lives. */
import type { Knex } from 'knex';
import pg from 'pg';
import { printable } from '../text';
import type { Rejection } from './load';
import type { RunStats } from './stats';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'stopped_quota' | 'abandoned';

/**
 * A connection a run holds for its whole life. Its advisory locks live on it, and its identity
 * (backend pid and start) is recorded with the run: once the session is gone, so is the run's
 * process, whatever killed it (SIGKILL leaves no chance to record an end).
 */
export interface RunSession {
  client: pg.Client;
  pid: number;
  startedAt: Date;
}

export async function openRunSession(url: string): Promise<RunSession> {
  const client = new pg.Client({ connectionString: url, application_name: 'quantfoot etl' });
  await client.connect();
  const { rows } = await client.query<{ pid: number; started: Date }>('select pid, backend_start as started from pg_stat_activity where pid = pg_backend_pid()');
  return { client, pid: rows[0]!.pid, startedAt: rows[0]!.started };
}

/** The league-season's lock on the session; false when another live run holds it. */
export async function lockLeagueSeason(session: RunSession, leagueId: number, season: number, wait: boolean): Promise<boolean> {
  // One bigint key from the text, in a QuantFoot namespace: any league id fits, nothing overflows.
  const key = `quantfoot:league-season:${leagueId}:${season}`;
  if (wait) {
    await session.client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
    return true;
  }
  const { rows } = await session.client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as ok', [key]);
  return rows[0]?.ok === true;
}

export async function startRun(knex: Knex, command: 'run' | 'replay', args: Record<string, unknown>, session?: RunSession): Promise<number> {
  const [row] = await knex('etl.runs')
    .insert({ command, arguments: JSON.stringify(args), status: 'running', session_pid: session?.pid ?? null, session_started_at: session?.startedAt ?? null })
    .returning('run_id');
  return Number((row as { run_id: string | number }).run_id);
}

/** SQL: this `running` run's session is gone (a session of another user, whose start we cannot see, counts as alive). */
const SESSION_GONE = `not exists (select 1 from pg_stat_activity a where a.pid = r.session_pid and (a.backend_start is null or a.backend_start = r.session_started_at))`;

/**
 * Marks `abandoned` the runs left `running` by a process that died: their session is gone, or
 * (runs from before sessions were recorded) they ran the league-season whose lock `by` now holds.
 */
export async function markAbandonedRuns(knex: Knex, by: { runId: number; leagueId?: number; season?: number }): Promise<number[]> {
  const { rows } = await knex.raw<{ rows: Array<{ run_id: string }> }>(
    `update etl.runs r set status = 'abandoned', finished_at = greatest(now(), r.started_at),
       error = 'its process ended without finishing (killed or crashed); noticed by run ' || ?::text
     where r.status = 'running' and r.run_id <> ? and (
       (r.session_pid is not null and ${SESSION_GONE})
       or (r.session_pid is null and r.command = 'run' and r.arguments->>'league' = ?::text and r.arguments->>'season' = ?::text))
     returning r.run_id`,
    [by.runId, by.runId, by.leagueId ?? null, by.season ?? null],
  );
  return rows.map((r) => Number(r.run_id));
}

/** The status to show: a `running` run whose session is gone is abandoned, marked or not yet. */
export const SHOWN_STATUS_SQL = `case when r.status = 'running' and r.session_pid is not null and ${SESSION_GONE} then 'abandoned' else r.status end`;

/** Calls made so far, written as the run goes (in each response's transaction), so a killed run still tells what it spent. */
export async function recordProgress(knex: Knex, runId: number, callsUsed: number, quotaRemaining: number | null): Promise<void> {
  await knex('etl.runs').where({ run_id: runId }).update({ calls_used: callsUsed, quota_remaining: quotaRemaining });
}

/** Text fit for etl.runs.error and a terminal: no control characters (a NUL could not even be stored), bounded. */
export function storableError(message: string): string {
  const text = printable(message, { multiline: true });
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
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
      error: outcome.error === undefined || outcome.error === null ? null : storableError(outcome.error),
    });
    const rows = [...outcome.stats.tables].map(([table_name, c]) => ({ run_id: runId, table_name, ...c }));
    if (rows.length) await trx('etl.run_tables').insert(rows);
  });
}

export async function recordRejects(knex: Knex, runId: number | null, endpoint: string, parameters: Record<string, string>, rejects: Rejection[]): Promise<void> {
  if (rejects.length === 0) return;
  await knex('etl.rejects').insert(
    rejects.map((r) => ({ run_id: runId, endpoint, parameters: JSON.stringify(parameters), table_name: r.table, item: JSON.stringify(r.item ?? null), reason: storableError(r.reason) })),
  );
}
