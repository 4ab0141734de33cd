import type { Knex } from 'knex';

// What happened in a match (events) and who played (lineups). Both belong to a fixture and go with it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('fixture_events', (t) => {
    t.comment('Match events (/fixtures/events, or embedded in /fixtures?ids=): goals, cards, substitutions, VAR decisions. Replaced as a whole per fixture at each load.');
    t.integer('fixture_id').notNullable().comment('The match.');
    t.smallint('event_index').notNullable().comment('Position of the event in the API\'s list for the fixture (0-based), its order of play.');
    t.smallint('elapsed').notNullable().comment('time.elapsed: match minute (120 for shoot-out kicks).');
    t.smallint('extra').nullable().comment('time.extra: added-time minute (90+3 is elapsed 90, extra 3; the kick number in a shoot-out).');
    t.integer('team_id').notNullable().comment('team.id: for a goal, the team it counts for (also for own goals).');
    t.integer('player_id').nullable().comment('player.id: scorer, booked player, or (subst) one of the two players; null when unknown.');
    t.text('player_name').nullable().comment('player.name as given in the event.');
    t.integer('assist_id').nullable().comment('assist.id: assisting player, or (subst) the other player.');
    t.text('assist_name').nullable().comment('assist.name');
    t.text('type').notNullable().comment('Goal, Card, subst or Var (the API writes subst in lower case).');
    t.text('detail').nullable().comment('e.g. Normal Goal, Own Goal, Penalty, Missed Penalty, Yellow Card, Red Card, Substitution 1, Goal cancelled.');
    t.text('comments').nullable().comment('e.g. "Penalty Shootout", "Foul".');
    t.boolean('is_shootout').notNullable().comment('A kick of the penalty shoot-out (comments = "Penalty Shootout"): never counts towards the score.');
    t.primary(['fixture_id', 'event_index'], { constraintName: 'fixture_events_pkey' });
    t.foreign(['fixture_id'], 'fixture_events_fixture_fk').references(['fixture_id']).inTable('golden.fixtures').onDelete('CASCADE');
    t.foreign(['team_id'], 'fixture_events_team_fk').references(['team_id']).inTable('golden.teams');
    t.foreign(['player_id'], 'fixture_events_player_fk').references(['player_id']).inTable('golden.players');
    t.foreign(['assist_id'], 'fixture_events_assist_fk').references(['player_id']).inTable('golden.players');
    t.check("type in ('Goal','Card','subst','Var')", [], 'fixture_events_type_chk');
    t.check('event_index >= 0', [], 'fixture_events_index_nonneg_chk');
    t.check('elapsed between -5 and 150', [], 'fixture_events_elapsed_range_chk');
    t.check('extra is null or extra between 0 and 60', [], 'fixture_events_extra_range_chk');
    t.index(['player_id'], 'fixture_events_player_idx');
    t.index(['team_id'], 'fixture_events_team_idx');
  });

  await knex.schema.withSchema('golden').createTable('fixture_lineups', (t) => {
    t.comment('The line-up of one team in a match (/fixtures/lineups): formation, coach, colours.');
    t.integer('fixture_id').notNullable().comment('The match.');
    t.integer('team_id').notNullable().comment('The team.');
    t.text('formation').nullable().comment('e.g. 4-3-3.');
    t.integer('coach_id').nullable().comment('coach.id');
    t.text('coach_name').nullable().comment('coach.name');
    t.text('coach_photo_url').nullable().comment('coach.photo');
    t.jsonb('colors').nullable().comment('team.colors: shirt colours of outfield players and goalkeeper, as given.');
    t.primary(['fixture_id', 'team_id'], { constraintName: 'fixture_lineups_pkey' });
    t.foreign(['fixture_id'], 'fixture_lineups_fixture_fk').references(['fixture_id']).inTable('golden.fixtures').onDelete('CASCADE');
    t.foreign(['team_id'], 'fixture_lineups_team_fk').references(['team_id']).inTable('golden.teams');
    t.check("formation is null or formation ~ '^[0-9](-[0-9]){1,5}$'", [], 'fixture_lineups_formation_format_chk');
    t.index(['team_id'], 'fixture_lineups_team_idx');
  });

  await knex.schema.withSchema('golden').createTable('fixture_lineup_players', (t) => {
    t.comment('Players of a line-up: the starting XI (with their grid position) and the substitutes.');
    t.integer('fixture_id').notNullable().comment('The match.');
    t.integer('team_id').notNullable().comment('The team.');
    t.integer('player_id').notNullable().comment('The player.');
    t.text('player_name').nullable().comment('player.name as given in the line-up.');
    t.smallint('shirt_number').nullable().comment('player.number');
    t.text('position').nullable().comment('player.pos: G, D, M or F.');
    t.text('grid').nullable().comment('player.grid "row:col" on the pitch for starters; null for substitutes.');
    t.boolean('is_starter').notNullable().comment('In the startXI (true) or among the substitutes (false).');
    t.smallint('list_index').notNullable().comment('Position in the API\'s startXI or substitutes list.');
    t.primary(['fixture_id', 'team_id', 'player_id'], { constraintName: 'fixture_lineup_players_pkey' });
    t.foreign(['fixture_id', 'team_id'], 'fixture_lineup_players_lineup_fk').references(['fixture_id', 'team_id']).inTable('golden.fixture_lineups').onDelete('CASCADE');
    t.foreign(['player_id'], 'fixture_lineup_players_player_fk').references(['player_id']).inTable('golden.players');
    t.check("position is null or position in ('G','D','M','F')", [], 'fixture_lineup_players_position_chk');
    t.check("grid is null or grid ~ '^[0-9]+:[0-9]+$'", [], 'fixture_lineup_players_grid_format_chk');
    t.check('shirt_number is null or shirt_number between 0 and 99', [], 'fixture_lineup_players_number_range_chk');
    t.index(['player_id'], 'fixture_lineup_players_player_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('fixture_lineup_players');
  await knex.schema.withSchema('golden').dropTable('fixture_lineups');
  await knex.schema.withSchema('golden').dropTable('fixture_events');
}
