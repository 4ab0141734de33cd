/**
 * `etl replay`: rebuilds golden rows from raw.api_responses alone, with zero API calls, through the
 * same validation and loaders as a live run. Responses are applied in the order they were last
 * received, so the latest answer for anything wins, as it did live.
 */
import type { Knex } from 'knex';
import { hasNoErrors, isEndpoint, validateResponse, type Envelope } from '../schemas';
import { isLoadedEndpoint, loadResponse } from './loaders';
import type { Rejection } from './load';
import { finishRun, recordRejects, startRun } from './runs';
import { RunStats } from './stats';
import type { Reporter } from './report';

export interface ReplayResult {
  runId: number;
  responses: number;
  skipped: number;
  stats: RunStats;
  rejects: number;
}

export async function replay(knex: Knex, filter: { leagueId?: number; season?: number }, reporter: Reporter): Promise<ReplayResult> {
  const runId = await startRun(knex, 'replay', { league: filter.leagueId ?? null, season: filter.season ?? null });
  const stats = new RunStats();
  let responses = 0;
  let skipped = 0;
  let rejectCount = 0;
  try {
    const query = knex('raw.api_responses').select('response_id', 'endpoint', 'parameters', 'http_status', 'body').orderBy([{ column: 'last_received_at' }, { column: 'response_id' }]);
    if (filter.leagueId !== undefined) query.where('league_id', filter.leagueId);
    if (filter.season !== undefined) query.where('season', filter.season);
    const rows = await query;
    reporter.stream('replay', rows.length);
    for (const row of rows) {
      const body = row.body as Envelope;
      if (row.http_status !== 200 || !isEndpoint(row.endpoint) || !isLoadedEndpoint(row.endpoint) || !hasNoErrors(body)) {
        skipped++;
        continue;
      }
      const validated = validateResponse(row.endpoint, body);
      const rejects: Rejection[] = validated.rejects.map((r) => ({ table: row.endpoint, item: r.item, reason: `schema: ${r.path || '/'} ${r.reason}` }));
      await knex.transaction(async (trx) => {
        await loadResponse(trx, { endpoint: row.endpoint, parameters: row.parameters, items: validated.items }, { stats, reject: (r) => rejects.push(r) });
        await recordRejects(trx, runId, row.endpoint, row.parameters, rejects);
      });
      rejectCount += rejects.length;
      responses++;
      reporter.progress('replay', { calls: responses + skipped, rows: stats.written(), rejects: rejectCount });
    }
    await finishRun(knex, runId, { status: 'succeeded', callsUsed: 0, quotaRemaining: null, stats });
    return { runId, responses, skipped, stats, rejects: rejectCount };
  } catch (err) {
    await finishRun(knex, runId, { status: 'failed', callsUsed: 0, quotaRemaining: null, error: (err as Error).message, stats });
    throw err;
  }
}
