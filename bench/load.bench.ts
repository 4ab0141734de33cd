/**
 * Load throughput of fixture details, measured side by side on one database in one run: the
 * project's loader (validation excluded, transform included) against COPY FROM STDIN of exactly the
 * rows it produces, into the same constrained tables, and against a row-by-row knex upsert.
 *   first load: child tables empty; every row changed: each child row differs from the stored one;
 *   nothing changed: the same responses again (rows rewritten, time).
 */
import type { Knex } from 'knex';
import { migrateLatest } from '../src/db/migrator';
import { withScratchDatabase } from '../src/db/scratch';
import { startMockApi } from '../src/mock-api/server';
import { runLeagueSeason } from '../src/etl/run';
import type { Reporter } from '../src/etl/report';
import { ApiFootballClient } from '../src/api/client';
import { batchIds } from '../src/api/batch';
import { copyAll } from '../src/etl/copy';
import { median, ratioOf, seconds, type Figure } from './figures';
import { fixtureDetailBatches, loadValidated } from '../src/etl/loaders';
import { RunStats } from '../src/etl/stats';
import type { FixtureWithDetails } from '../src/schemas';

export interface DetailResponse {
  parameters: Record<string, string>;
  items: FixtureWithDetails[];
}

const CHILD_TABLES = ['golden.fixture_events', 'golden.fixture_lineups', 'golden.fixture_lineup_players', 'golden.fixture_team_stats', 'golden.fixture_player_stats'];
const PLAYED = new Set(['FT', 'AET', 'PEN', 'AWD']);

/** The `/fixtures?ids=` answers a full load of these league-seasons makes, validated. */
export async function detailResponses(baseUrl: string, leagueSeasons: ReadonlyArray<[number, number]>): Promise<DetailResponse[]> {
  const client = new ApiFootballClient({ key: 'bench-key-000000', baseUrl });
  try {
    const out: DetailResponse[] = [];
    for (const [league, season] of leagueSeasons) {
      const list = await client.get('fixtures', { league, season });
      const ids = list.items.filter((f) => PLAYED.has(f.fixture.status.short)).map((f) => f.fixture.id);
      for (const batch of batchIds(ids)) {
        const answer = await client.get('fixtures', { ids: batch.join('-') });
        out.push({ parameters: answer.parameters, items: answer.items as FixtureWithDetails[] });
      }
    }
    return out;
  } finally {
    client.close();
  }
}

/** The same answers with every child row different from the first ones (a comment, a name, a figure). */
export function everyRowChanged(responses: DetailResponse[]): DetailResponse[] {
  return responses.map((r) => ({
    parameters: r.parameters,
    items: r.items.map((f) => {
      const copy = structuredClone(f);
      for (const e of copy.events) e.comments = `${e.comments ?? ''} (reviewed)`;
      for (const l of copy.lineups) {
        l.coach.name = `${l.coach.name ?? ''} (interim)`;
        for (const p of [...l.startXI, ...l.substitutes]) p.player.name = `${p.player.name ?? ''} Jr`;
      }
      for (const s of copy.statistics) s.statistics.push({ type: 'Reviewed', value: 1 });
      for (const b of copy.players) for (const p of b.players) p.statistics[0]!.offsides = (p.statistics[0]!.offsides ?? 0) + 1;
      return copy;
    }),
  }));
}

export function rowsOf(responses: DetailResponse[]): number {
  return responses.reduce((n, r) => n + fixtureDetailBatches(r.items).reduce((m, b) => m + b.rows.length, 0), 0);
}

export async function truncateChildren(knex: Knex): Promise<void> {
  await knex.raw(`truncate ${CHILD_TABLES.join(', ')}`);
  if ((await knex.raw("select to_regclass('etl.fixture_details') is not null as present")).rows[0].present) await knex.raw('truncate etl.fixture_details');
}

/** The loader on every response, one transaction each, as `etl run` and `etl replay` load them. */
export async function loaderPass(knex: Knex, responses: DetailResponse[]): Promise<{ seconds: number; stats: RunStats }> {
  const stats = new RunStats();
  const time = await seconds(async () => {
    for (const r of responses) await loadValidated(knex, null, { endpoint: 'fixtures', parameters: r.parameters, items: r.items, rejects: [] }, stats);
  });
  return { seconds: time, stats };
}

/** COPY of exactly the loader's rows (transformed beforehand, not timed), one transaction per response. */
export async function copyPass(knex: Knex, responses: DetailResponse[]): Promise<number> {
  const batches = responses.map((r) => fixtureDetailBatches(r.items));
  const stats = new RunStats();
  return seconds(async () => {
    for (const response of batches) {
      await knex.transaction((trx) => copyAll(trx, response, { stats, reject: () => undefined }));
    }
  });
}

/** One knex `insert … on conflict merge` per row, for the rows of whole responses until `sample` rows. */
export async function rowByRowPass(knex: Knex, responses: DetailResponse[], sample: number): Promise<{ seconds: number; rows: number }> {
  const taken: Array<{ table: string; key: readonly string[]; row: Record<string, unknown> }> = [];
  for (const r of responses) {
    if (taken.length >= sample) break;
    for (const b of fixtureDetailBatches(r.items)) for (const row of b.rows) taken.push({ table: b.table, key: b.key, row });
  }
  const time = await seconds(() =>
    knex.transaction(async (trx) => {
      for (const { table, key, row } of taken) await trx(table).insert(row).onConflict(key as string[]).merge();
    }),
  );
  return { seconds: time, rows: taken.length };
}

export const quiet: Reporter = { stream: () => undefined, progress: () => undefined, log: () => undefined, done: () => undefined };

/**
 * The loader on the detail answers of a full load of league 39 (380 fixtures) and league 2 (the cup)
 * against COPY of the same rows and the row-by-row upsert; medians of `rounds` rounds.
 */
export async function loadFigures(serverUrl: string, rounds = 5): Promise<Figure[]> {
  const mock = await startMockApi({ port: 0, seed: 1 });
  try {
    return await withScratchDatabase(serverUrl, 'qf_bench_load', async (db) => {
      await migrateLatest(db.knex);
      for (const league of [39, 2]) {
        await runLeagueSeason(db.knex, db.url, { key: 'bench-key-000000', baseUrl: mock.url }, { leagueId: league, season: 2023, full: false, dryRun: false, refreshIntervalHours: 24, wait: true }, quiet);
      }
      const first = await detailResponses(mock.url, [[39, 2023], [2, 2023]]);
      const changed = everyRowChanged(first);
      const rows = rowsOf(first);
      const t = { copy: [] as number[], first: [] as number[], changed: [] as number[], same: [] as number[], rowByRow: [] as number[] };
      // Each figure is read against COPY measured in the same round: the median of per-round ratios
      // keeps a noisy neighbour (who slows a whole round) out of the ratio.
      let rewritten = 0;
      for (let round = 0; round < rounds; round++) {
        await truncateChildren(db.knex);
        t.copy.push(await copyPass(db.knex, first));
        await truncateChildren(db.knex);
        t.first.push((await loaderPass(db.knex, first)).seconds);
        t.changed.push((await loaderPass(db.knex, changed)).seconds);
        const same = await loaderPass(db.knex, changed);
        t.same.push(same.seconds);
        rewritten = same.stats.written();
        await truncateChildren(db.knex);
        const perRow = await rowByRowPass(db.knex, first, 3_000);
        t.rowByRow.push(perRow.seconds / perRow.rows);
      }
      const copy = rows / median(t.copy);
      const rate = (times: number[]) => rows / median(times);
      const againstCopy = (times: number[]) => median(times.map((time, i) => t.copy[i]! / time));
      const rowByRow = 1 / median(t.rowByRow);
      const copyRef = { value: copy, label: 'COPY rows/s' };
      return [
        { key: 'load.rows', label: `fixture-detail rows of ${first.length} answers (leagues 39 and 2)`, value: rows, unit: 'rows' },
        { key: 'load.copy_rows_per_s', label: 'COPY FROM STDIN of the same rows (the limit)', value: copy, unit: 'rows/s' },
        { key: 'load.loader_rows_per_s', label: 'loader, first load (child tables empty)', value: rate(t.first), unit: 'rows/s', reference: copyRef, ratio: againstCopy(t.first), goal: '>= 0.7x COPY' },
        { key: 'load.loader_update_rows_per_s', label: 'loader, every row changed', value: rate(t.changed), unit: 'rows/s', reference: copyRef, ratio: againstCopy(t.changed), goal: '>= 0.5x COPY' },
        { key: 'load.loader_nochange_rows_per_s', label: 'loader, nothing changed (rows seen)', value: rate(t.same), unit: 'rows/s', reference: copyRef, ratio: againstCopy(t.same) },
        { key: 'load.nochange_rows_rewritten', label: 'loader, nothing changed: rows rewritten', value: rewritten, unit: 'rows', goal: '0' },
        { key: 'load.row_by_row_rows_per_s', label: 'row-by-row knex insert().onConflict().merge()', value: rowByRow, unit: 'rows/s', reference: copyRef, ratio: ratioOf(rowByRow, copy) },
        { key: 'load.loader_to_row_by_row', label: 'loader (first load) against row-by-row', value: rate(t.first) / rowByRow, unit: 'x', goal: '>= 10x' },
      ];
    });
  } finally {
    await mock.close();
  }
}
