import type { Knex } from 'knex';

// Venues, teams, and which teams play in which league-season.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('venues', (t) => {
    t.comment('Stadiums, from /venues, /teams (team.venue) and fixtures (fixture.venue, which may name a venue /venues does not know).');
    t.integer('venue_id').notNullable().comment('API-Football venue id.');
    t.text('name').nullable().comment('Venue name; the API has venues without one.');
    t.text('address').nullable().comment('Street address.');
    t.text('city').nullable().comment('City.');
    t.text('country_name').nullable().comment('Country as /venues spells it (not a key of countries: /teams venues carry none).');
    t.integer('capacity').nullable().comment('Seats.');
    t.text('surface').nullable().comment('Pitch surface, e.g. grass, artificial turf.');
    t.text('image_url').nullable().comment('Image URL.');
    t.primary(['venue_id'], { constraintName: 'venues_pkey' });
    t.check('venue_id > 0', [], 'venues_id_positive_chk');
    t.check('capacity is null or capacity between 0 and 250000', [], 'venues_capacity_range_chk');
  });

  await knex.schema.withSchema('golden').createTable('teams', (t) => {
    t.comment('Clubs and national teams of /teams; team_id is stable across leagues and seasons.');
    t.integer('team_id').notNullable().comment('API-Football team id.');
    t.text('name').notNullable().comment('Team name.');
    t.text('code').nullable().comment('Three-letter code, e.g. MUN; often null.');
    t.text('country_name').nullable().comment('Country as the API spells it.');
    t.integer('founded').nullable().comment('Year founded.');
    t.boolean('is_national').nullable().comment('A national team.');
    t.text('logo_url').nullable().comment('Logo image URL.');
    t.integer('venue_id').nullable().comment('Home venue (team.venue.id); null when the API gives none.');
    t.primary(['team_id'], { constraintName: 'teams_pkey' });
    t.foreign(['venue_id'], 'teams_venue_fk').references(['venue_id']).inTable('golden.venues').onDelete('SET NULL');
    t.check('team_id > 0', [], 'teams_id_positive_chk');
    t.check('founded is null or founded between 1800 and 2100', [], 'teams_founded_range_chk');
    t.check("code is null or length(code) between 2 and 5", [], 'teams_code_length_chk');
    t.index(['venue_id'], 'teams_venue_idx');
  });

  await knex.schema.withSchema('golden').createTable('team_seasons', (t) => {
    t.comment('Which teams take part in which league-season (/teams?league&season).');
    t.integer('league_id').notNullable().comment('The competition.');
    t.integer('season').notNullable().comment('The season start year.');
    t.integer('team_id').notNullable().comment('The team.');
    t.primary(['league_id', 'season', 'team_id'], { constraintName: 'team_seasons_pkey' });
    t.foreign(['league_id', 'season'], 'team_seasons_season_fk').references(['league_id', 'season']).inTable('golden.seasons').onDelete('CASCADE');
    t.foreign(['team_id'], 'team_seasons_team_fk').references(['team_id']).inTable('golden.teams');
    t.index(['team_id'], 'team_seasons_team_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('team_seasons');
  await knex.schema.withSchema('golden').dropTable('teams');
  await knex.schema.withSchema('golden').dropTable('venues');
}
