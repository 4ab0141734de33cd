import { expect } from 'chai';
import type { Knex } from 'knex';
import { testServerKind, useFreshDatabase } from '../support/db';

// Competition rules in the marts, on golden rows small enough to rank by hand. The rules are the ones
// the migration seeds in golden.competition_rules (UEFA 2021-: head-to-head first; UEFA before
// 2021: away goals settle ties; Premier League: goal difference and goals before head-to-head;
// anything else: the default, points, goal difference, goals scored).
//   League 2 (UEFA Champions League), 2023, Group A: Ajax and Benfica on 7 points; Benfica's goal
//     difference is better (+4 against +2), their meetings (Benfica 0-2 Ajax, Ajax 1-2 Benfica) favour Ajax.
//   League 39 (Premier League), 2023: all five on 3 points; goal difference orders Arsenal above
//     Brentford although Brentford won their meeting; Derby and Everton are level on points, goal
//     difference and goals, and Derby won their meeting.
//   League 253 (MLS), 2023: Eastern and Western Conference; two of four matches cross them.
//   League 40 (Championship, no standings), 2023: awarded fixtures in each shape the API sends.
//   League 45 (FA Cup), 2023: single knockout matches, shoot-outs without the API's winner flags.
//   League 2 knockouts: 2019 (away goals), 2023 (aggregate, extra time, penalties).
const F = (id: number, league: number, season: number, round: string, at: string, status: string, home: number, away: number,
  goals: [number, number] | null, extra: object = {}) => ({
  fixture_id: id, league_id: league, season, round, kickoff_at: at, status_short: status, home_team_id: home, away_team_id: away,
  goals_home: goals?.[0] ?? null, goals_away: goals?.[1] ?? null, ...extra,
});

const UCL_GROUP = [
  F(101, 2, 2023, 'Group Stage - 1', '2023-09-19T19:00:00Z', 'FT', 12, 11, [0, 2]),
  F(102, 2, 2023, 'Group Stage - 2', '2023-10-04T19:00:00Z', 'FT', 11, 12, [1, 2]),
  F(103, 2, 2023, 'Group Stage - 3', '2023-10-24T19:00:00Z', 'FT', 11, 13, [1, 1]),
  F(104, 2, 2023, 'Group Stage - 4', '2023-11-07T19:00:00Z', 'FT', 11, 14, [1, 0]),
  F(105, 2, 2023, 'Group Stage - 3', '2023-10-24T19:00:00Z', 'FT', 12, 13, [5, 0]),
  F(106, 2, 2023, 'Group Stage - 4', '2023-11-07T19:00:00Z', 'FT', 14, 12, [1, 1]),
];
const PREMIER_LEAGUE = [
  F(201, 39, 2023, 'Regular Season - 1', '2023-08-12T14:00:00Z', 'FT', 21, 22, [0, 1]),
  F(202, 39, 2023, 'Regular Season - 2', '2023-08-19T14:00:00Z', 'FT', 21, 23, [4, 0]),
  F(203, 39, 2023, 'Regular Season - 1', '2023-08-12T14:00:00Z', 'FT', 24, 25, [1, 0]),
  F(204, 39, 2023, 'Regular Season - 2', '2023-08-19T14:00:00Z', 'FT', 25, 23, [1, 0]),
  F(205, 39, 2023, 'Regular Season - 3', '2023-08-26T14:00:00Z', 'FT', 23, 24, [1, 0]),
];
const MLS = [
  F(301, 253, 2023, 'Regular Season - 1', '2023-03-04T19:00:00Z', 'FT', 31, 32, [2, 0]),
  F(302, 253, 2023, 'Regular Season - 2', '2023-03-11T19:00:00Z', 'FT', 31, 33, [1, 1]),
  F(303, 253, 2023, 'Regular Season - 2', '2023-03-11T19:00:00Z', 'FT', 34, 32, [3, 1]),
  F(304, 253, 2023, 'Regular Season - 1', '2023-03-04T19:00:00Z', 'FT', 33, 34, [0, 1]),
];
const AWARDED = [
  // On the pitch 1-1, awarded to the away side: the score contradicts the award.
  F(401, 40, 2023, 'Regular Season - 1', '2023-08-12T14:00:00Z', 'AWD', 41, 42, [1, 1], { away_winner: true, home_winner: false }),
  // The awarded score itself.
  F(402, 40, 2023, 'Regular Season - 1', '2023-08-12T14:00:00Z', 'AWD', 43, 44, [3, 0], { home_winner: true, away_winner: false }),
  // No goals at all, only the winner.
  F(403, 40, 2023, 'Regular Season - 2', '2023-08-19T14:00:00Z', 'AWD', 41, 43, null, { home_winner: true }),
  // On the pitch 2-1, and the award agrees with it: the score stands.
  F(404, 40, 2023, 'Regular Season - 2', '2023-08-19T14:00:00Z', 'WO', 44, 42, [2, 1], { home_winner: true, away_winner: false }),
  // Neither goals nor a winner: nothing to count.
  F(405, 40, 2023, 'Regular Season - 3', '2023-08-26T14:00:00Z', 'AWD', 42, 43, null),
];
const FA_CUP = [
  F(501, 45, 2023, 'Final', '2024-05-25T14:00:00Z', 'PEN', 41, 42, [1, 1], { penalty_home: 3, penalty_away: 4 }),
  F(502, 45, 2023, 'Semi-finals', '2024-04-20T14:00:00Z', 'AET', 43, 44, [2, 2]),
  // The API's goals disagree with the shoot-out; the shoot-out decides.
  F(503, 45, 2023, 'Quarter-finals', '2024-03-16T14:00:00Z', 'PEN', 41, 43, [2, 1], { penalty_home: 3, penalty_away: 5 }),
];
const TIES = [
  F(601, 2, 2019, 'Round of 16', '2020-02-26T20:00:00Z', 'FT', 51, 52, [1, 0]),
  F(602, 2, 2019, 'Round of 16', '2020-08-07T19:00:00Z', 'FT', 52, 51, [2, 1]),
  F(611, 2, 2023, 'Round of 16', '2024-02-21T20:00:00Z', 'FT', 53, 54, [1, 1]),
  F(612, 2, 2023, 'Round of 16', '2024-03-12T20:00:00Z', 'FT', 54, 53, [3, 1]),
  F(613, 2, 2023, 'Round of 16', '2024-02-21T20:00:00Z', 'FT', 55, 21, [1, 0]),
  F(614, 2, 2023, 'Round of 16', '2024-03-12T20:00:00Z', 'PEN', 21, 55, [1, 0], { penalty_home: 4, penalty_away: 2 }),
  F(615, 2, 2023, 'Quarter-finals', '2024-04-09T19:00:00Z', 'FT', 12, 13, [1, 0]),
  F(616, 2, 2023, 'Quarter-finals', '2024-04-17T19:00:00Z', 'AET', 13, 12, [2, 0], { fulltime_home: 1, fulltime_away: 0, extratime_home: 1, extratime_away: 0 }),
];

const TEAMS: Array<[number, string]> = [
  [11, 'Ajax'], [12, 'Benfica'], [13, 'Celtic'], [14, 'Dortmund'],
  [21, 'Arsenal'], [22, 'Brentford'], [23, 'Chelsea'], [24, 'Derby'], [25, 'Everton'],
  [31, 'Atlanta'], [32, 'Charlotte'], [33, 'Austin'], [34, 'Dallas'],
  [41, 'Leeds'], [42, 'Leicester'], [43, 'Hull City'], [44, 'Ipswich'],
  [51, 'Lyon'], [52, 'Juventus'], [53, 'Napoli'], [54, 'Barcelona'], [55, 'Porto'],
];

// The API's standings, equal to the tables computed by hand below.
const S = (league: number, group: string, team: number, rank: number, w: number, d: number, l: number, gf: number, ga: number) => ({
  league_id: league, season: 2023, group_name: group, team_id: team, rank, points: 3 * w + d, goals_diff: gf - ga,
  all_played: w + d + l, all_won: w, all_drawn: d, all_lost: l, all_goals_for: gf, all_goals_against: ga,
});
const STANDINGS = [
  S(2, 'Group A', 11, 1, 2, 1, 1, 5, 3), S(2, 'Group A', 12, 2, 2, 1, 1, 8, 4), S(2, 'Group A', 14, 3, 0, 1, 1, 1, 2), S(2, 'Group A', 13, 4, 0, 1, 1, 1, 6),
  S(39, 'Premier League', 21, 1, 1, 0, 1, 4, 1), S(39, 'Premier League', 22, 2, 1, 0, 0, 1, 0), S(39, 'Premier League', 24, 3, 1, 0, 1, 1, 1),
  S(39, 'Premier League', 25, 4, 1, 0, 1, 1, 1), S(39, 'Premier League', 23, 5, 1, 0, 2, 1, 5),
  S(253, 'Eastern Conference', 31, 1, 1, 1, 0, 3, 1), S(253, 'Eastern Conference', 32, 2, 0, 0, 2, 1, 5),
  S(253, 'Western Conference', 34, 1, 2, 0, 0, 4, 1), S(253, 'Western Conference', 33, 2, 0, 1, 1, 1, 2),
];

async function loadDataset(knex: Knex): Promise<void> {
  await knex('golden.countries').insert([{ country_name: 'England' }, { country_name: 'World' }, { country_name: 'USA' }]);
  await knex('golden.leagues').insert([
    { league_id: 2, name: 'UEFA Champions League', type: 'Cup', country_name: 'World' },
    { league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' },
    { league_id: 40, name: 'Championship', type: 'League', country_name: 'England' },
    { league_id: 45, name: 'FA Cup', type: 'Cup', country_name: 'England' },
    { league_id: 253, name: 'Major League Soccer', type: 'League', country_name: 'USA' },
  ]);
  await knex('golden.seasons').insert([
    { league_id: 2, season: 2019, start_date: '2019-06-25', end_date: '2020-08-23' },
    { league_id: 2, season: 2023, start_date: '2023-06-27', end_date: '2024-06-01' },
    { league_id: 39, season: 2023, start_date: '2023-08-11', end_date: '2024-05-19' },
    { league_id: 40, season: 2023, start_date: '2023-08-04', end_date: '2024-05-04' },
    { league_id: 45, season: 2023, start_date: '2023-08-04', end_date: '2024-05-25' },
    { league_id: 253, season: 2023, start_date: '2023-02-25', end_date: '2023-10-21' },
  ]);
  await knex('golden.teams').insert(TEAMS.map(([team_id, name]) => ({ team_id, name })));
  await knex('golden.fixtures').insert([...UCL_GROUP, ...PREMIER_LEAGUE, ...MLS, ...AWARDED, ...FA_CUP, ...TIES]);
  await knex('golden.standings').insert(STANDINGS);
}

const rows = async <T = Record<string, unknown>>(knex: Knex, sql: string, bindings: ReadonlyArray<string | number> = []): Promise<T[]> =>
  (await knex.raw<{ rows: T[] }>(sql, bindings)).rows;

/** Runs body in a transaction that is always rolled back: the dataset stays as loaded. */
async function inRollback(knex: Knex, body: (trx: Knex.Transaction) => Promise<void>): Promise<void> {
  const trx = await knex.transaction();
  try {
    await body(trx);
  } finally {
    await trx.rollback();
  }
}

const TABLE = `select rank, team_name, played, won, drawn, lost, goals_for, goals_against, goal_diff, points, tie_break
  from marts.league_table where league_id = ? and season = 2023 and group_name = ? order by rank`;

describe(`competition rules in the marts (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('marts_rules', { migrate: true });
  before(async () => loadDataset(ctx.db.knex));

  it('competition_rules gives each league-season the row of its era, else the default, with its labels', async () => {
    const applied = await rows(ctx.db.knex, `select league_id, season, league_name, country_name, season_label, tie_breakers, away_goals_decide_ties, rules_league_id, rules_from_season
      from marts.competition_rules order by league_id, season`);
    expect(applied).to.deep.equal([
      { league_id: 2, season: 2019, league_name: 'UEFA Champions League', country_name: 'World', season_label: '2019-20',
        tie_breakers: ['points', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'h2h_away_goals', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'],
        away_goals_decide_ties: true, rules_league_id: 2, rules_from_season: 1955 },
      { league_id: 2, season: 2023, league_name: 'UEFA Champions League', country_name: 'World', season_label: '2023-24',
        tie_breakers: ['points', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'],
        away_goals_decide_ties: false, rules_league_id: 2, rules_from_season: 2021 },
      { league_id: 39, season: 2023, league_name: 'Premier League', country_name: 'England', season_label: '2023-24',
        tie_breakers: ['points', 'goal_diff', 'goals_for', 'h2h_points', 'h2h_away_goals'], away_goals_decide_ties: false, rules_league_id: 39, rules_from_season: 1992 },
      { league_id: 40, season: 2023, league_name: 'Championship', country_name: 'England', season_label: '2023-24',
        tie_breakers: ['points', 'goal_diff', 'goals_for'], away_goals_decide_ties: false, rules_league_id: 0, rules_from_season: 1900 },
      { league_id: 45, season: 2023, league_name: 'FA Cup', country_name: 'England', season_label: '2023-24',
        tie_breakers: ['points', 'goal_diff', 'goals_for'], away_goals_decide_ties: false, rules_league_id: 0, rules_from_season: 1900 },
      { league_id: 253, season: 2023, league_name: 'Major League Soccer', country_name: 'USA', season_label: '2023',
        tie_breakers: ['points', 'goal_diff', 'goals_for'], away_goals_decide_ties: false, rules_league_id: 0, rules_from_season: 1900 },
    ]);
  });

  it('golden.competition_rules refuses an unknown criterion, criteria not led by points, and fewer points for a win than a draw', async () => {
    const bad = [
      [{ tie_breakers: ['points', 'fair_play'] }, 'competition_rules_tie_breakers_chk'],
      [{ tie_breakers: ['goal_diff', 'points'] }, 'competition_rules_tie_breakers_chk'],
      [{ tie_breakers: ['points'], points_per_win: 1, points_per_draw: 1 }, 'competition_rules_points_chk'],
    ] as const;
    for (const [row, constraint] of bad) {
      const error = await ctx.db.knex('golden.competition_rules').insert({ league_id: 999, from_season: 2000, competition: 'Test', ...row }).catch((err: { constraint?: string }) => err);
      expect((error as { constraint?: string })?.constraint, JSON.stringify(row)).to.equal(constraint);
    }
  });

  it('a UEFA group ranks two teams level on points by their meetings, against the overall goal difference', async () => {
    expect(await rows(ctx.db.knex, TABLE, [2, 'Group A'])).to.deep.equal([
      { rank: 1, team_name: 'Ajax', played: 4, won: 2, drawn: 1, lost: 1, goals_for: 5, goals_against: 3, goal_diff: 2, points: 7, tie_break: 'h2h_goal_diff' },
      { rank: 2, team_name: 'Benfica', played: 4, won: 2, drawn: 1, lost: 1, goals_for: 8, goals_against: 4, goal_diff: 4, points: 7, tie_break: 'points' },
      { rank: 3, team_name: 'Dortmund', played: 2, won: 0, drawn: 1, lost: 1, goals_for: 1, goals_against: 2, goal_diff: -1, points: 1, tie_break: 'goal_diff' },
      { rank: 4, team_name: 'Celtic', played: 2, won: 0, drawn: 1, lost: 1, goals_for: 1, goals_against: 6, goal_diff: -5, points: 1, tie_break: null },
    ]);
  });

  it('rules are data: editing golden.competition_rules re-ranks the table at once', async () => {
    await inRollback(ctx.db.knex, async (trx) => {
      await trx('golden.competition_rules').where({ league_id: 2, from_season: 2021 }).update({ tie_breakers: ['points', 'goal_diff', 'goals_for'] });
      const table = await rows<{ team_name: string; tie_break: string | null }>(trx, TABLE, [2, 'Group A']);
      expect(table.map((r) => [r.team_name, r.tie_break])).to.deep.equal([['Benfica', 'goal_diff'], ['Ajax', 'points'], ['Dortmund', 'goal_diff'], ['Celtic', null]]);
      await trx('golden.competition_rules').where({ league_id: 2, from_season: 2021 }).update({ points_per_win: 2 });
      const [ajax] = await rows(trx, `select points from marts.league_table where league_id = 2 and season = 2023 and team_id = 11`);
      expect(ajax).to.deep.equal({ points: 5 });
      // The same points in every mart that counts them: 2 wins and a draw are 5, not 7.
      const [matches] = await rows(trx, `select sum(points)::int as points from marts.team_matches where league_id = 2 and season = 2023 and team_id = 11 and stage = 'table'`);
      expect(matches).to.deep.equal({ points: 5 });
      const [fixture] = await rows(trx, 'select home_points, away_points from marts.fixture_results where fixture_id = 101');
      expect(fixture).to.deep.equal({ home_points: 0, away_points: 2 });
    });
  });

  it('a Premier League tie goes to goal difference and goals before head-to-head, which settles a pair level on all three', async () => {
    expect(await rows(ctx.db.knex, TABLE, [39, 'Premier League'])).to.deep.equal([
      { rank: 1, team_name: 'Arsenal', played: 2, won: 1, drawn: 0, lost: 1, goals_for: 4, goals_against: 1, goal_diff: 3, points: 3, tie_break: 'goal_diff' },
      { rank: 2, team_name: 'Brentford', played: 1, won: 1, drawn: 0, lost: 0, goals_for: 1, goals_against: 0, goal_diff: 1, points: 3, tie_break: 'goal_diff' },
      { rank: 3, team_name: 'Derby', played: 2, won: 1, drawn: 0, lost: 1, goals_for: 1, goals_against: 1, goal_diff: 0, points: 3, tie_break: 'h2h_points' },
      { rank: 4, team_name: 'Everton', played: 2, won: 1, drawn: 0, lost: 1, goals_for: 1, goals_against: 1, goal_diff: 0, points: 3, tie_break: 'goal_diff' },
      { rank: 5, team_name: 'Chelsea', played: 3, won: 1, drawn: 0, lost: 2, goals_for: 1, goals_against: 5, goal_diff: -4, points: 3, tie_break: null },
    ]);
    const [labels] = await rows(ctx.db.knex, `select league_name, country_name, season_label from marts.league_table where league_id = 39 and team_id = 21`);
    expect(labels).to.deep.equal({ league_name: 'Premier League', country_name: 'England', season_label: '2023-24' });
  });

  it('a league split into conferences counts a match between them in both teams\' tables', async () => {
    const table = await rows(ctx.db.knex, `select group_name, rank, team_name, played, won, drawn, lost, goals_for, goals_against, points
      from marts.league_table where league_id = 253 order by group_name, rank`);
    expect(table).to.deep.equal([
      { group_name: 'Eastern Conference', rank: 1, team_name: 'Atlanta', played: 2, won: 1, drawn: 1, lost: 0, goals_for: 3, goals_against: 1, points: 4 },
      { group_name: 'Eastern Conference', rank: 2, team_name: 'Charlotte', played: 2, won: 0, drawn: 0, lost: 2, goals_for: 1, goals_against: 5, points: 0 },
      { group_name: 'Western Conference', rank: 1, team_name: 'Dallas', played: 2, won: 2, drawn: 0, lost: 0, goals_for: 4, goals_against: 1, points: 6 },
      { group_name: 'Western Conference', rank: 2, team_name: 'Austin', played: 2, won: 0, drawn: 1, lost: 1, goals_for: 1, goals_against: 2, points: 1 },
    ]);
  });

  it('standings_reconciliation agrees where the API does, and says why a row differs: tie-break order, older standings, other rows', async () => {
    const all = await rows<{ matches: boolean; reason: string | null }>(ctx.db.knex, 'select matches, reason from marts.standings_reconciliation');
    expect(all).to.have.length(STANDINGS.length);
    expect(all.filter((r) => !r.matches || r.reason !== null)).to.deep.equal([]);
    const READ = `select team_id, matches, reason, differences, computed_tie_break, season_label from marts.standings_reconciliation
      where league_id = 39 and team_id in (23, 24, 25) order by team_id`;
    await inRollback(ctx.db.knex, async (trx) => {
      await trx('golden.standings').where({ league_id: 39, team_id: 24 }).update({ rank: 4 });
      await trx('golden.standings').where({ league_id: 39, team_id: 25 }).update({ rank: 3 });
      expect(await rows(trx, READ)).to.deep.equal([
        { team_id: 23, matches: true, reason: null, differences: [], computed_tie_break: null, season_label: '2023-24' },
        { team_id: 24, matches: false, reason: 'tie_break', differences: ['rank'], computed_tie_break: 'h2h_points', season_label: '2023-24' },
        { team_id: 25, matches: false, reason: 'tie_break', differences: ['rank'], computed_tie_break: 'goal_diff', season_label: '2023-24' },
      ]);
      // Standings from before Chelsea's last match: it is ranked on fewer matches, and the others' ranks
      // (Everton still 3rd) no longer say anything about the tie-breakers.
      await trx('golden.standings').where({ league_id: 39, team_id: 23 }).update({ rank: 3, all_played: 2, all_lost: 1, all_goals_for: 1, all_goals_against: 4 });
      await trx('golden.standings').where({ league_id: 39, team_id: 24 }).update({ rank: 5 });
      expect(await rows(trx, READ)).to.deep.equal([
        { team_id: 23, matches: false, reason: 'standings_behind', differences: ['rank', 'played', 'lost', 'goals_against'], computed_tie_break: null, season_label: '2023-24' },
        { team_id: 24, matches: false, reason: 'other_rows_differ', differences: ['rank'], computed_tie_break: 'h2h_points', season_label: '2023-24' },
        { team_id: 25, matches: false, reason: 'other_rows_differ', differences: ['rank'], computed_tie_break: 'goal_diff', season_label: '2023-24' },
      ]);
    });
  });

  it('standings_reconciliation says points_adjusted when only the points differ (a deduction)', async () => {
    await inRollback(ctx.db.knex, async (trx) => {
      await trx('golden.standings').where({ league_id: 39, team_id: 23 }).update({ points: -7 });
      expect(await rows(trx, 'select matches, reason, differences from marts.standings_reconciliation where league_id = 39 and team_id = 23')).to.deep.equal([
        { matches: false, reason: 'points_adjusted', differences: ['points'] },
      ]);
    });
  });

  it('a Nations League group ("League A - 1" rounds, "League A - Group 1" standings) is a table, not knockout ties', async () => {
    await inRollback(ctx.db.knex, async (trx) => {
      await trx('golden.leagues').insert({ league_id: 5, name: 'UEFA Nations League', type: 'Cup', country_name: 'World' });
      await trx('golden.seasons').insert({ league_id: 5, season: 2024, start_date: '2024-09-05', end_date: '2025-06-08' });
      await trx('golden.fixtures').insert([
        F(701, 5, 2024, 'League A - 1', '2024-09-05T18:45:00Z', 'FT', 11, 12, [2, 1]),
        F(702, 5, 2024, 'League A - 4', '2024-10-14T18:45:00Z', 'FT', 12, 11, [0, 0]),
        F(703, 5, 2024, 'League A - Quarter-finals', '2025-03-20T19:45:00Z', 'FT', 11, 13, [1, 0]),
      ]);
      await trx('golden.standings').insert([
        { ...S(5, 'League A - Group 1', 11, 1, 1, 1, 0, 2, 1), season: 2024 },
        { ...S(5, 'League A - Group 1', 12, 2, 0, 1, 1, 1, 2), season: 2024 },
      ]);
      expect(await rows(trx, 'select team_name, played, points from marts.league_table where league_id = 5 order by rank')).to.deep.equal([
        { team_name: 'Ajax', played: 2, points: 4 },
        { team_name: 'Benfica', played: 2, points: 1 },
      ]);
      expect(await rows(trx, 'select fixture_id, stage from marts.fixture_results where league_id = 5 order by fixture_id')).to.deep.equal([
        { fixture_id: 701, stage: 'table' }, { fixture_id: 702, stage: 'table' }, { fixture_id: 703, stage: 'knockout' },
      ]);
      expect(await rows(trx, 'select round, legs, winner_name from marts.knockout_ties where league_id = 5')).to.deep.equal([
        { round: 'League A - Quarter-finals', legs: 1, winner_name: 'Ajax' },
      ]);
      const [reconciled] = await rows(trx, 'select bool_and(matches) as matches from marts.standings_reconciliation where league_id = 5');
      expect(reconciled).to.deep.equal({ matches: true });
    });
  });

  it('knockout_ties keeps a split season\'s two play-offs apart when they pair the same teams (Apertura and Clausura)', async () => {
    await inRollback(ctx.db.knex, async (trx) => {
      await trx('golden.leagues').insert({ league_id: 262, name: 'Liga MX', type: 'League', country_name: 'World' });
      await trx('golden.seasons').insert({ league_id: 262, season: 2023, start_date: '2023-06-30', end_date: '2024-05-26' });
      await trx('golden.fixtures').insert([
        F(801, 262, 2023, 'Apertura - Quarter-finals', '2023-11-30T02:00:00Z', 'FT', 31, 32, [1, 0]),
        F(802, 262, 2023, 'Apertura - Quarter-finals', '2023-12-03T02:00:00Z', 'FT', 32, 31, [1, 1]),
        F(803, 262, 2023, 'Clausura - Quarter-finals', '2024-05-09T02:00:00Z', 'FT', 32, 31, [2, 0]),
        F(804, 262, 2023, 'Clausura - Quarter-finals', '2024-05-12T02:00:00Z', 'FT', 31, 32, [0, 0]),
      ]);
      expect(await rows(trx, 'select round, legs, team_a_goals, team_b_goals, winner_name, decided_by from marts.knockout_ties where league_id = 262 order by first_leg_kickoff_at')).to.deep.equal([
        { round: 'Apertura - Quarter-finals', legs: 2, team_a_goals: 2, team_b_goals: 1, winner_name: 'Atlanta', decided_by: 'aggregate' },
        { round: 'Clausura - Quarter-finals', legs: 2, team_a_goals: 2, team_b_goals: 0, winner_name: 'Charlotte', decided_by: 'aggregate' },
      ]);
      // Their play-offs stay out of the table and out of the table after each round.
      const [table] = await rows(trx, 'select count(*)::int as rows from marts.league_table where league_id = 262');
      expect(table).to.deep.equal({ rows: 2 });
      const [played] = await rows(trx, 'select max(played)::int as played from marts.league_table where league_id = 262');
      expect(played).to.deep.equal({ played: 0 });
      const [byRound] = await rows(trx, 'select count(*)::int as rows from marts.standings_by_round where league_id = 262');
      expect(byRound).to.deep.equal({ rows: 0 });
    });
  });

  it('an awarded fixture counts with the API\'s score when it agrees with the award, else 3-0, the same in fixture_results, team_matches and league_table', async () => {
    const results = await rows(ctx.db.knex, `select fixture_id, home_team_name, away_team_name, home_goals, away_goals, winner, decided_by, score_source
      from marts.fixture_results where league_id = 40 order by fixture_id`);
    expect(results).to.deep.equal([
      { fixture_id: 401, home_team_name: 'Leeds', away_team_name: 'Leicester', home_goals: 0, away_goals: 3, winner: 'away', decided_by: 'awarded', score_source: 'awarded_3_0' },
      { fixture_id: 402, home_team_name: 'Hull City', away_team_name: 'Ipswich', home_goals: 3, away_goals: 0, winner: 'home', decided_by: 'awarded', score_source: 'awarded_api' },
      { fixture_id: 403, home_team_name: 'Leeds', away_team_name: 'Hull City', home_goals: 3, away_goals: 0, winner: 'home', decided_by: 'awarded', score_source: 'awarded_3_0' },
      { fixture_id: 404, home_team_name: 'Ipswich', away_team_name: 'Leicester', home_goals: 2, away_goals: 1, winner: 'home', decided_by: 'awarded', score_source: 'awarded_api' },
      { fixture_id: 405, home_team_name: 'Leicester', away_team_name: 'Hull City', home_goals: null, away_goals: null, winner: null, decided_by: null, score_source: null },
    ]);
    const disagreements = await rows(ctx.db.knex, `select r.fixture_id from marts.fixture_results r join marts.team_matches m on m.fixture_id = r.fixture_id and m.is_home
      where r.league_id = 40 and (m.goals_for, m.goals_against) is distinct from (r.home_goals, r.away_goals)`);
    expect(disagreements).to.deep.equal([]);
    const sides = await rows(ctx.db.knex, `select fixture_id, team_name, opponent_name, goals_for, goals_against, result, is_winner, league_name, season_label
      from marts.team_matches where fixture_id = 401 order by is_home desc`);
    expect(sides).to.deep.equal([
      { fixture_id: 401, team_name: 'Leeds', opponent_name: 'Leicester', goals_for: 0, goals_against: 3, result: 'L', is_winner: false, league_name: 'Championship', season_label: '2023-24' },
      { fixture_id: 401, team_name: 'Leicester', opponent_name: 'Leeds', goals_for: 3, goals_against: 0, result: 'W', is_winner: true, league_name: 'Championship', season_label: '2023-24' },
    ]);
    expect(await rows(ctx.db.knex, TABLE, [40, 'Championship'])).to.deep.equal([
      { rank: 1, team_name: 'Leicester', played: 2, won: 1, drawn: 0, lost: 1, goals_for: 4, goals_against: 2, goal_diff: 2, points: 3, tie_break: 'goal_diff' },
      { rank: 2, team_name: 'Hull City', played: 2, won: 1, drawn: 0, lost: 1, goals_for: 3, goals_against: 3, goal_diff: 0, points: 3, tie_break: 'team_name' },
      { rank: 3, team_name: 'Leeds', played: 2, won: 1, drawn: 0, lost: 1, goals_for: 3, goals_against: 3, goal_diff: 0, points: 3, tie_break: 'goal_diff' },
      { rank: 4, team_name: 'Ipswich', played: 2, won: 1, drawn: 0, lost: 1, goals_for: 2, goals_against: 4, goal_diff: -2, points: 3, tie_break: null },
    ]);
  });

  it('without winner flags a shoot-out decides over the score, and a draw after extra time is not decided by extra time', async () => {
    const results = await rows(ctx.db.knex, `select fixture_id, status, winner, winner_team_id, decided_by, league_name, country_name, season_label
      from marts.fixture_results where league_id = 45 order by fixture_id`);
    expect(results).to.deep.equal([
      { fixture_id: 501, status: 'PEN', winner: 'away', winner_team_id: 42, decided_by: 'penalties', league_name: 'FA Cup', country_name: 'England', season_label: '2023-24' },
      { fixture_id: 502, status: 'AET', winner: 'draw', winner_team_id: null, decided_by: null, league_name: 'FA Cup', country_name: 'England', season_label: '2023-24' },
      { fixture_id: 503, status: 'PEN', winner: 'away', winner_team_id: 43, decided_by: 'penalties', league_name: 'FA Cup', country_name: 'England', season_label: '2023-24' },
    ]);
    const won = await rows(ctx.db.knex, 'select team_id, result, is_winner from marts.team_matches where fixture_id = 503 order by team_id');
    expect(won).to.deep.equal([{ team_id: 41, result: 'W', is_winner: false }, { team_id: 43, result: 'L', is_winner: true }]);
  });

  it('knockout_ties: aggregate, extra time, away goals in a season that used them, penalties, and single matches', async () => {
    const ties = await rows(ctx.db.knex, `select season, round, legs, team_a_name, team_b_name, first_leg_home_goals, first_leg_away_goals, second_leg_home_goals, second_leg_away_goals,
        team_a_goals, team_b_goals, team_a_away_goals, team_b_away_goals, team_a_penalties, team_b_penalties, away_goals_rule, is_complete, winner_name, decided_by
      from marts.knockout_ties where league_id = 2 order by season, first_leg_fixture_id`);
    const tie = (season: number, round: string, a: string, b: string, leg1: [number, number], leg2: [number, number], agg: [number, number], away: [number, number],
      pens: [number, number] | [null, null], rule: boolean, winner: string, how: string) => ({
      season, round, legs: 2, team_a_name: a, team_b_name: b, first_leg_home_goals: leg1[0], first_leg_away_goals: leg1[1], second_leg_home_goals: leg2[0], second_leg_away_goals: leg2[1],
      team_a_goals: agg[0], team_b_goals: agg[1], team_a_away_goals: away[0], team_b_away_goals: away[1], team_a_penalties: pens[0], team_b_penalties: pens[1],
      away_goals_rule: rule, is_complete: true, winner_name: winner, decided_by: how,
    });
    expect(ties).to.deep.equal([
      tie(2019, 'Round of 16', 'Lyon', 'Juventus', [1, 0], [2, 1], [2, 2], [1, 0], [null, null], true, 'Lyon', 'away_goals'),
      tie(2023, 'Round of 16', 'Napoli', 'Barcelona', [1, 1], [3, 1], [2, 4], [1, 1], [null, null], false, 'Barcelona', 'aggregate'),
      tie(2023, 'Round of 16', 'Porto', 'Arsenal', [1, 0], [1, 0], [1, 1], [0, 0], [2, 4], false, 'Arsenal', 'penalties'),
      tie(2023, 'Quarter-finals', 'Benfica', 'Celtic', [1, 0], [2, 0], [1, 2], [0, 0], [null, null], false, 'Celtic', 'extra_time'),
    ]);
    const single = await rows(ctx.db.knex, `select first_leg_fixture_id, legs, team_a_goals, team_b_goals, team_a_penalties, team_b_penalties, is_complete, winner_name, decided_by
      from marts.knockout_ties where league_id = 45 order by first_leg_fixture_id`);
    expect(single).to.deep.equal([
      { first_leg_fixture_id: 501, legs: 1, team_a_goals: 1, team_b_goals: 1, team_a_penalties: 3, team_b_penalties: 4, is_complete: true, winner_name: 'Leicester', decided_by: 'penalties' },
      { first_leg_fixture_id: 502, legs: 1, team_a_goals: 2, team_b_goals: 2, team_a_penalties: null, team_b_penalties: null, is_complete: true, winner_name: null, decided_by: null },
      { first_leg_fixture_id: 503, legs: 1, team_a_goals: 2, team_b_goals: 1, team_a_penalties: 3, team_b_penalties: 5, is_complete: true, winner_name: 'Hull City', decided_by: 'penalties' },
    ]);
  });

  it('knockout_ties waits for a second leg, and settles a tie level on aggregate by away goals only in a season whose rules use them', async () => {
    await inRollback(ctx.db.knex, async (trx) => {
      await trx('golden.fixtures').where({ fixture_id: 602 }).update({ status_short: 'NS', goals_home: null, goals_away: null });
      const [waiting] = await rows(trx, 'select team_a_goals, team_b_goals, is_complete, winner_team_id, decided_by from marts.knockout_ties where first_leg_fixture_id = 601');
      expect(waiting).to.deep.equal({ team_a_goals: 1, team_b_goals: 0, is_complete: false, winner_team_id: null, decided_by: null });
      // Benfica 1-0 Celtic, Celtic 2-1 Benfica after extra time: 2-2, Benfica scored away. In 2023 only a shoot-out
      // settles it, and the data has none.
      await trx('golden.fixtures').where({ fixture_id: 616 }).update({ goals_home: 2, goals_away: 1 });
      const READ = 'select team_a_goals, team_b_goals, team_a_away_goals, team_b_away_goals, is_complete, winner_name, decided_by from marts.knockout_ties where first_leg_fixture_id = 615';
      expect(await rows(trx, READ)).to.deep.equal([{ team_a_goals: 2, team_b_goals: 2, team_a_away_goals: 1, team_b_away_goals: 0, is_complete: true, winner_name: null, decided_by: null }]);
      await trx('golden.competition_rules').where({ league_id: 2, from_season: 2021 }).update({ away_goals_decide_ties: true });
      expect(await rows(trx, READ)).to.deep.equal([{ team_a_goals: 2, team_b_goals: 2, team_a_away_goals: 1, team_b_away_goals: 0, is_complete: true, winner_name: 'Benfica', decided_by: 'away_goals' }]);
    });
  });
});
