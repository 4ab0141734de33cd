/**
 * The player and expected-goals marts on a dataset small enough to compute every figure by hand:
 * player_season_stats (materialized: refreshed here as a load ends, and by override set/remove),
 * player_league_seasons, top_scorers, top_assists, top_cards, match_xg and team_xg_season, and the
 * analyst's access.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { removeOverride, setOverride } from '../../src/curation/overrides';
import { refreshMaterializedMarts } from '../../src/db/views';
import { testServerKind, useFreshDatabase } from '../support/db';

// League 39 (Premier League, 2023/24): Arsenal (1), Brighton (2), Chelsea (3). Fixtures 1, 2 and
// 11-18 are finished; 3 is postponed, and the 3 goals a player line gives there must not count.
const F = (id: number, league: number, season: number, at: string, status: string, home: number, away: number, goals: [number, number] | null) => ({
  fixture_id: id, league_id: league, season, round: `Regular Season - ${id}`, kickoff_at: at, status_short: status, home_team_id: home, away_team_id: away,
  goals_home: goals?.[0] ?? null, goals_away: goals?.[1] ?? null,
  home_winner: goals && goals[0] !== goals[1] ? goals[0] > goals[1] : null, away_winner: goals && goals[0] !== goals[1] ? goals[1] > goals[0] : null,
});
const day = (n: number) => new Date(Date.UTC(2023, 7, 12 + 7 * n, 14)).toISOString();
const PL_FIXTURES = [
  F(1, 39, 2023, day(0), 'FT', 1, 2, [2, 1]),
  F(2, 39, 2023, day(1), 'FT', 3, 1, [1, 1]),
  F(3, 39, 2023, day(2), 'PST', 2, 3, null),
  F(11, 39, 2023, day(3), 'FT', 1, 3, [0, 2]),
  F(12, 39, 2023, day(4), 'FT', 1, 2, [0, 2]),
  F(13, 39, 2023, day(5), 'FT', 1, 3, [1, 0]),
  F(14, 39, 2023, day(6), 'FT', 1, 3, [0, 1]),
  F(15, 39, 2023, day(7), 'FT', 1, 3, [1, 0]),
  F(16, 39, 2023, day(8), 'FT', 1, 3, [0, 0]),
  F(17, 39, 2023, day(9), 'FT', 1, 3, [0, 0]),
  F(18, 39, 2023, day(10), 'FT', 1, 3, [0, 0]),
];
const ARSENAL_PLAYED = [1, 2, 11, 12, 13, 14, 15, 16, 17, 18];

// League 253 (Major League Soccer, a calendar-year season 2024), with the API's xG.
const MLS_FIXTURES = [
  F(21, 253, 2024, '2024-03-02T20:00:00Z', 'FT', 11, 12, [2, 0]),
  F(22, 253, 2024, '2024-03-09T20:00:00Z', 'FT', 12, 11, [1, 1]),
  F(23, 253, 2024, '2024-03-16T20:00:00Z', 'FT', 11, 12, [0, 0]),
  F(24, 253, 2024, '2024-03-23T20:00:00Z', 'NS', 12, 11, null),
];

type Line = Record<string, unknown>;
const L = (fixture: number, team: number, player: number, minutes: number, extra: Line = {}): Line => ({
  fixture_id: fixture, team_id: team, player_id: player, minutes, is_substitute: false, goals: 0, assists: 0, yellow_cards: 0, red_cards: 0, ...extra,
});

const PLAYER_LINES: Line[] = [
  // 101 (Arsenal, F): 90 minutes rated 7.0 and 30 rated 9.0: weighted (630 + 270) / 120 = 7.50, plain mean 8.00.
  L(1, 1, 101, 90, { position: 'F', rating: 7.0, goals: 2, penalties_scored: 1 }),
  L(2, 1, 101, 30, { position: 'F', rating: 9.0, goals: 1, is_substitute: true, yellow_cards: 1 }),
  // 104 (Arsenal): ten full matches = 900 minutes, exactly the threshold; 7 in midfield, 3 in defence.
  ...ARSENAL_PLAYED.map((f, i) => L(f, 1, 104, 90, {
    position: i < 7 ? 'M' : 'D', tackles_total: 2, interceptions: i === 0 ? 1 : 0, duels_total: 10, duels_won: 6,
    dribbles_attempts: 3, dribbles_success: 1, passes_key: i === 0 ? 3 : 0, assists: i < 2 ? 1 : 0,
    // The last match gives passes but no accurate count: left out of the accuracy, not read as 20 misses.
    passes_total: i === 9 ? 20 : 50, passes_accurate: i === 9 ? null : 40,
  })),
  // 105 (Arsenal): ten matches of 89 minutes = 890, under the threshold; three yellow cards.
  ...ARSENAL_PLAYED.map((f, i) => L(f, 1, 105, 89, { position: 'D', tackles_total: 1, yellow_cards: i < 3 ? 1 : 0 })),
  // 103 (Chelsea goalkeeper): saves 4 + 2, conceded 1 + 0 in 180 minutes.
  L(2, 3, 103, 90, { position: 'G', saves: 4, goals_conceded: 1, penalties_saved: 1 }),
  L(11, 3, 103, 90, { position: 'G', saves: 2, goals_conceded: 0 }),
  // 201 (Brighton): 3 goals, no penalty, 180 minutes; the 3 goals of postponed fixture 3 do not count.
  L(1, 2, 201, 90, { position: 'F', goals: 1 }),
  L(12, 2, 201, 90, { position: 'F', goals: 2 }),
  L(3, 2, 201, 90, { position: 'F', goals: 3 }),
  // 202 (Chelsea): 3 goals, one a penalty, 1 assist, 180 minutes; a yellow and a red card.
  L(2, 3, 202, 90, { position: 'F', goals: 1, penalties_scored: 1, yellow_cards: 1 }),
  L(11, 3, 202, 90, { position: 'F', goals: 2, assists: 1, red_cards: 1 }),
  // 106, 107, 108: one goal each in 90 minutes; 106 also two assists (one key pass); 107 a red card.
  L(13, 1, 106, 90, { position: 'M', goals: 1, assists: 2, passes_key: 1 }),
  L(14, 3, 107, 90, { position: 'M', goals: 1, red_cards: 1 }),
  L(15, 1, 108, 90, { position: 'M', goals: 1 }),
];

const PLAYERS = [
  { player_id: 101, name: 'A. Striker', nationality: 'England', birth_date: '2000-08-12' },
  { player_id: 103, name: 'C. Keeper', nationality: 'Spain', birth_date: '1990-08-11' },
  { player_id: 104, name: 'D. Engine', nationality: 'Ghana' },
  { player_id: 105, name: 'E. Stopper' },
  { player_id: 106, name: 'F. Maker' },
  { player_id: 107, name: 'G. Hothead' },
  { player_id: 108, name: 'H. Poacher' },
  { player_id: 201, name: 'I. Clinical' },
  { player_id: 202, name: 'J. Spot' },
  { player_id: 301, name: 'K. Galaxy' },
];

async function loadDataset(knex: Knex): Promise<void> {
  await knex('golden.countries').insert([{ country_name: 'England' }, { country_name: 'USA' }]);
  await knex('golden.leagues').insert([
    { league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' },
    { league_id: 253, name: 'Major League Soccer', type: 'League', country_name: 'USA' },
  ]);
  await knex('golden.seasons').insert([
    { league_id: 39, season: 2023, start_date: '2023-08-11', end_date: '2024-05-19' },
    { league_id: 253, season: 2024, start_date: '2024-02-21', end_date: '2024-12-07' },
  ]);
  await knex('golden.teams').insert([[1, 'Arsenal'], [2, 'Brighton'], [3, 'Chelsea'], [11, 'LA Galaxy'], [12, 'Inter Miami']].map(([team_id, name]) => ({ team_id, name })));
  await knex('golden.players').insert(PLAYERS);
  await knex('golden.fixtures').insert([...PL_FIXTURES, ...MLS_FIXTURES]);
  await knex('golden.fixture_player_stats').insert(PLAYER_LINES);
  // Fixture 21: Galaxy score a penalty and an open-play goal. Fixture 22 has no events.
  await knex('golden.fixture_events').insert([
    { fixture_id: 21, event_index: 0, elapsed: 20, team_id: 11, player_id: 301, type: 'Goal', detail: 'Penalty', is_shootout: false },
    { fixture_id: 21, event_index: 1, elapsed: 60, team_id: 11, player_id: 301, type: 'Goal', detail: 'Normal Goal', is_shootout: false },
    { fixture_id: 23, event_index: 0, elapsed: 70, team_id: 12, player_id: 301, type: 'Card', detail: 'Yellow Card', is_shootout: false },
  ]);
  await knex('golden.fixture_team_stats').insert([
    { fixture_id: 21, team_id: 11, expected_goals: 1.0 }, { fixture_id: 21, team_id: 12, expected_goals: 0.0 },
    { fixture_id: 22, team_id: 12, expected_goals: 1.0 }, { fixture_id: 22, team_id: 11, expected_goals: 1.0 },
    // Only one side's xG: the match has no xG figures at all.
    { fixture_id: 23, team_id: 11, expected_goals: 0.5 }, { fixture_id: 23, team_id: 12, expected_goals: null },
  ]);
  // As a load ends: the materialized marts catch up with the rows written.
  await refreshMaterializedMarts(knex);
}

const rows = async <T = Record<string, unknown>>(knex: Knex, sql: string): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql)).rows;

describe(`player and expected-goals marts on a hand-made dataset (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('marts_players', { migrate: true });
  before(async () => loadDataset(ctx.db.knex));

  it('player_season_stats weighs ratings by minutes: 90 minutes at 7.0 and 30 at 9.0 make 7.50 (the plain mean says 8.00)', async () => {
    const [striker] = await rows(ctx.db.knex, `select minutes, goals, penalties_scored, average_rating, minutes_weighted_rating, rated_matches, position, nationality,
        age_at_season_start, league_name, country_name, season_label
      from marts.player_season_stats where player_id = 101`);
    expect(striker).to.deep.equal({
      minutes: 120, goals: 3, penalties_scored: 1, average_rating: '8.00', minutes_weighted_rating: '7.50', rated_matches: 2, position: 'Attacker', nationality: 'England',
      // Born 2000-08-12, the season starts 2023-08-11: still 22.
      age_at_season_start: 22, league_name: 'Premier League', country_name: 'England', season_label: '2023-24',
    });
  });

  it('player_season_stats gives per-90 figures to everyone and qualifies_per90 from 900 minutes on (900 yes, 890 no)', async () => {
    const lines = await rows(ctx.db.knex, `select player_id, minutes, qualifies_per90, position, tackles, tackles_per_90, interceptions_per_90, duels, duels_won, duels_won_pct,
        duels_won_per_90, dribbles_attempted, dribbles_succeeded, dribbles_succeeded_per_90, key_passes_per_90, passes, accurate_passes, pass_accuracy_pct
      from marts.player_season_stats where player_id in (104, 105, 101) order by player_id`);
    expect(lines).to.deep.equal([
      {
        player_id: 101, minutes: 120, qualifies_per90: false, position: 'Attacker', tackles: 0, tackles_per_90: '0.00', interceptions_per_90: '0.00', duels: 0, duels_won: 0,
        duels_won_pct: null, duels_won_per_90: '0.00', dribbles_attempted: 0, dribbles_succeeded: 0, dribbles_succeeded_per_90: '0.00', key_passes_per_90: '0.00',
        passes: 0, accurate_passes: 0, pass_accuracy_pct: null,
      },
      {
        // 20 tackles, 1 interception, 60 of 100 duels, 10 of 30 dribbles, 3 key passes in 900 minutes;
        // passes 9 x 50 + 20 = 470, accuracy 360 / 450 (the match without an accurate count left out).
        player_id: 104, minutes: 900, qualifies_per90: true, position: 'Midfielder', tackles: 20, tackles_per_90: '2.00', interceptions_per_90: '0.10', duels: 100, duels_won: 60,
        duels_won_pct: '60.0', duels_won_per_90: '6.00', dribbles_attempted: 30, dribbles_succeeded: 10, dribbles_succeeded_per_90: '1.00', key_passes_per_90: '0.30',
        passes: 470, accurate_passes: 360, pass_accuracy_pct: '80.0',
      },
      {
        // 10 tackles in 890 minutes: 900 / 890 = 1.01 per 90, but he does not qualify.
        player_id: 105, minutes: 890, qualifies_per90: false, position: 'Defender', tackles: 10, tackles_per_90: '1.01', interceptions_per_90: '0.00', duels: 0, duels_won: 0,
        duels_won_pct: null, duels_won_per_90: '0.00', dribbles_attempted: 0, dribbles_succeeded: 0, dribbles_succeeded_per_90: '0.00', key_passes_per_90: '0.00',
        passes: 0, accurate_passes: 0, pass_accuracy_pct: null,
      },
    ]);
  });

  it('player_season_stats counts a goalkeeper\'s saves and goals conceded, per 90 too', async () => {
    const [keeper] = await rows(ctx.db.knex, `select position, minutes, saves, goals_conceded, penalties_saved, saves_per_90, goals_conceded_per_90, age_at_season_start, nationality
      from marts.player_season_stats where player_id = 103`);
    // 6 saves and 1 goal in 180 minutes; born 1990-08-11, 33 on the first day of the season.
    expect(keeper).to.deep.equal({ position: 'Goalkeeper', minutes: 180, saves: 6, goals_conceded: 1, penalties_saved: 1, saves_per_90: '3.00', goals_conceded_per_90: '0.50', age_at_season_start: 33, nationality: 'Spain' });
  });

  it('top_scorers keeps equal goals on one rank and orders them by fewer penalties, more assists, fewer minutes, then name', async () => {
    const scorers = await rows(ctx.db.knex, `select rank, tiebreak_rank, player_name, goals, penalties_scored, assists, minutes, season_label
      from marts.top_scorers where league_id = 39 and season = 2023 order by tiebreak_rank, player_name, player_id`);
    expect(scorers).to.deep.equal([
      // 3 goals each: I. Clinical took no penalty; J. Spot and A. Striker one each, J. Spot has an assist.
      { rank: 1, tiebreak_rank: 1, player_name: 'I. Clinical', goals: 3, penalties_scored: 0, assists: 0, minutes: 180, season_label: '2023-24' },
      { rank: 1, tiebreak_rank: 2, player_name: 'J. Spot', goals: 3, penalties_scored: 1, assists: 1, minutes: 180, season_label: '2023-24' },
      { rank: 1, tiebreak_rank: 3, player_name: 'A. Striker', goals: 3, penalties_scored: 1, assists: 0, minutes: 120, season_label: '2023-24' },
      // 1 goal each: F. Maker's two assists put him first; the other two are equal on everything.
      { rank: 4, tiebreak_rank: 4, player_name: 'F. Maker', goals: 1, penalties_scored: 0, assists: 2, minutes: 90, season_label: '2023-24' },
      { rank: 4, tiebreak_rank: 5, player_name: 'G. Hothead', goals: 1, penalties_scored: 0, assists: 0, minutes: 90, season_label: '2023-24' },
      { rank: 4, tiebreak_rank: 5, player_name: 'H. Poacher', goals: 1, penalties_scored: 0, assists: 0, minutes: 90, season_label: '2023-24' },
    ]);
  });

  it('top_assists ranks by assists, then more key passes', async () => {
    const makers = await rows(ctx.db.knex, `select rank, tiebreak_rank, player_name, team_name, assists, key_passes, assists_per_90, league_name
      from marts.top_assists where league_id = 39 order by tiebreak_rank, player_name`);
    expect(makers).to.deep.equal([
      { rank: 1, tiebreak_rank: 1, player_name: 'D. Engine', team_name: 'Arsenal', assists: 2, key_passes: 3, assists_per_90: '0.20', league_name: 'Premier League' },
      { rank: 1, tiebreak_rank: 2, player_name: 'F. Maker', team_name: 'Arsenal', assists: 2, key_passes: 1, assists_per_90: '2.00', league_name: 'Premier League' },
      { rank: 3, tiebreak_rank: 3, player_name: 'J. Spot', team_name: 'Chelsea', assists: 1, key_passes: 0, assists_per_90: '0.50', league_name: 'Premier League' },
    ]);
  });

  it('top_cards ranks by yellow then red cards, and red_rank ranks the players sent off', async () => {
    const booked = await rows(ctx.db.knex, 'select rank, red_rank, player_name, yellow_cards, red_cards from marts.top_cards where league_id = 39 order by tiebreak_rank, player_name');
    expect(booked).to.deep.equal([
      { rank: 1, red_rank: null, player_name: 'E. Stopper', yellow_cards: 3, red_cards: 0 },
      { rank: 2, red_rank: 1, player_name: 'J. Spot', yellow_cards: 1, red_cards: 1 },
      { rank: 3, red_rank: null, player_name: 'A. Striker', yellow_cards: 1, red_cards: 0 },
      { rank: 4, red_rank: 1, player_name: 'G. Hothead', yellow_cards: 0, red_cards: 1 },
    ]);
  });

  it('match_xg gives the Poisson win/draw/loss probabilities and expected points computed by hand, and nothing without both xG', async () => {
    // Fixture 21, xG 1.0 against 0.0: Miami score 0 for certain, so P(draw) = P(Galaxy 0) = e^-1 = 0.367879,
    // P(Galaxy win) = 1 - e^-1 = 0.632121; expected points 3 x 0.632121 + 0.367879 = 2.264 and 0.368.
    // Fixture 22, 1.0 against 1.0: P(draw) = e^-2 x sum 1/(k!)^2 = 0.135335 x 2.279585 = 0.308508, each win
    // (1 - 0.308508) / 2 = 0.345746; expected points 3 x 0.345746 + 0.308508 = 1.346 each.
    // Fixture 23: only Galaxy have xG, so no figure; fixture 24 is not played.
    const matches = await rows(ctx.db.knex, `select fixture_id, team_name, opponent_name, is_home, goals_for, goals_against, penalty_goals_for, non_penalty_goals_for,
        xg_for, xg_against, xg_diff, points, win_probability, draw_probability, loss_probability, expected_points
      from marts.match_xg where league_id = 253 and season = 2024 order by fixture_id, is_home desc`);
    const m = (fixture_id: number, team_name: string, opponent_name: string, is_home: boolean, goals: [number, number], penalties: number | null, xg: [string, string, string] | null, points: number, p: [string, string, string] | null, expected: string | null) => ({
      fixture_id, team_name, opponent_name, is_home, goals_for: goals[0], goals_against: goals[1], penalty_goals_for: penalties, non_penalty_goals_for: penalties === null ? null : goals[0] - penalties,
      xg_for: xg?.[0] ?? null, xg_against: xg?.[1] ?? null, xg_diff: xg?.[2] ?? null, points,
      win_probability: p?.[0] ?? null, draw_probability: p?.[1] ?? null, loss_probability: p?.[2] ?? null, expected_points: expected,
    });
    expect(matches).to.deep.equal([
      m(21, 'LA Galaxy', 'Inter Miami', true, [2, 0], 1, ['1.000', '0.000', '1.000'], 3, ['0.6321', '0.3679', '0.0000'], '2.264'),
      m(21, 'Inter Miami', 'LA Galaxy', false, [0, 2], 0, ['0.000', '1.000', '-1.000'], 0, ['0.0000', '0.3679', '0.6321'], '0.368'),
      m(22, 'Inter Miami', 'LA Galaxy', true, [1, 1], null, ['1.000', '1.000', '0.000'], 1, ['0.3457', '0.3085', '0.3457'], '1.346'),
      m(22, 'LA Galaxy', 'Inter Miami', false, [1, 1], null, ['1.000', '1.000', '0.000'], 1, ['0.3457', '0.3085', '0.3457'], '1.346'),
      m(23, 'LA Galaxy', 'Inter Miami', true, [0, 0], 0, null, 1, null, null),
      m(23, 'Inter Miami', 'LA Galaxy', false, [0, 0], 0, null, 1, null, null),
    ]);
    // xG 8.5 against 0.0: 15 goals stands for "15 or more", so nothing is lost past it: P(draw) =
    // e^-8.5 = 0.0002, P(win) = 0.9998, 2.9996 expected points (summing 0..15 alone gave 0.9862 and 2.958).
    const trx = await ctx.db.knex.transaction();
    try {
      await trx('golden.fixture_team_stats').where({ fixture_id: 21, team_id: 11 }).update({ expected_goals: 8.5 });
      expect(await rows(trx, `select win_probability, draw_probability, loss_probability, expected_points,
          round(win_probability + draw_probability + loss_probability, 3) as total
        from marts.match_xg where fixture_id = 21 and team_id = 11`)).to.deep.equal([
        { win_probability: '0.9998', draw_probability: '0.0002', loss_probability: '0.0000', expected_points: '3.000', total: '1.000' },
      ]);
      // A competition whose wins are worth 2 points: the points and the expected points follow it.
      await trx('golden.competition_rules').insert({ league_id: 253, from_season: 2024, competition: 'MLS', tie_breakers: ['points'], points_per_win: 2, points_per_draw: 1 });
      expect(await rows(trx, 'select points, expected_points, season_label from marts.match_xg where fixture_id = 21 and team_id = 11')).to.deep.equal([
        { points: 2, expected_points: '2.000', season_label: '2024' },
      ]);
    } finally {
      await trx.rollback();
    }
  });

  it('team_xg_season sums the matches where both teams have xG, with the goals and points of those matches beside them', async () => {
    const seasons = await rows(ctx.db.knex, `select team_name, matches, xg_matches, xg_for, xg_against, xg_diff, goals_for, goals_against, goals_minus_xg, non_penalty_goals_for,
        points, expected_points, points_minus_expected
      from marts.team_xg_season where league_id = 253 order by team_id`);
    expect(seasons).to.deep.equal([
      // Fixtures 21 and 22: xG 2.0 for, 1.0 against; 3 goals, 1 conceded; 4 points against 2.264 + 1.346.
      // Non-penalty goals stay null: fixture 22 has no events to tell.
      { team_name: 'LA Galaxy', matches: 3, xg_matches: 2, xg_for: '2.000', xg_against: '1.000', xg_diff: '1.000', goals_for: 3, goals_against: 1, goals_minus_xg: '1.000', non_penalty_goals_for: null, points: 4, expected_points: '3.610', points_minus_expected: '0.390' },
      { team_name: 'Inter Miami', matches: 3, xg_matches: 2, xg_for: '1.000', xg_against: '2.000', xg_diff: '-1.000', goals_for: 1, goals_against: 3, goals_minus_xg: '0.000', non_penalty_goals_for: null, points: 1, expected_points: '1.714', points_minus_expected: '-0.714' },
    ]);
    const [premier] = await rows(ctx.db.knex, 'select matches, xg_matches, xg_for, expected_points from marts.team_xg_season where league_id = 39 and team_id = 1');
    expect(premier, 'no xG in the league-season: null, not zero').to.deep.equal({ matches: 10, xg_matches: 0, xg_for: null, expected_points: null });
  });

  it('player_league_seasons puts a player who moved within the league under the team of his most minutes, his counts summed', async () => {
    // In a transaction rolled back after: 109 played 90 minutes for Brighton (fixture 12, 1 goal)
    // and 180 for Chelsea (fixtures 2 and 11, 1 goal and 1 assist); his team is Chelsea.
    const trx = await ctx.db.knex.transaction();
    try {
      await trx('golden.players').insert({ player_id: 109, name: 'M. Mover' });
      await trx('golden.fixture_player_stats').insert([
        L(12, 2, 109, 90, { position: 'F', goals: 1, yellow_cards: 1 }),
        L(2, 3, 109, 90, { position: 'F', assists: 1 }),
        L(11, 3, 109, 90, { position: 'F', goals: 1 }),
      ]);
      await trx.raw('refresh materialized view marts.player_season_stats');
      expect(await rows(trx, 'select team_name, minutes, goals from marts.player_season_stats where player_id = 109 order by team_id')).to.deep.equal([
        { team_name: 'Brighton', minutes: 90, goals: 1 },
        { team_name: 'Chelsea', minutes: 180, goals: 1 },
      ]);
      expect(await rows(trx, `select team_id, team_name, teams, appearances, minutes, goals, assists, yellow_cards, season_label
        from marts.player_league_seasons where player_id = 109`)).to.deep.equal([
        { team_id: 3, team_name: 'Chelsea', teams: 2, appearances: 3, minutes: 270, goals: 2, assists: 1, yellow_cards: 1, season_label: '2023-24' },
      ]);
      // One row in each ranking, under Chelsea: 2 goals put him 4th, after the three scorers of 3.
      expect(await rows(trx, "select rank, team_name, goals from marts.top_scorers where player_id = 109")).to.deep.equal([{ rank: 4, team_name: 'Chelsea', goals: 2 }]);
      expect(await rows(trx, "select team_name, yellow_cards from marts.top_cards where player_id = 109")).to.deep.equal([{ team_name: 'Chelsea', yellow_cards: 1 }]);
    } finally {
      await trx.rollback();
    }
  });

  it('player_season_stats is stored, and an override set or removed refreshes it (and the rankings read from it) at once', async () => {
    const { knex } = ctx.db;
    expect((await rows(knex, "select relkind from pg_class where oid = 'marts.player_season_stats'::regclass"))[0]).to.deep.equal({ relkind: 'm' });
    const nameIn = async () => rows(knex, `select (select player_name from marts.player_season_stats where player_id = 201) as stats,
      (select player_name from marts.top_scorers where player_id = 201) as scorers`);
    await setOverride(knex, { entity: 'player', id: 201, field: 'name', value: 'I. Clinical-Finisher', reason: 'the club spells it so', author: 'tester' });
    expect(await nameIn()).to.deep.equal([{ stats: 'I. Clinical-Finisher', scorers: 'I. Clinical-Finisher' }]);
    await removeOverride(knex, 'player', 201, 'name');
    expect(await nameIn()).to.deep.equal([{ stats: 'I. Clinical', scorers: 'I. Clinical' }]);
  });

  it('the analyst role reads every new mart', async () => {
    for (const mart of ['player_season_stats', 'player_league_seasons', 'top_scorers', 'top_assists', 'top_cards', 'match_xg', 'team_xg_season']) {
      const trx = await ctx.db.knex.transaction();
      try {
        await trx.raw('set local role quantfoot_analyst');
        const [{ n }] = await rows<{ n: number }>(trx, `select count(*)::int as n from marts.${mart}`);
        expect(n, mart).to.be.greaterThan(0);
      } finally {
        await trx.rollback();
      }
    }
  });
});
