import { expect } from 'chai';
import type { Knex } from 'knex';
import { testServerKind, useFreshDatabase } from '../support/db';

// Each case inserts one bad row into an otherwise valid database and expects PostgreSQL to refuse it
// with the named constraint that exists for exactly that mistake.
const base = {
  country: { country_name: 'England', code: 'GB-ENG', flag_url: null },
  league: { league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' },
  season: { league_id: 39, season: 2023, start_date: '2023-08-11', end_date: '2024-05-19', is_current: true },
  venue: { venue_id: 556, name: 'Old Trafford', capacity: 76212 },
  home: { team_id: 33, name: 'Manchester United', venue_id: 556, founded: 1878 },
  away: { team_id: 50, name: 'Manchester City' },
  player: { player_id: 617, name: 'Ederson', height_cm: 188, weight_kg: 86 },
  fixture: { fixture_id: 1, league_id: 39, season: 2023, round: 'Regular Season - 1', kickoff_at: '2023-08-11T19:00:00Z', status_short: 'FT', home_team_id: 33, away_team_id: 50, goals_home: 1, goals_away: 0 },
};

async function seedBaseline(knex: Knex): Promise<void> {
  await knex('golden.countries').insert(base.country);
  await knex('golden.leagues').insert(base.league);
  await knex('golden.seasons').insert(base.season);
  await knex('golden.venues').insert(base.venue);
  await knex('golden.teams').insert([base.home, base.away]);
  await knex('golden.players').insert(base.player);
  await knex('golden.fixtures').insert(base.fixture);
  await knex('golden.fixture_lineups').insert({ fixture_id: 1, team_id: 33, formation: '4-3-3' });
}

const f = (over: object) => ({ ...base.fixture, fixture_id: 2, ...over });

const CASES: Array<[string, string, object, string]> = [
  ['a fixture whose home and away teams are the same', 'fixtures', f({ away_team_id: 33 }), 'fixtures_home_away_distinct_chk'],
  ['negative goals', 'fixtures', f({ goals_home: -1 }), 'fixtures_scores_nonneg_chk'],
  ['a negative penalty shoot-out score', 'fixtures', f({ penalty_away: -2 }), 'fixtures_scores_nonneg_chk'],
  ['home goals without away goals', 'fixtures', f({ goals_away: null }), 'fixtures_goals_both_or_neither_chk'],
  ['two winners', 'fixtures', f({ home_winner: true, away_winner: true }), 'fixtures_single_winner_chk'],
  ['an unknown home team', 'fixtures', f({ home_team_id: 999 }), 'fixtures_home_team_fk'],
  ['an unknown away team', 'fixtures', f({ away_team_id: 999 }), 'fixtures_away_team_fk'],
  ['a league-season that does not exist', 'fixtures', f({ season: 2019 }), 'fixtures_season_fk'],
  ['a status code not in fixture_statuses', 'fixtures', f({ status_short: 'XX' }), 'fixtures_status_fk'],
  ['an unknown venue', 'fixtures', f({ venue_id: 4242 }), 'fixtures_venue_fk'],
  ['an elapsed of 500 minutes', 'fixtures', f({ elapsed: 500 }), 'fixtures_elapsed_range_chk'],
  ['a duplicate fixture id', 'fixtures', { ...base.fixture }, 'fixtures_pkey'],
  ['a player 3 m tall', 'players', { player_id: 2, name: 'Giant', height_cm: 300 }, 'players_height_range_chk'],
  ['a player of 20 kg', 'players', { player_id: 3, name: 'Feather', weight_kg: 20 }, 'players_weight_range_chk'],
  ['a player born in the future', 'players', { player_id: 4, name: 'Future', birth_date: '2999-01-01' }, 'players_birth_date_range_chk'],
  ['a player without a name', 'players', { player_id: 5, name: '' }, 'players_name_not_empty_chk'],
  ['an event of a fixture that does not exist', 'fixture_events', { fixture_id: 99, event_index: 0, elapsed: 10, team_id: 33, type: 'Goal', is_shootout: false }, 'fixture_events_fixture_fk'],
  ['an event of an unknown type', 'fixture_events', { fixture_id: 1, event_index: 0, elapsed: 10, team_id: 33, type: 'Dance', is_shootout: false }, 'fixture_events_type_chk'],
  ['an event for an unknown team', 'fixture_events', { fixture_id: 1, event_index: 0, elapsed: 10, team_id: 999, type: 'Goal', is_shootout: false }, 'fixture_events_team_fk'],
  ['a lineup player of a lineup that does not exist', 'fixture_lineup_players', { fixture_id: 1, team_id: 50, player_id: 617, is_starter: true, list_index: 0 }, 'fixture_lineup_players_lineup_fk'],
  ['a lineup position that is not G/D/M/F', 'fixture_lineup_players', { fixture_id: 1, team_id: 33, player_id: 617, position: 'Goalkeeper', is_starter: true, list_index: 0 }, 'fixture_lineup_players_position_chk'],
  ['a malformed grid', 'fixture_lineup_players', { fixture_id: 1, team_id: 33, player_id: 617, grid: 'top-left', is_starter: true, list_index: 0 }, 'fixture_lineup_players_grid_format_chk'],
  ['a malformed formation', 'fixture_lineups', { fixture_id: 1, team_id: 50, formation: 'attack!' }, 'fixture_lineups_formation_format_chk'],
  ['possession over 100%', 'fixture_team_stats', { fixture_id: 1, team_id: 33, possession_pct: 120 }, 'fixture_team_stats_possession_range_chk'],
  ['negative shots', 'fixture_team_stats', { fixture_id: 1, team_id: 33, shots_total: -3 }, 'fixture_team_stats_counts_nonneg_chk'],
  ['a player rating of 11', 'fixture_player_stats', { fixture_id: 1, team_id: 33, player_id: 617, rating: 11 }, 'fixture_player_stats_rating_range_chk'],
  ['200 minutes in one match', 'fixture_player_stats', { fixture_id: 1, team_id: 33, player_id: 617, minutes: 200 }, 'fixture_player_stats_minutes_range_chk'],
  ['negative season goals', 'player_team_seasons', { player_id: 617, team_id: 33, league_id: 39, season: 2023, goals: -1 }, 'player_team_seasons_counts_nonneg_chk'],
  ['more starts than appearances', 'player_team_seasons', { player_id: 617, team_id: 33, league_id: 39, season: 2023, appearances: 3, lineups: 5 }, 'player_team_seasons_lineups_le_apps_chk'],
  ['a season position that is not a word of the API', 'player_team_seasons', { player_id: 617, team_id: 33, league_id: 39, season: 2023, position: 'Striker' }, 'player_team_seasons_position_chk'],
  ['standings whose played is not won+drawn+lost', 'standings', { league_id: 39, season: 2023, group_name: 'Premier League', team_id: 33, rank: 1, points: 3, goals_diff: 1, all_played: 2, all_won: 1, all_drawn: 0, all_lost: 0 }, 'standings_played_adds_up_chk'],
  ['standings form with letters other than W/D/L', 'standings', { league_id: 39, season: 2023, group_name: 'Premier League', team_id: 33, rank: 1, points: 3, goals_diff: 1, form: 'WXW' }, 'standings_form_format_chk'],
  ['rank 0', 'standings', { league_id: 39, season: 2023, group_name: 'Premier League', team_id: 33, rank: 0, points: 3, goals_diff: 1 }, 'standings_rank_positive_chk'],
  ['a league of an unknown type', 'leagues', { league_id: 40, name: 'X', type: 'Friendly', country_name: 'England' }, 'leagues_type_chk'],
  ['a league in an unknown country', 'leagues', { league_id: 41, name: 'X', type: 'League', country_name: 'Atlantis' }, 'leagues_country_fk'],
  ['a season ending before it starts', 'seasons', { league_id: 39, season: 2024, start_date: '2024-08-01', end_date: '2024-01-01' }, 'seasons_dates_ordered_chk'],
  ['a season in the year 3000', 'seasons', { league_id: 39, season: 3000 }, 'seasons_year_range_chk'],
  ['a team founded in 1500', 'teams', { team_id: 7, name: 'Old', founded: 1500 }, 'teams_founded_range_chk'],
  ['a venue with negative capacity', 'venues', { venue_id: 7, capacity: -1 }, 'venues_capacity_range_chk'],
  ['an injury of an unknown kind', 'injuries', { fixture_id: 1, player_id: 617, team_id: 33, type: 'Bored' }, 'injuries_type_chk'],
  ['a status of an unknown category', 'fixture_statuses', { status_short: 'ZZ', status_long: 'Z', category: 'maybe', description: 'z' }, 'fixture_statuses_category_chk'],
  ['a raw response without a valid sha256', 'raw.api_responses', { endpoint: 'fixtures', parameters: {}, http_status: 200, body: {}, sha256: 'abc' }, 'api_responses_sha256_format_chk'],
  ['a run with an unknown status', 'etl.runs', { command: 'run', arguments: {}, status: 'sleeping' }, 'runs_status_chk'],
];

describe(`constraints (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('constraints', { migrate: true });
  before(async () => seedBaseline(ctx.db.knex));

  it('accepts the valid baseline', async () => {
    expect(await ctx.db.knex('golden.fixtures').count({ n: '*' })).to.deep.equal([{ n: '1' }]);
  });

  for (const [what, table, row, constraint] of CASES) {
    it(`refuses ${what} (${constraint})`, async () => {
      const qualified = table.includes('.') ? table : `golden.${table}`;
      let error: (Error & { constraint?: string }) | undefined;
      try {
        await ctx.db.knex(qualified).insert(row);
      } catch (err) {
        error = err as Error & { constraint?: string };
      }
      expect(error, `the row was accepted`).to.exist;
      expect(error!.constraint ?? error!.message).to.equal(constraint);
      expect(error!.message).to.include(constraint);
    });
  }

  it('deletes a fixture\'s events, lineups and stats with the fixture (cascade)', async () => {
    const { knex } = ctx.db;
    await knex('golden.fixture_events').insert({ fixture_id: 1, event_index: 0, elapsed: 10, team_id: 33, player_id: 617, type: 'Goal', detail: 'Normal Goal', is_shootout: false });
    await knex('golden.fixture_lineup_players').insert({ fixture_id: 1, team_id: 33, player_id: 617, is_starter: true, list_index: 0, grid: '1:1', position: 'G' });
    await knex('golden.fixture_team_stats').insert({ fixture_id: 1, team_id: 33, shots_total: 5 });
    await knex('golden.fixture_player_stats').insert({ fixture_id: 1, team_id: 33, player_id: 617, minutes: 90 });
    await knex('golden.fixtures').where({ fixture_id: 1 }).delete();
    for (const t of ['fixture_events', 'fixture_lineups', 'fixture_lineup_players', 'fixture_team_stats', 'fixture_player_stats']) {
      expect(await knex(`golden.${t}`).count({ n: '*' }), t).to.deep.equal([{ n: '0' }]);
    }
  });
});

describe(`seeds (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('seeds', { migrate: true });

  it('load every fixture status of SPEC §8 with a category, and a second run changes nothing', async () => {
    const { knex } = ctx.db;
    const first = await knex('golden.fixture_statuses').select('*', knex.raw('xmin::text as xmin')).orderBy('status_short');
    expect(first.map((r) => r.status_short)).to.include.members(['TBD', 'NS', '1H', 'HT', '2H', 'ET', 'BT', 'P', 'SUSP', 'INT', 'FT', 'AET', 'PEN', 'PST', 'CANC', 'ABD', 'AWD', 'WO', 'LIVE']);
    expect(new Set(first.map((r) => r.category))).to.deep.equal(new Set(['scheduled', 'in_play', 'finished', 'postponed', 'cancelled', 'abandoned', 'awarded']));
    await knex.seed.run();
    await knex.seed.run();
    const again = await knex('golden.fixture_statuses').select('*', knex.raw('xmin::text as xmin')).orderBy('status_short');
    expect(again, 'rows were rewritten (xmin changed) or changed').to.deep.equal(first);
  });
});
