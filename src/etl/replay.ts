/**
 * `etl replay`: rebuilds golden rows from raw.api_responses alone, with zero API calls, through the
 * same validation and loaders as a live run. Responses are applied in the order they were last
 * received, so the latest answer for anything wins, as it did live.
 */
import type { Knex } from 'knex';
import { decodeBody, inspectParsed, parseJson } from '../api/intake';
import { EnvelopeError, hasNoErrors, isEndpoint, validateResponse, type Envelope } from '../schemas';
import { isLoadedEndpoint, loadValidated } from './loaders';
import { finishRun, markAbandonedRuns, openRunSession, startRun, type RunSession } from './runs';
import { RunStats } from './stats';
import type { Reporter } from './report';

function isEnvelope(body: unknown): body is Envelope {
  return typeof body === 'object' && body !== null && 'errors' in body;
}

export interface ReplayResult {
  runId: number;
  responses: number;
  skipped: number;
  stats: RunStats;
  rejects: number;
}

export async function replay(knex: Knex, databaseUrl: string, filter: { leagueId?: number; season?: number }, reporter: Reporter): Promise<ReplayResult> {
  const session = await openRunSession(databaseUrl);
  try {
    return await replayWithin(knex, session, filter, reporter);
  } finally {
    await session.client.end();
  }
}

async function replayWithin(knex: Knex, session: RunSession, filter: { leagueId?: number; season?: number }, reporter: Reporter): Promise<ReplayResult> {
  const runId = await startRun(knex, 'replay', { league: filter.leagueId ?? null, season: filter.season ?? null }, session);
  for (const dead of await markAbandonedRuns(knex, { runId })) reporter.log(`run ${dead} had been left running by a process that died; marked abandoned`);
  const stats = new RunStats();
  let responses = 0;
  let skipped = 0;
  let rejectCount = 0;
  try {
    const query = knex('raw.api_responses').select('response_id', 'endpoint', 'parameters', 'http_status', 'body', 'body_bytes').orderBy([{ column: 'last_received_at' }, { column: 'response_id' }]);
    if (filter.leagueId !== undefined) query.where('league_id', filter.leagueId);
    if (filter.season !== undefined) query.where('season', filter.season);
    const rows = await query;
    reporter.stream('replay', rows.length);
    for (const row of rows) {
      // Bytes kept beside a sanitised body go through the same intake as when they arrived.
      const intake = row.body_bytes ? inspectParsed(parseJson(decodeBody(row.body_bytes).text)) : { value: row.body, problems: [] };
      const body = intake.value as Envelope;
      if (row.http_status !== 200 || !isEndpoint(row.endpoint) || !isLoadedEndpoint(row.endpoint) || !isEnvelope(body) || !hasNoErrors(body)) {
        skipped++;
        continue;
      }
      let validated;
      try {
        validated = validateResponse(row.endpoint, body, { parameters: row.parameters, problems: intake.problems });
      } catch (err) {
        if (!(err instanceof EnvelopeError)) throw err;
        skipped++;
        continue;
      }
      const { rejects } = await loadValidated(knex, runId, { endpoint: row.endpoint, parameters: row.parameters, items: validated.items, rejects: validated.rejects }, stats);
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
