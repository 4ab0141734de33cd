/**
 * `GET /fixtures/statistics` (SPEC.md §7.13), also embedded in `/fixtures?ids=`. A value is a count,
 * a string (`"37%"`, `"0.85"` for expected_goals) or null (zero counts are often null).
 * `statistics_1h`/`statistics_2h` come only with `half=true`.
 */
import { itemsOf, object, oneOfTypes, optional, string } from './builder';
import { teamRef } from './common';

const statistics = itemsOf(
  object({
    type: string,
    value: oneOfTypes<number | string | null>('number', 'string', 'null'),
  }),
  { what: 'statistic', key: ['type'], table: 'fixture_team_stats' },
);

export const fixtureStatisticsSchema = object({
  team: teamRef,
  statistics,
  statistics_1h: optional(statistics),
  statistics_2h: optional(statistics),
});
