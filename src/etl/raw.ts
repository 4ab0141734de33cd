/** Raw landing: every API response stored as received, before any transform (deduplicated by sha256). */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { ApiResponseRecord } from '../api/client';

export interface RawContext {
  runId: number | null;
  leagueId: number | null;
  season: number | null;
}

/** Identity of a response: a sanitised body counts with the exact bytes it came from. */
export function responseSha256(r: Pick<ApiResponseRecord, 'endpoint' | 'parameters' | 'body' | 'exactBody'>): string {
  const hash = createHash('sha256').update(JSON.stringify([r.endpoint, r.parameters, r.body]));
  if (r.exactBody) hash.update(r.exactBody);
  return hash.digest('hex');
}

export async function storeRawResponse(knex: Knex, r: ApiResponseRecord, ctx: RawContext): Promise<void> {
  await knex.raw(
    `insert into raw.api_responses (endpoint, parameters, league_id, season, http_status, body, body_bytes, body_note, sha256, first_received_at, last_received_at, run_id)
     values (?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
     on conflict (sha256) do update set last_received_at = excluded.last_received_at`,
    [
      r.endpoint, JSON.stringify(r.parameters), ctx.leagueId, ctx.season, r.httpStatus, JSON.stringify(r.body),
      r.exactBody ?? null, r.bodyNote ?? null, responseSha256(r), r.receivedAt, r.receivedAt, ctx.runId,
    ],
  );
}
