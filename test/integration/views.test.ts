import { expect } from 'chai';
import type { Knex } from 'knex';
import { refreshMaterializedMarts } from '../../src/db/views';
import { testServerKind, useFreshDatabase } from '../support/db';

// A dataset small enough to compute every mart by hand. League 39 (published standings, group
// "Premier League"): Arsenal (1), Brighton (2), Chelsea (3), Everton (4), with an awarded match, a
// postponed one, an abandoned one that stood at 1-0, an unplayed one and a play-off. League 40 has
// no standings: its table is named after the league. League 2 is a cup: two groups, then
// knockouts decided on penalties (one with the API's winner flag, one without).
const F = (id: number, league: number, round: string, at: string, status: string, home: number, away: number, goals: [number, number] | null, extra: object = {}) => ({
  fixture_id: id, league_id: league, season: 2023, round, kickoff_at: at, status_short: status, home_team_id: home, away_team_id: away,
  goals_home: goals?.[0] ?? null, goals_away: goals?.[1] ?? null,
  home_winner: goals && goals[0] !== goals[1] ? goals[0] > goals[1] : null, away_winner: goals && goals[0] !== goals[1] ? goals[1] > goals[0] : null,
  ...extra,
});

const FIXTURES = [
  F(1, 39, 'Regular Season - 1', '2023-08-12T14:00:00Z', 'FT', 1, 2, [2, 1]),
  F(2, 39, 'Regular Season - 1', '2023-08-12T16:30:00Z', 'FT', 3, 4, [0, 0]),
  F(3, 39, 'Regular Season - 2', '2023-08-19T14:00:00Z', 'FT', 1, 3, [1, 1]),
  F(4, 39, 'Regular Season - 2', '2023-08-19T16:30:00Z', 'AWD', 2, 4, [3, 0]),
  F(5, 39, 'Regular Season - 3', '2023-08-26T14:00:00Z', 'PST', 4, 1, null),
  F(6, 39, 'Regular Season - 3', '2023-08-26T16:30:00Z', 'FT', 2, 3, [0, 2]),
  F(7, 39, 'Regular Season - 4', '2023-09-02T14:00:00Z', 'NS', 1, 4, null),
  F(8, 39, 'Regular Season - 4', '2023-09-02T16:30:00Z', 'ABD', 3, 2, [1, 0], { home_winner: null, away_winner: null }),
  F(9, 39, 'Relegation Play-offs', '2023-09-09T14:00:00Z', 'FT', 4, 2, [1, 0]),
  F(10, 40, 'Regular Season - 1', '2023-08-12T14:00:00Z', 'FT', 5, 6, [1, 1]),
  F(11, 2, 'Group Stage - 1', '2023-09-19T19:00:00Z', 'FT', 1, 2, [1, 0]),
  F(12, 2, 'Group Stage - 1', '2023-09-19T19:00:00Z', 'FT', 3, 4, [2, 2]),
  F(13, 2, 'Semi-finals', '2023-10-03T19:00:00Z', 'PEN', 1, 3, [1, 1], { penalty_home: 4, penalty_away: 3, home_winner: true, away_winner: false }),
  F(14, 2, 'Final', '2023-10-10T19:00:00Z', 'PEN', 4, 1, [0, 0], { penalty_home: 5, penalty_away: 4 }),
];

const TEAMS = [[1, 'Arsenal'], [2, 'Brighton'], [3, 'Chelsea'], [4, 'Everton'], [5, 'Leeds'], [6, 'Leicester'], [7, 'Hull City']] as const;

// The API's standings, equal to what the fixtures give (checked below); columns of golden.standings.
const S = (league: number, group: string, team: number, rank: number, p: number, w: number, d: number, l: number, gf: number, ga: number) => ({
  league_id: league, season: 2023, group_name: group, team_id: team, rank, points: 3 * w + d, goals_diff: gf - ga,
  all_played: p, all_won: w, all_drawn: d, all_lost: l, all_goals_for: gf, all_goals_against: ga,
});
const STANDINGS = [
  S(39, 'Premier League', 3, 1, 3, 1, 2, 0, 3, 1),
  S(39, 'Premier League', 1, 2, 2, 1, 1, 0, 3, 2),
  S(39, 'Premier League', 2, 3, 3, 1, 0, 2, 4, 4),
  S(39, 'Premier League', 4, 4, 2, 0, 1, 1, 0, 3),
  S(2, 'Group A', 1, 1, 1, 1, 0, 0, 1, 0),
  S(2, 'Group A', 2, 2, 1, 0, 0, 1, 0, 1),
  S(2, 'Group B', 4, 1, 1, 0, 1, 0, 2, 2),
  S(2, 'Group B', 3, 2, 1, 0, 1, 0, 2, 2),
];

const E = (fixture: number, index: number, team: number, player: number, detail: string, shootout = false) => ({
  fixture_id: fixture, event_index: index, elapsed: shootout ? 120 : 10 + index, team_id: team, player_id: player, type: 'Goal', detail,
  comments: shootout ? 'Penalty Shootout' : null, is_shootout: shootout,
});
const EVENTS = [
  E(1, 0, 1, 101, 'Normal Goal'), E(1, 1, 2, 201, 'Normal Goal'), E(1, 2, 1, 101, 'Penalty'),
  E(3, 0, 1, 101, 'Normal Goal'), E(3, 1, 3, 301, 'Missed Penalty'), E(3, 2, 3, 301, 'Normal Goal'),
  E(6, 0, 3, 301, 'Normal Goal'), E(6, 1, 3, 201, 'Own Goal'),
  E(8, 0, 3, 301, 'Normal Goal'),
  E(13, 0, 1, 101, 'Normal Goal'), E(13, 1, 3, 301, 'Normal Goal'),
  E(13, 2, 1, 101, 'Penalty', true), E(13, 3, 3, 301, 'Missed Penalty', true), E(13, 4, 1, 101, 'Penalty', true),
];

const P = (fixture: number, team: number, player: number, minutes: number | null, goals: number, rating: number | null, sub: boolean, extra: object = {}) => ({
  fixture_id: fixture, team_id: team, player_id: player, minutes, goals, rating, is_substitute: sub, assists: 0, yellow_cards: 0, red_cards: 0, ...extra,
});
const PLAYER_STATS = [
  P(1, 1, 101, 90, 2, 7.5, false, { penalties_scored: 1 }), P(1, 2, 201, 30, 1, 6.5, true),
  P(3, 1, 101, 80, 1, 8.0, false, { yellow_cards: 1 }), P(3, 3, 301, 90, 1, 7.0, false, { penalties_missed: 1 }),
  P(6, 2, 201, 20, 0, null, true), P(6, 3, 301, 90, 1, 7.2, false, { assists: 1 }),
  P(8, 3, 301, 45, 1, null, false),
  P(13, 1, 101, 120, 1, 7.0, false), P(13, 3, 301, 120, 1, 6.9, false),
];

const T = (fixture: number, team: number, shots: number, onTarget: number, possession: number, xg: number | null, passes: [number, number]) => ({
  fixture_id: fixture, team_id: team, shots_total: shots, shots_on_goal: onTarget, possession_pct: possession, expected_goals: xg, corner_kicks: 5,
  passes_total: passes[0], passes_accurate: passes[1],
});
const TEAM_STATS = [
  T(1, 1, 12, 5, 58, 1.85, [500, 420]), T(1, 2, 7, 2, 42, null, [360, 280]),
  T(3, 1, 10, 4, 50, 1.1, [480, 400]), T(3, 3, 9, 3, 50, 0.9, [470, 390]),
];

async function loadDataset(knex: Knex): Promise<void> {
  await knex('golden.countries').insert([{ country_name: 'England', code: 'GB-ENG' }, { country_name: 'World' }]);
  await knex('golden.leagues').insert([
    { league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' },
    { league_id: 40, name: 'Championship', type: 'League', country_name: 'England' },
    { league_id: 2, name: 'UEFA Champions League', type: 'Cup', country_name: 'World' },
  ]);
  await knex('golden.seasons').insert([39, 40, 2].map((league_id) => ({ league_id, season: 2023 })));
  await knex('golden.teams').insert(TEAMS.map(([team_id, name]) => ({ team_id, name })));
  await knex('golden.team_seasons').insert([1, 2, 3, 4].map((team_id) => ({ league_id: 39, season: 2023, team_id })).concat([5, 6, 7].map((team_id) => ({ league_id: 40, season: 2023, team_id }))));
  await knex('golden.players').insert([{ player_id: 101, name: 'B. Saka' }, { player_id: 201, name: 'J. Pedro' }, { player_id: 301, name: 'C. Palmer' }]);
  await knex('golden.fixtures').insert(FIXTURES);
  await knex('golden.fixture_events').insert(EVENTS);
  await knex('golden.fixture_player_stats').insert(PLAYER_STATS);
  await knex('golden.fixture_team_stats').insert(TEAM_STATS);
  await knex('golden.standings').insert(STANDINGS);
  // As a load ends: the materialized marts catch up with the rows written.
  await refreshMaterializedMarts(knex);
}

const rows = async <T = Record<string, unknown>>(knex: Knex, sql: string): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql)).rows;

describe(`marts views on a hand-made dataset (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('views', { migrate: true });
  before(async () => loadDataset(ctx.db.knex));

  it('league_table equals the table computed by hand: awarded score counted; postponed, abandoned, unplayed and play-off matches not', async () => {
    const table = await rows(ctx.db.knex, `select group_name, rank, team_name, played, won, drawn, lost, goals_for, goals_against, goal_diff, points, form
      from marts.league_table where league_id = 39 and season = 2023 order by rank`);
    expect(table).to.deep.equal([
      { group_name: 'Premier League', rank: 1, team_name: 'Chelsea', played: 3, won: 1, drawn: 2, lost: 0, goals_for: 3, goals_against: 1, goal_diff: 2, points: 5, form: 'WDD' },
      { group_name: 'Premier League', rank: 2, team_name: 'Arsenal', played: 2, won: 1, drawn: 1, lost: 0, goals_for: 3, goals_against: 2, goal_diff: 1, points: 4, form: 'DW' },
      { group_name: 'Premier League', rank: 3, team_name: 'Brighton', played: 3, won: 1, drawn: 0, lost: 2, goals_for: 4, goals_against: 4, goal_diff: 0, points: 3, form: 'LWL' },
      { group_name: 'Premier League', rank: 4, team_name: 'Everton', played: 2, won: 0, drawn: 1, lost: 1, goals_for: 0, goals_against: 3, goal_diff: -3, points: 1, form: 'LD' },
    ]);
  });

  it('league_table splits a cup into its groups, leaves its knockout rounds out, and breaks a tie by the competition\'s rules (UEFA 2023: level head-to-head, then away goals in all group matches)', async () => {
    const table = await rows(ctx.db.knex, `select group_name, rank, team_id, played, points, goals_for, goals_against, form
      from marts.league_table where league_id = 2 order by group_name, rank`);
    expect(table).to.deep.equal([
      { group_name: 'Group A', rank: 1, team_id: 1, played: 1, points: 3, goals_for: 1, goals_against: 0, form: 'W' },
      { group_name: 'Group A', rank: 2, team_id: 2, played: 1, points: 0, goals_for: 0, goals_against: 1, form: 'L' },
      { group_name: 'Group B', rank: 1, team_id: 4, played: 1, points: 1, goals_for: 2, goals_against: 2, form: 'D' },
      { group_name: 'Group B', rank: 2, team_id: 3, played: 1, points: 1, goals_for: 2, goals_against: 2, form: 'D' },
    ]);
  });

  it('league_table names the single table of a league without standings after it, listing its teams before their first match', async () => {
    const table = await rows(ctx.db.knex, `select group_name, rank, team_name, played, points, form from marts.league_table where league_id = 40 order by rank`);
    expect(table).to.deep.equal([
      { group_name: 'Championship', rank: 1, team_name: 'Leeds', played: 1, points: 1, form: 'D' },
      { group_name: 'Championship', rank: 2, team_name: 'Leicester', played: 1, points: 1, form: 'D' },
      { group_name: 'Championship', rank: 3, team_name: 'Hull City', played: 0, points: 0, form: null },
    ]);
  });

  it('standings_reconciliation matches every row of standings that agree, and names what differs when they do not', async () => {
    const all = await rows<{ matches: boolean }>(ctx.db.knex, 'select matches from marts.standings_reconciliation');
    expect(all).to.have.length(STANDINGS.length);
    expect(all.every((r) => r.matches)).to.equal(true);
    const trx = await ctx.db.knex.transaction();
    try {
      await trx('golden.standings').where({ league_id: 39, team_id: 2 }).update({ all_won: 2, all_lost: 1, points: 6 });
      const [row] = await rows(trx, 'select matches, differences, api_points, computed_points from marts.standings_reconciliation where league_id = 39 and team_id = 2');
      expect(row).to.deep.equal({ matches: false, differences: ['points', 'won', 'lost'], api_points: 6, computed_points: 3 });
    } finally {
      await trx.rollback();
    }
  });

  it('fixture_results follows the winner flags, falls back on the shoot-out score, and has no winner unless finished or awarded', async () => {
    const results = await rows(ctx.db.knex, 'select fixture_id, status, status_category, winner, winner_team_id, decided_by from marts.fixture_results where fixture_id in (2, 4, 5, 8, 9, 13, 14) order by fixture_id');
    expect(results).to.deep.equal([
      { fixture_id: 2, status: 'FT', status_category: 'finished', winner: 'draw', winner_team_id: null, decided_by: 'regular_time' },
      { fixture_id: 4, status: 'AWD', status_category: 'awarded', winner: 'home', winner_team_id: 2, decided_by: 'awarded' },
      { fixture_id: 5, status: 'PST', status_category: 'postponed', winner: null, winner_team_id: null, decided_by: null },
      { fixture_id: 8, status: 'ABD', status_category: 'abandoned', winner: null, winner_team_id: null, decided_by: null },
      { fixture_id: 9, status: 'FT', status_category: 'finished', winner: 'home', winner_team_id: 4, decided_by: 'regular_time' },
      { fixture_id: 13, status: 'PEN', status_category: 'finished', winner: 'home', winner_team_id: 1, decided_by: 'penalties' },
      { fixture_id: 14, status: 'PEN', status_category: 'finished', winner: 'home', winner_team_id: 4, decided_by: 'penalties' },
    ]);
  });

  it('team_matches has two rows per counted fixture, points from the score and is_winner from the decision', async () => {
    const counted = FIXTURES.filter((f) => ['FT', 'AET', 'PEN', 'AWD', 'WO'].includes(f.status_short));
    const [{ n }] = await rows<{ n: number }>(ctx.db.knex, 'select count(*)::int as n from marts.team_matches');
    expect(n).to.equal(2 * counted.length);
    const shootout = await rows(ctx.db.knex, 'select team_id, result, points, is_winner from marts.team_matches where fixture_id = 13 order by team_id');
    expect(shootout).to.deep.equal([{ team_id: 1, result: 'D', points: 1, is_winner: true }, { team_id: 3, result: 'D', points: 1, is_winner: false }]);
    const awarded = await rows(ctx.db.knex, 'select team_id, is_home, goals_for, goals_against, result, points from marts.team_matches where fixture_id = 4 order by team_id');
    expect(awarded).to.deep.equal([
      { team_id: 2, is_home: true, goals_for: 3, goals_against: 0, result: 'W', points: 3 },
      { team_id: 4, is_home: false, goals_for: 0, goals_against: 3, result: 'L', points: 0 },
    ]);
  });

  it('team_form gives the last five results of the league-season newest first, play-offs included', async () => {
    const [brighton] = await rows(ctx.db.knex, 'select form, played, won, lost, points, last_fixture_id from marts.team_form where league_id = 39 and team_id = 2');
    expect(brighton).to.deep.equal({ form: 'LLWL', played: 4, won: 1, lost: 3, points: 3, last_fixture_id: 9 });
  });

  it('player_season_stats sums the counted fixtures, and its goals equal the goal events (no own goals, missed penalties, shoot-out kicks)', async () => {
    const stats = await rows(ctx.db.knex, `select player_id, team_id, appearances, starts, minutes, goals, penalties_scored, yellow_cards, average_rating, rated_matches, goals_per_90
      from marts.player_season_stats where league_id = 39 order by player_id`);
    expect(stats).to.deep.equal([
      { player_id: 101, team_id: 1, appearances: 2, starts: 2, minutes: 170, goals: 3, penalties_scored: 1, yellow_cards: 1, average_rating: '7.75', rated_matches: 2, goals_per_90: '1.59' },
      { player_id: 201, team_id: 2, appearances: 2, starts: 0, minutes: 50, goals: 1, penalties_scored: 0, yellow_cards: 0, average_rating: '6.50', rated_matches: 1, goals_per_90: '1.80' },
      { player_id: 301, team_id: 3, appearances: 2, starts: 2, minutes: 180, goals: 2, penalties_scored: 0, yellow_cards: 0, average_rating: '7.10', rated_matches: 2, goals_per_90: '1.00' },
    ]);
    const mismatches = await rows(ctx.db.knex, `
      with goal_events as (
        select f.league_id, f.season, e.player_id, count(*)::int as goals
        from golden.fixture_events e join marts.fixture_results f using (fixture_id)
        where f.status_category in ('finished', 'awarded') and e.type = 'Goal'
          and e.detail not in ('Own Goal', 'Missed Penalty') and not e.is_shootout
        group by 1, 2, 3
      ), stats as (
        select league_id, season, player_id, sum(goals)::int as goals from marts.player_season_stats group by 1, 2, 3
      )
      select * from goal_events full join stats using (league_id, season, player_id)
      where goal_events.goals is distinct from nullif(stats.goals, 0)`);
    expect(mismatches).to.deep.equal([]);
  });

  it('top_scorers ranks by goals, equal goals sharing a rank', async () => {
    const league = await rows(ctx.db.knex, 'select rank, player_name, team_name, goals from marts.top_scorers where league_id = 39 order by rank, player_id');
    expect(league).to.deep.equal([
      { rank: 1, player_name: 'B. Saka', team_name: 'Arsenal', goals: 3 },
      { rank: 2, player_name: 'C. Palmer', team_name: 'Chelsea', goals: 2 },
      { rank: 3, player_name: 'J. Pedro', team_name: 'Brighton', goals: 1 },
    ]);
    const cup = await rows(ctx.db.knex, 'select rank, player_id from marts.top_scorers where league_id = 2 order by player_id');
    expect(cup).to.deep.equal([{ rank: 1, player_id: 101 }, { rank: 1, player_id: 301 }]);
  });

  it('head_to_head counts every meeting across competitions, from both sides', async () => {
    const pair = await rows(ctx.db.knex, `select team_id, opponent_id, played, won, drawn, lost, goals_for, goals_against, played_at_home, recent_form, last_fixture_id
      from marts.head_to_head where (team_id, opponent_id) in ((1, 3), (3, 1)) order by team_id`);
    expect(pair).to.deep.equal([
      { team_id: 1, opponent_id: 3, played: 2, won: 0, drawn: 2, lost: 0, goals_for: 2, goals_against: 2, played_at_home: 2, recent_form: 'DD', last_fixture_id: 13 },
      { team_id: 3, opponent_id: 1, played: 2, won: 0, drawn: 2, lost: 0, goals_for: 2, goals_against: 2, played_at_home: 0, recent_form: 'DD', last_fixture_id: 13 },
    ]);
  });

  it('team_season_stats sums statistics for and against, expected goals only where given', async () => {
    const stats = await rows(ctx.db.knex, `select team_id, matches, goals_for, goals_against, shots_for, shots_against, average_possession_pct,
        expected_goals_for, expected_goals_against, expected_goals_matches, pass_accuracy_pct
      from marts.team_season_stats where league_id = 39 order by team_id`);
    expect(stats).to.deep.equal([
      { team_id: 1, matches: 2, goals_for: 3, goals_against: 2, shots_for: 22, shots_against: 16, average_possession_pct: '54.0', expected_goals_for: '2.950', expected_goals_against: '0.900', expected_goals_matches: 2, pass_accuracy_pct: '83.7' },
      { team_id: 2, matches: 1, goals_for: 1, goals_against: 2, shots_for: 7, shots_against: 12, average_possession_pct: '42.0', expected_goals_for: null, expected_goals_against: '1.850', expected_goals_matches: 0, pass_accuracy_pct: '77.8' },
      { team_id: 3, matches: 1, goals_for: 1, goals_against: 1, shots_for: 9, shots_against: 10, average_possession_pct: '50.0', expected_goals_for: '0.900', expected_goals_against: '1.100', expected_goals_matches: 1, pass_accuracy_pct: '83.0' },
    ]);
  });

  it('comments every mart and every column', async () => {
    const missing = await rows(ctx.db.knex, `
      select c.relname || coalesce('.' || a.attname, '') as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and col_description(c.oid, a.attnum) is null
      where n.nspname = 'marts' and c.relkind in ('v', 'm') and (obj_description(c.oid, 'pg_class') is null or a.attname is not null)`);
    expect(missing).to.deep.equal([]);
  });
});
