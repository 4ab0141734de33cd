import { expect } from 'chai';
import type { Knex } from 'knex';
import { testServerKind, useFreshDatabase } from '../support/db';

// A dataset small enough to compute every figure by hand.
// League 39 (2023-24), four teams, four rounds: Arsenal (1), Brighton (2), Chelsea (3), Everton (4).
//   R1  F1 Arsenal 2-1 Brighton          F2 Chelsea 1-1 Everton
//   R2  F3 Chelsea 0-0 Arsenal           F4 Everton 0-2 Brighton
//   R3  F5 Arsenal 3-0 Everton           F6 Brighton 1-2 Chelsea (an own goal)
//   R4  F7 Brighton 3-1 Arsenal          F8 Everton v Chelsea postponed (never counts)
// League 2 (2023-24): Arsenal and Chelsea meet seven times, enough for a form of five to drop a match.
// League 40 (no season dates): Leeds (5), Leicester (6), Hull (7); round 1's second match was
// rescheduled after round 2: R1 F31 Leeds 1-0 Leicester (5 Aug), R2 F32 Leicester 1-1 Hull (12 Aug),
// R1 F33 Hull 0-3 Leicester (19 Aug).
const F = (id: number, league: number, round: string, at: string, home: number, away: number, goals: [number, number] | null, status = 'FT', extra: object = {}) => ({
  fixture_id: id, league_id: league, season: 2023, round, kickoff_at: at, status_short: status, home_team_id: home, away_team_id: away,
  goals_home: goals?.[0] ?? null, goals_away: goals?.[1] ?? null, ...extra,
});
const ARSENAL_V_CHELSEA: Array<[string, boolean, [number, number]]> = [
  // kick-off, Arsenal at home, score (home, away): Arsenal W W D L W W L
  ['2023-09-19T19:00:00Z', true, [1, 0]],
  ['2023-10-03T19:00:00Z', false, [0, 2]],
  ['2023-10-24T19:00:00Z', true, [1, 1]],
  ['2023-11-07T19:00:00Z', false, [2, 0]],
  ['2023-11-28T19:00:00Z', true, [3, 1]],
  ['2023-12-12T19:00:00Z', false, [1, 2]],
  ['2024-02-20T19:00:00Z', true, [0, 1]],
];
const FIXTURES = [
  F(1, 39, 'Regular Season - 1', '2023-08-12T14:00:00Z', 1, 2, [2, 1], 'FT', {
    venue_id: 556, venue_name: 'Emirates', venue_city: 'London', referee: 'Anthony Taylor, England', referee_name: 'Anthony Taylor', referee_country: 'England',
    halftime_home: 1, halftime_away: 1, fulltime_home: 2, fulltime_away: 1,
  }),
  F(2, 39, 'Regular Season - 1', '2023-08-12T16:30:00Z', 3, 4, [1, 1]),
  F(3, 39, 'Regular Season - 2', '2023-08-19T14:00:00Z', 3, 1, [0, 0]),
  F(4, 39, 'Regular Season - 2', '2023-08-19T16:30:00Z', 4, 2, [0, 2]),
  F(5, 39, 'Regular Season - 3', '2023-08-26T14:00:00Z', 1, 4, [3, 0]),
  F(6, 39, 'Regular Season - 3', '2023-08-26T16:30:00Z', 2, 3, [1, 2]),
  F(7, 39, 'Regular Season - 4', '2023-09-02T14:00:00Z', 2, 1, [3, 1]),
  F(8, 39, 'Regular Season - 4', '2023-09-02T16:30:00Z', 4, 3, null, 'PST'),
  ...ARSENAL_V_CHELSEA.map(([at, arsenalHome, score], i) => F(21 + i, 2, `Group Stage - ${i + 1}`, at, arsenalHome ? 1 : 3, arsenalHome ? 3 : 1, score)),
  F(31, 40, 'Regular Season - 1', '2023-08-05T14:00:00Z', 5, 6, [1, 0]),
  F(32, 40, 'Regular Season - 2', '2023-08-12T14:00:00Z', 6, 7, [1, 1]),
  F(33, 40, 'Regular Season - 1', '2023-08-19T14:00:00Z', 7, 6, [0, 3]),
];

const PLAYERS = [[101, 'B. Saka'], [102, 'M. Ødegaard'], [103, 'G. Jesus'], [104, 'T. Partey'], [201, 'J. Pedro'], [202, 'L. Dunk'], [203, 'S. March']] as const;

const EV = (fixture: number, index: number, elapsed: number, extra: number | null, team: number, type: string, detail: string, player: number | null, assist: number | null = null, more: object = {}) => ({
  fixture_id: fixture, event_index: index, elapsed, extra, team_id: team, type, detail, player_id: player, assist_id: assist, is_shootout: false, ...more,
});
const EVENTS = [
  EV(1, 0, 23, null, 1, 'Goal', 'Normal Goal', 101, 102),
  EV(1, 1, 31, null, 2, 'Card', 'Yellow Card', 202, null, { comments: 'Foul' }),
  EV(1, 2, 45, 2, 2, 'Goal', 'Normal Goal', 201),
  EV(1, 3, 58, null, 1, 'Var', 'Goal cancelled', 103),
  EV(1, 4, 63, null, 1, 'subst', 'Substitution 1', 103, 102),
  EV(1, 5, 78, null, 1, 'Goal', 'Penalty', 101),
  EV(1, 6, 90, 4, 2, 'Goal', 'Missed Penalty', 201),
  // An own goal by Brighton's Dunk counts for Chelsea; the winner's scorer is not in golden.players.
  EV(6, 0, 10, null, 3, 'Goal', 'Own Goal', 202),
  EV(6, 1, 50, null, 2, 'Goal', 'Normal Goal', 201),
  EV(6, 2, 70, null, 3, 'Goal', 'Normal Goal', null, null, { player_name: 'C. Palmer' }),
];

const LP = (team: number, player: number, number: number, position: string, grid: string | null, index: number) => ({
  fixture_id: 1, team_id: team, player_id: player, player_name: `as listed ${player}`, shirt_number: number, position, grid, is_starter: grid !== null, list_index: index,
});

const TS = (team: number, s: { shots: number; on: number; possession: number; xg: number; corners: number; fouls: number; yellow: number; saves: number }) => ({
  fixture_id: 1, team_id: team, shots_total: s.shots, shots_on_goal: s.on, possession_pct: s.possession, expected_goals: s.xg, corner_kicks: s.corners,
  fouls: s.fouls, yellow_cards: s.yellow, red_cards: 0, goalkeeper_saves: s.saves,
});

async function loadDataset(knex: Knex): Promise<void> {
  await knex('golden.countries').insert([{ country_name: 'England' }, { country_name: 'World' }]);
  await knex('golden.leagues').insert([
    { league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' },
    { league_id: 2, name: 'UEFA Champions League', type: 'Cup', country_name: 'World' },
    { league_id: 40, name: 'Championship', type: 'League', country_name: 'England' },
  ]);
  await knex('golden.seasons').insert([
    { league_id: 39, season: 2023, start_date: '2023-08-11', end_date: '2024-05-19' },
    { league_id: 2, season: 2023, start_date: '2023-09-19', end_date: '2024-06-01' },
    { league_id: 40, season: 2023 },
  ]);
  await knex('golden.teams').insert([[1, 'Arsenal'], [2, 'Brighton'], [3, 'Chelsea'], [4, 'Everton'], [5, 'Leeds'], [6, 'Leicester'], [7, 'Hull City']].map(([team_id, name]) => ({ team_id, name })));
  await knex('golden.venues').insert({ venue_id: 556, name: 'Emirates Stadium', city: 'London' });
  await knex('golden.players').insert(PLAYERS.map(([player_id, name]) => ({ player_id, name })));
  await knex('golden.fixtures').insert(FIXTURES);
  await knex('golden.fixture_events').insert(EVENTS);
  await knex('golden.fixture_lineups').insert([
    { fixture_id: 1, team_id: 1, formation: '4-3-3', coach_id: 9, coach_name: 'M. Arteta' },
    { fixture_id: 1, team_id: 2, formation: '4-2-3-1', coach_id: 10, coach_name: 'R. De Zerbi' },
  ]);
  await knex('golden.fixture_lineup_players').insert([
    LP(1, 101, 7, 'F', '4:3', 0), LP(1, 102, 8, 'M', '3:2', 1), LP(1, 103, 9, 'F', null, 0),
    LP(2, 202, 5, 'D', '2:2', 0), LP(2, 201, 9, 'F', '4:1', 1),
  ]);
  await knex('golden.fixture_team_stats').insert([
    TS(1, { shots: 15, on: 6, possession: 61, xg: 2.1, corners: 7, fouls: 9, yellow: 0, saves: 2 }),
    TS(2, { shots: 8, on: 3, possession: 39, xg: 0.95, corners: 3, fouls: 12, yellow: 1, saves: 4 }),
  ]);
  await knex('golden.fixture_player_stats').insert([
    { fixture_id: 1, team_id: 1, player_id: 101, position: 'F', minutes: 90, rating: 8.1, goals: 2, assists: 0, shots_total: 4, shots_on: 3, penalties_scored: 1, is_substitute: false },
    { fixture_id: 1, team_id: 1, player_id: 103, position: 'F', minutes: 27, rating: null, goals: 0, is_substitute: true },
    { fixture_id: 1, team_id: 2, player_id: 201, position: 'F', minutes: 90, rating: 6.9, goals: 1, penalties_missed: 1, is_substitute: false },
  ]);
  await knex('golden.injuries').insert([
    { fixture_id: 1, player_id: 104, team_id: 1, type: 'Missing Fixture', reason: 'Muscle Injury' },
    { fixture_id: 1, player_id: 203, team_id: 2, type: 'Missing Fixture', reason: 'Red Card' },
    { fixture_id: 7, player_id: 104, team_id: 1, type: 'Questionable', reason: 'Knock' },
  ]);
  // A curated name: every label comes from the marts that apply overrides.
  await knex('golden.overrides').insert({ entity: 'teams', entity_id: 2, field: 'name', value: 'Brighton & Hove Albion', reason: 'full name', author: 'test' });
}

const rows = async <T = Record<string, unknown>>(knex: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql, bindings)).rows;

const NEW_MARTS = ['seasons', 'matches', 'match_events', 'match_lineups', 'match_team_stats', 'match_player_stats', 'injuries', 'team_splits', 'standings_by_round', 'team_form_as_of'];

describe(`match-level marts on a hand-made dataset (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('marts_matches', { migrate: true });
  before(async () => loadDataset(ctx.db.knex));

  it('seasons label a season across the new year 2023-24, and one without dates by its start year', async () => {
    expect(await rows(ctx.db.knex, 'select league_id, league_name, country_name, season_label from marts.seasons order by league_id')).to.deep.equal([
      { league_id: 2, league_name: 'UEFA Champions League', country_name: 'World', season_label: '2023-24' },
      { league_id: 39, league_name: 'Premier League', country_name: 'England', season_label: '2023-24' },
      { league_id: 40, league_name: 'Championship', country_name: 'England', season_label: '2023' },
    ]);
  });

  it('matches name a fixture: competition, season, curated team names, the curated venue and the parsed referee', async () => {
    const [match] = await rows(ctx.db.knex, `select league_name, country_name, season_label, round, status_category, home_team_name, away_team_name, home_goals, away_goals,
        halftime_home, halftime_away, venue_name, venue_city, referee_name, referee_country from marts.matches where fixture_id = 1`);
    expect(match).to.deep.equal({
      league_name: 'Premier League', country_name: 'England', season_label: '2023-24', round: 'Regular Season - 1', status_category: 'finished',
      home_team_name: 'Arsenal', away_team_name: 'Brighton & Hove Albion', home_goals: 2, away_goals: 1, halftime_home: 1, halftime_away: 1,
      venue_name: 'Emirates Stadium', venue_city: 'London', referee_name: 'Anthony Taylor', referee_country: 'England',
    });
    expect(await rows(ctx.db.knex, 'select status_category, home_goals from marts.matches where fixture_id = 8')).to.deep.equal([{ status_category: 'postponed', home_goals: null }]);
  });

  it('match_events is the timeline in order of play with names and the running score: a missed penalty and a VAR decision change nothing', async () => {
    const timeline = await rows(ctx.db.knex, `select minute, period, team_name, event_kind, is_goal, player_name, assist_name, home_score, away_score
      from marts.match_events where fixture_id = 1 order by event_index`);
    expect(timeline).to.deep.equal([
      { minute: '23', period: 'first_half', team_name: 'Arsenal', event_kind: 'goal', is_goal: true, player_name: 'B. Saka', assist_name: 'M. Ødegaard', home_score: 1, away_score: 0 },
      { minute: '31', period: 'first_half', team_name: 'Brighton & Hove Albion', event_kind: 'yellow_card', is_goal: false, player_name: 'L. Dunk', assist_name: null, home_score: 1, away_score: 0 },
      { minute: '45+2', period: 'first_half', team_name: 'Brighton & Hove Albion', event_kind: 'goal', is_goal: true, player_name: 'J. Pedro', assist_name: null, home_score: 1, away_score: 1 },
      { minute: '58', period: 'second_half', team_name: 'Arsenal', event_kind: 'var', is_goal: false, player_name: 'G. Jesus', assist_name: null, home_score: 1, away_score: 1 },
      { minute: '63', period: 'second_half', team_name: 'Arsenal', event_kind: 'substitution', is_goal: false, player_name: 'G. Jesus', assist_name: 'M. Ødegaard', home_score: 1, away_score: 1 },
      { minute: '78', period: 'second_half', team_name: 'Arsenal', event_kind: 'penalty_goal', is_goal: true, player_name: 'B. Saka', assist_name: null, home_score: 2, away_score: 1 },
      { minute: '90+4', period: 'second_half', team_name: 'Brighton & Hove Albion', event_kind: 'missed_penalty', is_goal: false, player_name: 'J. Pedro', assist_name: null, home_score: 2, away_score: 1 },
    ]);
  });

  it('match_events credits an own goal to the side it counts for, and names a scorer missing from players as the event does', async () => {
    const goals = await rows(ctx.db.knex, 'select event_kind, team_name, is_home, player_name, home_score, away_score from marts.match_events where fixture_id = 6 order by event_index');
    expect(goals).to.deep.equal([
      { event_kind: 'own_goal', team_name: 'Chelsea', is_home: false, player_name: 'L. Dunk', home_score: 0, away_score: 1 },
      { event_kind: 'goal', team_name: 'Brighton & Hove Albion', is_home: true, player_name: 'J. Pedro', home_score: 1, away_score: 1 },
      { event_kind: 'goal', team_name: 'Chelsea', is_home: false, player_name: 'C. Palmer', home_score: 1, away_score: 2 },
    ]);
    // The last running score of every fixture with events is its final score.
    const differing = await rows(ctx.db.knex, `select m.fixture_id from marts.matches m
      join lateral (select home_score, away_score from marts.match_events e where e.fixture_id = m.fixture_id order by event_index desc limit 1) last on true
      where (last.home_score, last.away_score) is distinct from (m.home_goals::int, m.away_goals::int)`);
    expect(differing).to.deep.equal([]);
  });

  it('match_lineups lists starters and substitutes with formation, coach, grid cell, shirt number and the curated player name', async () => {
    const arsenal = await rows(ctx.db.knex, `select formation, coach_name, opponent_name, player_name, shirt_number, position, grid, grid_row, grid_column, is_starter
      from marts.match_lineups where fixture_id = 1 and team_id = 1 order by is_starter desc, list_index`);
    expect(arsenal).to.deep.equal([
      { formation: '4-3-3', coach_name: 'M. Arteta', opponent_name: 'Brighton & Hove Albion', player_name: 'B. Saka', shirt_number: 7, position: 'F', grid: '4:3', grid_row: 4, grid_column: 3, is_starter: true },
      { formation: '4-3-3', coach_name: 'M. Arteta', opponent_name: 'Brighton & Hove Albion', player_name: 'M. Ødegaard', shirt_number: 8, position: 'M', grid: '3:2', grid_row: 3, grid_column: 2, is_starter: true },
      { formation: '4-3-3', coach_name: 'M. Arteta', opponent_name: 'Brighton & Hove Albion', player_name: 'G. Jesus', shirt_number: 9, position: 'F', grid: null, grid_row: null, grid_column: null, is_starter: false },
    ]);
    expect(await rows(ctx.db.knex, 'select count(*)::int as n from marts.match_lineups where team_id = 2')).to.deep.equal([{ n: 2 }]);
  });

  it('match_team_stats puts the opponent\'s figures beside the team\'s, and the score', async () => {
    const sides = await rows(ctx.db.knex, `select team_name, is_home, goals_for, goals_against, shots_total, opponent_shots_total, expected_goals, opponent_expected_goals,
        possession_pct, opponent_possession_pct, corner_kicks, opponent_corner_kicks, yellow_cards, opponent_yellow_cards, goalkeeper_saves, opponent_goalkeeper_saves
      from marts.match_team_stats where fixture_id = 1 order by team_id`);
    expect(sides).to.deep.equal([
      { team_name: 'Arsenal', is_home: true, goals_for: 2, goals_against: 1, shots_total: 15, opponent_shots_total: 8, expected_goals: '2.100', opponent_expected_goals: '0.950',
        possession_pct: '61.000', opponent_possession_pct: '39.000', corner_kicks: 7, opponent_corner_kicks: 3, yellow_cards: 0, opponent_yellow_cards: 1, goalkeeper_saves: 2, opponent_goalkeeper_saves: 4 },
      { team_name: 'Brighton & Hove Albion', is_home: false, goals_for: 1, goals_against: 2, shots_total: 8, opponent_shots_total: 15, expected_goals: '0.950', opponent_expected_goals: '2.100',
        possession_pct: '39.000', opponent_possession_pct: '61.000', corner_kicks: 3, opponent_corner_kicks: 7, yellow_cards: 1, opponent_yellow_cards: 0, goalkeeper_saves: 4, opponent_goalkeeper_saves: 2 },
    ]);
  });

  it('match_player_stats gives each player\'s line with his name, team and opponent; an unused minute stays null', async () => {
    const lines = await rows(ctx.db.knex, `select player_name, team_name, opponent_name, position, minutes, rating, goals, shots_on, penalties_scored, penalties_missed, is_substitute
      from marts.match_player_stats where fixture_id = 1 order by player_id`);
    expect(lines).to.deep.equal([
      { player_name: 'B. Saka', team_name: 'Arsenal', opponent_name: 'Brighton & Hove Albion', position: 'F', minutes: 90, rating: '8.10', goals: 2, shots_on: 3, penalties_scored: 1, penalties_missed: null, is_substitute: false },
      { player_name: 'G. Jesus', team_name: 'Arsenal', opponent_name: 'Brighton & Hove Albion', position: 'F', minutes: 27, rating: null, goals: 0, shots_on: null, penalties_scored: null, penalties_missed: null, is_substitute: true },
      { player_name: 'J. Pedro', team_name: 'Brighton & Hove Albion', opponent_name: 'Arsenal', position: 'F', minutes: 90, rating: '6.90', goals: 1, shots_on: null, penalties_scored: null, penalties_missed: 1, is_substitute: false },
    ]);
  });

  it('injuries lists who misses each match and why, telling a suspension from an injury and out from doubtful', async () => {
    const absent = await rows(ctx.db.knex, 'select fixture_id, player_name, team_name, opponent_name, type, is_missing, reason, is_suspension from marts.injuries order by fixture_id, player_id');
    expect(absent).to.deep.equal([
      { fixture_id: 1, player_name: 'T. Partey', team_name: 'Arsenal', opponent_name: 'Brighton & Hove Albion', type: 'Missing Fixture', is_missing: true, reason: 'Muscle Injury', is_suspension: false },
      { fixture_id: 1, player_name: 'S. March', team_name: 'Brighton & Hove Albion', opponent_name: 'Arsenal', type: 'Missing Fixture', is_missing: true, reason: 'Red Card', is_suspension: true },
      { fixture_id: 7, player_name: 'T. Partey', team_name: 'Arsenal', opponent_name: 'Brighton & Hove Albion', type: 'Questionable', is_missing: false, reason: 'Knock', is_suspension: false },
    ]);
    // Whole words only: a cardiac problem is no card.
    const trx = await ctx.db.knex.transaction();
    try {
      const flags: Array<[string, boolean]> = [];
      for (const reason of ['Cardiac problem', 'Yellow Cards', 'Suspended', 'Discard']) {
        await trx('golden.injuries').where({ fixture_id: 7 }).update({ reason });
        const [row] = await rows<{ is_suspension: boolean }>(trx, 'select is_suspension from marts.injuries where fixture_id = 7');
        flags.push([reason, row.is_suspension]);
      }
      expect(flags).to.deep.equal([['Cardiac problem', false], ['Yellow Cards', true], ['Suspended', true], ['Discard', false]]);
    } finally {
      await trx.rollback();
    }
  });

  it('team_splits gives home, away and total records with clean sheets, failed to score, both teams scored and over/under 2.5', async () => {
    const arsenal = await rows(ctx.db.knex, `select split, played, won, drawn, lost, goals_for, goals_against, goal_diff, points, points_per_match,
        clean_sheets, failed_to_score, both_teams_scored, over_2_5_goals, under_2_5_goals
      from marts.team_splits where league_id = 39 and season = 2023 and team_id = 1 order by split`);
    // Home: 2-1 v Brighton, 3-0 v Everton. Away: 0-0 at Chelsea, 1-3 at Brighton. The postponed match is not one.
    expect(arsenal).to.deep.equal([
      { split: 'away', played: 2, won: 0, drawn: 1, lost: 1, goals_for: 1, goals_against: 3, goal_diff: -2, points: 1, points_per_match: '0.50', clean_sheets: 1, failed_to_score: 1, both_teams_scored: 1, over_2_5_goals: 1, under_2_5_goals: 1 },
      { split: 'home', played: 2, won: 2, drawn: 0, lost: 0, goals_for: 5, goals_against: 1, goal_diff: 4, points: 6, points_per_match: '3.00', clean_sheets: 1, failed_to_score: 0, both_teams_scored: 1, over_2_5_goals: 2, under_2_5_goals: 0 },
      { split: 'total', played: 4, won: 2, drawn: 1, lost: 1, goals_for: 6, goals_against: 4, goal_diff: 2, points: 7, points_per_match: '1.75', clean_sheets: 2, failed_to_score: 1, both_teams_scored: 2, over_2_5_goals: 3, under_2_5_goals: 1 },
    ]);
  });

  it('team_splits has all three rows of a team that has not played away yet, with zeros', async () => {
    const leeds = await rows(ctx.db.knex, `select season_label, team_name, split, played, points, points_per_match, clean_sheets from marts.team_splits where league_id = 40 and team_id = 5 order by split`);
    expect(leeds).to.deep.equal([
      { season_label: '2023', team_name: 'Leeds', split: 'away', played: 0, points: 0, points_per_match: null, clean_sheets: 0 },
      { season_label: '2023', team_name: 'Leeds', split: 'home', played: 1, points: 3, points_per_match: '3.00', clean_sheets: 1 },
      { season_label: '2023', team_name: 'Leeds', split: 'total', played: 1, points: 3, points_per_match: '3.00', clean_sheets: 1 },
    ]);
  });

  it('standings_by_round gives the table after round 1 and after round 2, equal teams sharing a position', async () => {
    const table = await rows(ctx.db.knex, `select round_number, round, team_name, played, points, goal_diff, goals_for, position, previous_position
      from marts.standings_by_round where league_id = 39 and season = 2023 and round_number <= 2 order by round_number, position, team_id`);
    expect(table).to.deep.equal([
      { round_number: 1, round: 'Regular Season - 1', team_name: 'Arsenal', played: 1, points: 3, goal_diff: 1, goals_for: 2, position: 1, previous_position: null },
      { round_number: 1, round: 'Regular Season - 1', team_name: 'Chelsea', played: 1, points: 1, goal_diff: 0, goals_for: 1, position: 2, previous_position: null },
      { round_number: 1, round: 'Regular Season - 1', team_name: 'Everton', played: 1, points: 1, goal_diff: 0, goals_for: 1, position: 2, previous_position: null },
      { round_number: 1, round: 'Regular Season - 1', team_name: 'Brighton & Hove Albion', played: 1, points: 0, goal_diff: -1, goals_for: 1, position: 4, previous_position: null },
      { round_number: 2, round: 'Regular Season - 2', team_name: 'Arsenal', played: 2, points: 4, goal_diff: 1, goals_for: 2, position: 1, previous_position: 1 },
      { round_number: 2, round: 'Regular Season - 2', team_name: 'Brighton & Hove Albion', played: 2, points: 3, goal_diff: 1, goals_for: 3, position: 2, previous_position: 4 },
      { round_number: 2, round: 'Regular Season - 2', team_name: 'Chelsea', played: 2, points: 2, goal_diff: 0, goals_for: 1, position: 3, previous_position: 2 },
      { round_number: 2, round: 'Regular Season - 2', team_name: 'Everton', played: 2, points: 1, goal_diff: -2, goals_for: 1, position: 4, previous_position: 2 },
    ]);
  });

  it('standings_by_round ends a round at its last counted kick-off (a postponed match leaves it), and its last round equals league_table', async () => {
    const last = await rows(ctx.db.knex, `select round, round_ended_at, team_id, played, points, position from marts.standings_by_round
      where league_id = 39 and season = 2023 and round_number = 4 order by position`);
    expect(last.map((r) => [r.team_id, r.played, r.points, r.position])).to.deep.equal([[1, 4, 7, 1], [2, 4, 6, 2], [3, 3, 5, 3], [4, 3, 1, 4]]);
    expect(new Set(last.map((r) => (r.round_ended_at as Date).toISOString()))).to.deep.equal(new Set(['2023-09-02T14:00:00.000Z']));
    const differing = await rows(ctx.db.knex, `select s.team_id from marts.standings_by_round s join marts.league_table l using (league_id, season, team_id)
      where s.league_id = 39 and s.round_number = 4 and (s.played, s.points, s.goals_for, s.goals_against, s.position) is distinct from (l.played, l.points, l.goals_for, l.goals_against, l.rank)`);
    expect(differing).to.deep.equal([]);
  });

  it('standings_by_round puts a round whose last match was rescheduled after the rounds played before it', async () => {
    const table = await rows(ctx.db.knex, `select round_number, round, team_name, played, points, goal_diff, position
      from marts.standings_by_round where league_id = 40 order by round_number, position`);
    expect(table).to.deep.equal([
      { round_number: 1, round: 'Regular Season - 2', team_name: 'Leeds', played: 1, points: 3, goal_diff: 1, position: 1 },
      { round_number: 1, round: 'Regular Season - 2', team_name: 'Hull City', played: 1, points: 1, goal_diff: 0, position: 2 },
      { round_number: 1, round: 'Regular Season - 2', team_name: 'Leicester', played: 2, points: 1, goal_diff: -1, position: 3 },
      { round_number: 2, round: 'Regular Season - 1', team_name: 'Leicester', played: 3, points: 4, goal_diff: 2, position: 1 },
      { round_number: 2, round: 'Regular Season - 1', team_name: 'Leeds', played: 1, points: 3, goal_diff: 1, position: 2 },
      { round_number: 2, round: 'Regular Season - 1', team_name: 'Hull City', played: 2, points: 1, goal_diff: -3, position: 3 },
    ]);
  });

  it('team_form_as_of carries the form before and after each match; the documented query gives the form as of a date', async () => {
    const arsenal = await rows(ctx.db.knex, `select match_number, result, form_before, played_before, points_before, goals_for_before, goals_against_before,
        form_after, played_after, points_after, goals_for_after, goals_against_after
      from marts.team_form_as_of where league_id = 39 and season = 2023 and team_id = 1 order by kickoff_at`);
    expect(arsenal).to.deep.equal([
      { match_number: 1, result: 'W', form_before: null, played_before: 0, points_before: 0, goals_for_before: 0, goals_against_before: 0, form_after: 'W', played_after: 1, points_after: 3, goals_for_after: 2, goals_against_after: 1 },
      { match_number: 2, result: 'D', form_before: 'W', played_before: 1, points_before: 3, goals_for_before: 2, goals_against_before: 1, form_after: 'DW', played_after: 2, points_after: 4, goals_for_after: 2, goals_against_after: 1 },
      { match_number: 3, result: 'W', form_before: 'DW', played_before: 2, points_before: 4, goals_for_before: 2, goals_against_before: 1, form_after: 'WDW', played_after: 3, points_after: 7, goals_for_after: 5, goals_against_after: 1 },
      { match_number: 4, result: 'L', form_before: 'WDW', played_before: 3, points_before: 7, goals_for_before: 5, goals_against_before: 1, form_after: 'LWDW', played_after: 4, points_after: 7, goals_for_after: 6, goals_against_after: 4 },
    ]);
    const asOf = (date: string) => rows(ctx.db.knex, `select form_after, points_after from marts.team_form_as_of
      where league_id = 39 and season = 2023 and team_id = 1 and kickoff_at < ? order by kickoff_at desc, fixture_id desc limit 1`, [date]);
    expect(await asOf('2023-08-30')).to.deep.equal([{ form_after: 'WDW', points_after: 7 }]);
    expect(await asOf('2023-08-01')).to.deep.equal([]);
    // As of today it is team_form.
    const [today] = await rows(ctx.db.knex, 'select form, points from marts.team_form where league_id = 39 and season = 2023 and team_id = 1');
    expect(await asOf('2100-01-01')).to.deep.equal([{ form_after: today!.form, points_after: today!.points }]);
  });

  it('team_form_as_of keeps five matches: the sixth one back drops out', async () => {
    const [seventh] = await rows(ctx.db.knex, `select match_number, form_before, played_before, points_before, goals_for_before, goals_against_before,
        form_after, played_after, points_after, goals_for_after, goals_against_after
      from marts.team_form_as_of where league_id = 2 and team_id = 1 and fixture_id = 27`);
    // Arsenal's seven: W 1-0, W 2-0, D 1-1, L 0-2, W 3-1, W 2-1, L 0-1.
    expect(seventh).to.deep.equal({
      match_number: 7,
      form_before: 'WWLDW', played_before: 5, points_before: 10, goals_for_before: 8, goals_against_before: 5,
      form_after: 'LWWLD', played_after: 5, points_after: 7, goals_for_after: 6, goals_against_after: 6,
    });
  });

  it('team_form, team_season_stats, team_halves and referees carry the league name, country and season label', async () => {
    for (const mart of ['team_form', 'team_halves', 'referees']) {
      const labels = await rows(ctx.db.knex, `select distinct league_name, country_name, season_label from marts.${mart} where league_id = 39`);
      expect(labels, mart).to.deep.equal([{ league_name: 'Premier League', country_name: 'England', season_label: '2023-24' }]);
    }
    const stats = await rows(ctx.db.knex, 'select team_name, league_name, season_label from marts.team_season_stats order by team_id');
    expect(stats).to.deep.equal([
      { team_name: 'Arsenal', league_name: 'Premier League', season_label: '2023-24' },
      { team_name: 'Brighton & Hove Albion', league_name: 'Premier League', season_label: '2023-24' },
    ]);
  });

  it('the analyst role reads every new mart, rows and all, though golden is closed to it', async () => {
    const asAnalyst = async (sql: string) => {
      const trx = await ctx.db.knex.transaction();
      try {
        await trx.raw('set local role quantfoot_analyst');
        return await rows<{ n: number }>(trx, sql).then((r) => r[0]!.n, (err: Error) => err.message);
      } finally {
        await trx.rollback();
      }
    };
    for (const mart of NEW_MARTS) expect(await asAnalyst(`select count(*)::int as n from marts.${mart}`), mart).to.be.a('number').greaterThan(0);
    expect(await asAnalyst('select count(*)::int as n from golden.fixtures')).to.match(/permission denied for schema golden/);
  });
});
