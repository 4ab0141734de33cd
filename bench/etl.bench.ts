/**
 * Whole-run figures on the mock API, each against its reference in the same run:
 *   replay of the golden source from raw.api_responses against COPY of all its rows;
 *   API calls of a full season and of the daily run after one round, against the naive plan;
 *   a no-change re-run against the first load.
 * Each part runs in its own scratch database, dropped afterwards.
 */
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import type { Knex } from 'knex';
import type pg from 'pg';
import { migrateLatest } from '../src/db/migrator';
import { withScratchDatabase } from '../src/db/scratch';
import { startMockApi } from '../src/mock-api/server';
import { runLeagueSeason, type RunOptions } from '../src/etl/run';
import { replay } from '../src/etl/replay';
import { median, ratioOf, seconds, type Figure } from './figures';
import { quiet } from './load.bench';

const KEY = 'bench-key-000000';
const OPTIONS: RunOptions = { leagueId: 39, season: 2023, full: false, dryRun: false, refreshIntervalHours: 24, wait: true };

/** The golden tables with data of their own (not the seeded statuses), parents before children. */
const GOLDEN_ORDER = [
  'countries', 'leagues', 'seasons', 'rounds', 'venues', 'teams', 'team_seasons', 'players', 'player_team_seasons', 'fixtures',
  'fixture_events', 'fixture_lineups', 'fixture_lineup_players', 'fixture_team_stats', 'fixture_team_half_stats', 'fixture_player_stats',
  'standings', 'injuries', 'squad_players', 'coaches', 'coach_tenures', 'transfers', 'sidelined',
].map((t) => `golden.${t}`);

async function truncateGolden(knex: Knex): Promise<void> {
  await knex.raw(`truncate ${GOLDEN_ORDER.join(', ')} cascade`);
}

async function connection(knex: Knex, fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = (await knex.client.acquireConnection()) as pg.PoolClient;
  try {
    await fn(client);
  } finally {
    await knex.client.releaseConnection(client);
  }
}

/** Every golden table as COPY text, in memory. */
async function dumpGolden(knex: Knex): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await connection(knex, async (client) => {
    for (const table of GOLDEN_ORDER) {
      const parts: Buffer[] = [];
      await pipeline(client.query(copyTo(`copy ${table} to stdout`)), new Writable({ write: (chunk, _e, done) => void (parts.push(chunk), done()) }));
      out.set(table, Buffer.concat(parts).toString('utf8'));
    }
  });
  return out;
}

async function restoreGolden(knex: Knex, dump: Map<string, string>): Promise<void> {
  await connection(knex, async (client) => {
    await client.query('begin');
    for (const table of GOLDEN_ORDER) await pipeline(Readable.from([dump.get(table)!]), client.query(copyFrom(`copy ${table} from stdin`)));
    await client.query('commit');
  });
}

async function goldenRows(knex: Knex): Promise<number> {
  const { rows } = await knex.raw(GOLDEN_ORDER.map((t) => `select count(*)::int as n from ${t}`).join(' union all '));
  return rows.reduce((n: number, r: { n: number }) => n + r.n, 0);
}

async function goldenHash(knex: Knex): Promise<string> {
  const parts: string[] = [];
  for (const t of GOLDEN_ORDER) parts.push((await knex.raw(`select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as h from ${t} r`)).rows[0].h);
  return parts.join('');
}

/** `etl replay` of everything against COPY of all the golden rows it rebuilds, into the same empty tables. */
export async function replayFigures(serverUrl: string, rounds = 3): Promise<Figure[]> {
  const mock = await startMockApi({ port: 0, seed: 1 });
  try {
    return await withScratchDatabase(serverUrl, 'qf_bench_replay', async (db) => {
      await migrateLatest(db.knex);
      for (const leagueId of [39, 2]) await runLeagueSeason(db.knex, db.url, { key: KEY, baseUrl: mock.url }, { ...OPTIONS, leagueId }, quiet);
      const rows = await goldenRows(db.knex);
      const loaded = await goldenHash(db.knex);
      const dump = await dumpGolden(db.knex);
      const times = { copy: [] as number[], replay: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        await truncateGolden(db.knex);
        times.copy.push(await seconds(() => restoreGolden(db.knex, dump)));
        await truncateGolden(db.knex);
        times.replay.push(await seconds(() => replay(db.knex, db.url, {}, quiet)));
        if ((await goldenHash(db.knex)) !== loaded) throw new Error('replay did not rebuild the golden tables the live load made');
      }
      const copy = median(times.copy);
      const replayed = median(times.replay);
      return [
        { key: 'replay.golden_rows', label: 'golden rows of leagues 39 and 2', value: rows, unit: 'rows' },
        { key: 'replay.copy_seconds', label: 'COPY of all those rows into the empty tables', value: copy, unit: 's' },
        { key: 'replay.seconds', label: 'etl replay of the whole golden source', value: replayed, unit: 's', reference: { value: copy, label: 'COPY s' } },
        // The median of per-round ratios: each replay is read against the COPY of its own round.
        { key: 'replay.time_ratio_to_copy', label: 'etl replay time against COPY time', value: median(times.replay.map((t, i) => t / times.copy[i]!)), unit: 'x', goal: '<= 3x' },
      ];
    });
  } finally {
    await mock.close();
  }
}

/** Calls of a full season and of the run after one more round, against the naive plan; the no-change re-run. */
export async function callFigures(serverUrl: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const full = await startMockApi({ port: 0, seed: 1 });
  try {
    await withScratchDatabase(serverUrl, 'qf_bench_calls', async (db) => {
      await migrateLatest(db.knex);
      const api = { key: KEY, baseUrl: full.url };
      let first!: Awaited<ReturnType<typeof runLeagueSeason>>;
      const tFirst = await seconds(async () => (first = await runLeagueSeason(db.knex, db.url, api, OPTIONS, quiet)));
      const played = Number((await db.knex('golden.fixtures').where({ league_id: 39 }).whereIn('status_short', ['FT', 'AET', 'PEN', 'AWD']).count({ n: '*' }))[0]!.n);
      const detailCalls = full.stats().byEndpoint.fixtures! - 1;
      const naive = first.callsUsed - detailCalls + 4 * played;
      figures.push(
        { key: 'calls.full_season', label: 'API calls, full 20-team season (league 39)', value: first.callsUsed, unit: 'calls', reference: { value: naive, label: 'naive plan' }, ratio: ratioOf(first.callsUsed, naive) },
        { key: 'calls.naive_full_season', label: 'the naive plan: one call per fixture and detail endpoint', value: naive, unit: 'calls' },
      );
      let again!: Awaited<ReturnType<typeof runLeagueSeason>>;
      const tAgain = await seconds(async () => (again = await runLeagueSeason(db.knex, db.url, api, OPTIONS, quiet)));
      figures.push(
        { key: 'rerun.rows_rewritten', label: 'no-change re-run: rows rewritten', value: again.stats.written(), unit: 'rows', goal: '0' },
        { key: 'rerun.calls', label: 'no-change re-run: API calls', value: again.callsUsed, unit: 'calls' },
        { key: 'rerun.time_ratio_to_first', label: 'no-change re-run time against the first load', value: tAgain / tFirst, unit: 'x', reference: { value: tFirst, label: 'first load s' } },
      );
    });
  } finally {
    await full.close();
  }
  const midSeason = await startMockApi({ port: 0, seed: 1, asOf: '2023-12-01' });
  try {
    await withScratchDatabase(serverUrl, 'qf_bench_round', async (db) => {
      await migrateLatest(db.knex);
      const api = { key: KEY, baseUrl: midSeason.url };
      await runLeagueSeason(db.knex, db.url, api, OPTIONS, quiet);
      midSeason.setAsOf('2023-12-09');
      const next = await runLeagueSeason(db.knex, db.url, api, OPTIONS, quiet);
      const newlyPlayed = Number((await db.knex('golden.fixtures').where({ league_id: 39 }).whereBetween('kickoff_at', ['2023-12-01', '2023-12-09']).count({ n: '*' }))[0]!.n);
      figures.push({ key: 'calls.incremental_round', label: `API calls, the daily run after one round (${newlyPlayed} fixtures)`, value: next.callsUsed, unit: 'calls', reference: { value: 1 + 4 * newlyPlayed, label: 'naive plan' }, ratio: ratioOf(next.callsUsed, 1 + 4 * newlyPlayed) });
    });
  } finally {
    await midSeason.close();
  }
  return figures;
}
