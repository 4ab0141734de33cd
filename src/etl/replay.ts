/**
 * `etl replay`: rebuilds golden rows from raw.api_responses alone, with zero API calls, through the
 * same validation and loaders as a live run. Responses are applied in the order they were last
 * received, so the latest answer for anything wins, as it did live.
 */
import type { Knex } from 'knex';
import { refreshAfterLoad } from './refresh';
import { decodeBody, inspectParsed, parseJson } from '../api/intake';
import { EnvelopeError, hasNoErrors, isEndpoint, validateResponse, type Envelope, type ValidatedResponse } from '../schemas';
import { isLoadedEndpoint, loadOptimistically, loadValidatedIn, type LoadedEndpoint } from './loaders';
import { finishRun, markAbandonedRuns, openRunSession, startRun, type RunSession } from './runs';
import { RunStats } from './stats';
import type { Reporter } from './report';

/** Responses replayed per transaction. */
const REPLAY_PAGE = 25;

interface StoredResponse {
  response_id: string;
  endpoint: string;
  parameters: Record<string, string>;
  http_status: number;
  body: unknown;
  body_bytes: Buffer | null;
  received: string;
}

/** Where a page starts: after this receipt time (as text: a JavaScript Date would drop its microseconds) and id. */
interface Cursor {
  at: string;
  id: string;
}

/**
 * One page of stored responses in receipt order (keyset: memory stays flat however many are stored),
 * each validated as it was live; and where the next page starts.
 */
async function readPage(knex: Knex, scope: (q: Knex.QueryBuilder) => Knex.QueryBuilder, after: Cursor | null): Promise<{ rows: Array<{ row: StoredResponse; validated: ValidatedResponse<unknown> | null }>; next: Cursor | null }> {
  const query = scope(knex('raw.api_responses'))
    .select('response_id', 'endpoint', 'parameters', 'http_status', 'body', 'body_bytes', knex.raw('last_received_at::text as received'))
    .orderBy([{ column: 'last_received_at' }, { column: 'response_id' }])
    .limit(REPLAY_PAGE);
  if (after) query.whereRaw('(last_received_at, response_id) > (?::timestamptz, ?)', [after.at, after.id]);
  const rows = (await query) as StoredResponse[];
  const last = rows.at(-1);
  return { rows: rows.map((row) => ({ row, validated: usable(row) })), next: last ? { at: last.received, id: last.response_id } : null };
}

/** A stored response validated as it was live (its exact bytes through the same intake), or null when it loads nothing. */
function usable(row: StoredResponse): ValidatedResponse<unknown> | null {
  const intake = row.body_bytes ? inspectParsed(parseJson(decodeBody(row.body_bytes).text)) : { value: row.body, problems: [] };
  const body = intake.value;
  if (row.http_status !== 200 || !isEndpoint(row.endpoint) || !isLoadedEndpoint(row.endpoint) || !isEnvelope(body) || !hasNoErrors(body)) return null;
  try {
    return validateResponse(row.endpoint, body, { parameters: row.parameters, problems: intake.problems });
  } catch (err) {
    if (err instanceof EnvelopeError) return null;
    throw err;
  }
}

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
    const scope = (q: Knex.QueryBuilder) => {
      if (filter.leagueId !== undefined) q.where('league_id', filter.leagueId);
      if (filter.season !== undefined) q.where('season', filter.season);
      return q;
    };
    const total = Number((await scope(knex('raw.api_responses')).count({ n: '*' }))[0]!.n);
    reporter.stream('replay', total);
    // One transaction per page of responses: replay has no bookmark to keep in step with each one.
    // Pages are read ahead: the next page is fetched, parsed and validated while this one loads.
    let page = readPage(knex, scope, null);
    for (;;) {
      const { rows, next } = await page;
      if (rows.length === 0) break;
      page = readPage(knex, scope, next);
      const loaded = await loadOptimistically(stats, (attempt, optimistic) =>
        knex.transaction(async (trx) => {
          let rejected = 0;
          for (const { row, validated } of rows) {
            if (!validated) continue;
            const load = { endpoint: row.endpoint as LoadedEndpoint, parameters: row.parameters, items: validated.items, rejects: validated.rejects };
            rejected += (await loadValidatedIn(trx, runId, load, attempt, optimistic)).rejects.length;
          }
          return rejected;
        }),
      );
      rejectCount += loaded;
      const usableRows = rows.filter((r) => r.validated).length;
      responses += usableRows;
      skipped += rows.length - usableRows;
      reporter.progress('replay', { calls: responses + skipped, rows: stats.written(), rejects: rejectCount });
    }
    await finishRun(knex, runId, { status: 'succeeded', callsUsed: 0, quotaRemaining: null, stats });
    return { runId, responses, skipped, stats, rejects: rejectCount };
  } catch (err) {
    await finishRun(knex, runId, { status: 'failed', callsUsed: 0, quotaRemaining: null, error: (err as Error).message, stats });
    throw err;
  } finally {
    await refreshAfterLoad(knex, stats, reporter);
  }
}
