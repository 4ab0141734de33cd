import type { Knex } from 'knex';

// Competitions and their seasons (from /leagues), with the coverage flags the ETL plans by.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('leagues', (t) => {
    t.comment('Competitions (leagues and cups) of /leagues; league_id is stable across seasons.');
    t.integer('league_id').notNullable().comment('API-Football league id.');
    t.text('name').notNullable().comment('Competition name, e.g. "Premier League".');
    t.text('type').notNullable().comment('League or Cup, as the API capitalises it.');
    t.text('logo_url').nullable().comment('Logo image URL.');
    t.text('country_name').notNullable().comment('Country of the competition ("World" for international ones).');
    t.primary(['league_id'], { constraintName: 'leagues_pkey' });
    t.foreign(['country_name'], 'leagues_country_fk').references(['country_name']).inTable('golden.countries').onUpdate('CASCADE');
    t.check("type in ('League','Cup')", [], 'leagues_type_chk');
    t.check('league_id > 0', [], 'leagues_id_positive_chk');
    t.index(['country_name'], 'leagues_country_idx');
  });

  await knex.schema.withSchema('golden').createTable('seasons', (t) => {
    t.comment('One season of a competition (league.seasons[] of /leagues), with its coverage flags.');
    t.integer('league_id').notNullable().comment('The competition.');
    t.integer('season').notNullable().comment('Season start year (2023 = 2023-24).');
    t.date('start_date').nullable().comment('First day of the season.');
    t.date('end_date').nullable().comment('Last day of the season.');
    t.boolean('is_current').notNullable().defaultTo(false).comment('The API marks it the current season.');
    t.boolean('covers_events').nullable().comment('coverage.fixtures.events');
    t.boolean('covers_lineups').nullable().comment('coverage.fixtures.lineups');
    t.boolean('covers_fixture_statistics').nullable().comment('coverage.fixtures.statistics_fixtures');
    t.boolean('covers_player_statistics').nullable().comment('coverage.fixtures.statistics_players');
    t.boolean('covers_standings').nullable().comment('coverage.standings');
    t.boolean('covers_players').nullable().comment('coverage.players');
    t.boolean('covers_top_scorers').nullable().comment('coverage.top_scorers');
    t.boolean('covers_top_assists').nullable().comment('coverage.top_assists');
    t.boolean('covers_top_cards').nullable().comment('coverage.top_cards');
    t.boolean('covers_injuries').nullable().comment('coverage.injuries');
    t.boolean('covers_predictions').nullable().comment('coverage.predictions');
    t.boolean('covers_odds').nullable().comment('coverage.odds');
    t.primary(['league_id', 'season'], { constraintName: 'seasons_pkey' });
    t.foreign(['league_id'], 'seasons_league_fk').references(['league_id']).inTable('golden.leagues').onDelete('CASCADE');
    t.check('season between 1900 and 2100', [], 'seasons_year_range_chk');
    t.check('end_date is null or start_date is null or end_date >= start_date', [], 'seasons_dates_ordered_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('seasons');
  await knex.schema.withSchema('golden').dropTable('leagues');
}
