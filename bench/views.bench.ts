/**
 * The marts at scale: the questions analysts ask every day (one league-season's table, its players'
 * season statistics, its top scorers) on 1 and on 50 generated league-seasons (bench/synthetic.ts),
 * medians of 11 interleaved runs; and a whole-view aggregate at 50.
 */
import type { Knex } from 'knex';
import { migrateLatest } from '../src/db/migrator';
import { withScratchDatabase } from '../src/db/scratch';
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
      );
      return figures;
    }),
  );
}
