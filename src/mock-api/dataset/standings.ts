/**
 * League tables computed from results: 3 points a win, 1 a draw; ranked by points, goal difference,
 * goals scored, then team name (the mock's deterministic last resort). The same function decides who
 * leaves a cup group and what `/standings` answers, so the two can never disagree.
 */
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
  const ranked = [...rows.values()].sort((a, b) =>
    points(b.all) - points(a.all) || diff(b.all) - diff(a.all) || b.all.goals.for - a.all.goals.for || a.team.name.localeCompare(b.team.name));
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
