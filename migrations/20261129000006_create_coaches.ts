import type { Knex } from 'knex';

// Coaches (/coachs) and their jobs: who managed which club from when to when.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('coaches', (t) => {
    t.comment('Coaches of /coachs; coach_id is the API-Football id, stable across clubs.');
    t.integer('coach_id').notNullable().comment('API-Football coach id.');
    t.text('name').notNullable().comment('Name as the API abbreviates it, e.g. "T. Tuchel".');
    t.text('firstname').nullable().comment('First name(s).');
    t.text('lastname').nullable().comment('Last name(s).');
    t.date('birth_date').nullable().comment('Date of birth.');
    t.text('birth_place').nullable().comment('Place of birth.');
    t.text('birth_country').nullable().comment('Country of birth.');
    t.text('nationality').nullable().comment('Nationality as the API spells it.');
    t.smallint('height_cm').nullable().comment('Height in cm (from "192 cm").');
    t.smallint('weight_kg').nullable().comment('Weight in kg (from "85 kg").');
    t.text('photo_url').nullable().comment('Photo URL.');
    t.integer('team_id').nullable().comment('His club now, as /coachs says (team); null when he has none.');
    t.primary(['coach_id'], { constraintName: 'coaches_pkey' });
    t.foreign(['team_id'], 'coaches_team_fk').references(['team_id']).inTable('golden.teams').onDelete('SET NULL');
    t.check('coach_id > 0', [], 'coaches_id_positive_chk');
    t.check("length(name) > 0", [], 'coaches_name_not_empty_chk');
    t.check('birth_date is null or birth_date between date \'1900-01-01\' and current_date', [], 'coaches_birth_date_range_chk');
    t.index(['team_id'], 'coaches_team_idx');
  });

  await knex.schema.withSchema('golden').createTable('coach_tenures', (t) => {
    t.comment('Jobs of a coach (/coachs career): the club, when he started and when he left (null: still there).');
    t.integer('coach_id').notNullable().comment('The coach.');
    t.integer('team_id').notNullable().comment('The club.');
    t.date('start_date').notNullable().comment('First day in the job.');
    t.date('end_date').nullable().comment('Last day in the job; null for the current one.');
    t.primary(['coach_id', 'team_id', 'start_date'], { constraintName: 'coach_tenures_pkey' });
    t.foreign(['coach_id'], 'coach_tenures_coach_fk').references(['coach_id']).inTable('golden.coaches').onDelete('CASCADE');
    t.foreign(['team_id'], 'coach_tenures_team_fk').references(['team_id']).inTable('golden.teams');
    t.check('end_date is null or end_date >= start_date', [], 'coach_tenures_dates_ordered_chk');
    t.index(['team_id', 'start_date'], 'coach_tenures_team_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('coach_tenures');
  await knex.schema.withSchema('golden').dropTable('coaches');
}
