import type { Knex } from 'knex';

// Players' absences (/sidelined): injuries and suspensions with their dates, longer than the
// per-fixture injuries list (which only says who misses which match).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('sidelined', (t) => {
    t.comment('Absences of a player (/sidelined): the type (an injury, illness, suspension) and the dates; end_date null while he is still out.');
    t.integer('player_id').notNullable().comment('The player.');
    t.date('start_date').notNullable().comment('First day out.');
    t.date('end_date').nullable().comment('Last day out; null while he is still out.');
    t.text('type').nullable().comment('The absence as the API words it, e.g. "Hamstring Injury", "Suspended".');
    t.primary(['player_id', 'start_date'], { constraintName: 'sidelined_pkey' });
    t.foreign(['player_id'], 'sidelined_player_fk').references(['player_id']).inTable('golden.players').onDelete('CASCADE');
    t.check('end_date is null or end_date >= start_date', [], 'sidelined_dates_ordered_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('sidelined');
}
