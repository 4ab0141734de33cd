/**
 * `/fixtures/statistics?half=true`: each team's statistics split into the first and the second half
 * (`statistics_1h`, `statistics_2h`). Counts split so the halves add up to the match; percentages
 * move a few points either way so the halves average to the match; expected goals split like counts.
 */
import { Rng } from './random';
import type { StatisticItem } from './types';

type Statistic = StatisticItem['statistics'][number];

export type HalfStatisticItem = StatisticItem & { statistics_1h: Statistic[]; statistics_2h: Statistic[] };

export function withHalves(seed: number, fixtureId: number, item: StatisticItem): HalfStatisticItem {
  const rng = Rng.of(seed, 'halves', fixtureId, item.team.id);
  const first: Statistic[] = [];
  const second: Statistic[] = [];
  for (const { type, value } of item.statistics) {
    const share = 0.35 + rng.next() * 0.3;
    if (value === null) {
      first.push({ type, value: null });
      second.push({ type, value: null });
    } else if (typeof value === 'number') {
      const a = Math.round(value * share);
      first.push({ type, value: a === 0 ? null : a });
      second.push({ type, value: value - a === 0 ? null : value - a });
    } else if (value.endsWith('%')) {
      const whole = Number(value.slice(0, -1));
      const a = Math.max(0, Math.min(100, whole + rng.int(-4, 4)));
      first.push({ type, value: `${a}%` });
      second.push({ type, value: `${Math.max(0, Math.min(100, 2 * whole - a))}%` });
    } else {
      const whole = Number(value);
      const a = Math.round(whole * share * 100) / 100;
      first.push({ type, value: a.toFixed(2) });
      second.push({ type, value: (Math.round((whole - a) * 100) / 100).toFixed(2) });
    }
  }
  return { ...item, statistics_1h: first, statistics_2h: second };
}
