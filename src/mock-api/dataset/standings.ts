/**
 * League tables computed from results: 3 points a win, 1 a draw; ranked by the competition's criteria
 * (./rules.ts: points, then its tie-breakers, head-to-head among the teams level), then team name
 * (the mock's deterministic last resort). The same function decides who leaves a cup group and what
 * `/standings` answers, so the two can never disagree.
 */
import { DEFAULT_CRITERIA, type Criterion } from './rules';
import type { Side, StandingRecord, StandingRow, TeamLogo } from './types';

export interface ResultLine {
  home: number;
  away: number;
  goals: Side<number>;
  timestamp: number;
}

const emptyRecord = (): StandingRecord => ({ played: 0, win: 0, draw: 0, lose: 0, goals: { for: 0, against: 0 } });

export function computeTable(
  teams: readonly TeamLogo[],
  results: readonly ResultLine[],
  group: string,
  describe: (rank: number) => string | null,
  update: string,
  criteria: readonly Criterion[] = DEFAULT_CRITERIA,
): StandingRow[] {
  const rows = new Map(teams.map((team) => [team.id, { team, all: emptyRecord(), home: emptyRecord(), away: emptyRecord(), form: [] as { at: number; r: string }[] }]));
  for (const result of results) {
    for (const side of ['home', 'away'] as const) {
      const row = rows.get(result[side]);
      if (row === undefined) continue;
      const scored = result.goals[side];
      const conceded = result.goals[side === 'home' ? 'away' : 'home'];
      const outcome = scored > conceded ? 'W' : scored < conceded ? 'L' : 'D';
      for (const record of [row.all, row[side]]) {
        record.played++;
        if (outcome === 'W') record.win++;
        else if (outcome === 'D') record.draw++;
        else record.lose++;
        record.goals.for += scored;
        record.goals.against += conceded;
      }
      row.form.push({ at: result.timestamp, r: outcome });
    }
  }
  const points = (r: StandingRecord) => r.win * 3 + r.draw;
  const diff = (r: StandingRecord) => r.goals.for - r.goals.against;
  type Row = typeof rows extends Map<number, infer R> ? R : never;
  const overall = (row: Row, criterion: Criterion): number => {
    switch (criterion) {
      case 'points': return points(row.all);
      case 'goal_diff': return diff(row.all);
      case 'goals_for': return row.all.goals.for;
      case 'away_goals': return row.away.goals.for;
      case 'wins': return row.all.win;
      case 'away_wins': return row.away.win;
      default: return 0;
    }
  };
  const firstH2h = criteria.findIndex((c) => c.startsWith('h2h_'));
  const levelKey = (row: Row) => (firstH2h < 0 ? '' : criteria.slice(0, firstH2h).map((c) => overall(row, c)).join(','));
  // The mini-table: each team's results against the teams level with it before the first h2h_ criterion.
  const h2h = new Map([...rows.keys()].map((id) => [id, { points: 0, diff: 0, goals: 0, away: 0 }]));
  if (firstH2h >= 0) {
    for (const result of results) {
      const home = rows.get(result.home);
      const away = rows.get(result.away);
      if (home === undefined || away === undefined || levelKey(home) !== levelKey(away)) continue;
      for (const side of ['home', 'away'] as const) {
        const mini = h2h.get(result[side])!;
        const scored = result.goals[side];
        const conceded = result.goals[side === 'home' ? 'away' : 'home'];
        mini.points += scored > conceded ? 3 : scored === conceded ? 1 : 0;
        mini.diff += scored - conceded;
        mini.goals += scored;
        if (side === 'away') mini.away += scored;
      }
    }
  }
  const value = (row: Row, criterion: Criterion): number => {
    const mini = h2h.get(row.team.id)!;
    switch (criterion) {
      case 'h2h_points': return mini.points;
      case 'h2h_goal_diff': return mini.diff;
      case 'h2h_goals_for': return mini.goals;
      case 'h2h_away_goals': return mini.away;
      default: return overall(row, criterion);
    }
  };
  const byCriteria = (a: Row, b: Row) => criteria.reduce((order, c) => order || value(b, c) - value(a, c), 0);
  const ranked = [...rows.values()].sort((a, b) => byCriteria(a, b) || a.team.name.localeCompare(b.team.name));
  return ranked.map((row, i) => ({
    rank: i + 1,
    team: { id: row.team.id, name: row.team.name, logo: row.team.logo },
    points: points(row.all),
    goalsDiff: diff(row.all),
    group,
    form: row.form.length === 0 ? null : row.form.sort((a, b) => b.at - a.at).slice(0, 5).map((f) => f.r).join(''),
    status: 'same',
    description: describe(i + 1),
    all: row.all,
    home: row.home,
    away: row.away,
    update,
  }));
}
