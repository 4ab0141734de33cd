/**
 * The marts at scale: the questions analysts ask every day (one league-season's table, its players'
 * season statistics, its top scorers) on 1 and on 50 generated league-seasons (bench/synthetic.ts),
 * medians of 5; and the whole-view aggregates at 50.
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

async function latencies(knex: Knex): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [name, sql] of FILTERED) {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = process.hrtime.bigint();
      await knex.raw(sql);
      if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    out.set(name, median(times));
  }
  return out;
}

export async function viewFigures(serverUrl: string, leagues = 50): Promise<Figure[]> {
  const at = (n: number) =>
    withScratchDatabase(serverUrl, 'qf_bench_views', async (db) => {
      await migrateLatest(db.knex);
      for (const statement of syntheticDataset(n, 1)) await db.knex.raw(statement);
      await db.knex.raw('vacuum analyze');
      const filtered = await latencies(db.knex);
      const t0 = process.hrtime.bigint();
      await db.knex.raw('select count(*) from marts.top_scorers where rank = 1');
      return { filtered, wholeTopScorers: Number(process.hrtime.bigint() - t0) / 1e6 };
    });
  const one = await at(1);
  const many = await at(leagues);
  const figures: Figure[] = [];
  let worst = 0;
  for (const [name] of FILTERED) {
    const a = one.filtered.get(name)!;
    const b = many.filtered.get(name)!;
    worst = Math.max(worst, b / a);
    figures.push({ key: `views.${name}_ms_${leagues}`, label: `${name} of one league-season, ${leagues} league-seasons loaded`, value: b, unit: 'ms', reference: { value: a, label: '1 loaded' }, ratio: b / a, goal: '<= 2x, < 50 ms' });
  }
  figures.push(
    { key: 'views.latency_ratio_50_to_1', label: `filtered marts, ${leagues} league-seasons against 1 (worst of the three)`, value: worst, unit: 'x', goal: '<= 2x' },
    { key: 'views.top_scorers_rank1_all_ms', label: `top_scorers where rank = 1 across all ${leagues} league-seasons`, value: many.wholeTopScorers, unit: 'ms' },
  );
  return figures;
}
