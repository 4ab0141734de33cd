import type { Knex } from 'knex';

// Curated corrections of golden values (quantfoot override set|list|remove). They live beside the
// golden tables, never in them: the ETL keeps writing the API's values, and the marts show the
// override instead (views marts.<entity>), so no load can erase a correction.
const ENTITIES = ['leagues', 'venues', 'teams', 'players', 'coaches', 'fixtures'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('overrides', (t) => {
    t.comment('Curated corrections of golden values, one per row and field: the marts show value, the golden row keeps what the API sent.');
    t.text('entity').notNullable().comment('The golden table corrected: leagues, venues, teams, players, coaches or fixtures.');
    t.integer('entity_id').notNullable().comment('Its row: the table\'s API id (league_id, venue_id, team_id, player_id, coach_id, fixture_id).');
    t.text('field').notNullable().comment('The column corrected.');
    t.text('value').notNullable().comment('The corrected value, as the column type reads it (kept in its canonical text form, times in UTC).');
    t.text('reason').notNullable().comment('Why the API is wrong here, e.g. a source that says otherwise.');
    t.text('author').notNullable().comment('Who made the correction.');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When the correction was set (or last replaced).');
    t.primary(['entity', 'entity_id', 'field'], { constraintName: 'overrides_pkey' });
    t.check(`entity in (${ENTITIES.map((e) => `'${e}'`).join(', ')})`, [], 'overrides_entity_chk');
    t.check('entity_id > 0', [], 'overrides_entity_id_positive_chk');
    t.check("field ~ '^[a-z_][a-z0-9_]*$'", [], 'overrides_field_format_chk');
    t.check("length(btrim(reason)) > 0", [], 'overrides_reason_not_empty_chk');
    t.check("length(btrim(author)) > 0", [], 'overrides_author_not_empty_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('overrides');
}
