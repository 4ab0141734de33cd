import type { Knex } from 'knex';

// Current squads (/players/squads): who is at a club now. /players lists players who left too, and
// its paging can repeat or drop players under load; the squad is the API's word on membership.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('squad_players', (t) => {
    t.comment('Current squads (/players/squads), one row per club and player; replaced whole when a squad is fetched again.');
    t.integer('team_id').notNullable().comment('The club.');
    t.integer('player_id').notNullable().comment('The player.');
    t.smallint('shirt_number').nullable().comment('Squad number; null when none is assigned.');
    t.text('position').nullable().comment('Goalkeeper, Defender, Midfielder or Attacker.');
    t.primary(['team_id', 'player_id'], { constraintName: 'squad_players_pkey' });
    t.foreign(['team_id'], 'squad_players_team_fk').references(['team_id']).inTable('golden.teams').onDelete('CASCADE');
    t.foreign(['player_id'], 'squad_players_player_fk').references(['player_id']).inTable('golden.players');
    t.check("position is null or position in ('Goalkeeper', 'Defender', 'Midfielder', 'Attacker')", [], 'squad_players_position_chk');
    t.check('shirt_number is null or shirt_number between 0 and 999', [], 'squad_players_number_range_chk');
    t.index(['player_id'], 'squad_players_player_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('squad_players');
}
