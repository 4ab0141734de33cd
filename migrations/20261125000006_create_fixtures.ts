import type { Knex } from 'knex';

// Matches (/fixtures items): when, where, who, status and every score the API gives.
const SCORES: Array<[string, string]> = [
  ['goals_home', 'goals.home: home goals (after extra time, without the shoot-out); null before kick-off.'],
  ['goals_away', 'goals.away'],
  ['halftime_home', 'score.halftime.home'],
  ['halftime_away', 'score.halftime.away'],
  ['fulltime_home', 'score.fulltime.home: after 90 minutes.'],
  ['fulltime_away', 'score.fulltime.away'],
  ['extratime_home', 'score.extratime.home: goals in extra time only; null when none was played.'],
  ['extratime_away', 'score.extratime.away'],
  ['penalty_home', 'score.penalty.home: shoot-out kicks scored; null without a shoot-out.'],
  ['penalty_away', 'score.penalty.away'],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('fixtures', (t) => {
    t.comment('Matches of /fixtures, one row per fixture id, updated as the match moves from NS to FT.');
    t.integer('fixture_id').notNullable().comment('API-Football fixture id, never reused.');
    t.integer('league_id').notNullable().comment('The competition.');
    t.integer('season').notNullable().comment('The season start year.');
    t.text('round').notNullable().comment('league.round, e.g. "Regular Season - 1", "Group Stage - 2", "Final".');
    t.timestamp('kickoff_at', { useTz: true }).notNullable().comment('Kick-off (fixture.timestamp), time zone aware.');
    t.text('referee').nullable().comment('Referee as the API writes it.');
    t.integer('venue_id').nullable().comment('fixture.venue.id; null when the API gives none.');
    t.text('venue_name').nullable().comment('fixture.venue.name as given for this match.');
    t.text('venue_city').nullable().comment('fixture.venue.city as given for this match.');
    t.text('status_short').notNullable().comment('Status code, see fixture_statuses.');
    t.text('status_long').nullable().comment('Status text as the API sent it.');
    t.smallint('elapsed').nullable().comment('Minutes played (capped at 45/90/120 by the API).');
    t.smallint('status_extra').nullable().comment('fixture.status.extra: added minutes; absent in older data.');
    t.timestamp('first_half_at', { useTz: true }).nullable().comment('fixture.periods.first: first-half kick-off.');
    t.timestamp('second_half_at', { useTz: true }).nullable().comment('fixture.periods.second: second-half kick-off.');
    t.integer('home_team_id').notNullable().comment('Home team.');
    t.integer('away_team_id').notNullable().comment('Away team.');
    t.boolean('home_winner').nullable().comment('teams.home.winner: null for draws and unfinished matches.');
    t.boolean('away_winner').nullable().comment('teams.away.winner');
    for (const [name, comment] of SCORES) t.smallint(name).nullable().comment(comment);
    t.boolean('has_standings').nullable().comment('league.standings: the API keeps standings for this fixture\'s league (absent in older data).');
    t.primary(['fixture_id'], { constraintName: 'fixtures_pkey' });
    t.foreign(['league_id', 'season'], 'fixtures_season_fk').references(['league_id', 'season']).inTable('golden.seasons');
    t.foreign(['home_team_id'], 'fixtures_home_team_fk').references(['team_id']).inTable('golden.teams');
    t.foreign(['away_team_id'], 'fixtures_away_team_fk').references(['team_id']).inTable('golden.teams');
    t.foreign(['venue_id'], 'fixtures_venue_fk').references(['venue_id']).inTable('golden.venues');
    t.foreign(['status_short'], 'fixtures_status_fk').references(['status_short']).inTable('golden.fixture_statuses');
    t.check('home_team_id <> away_team_id', [], 'fixtures_home_away_distinct_chk');
    t.check(SCORES.map(([name]) => `coalesce(${name}, 0) >= 0`).join(' and '), [], 'fixtures_scores_nonneg_chk');
    t.check('elapsed is null or elapsed between 0 and 150', [], 'fixtures_elapsed_range_chk');
    t.check('status_extra is null or status_extra between 0 and 60', [], 'fixtures_status_extra_range_chk');
    t.check('(goals_home is null) = (goals_away is null)', [], 'fixtures_goals_both_or_neither_chk');
    t.check('not (home_winner and away_winner)', [], 'fixtures_single_winner_chk');
    t.index(['league_id', 'season'], 'fixtures_league_season_idx');
    t.index(['home_team_id'], 'fixtures_home_team_idx');
    t.index(['away_team_id'], 'fixtures_away_team_idx');
    t.index(['kickoff_at'], 'fixtures_kickoff_at_idx');
    t.index(['venue_id'], 'fixtures_venue_idx');
    t.index(['status_short'], 'fixtures_status_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('fixtures');
}
