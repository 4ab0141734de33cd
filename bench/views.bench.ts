/**
 * The marts at scale: the questions analysts ask every day (one league-season's table, its players'
 * season statistics, its top scorers) on 1 and on 50 generated league-seasons (bench/synthetic.ts),
 * medians of 11 interleaved runs; and a whole-view aggregate at 50.
 * Materialized marts: the cross-season questions, on the materialized player_season_stats and on
 * the same definition created as a plain view beside it (schema bench_plain, same data, the runs
 * interleaved), and what a refresh costs against computing the plain view once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { migrateLatest } from '../src/db/migrator';
import { VIEWS_DIR } from '../src/db/paths';
import { withScratchDatabase } from '../src/db/scratch';
import { withoutPlaceholders } from '../src/db/sql';
import { refreshMaterializedMarts } from '../src/db/views';
import { median, type Figure } from './figures';
import { syntheticDataset } from './synthetic';

const FILTERED: Array<[string, string]> = [
  ['league_table', 'select * from marts.league_table where league_id = 1001 and season = 2023'],
  ['player_season_stats', 'select * from marts.player_season_stats where league_id = 1001 and season = 2023'],
  ['top_scorers', 'select * from marts.top_scorers where league_id = 1001 and season = 2023'],
];

/** One run of a query, in ms. */
async function timeOnce(knex: Knex, sql: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  await knex.raw(sql);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function viewFigures(serverUrl: string, leagues = 50): Promise<Figure[]> {
  return withScratchDatabase(serverUrl, 'qf_bench_views_1', (one) =>
    withScratchDatabase(serverUrl, 'qf_bench_views_n', async (many) => {
      for (const [db, n] of [[one, 1], [many, leagues]] as const) {
        await migrateLatest(db.knex);
        for (const statement of syntheticDataset(n, 1)) await db.knex.raw(statement);
        // As a load ends: the materialized marts catch up with the rows written.
        await refreshMaterializedMarts(db.knex);
        await db.knex.raw('vacuum analyze');
      }
      // Both databases side by side, the measurements interleaved: a noisy neighbour hits both alike.
      const times = new Map<string, { one: number[]; many: number[] }>(FILTERED.map(([name]) => [name, { one: [], many: [] }]));
      for (let round = 0; round < 12; round++) {
        for (const [name, sql] of FILTERED) {
          const t = times.get(name)!;
          const a = await timeOnce(one.knex, sql);
          const b = await timeOnce(many.knex, sql);
          if (round > 0) {
            t.one.push(a);
            t.many.push(b);
          }
        }
      }
      const figures: Figure[] = [];
      let worst = 0;
      for (const [name] of FILTERED) {
        const a = median(times.get(name)!.one);
        const b = median(times.get(name)!.many);
        worst = Math.max(worst, b / a);
        figures.push({ key: `views.${name}_ms_${leagues}`, label: `${name} of one league-season, ${leagues} league-seasons loaded`, value: b, unit: 'ms', reference: { value: a, label: '1 loaded' }, ratio: b / a, goal: '<= 2x, < 50 ms' });
      }
      const whole = await timeOnce(many.knex, 'select count(*) from marts.top_scorers where rank = 1');
      figures.push(
        { key: 'views.latency_ratio_50_to_1', label: `filtered marts, ${leagues} league-seasons against 1 (worst of the three)`, value: worst, unit: 'x', goal: '<= 2x' },
        { key: 'views.top_scorers_rank1_all_ms', label: `top_scorers where rank = 1 across all ${leagues} league-seasons`, value: whole, unit: 'ms' },
        ...(await materializedFigures(many.knex, leagues)),
      );
      return figures;
    }),
  );
}

/** The CREATE statement of a view file, its comments left out (it ends at the first semicolon). */
function createStatement(file: string): string {
  const text = fs.readFileSync(path.join(VIEWS_DIR, 'marts', file), 'utf8').replace(/--[^\n]*/g, '');
  const statement = text.slice(0, text.indexOf(';')).trim();
  if (!/^create (materialized )?view marts\./.test(statement)) throw new Error(`views/marts/${file}: no CREATE VIEW statement found`);
  return statement;
}

const CROSS_SEASON: Array<[string, string, string]> = [
  ['top_scorers_rank1', 'top_scorers where rank = 1, every league-season', 'select * from {s}.top_scorers where rank = 1'],
  [
    'player_season_stats_join_league_table',
    'player_season_stats joined to league_table, every league-season',
    'select * from {s}.player_season_stats p join marts.league_table t using (league_id, season, team_id)',
  ],
];

/** The marts from the stored one up to top_scorers, each reading the one before it. */
const PLAIN_CHAIN = ['player_season_stats', 'player_league_seasons', 'top_scorers'];

/**
 * The materialized marts against their own definitions as plain views, on the same database: the
 * plain player_season_stats and the marts up to top_scorers over it are created in schema
 * bench_plain, each reading the plain copies before it.
 */
async function materializedFigures(knex: Knex, leagues: number): Promise<Figure[]> {
  const plainCopies = PLAIN_CHAIN.map((name, i) => PLAIN_CHAIN.slice(0, i).reduce(
    (sql, earlier) => sql.replace(new RegExp(`\\bmarts\\.${earlier}\\b`, 'g'), `bench_plain.${earlier}`),
    createStatement(`${name}.sql`).replace(new RegExp(`^create (materialized )?view marts\\.${name}\\b`), `create view bench_plain.${name}`),
  ));
  await knex.raw('create schema bench_plain');
  for (const sql of plainCopies) await knex.raw(withoutPlaceholders(sql));
  const [{ plain, stored }] = (await knex.raw('select (select count(*)::int from bench_plain.player_season_stats) as plain, (select count(*)::int from marts.player_season_stats) as stored')).rows;
  if (plain !== stored || stored === 0) throw new Error(`the plain and the materialized player_season_stats differ: ${plain} and ${stored} rows`);

  const times = new Map(CROSS_SEASON.map(([key]) => [key, { plain: [] as number[], stored: [] as number[] }]));
  const refresh = { refresh: [] as number[], compute: [] as number[] };
  for (let round = 0; round < 8; round++) {
    for (const [key, , sql] of CROSS_SEASON) {
      const a = await timeOnce(knex, sql.replace('{s}', 'bench_plain'));
      const b = await timeOnce(knex, sql.replace('{s}', 'marts'));
      if (round > 0) {
        times.get(key)!.plain.push(a);
        times.get(key)!.stored.push(b);
      }
    }
    const r = await timeOnce(knex, 'refresh materialized view concurrently marts.player_season_stats');
    const c = await timeOnce(knex, 'select * from bench_plain.player_season_stats');
    if (round > 0) {
      refresh.refresh.push(r);
      refresh.compute.push(c);
    }
  }
  const figures: Figure[] = CROSS_SEASON.map(([key, label]) => {
    const plainMs = median(times.get(key)!.plain);
    const storedMs = median(times.get(key)!.stored);
    return {
      key: `views.${key}_materialized_ms_${leagues}`,
      label: `${label} (${leagues} loaded), on the materialized mart`,
      value: storedMs,
      unit: 'ms',
      reference: { value: plainMs, label: 'same definition as a plain view' },
      ratio: storedMs / plainMs,
    };
  });
  const refreshMs = median(refresh.refresh);
  const computeMs = median(refresh.compute);
  figures.push({
    key: `views.player_season_stats_refresh_ms_${leagues}`,
    label: `refresh (concurrently) of player_season_stats, ${leagues} loaded`,
    value: refreshMs,
    unit: 'ms',
    reference: { value: computeMs, label: 'computing the plain view once' },
    ratio: refreshMs / computeMs,
  });
  return figures;
}
