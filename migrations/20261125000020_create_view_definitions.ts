import type { Knex } from 'knex';

// The history of the views lifecycle (src/db/view-migrations.ts): what each applied views state
// created, so that rolling back a state can create the previous definitions again.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').createTable('view_definitions', (t) => {
    t.comment('Definitions of the marts views as applied, one snapshot of every view per views state (a synthetic migration <timestamp>_views_<n> of knex_migrations); rollback restores the previous snapshot.');
    t.text('migration_name').notNullable().comment('The views state, named as in knex_migrations.name, e.g. 20261125000022_views_0001; removed again when that state is rolled back.');
    t.text('view_name').notNullable().comment('Schema-qualified view, e.g. marts.league_table.');
    t.text('file_path').notNullable().comment('Its file under views/, e.g. marts/league_table.sql.');
    t.text('checksum').notNullable().comment('sha256 (hex) of the file as applied; a different checksum in views/ makes the next migrate re-create the view.');
    t.text('definition').notNullable().comment('The file as applied: CREATE VIEW and its COMMENT ON statements.');
    t.timestamp('applied_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When this state was applied.');
    t.primary(['migration_name', 'view_name'], { constraintName: 'view_definitions_pkey' });
    t.check("migration_name ~ '^[0-9]{14}_views_[0-9]{4,}$'", [], 'view_definitions_migration_name_format_chk');
    t.check("view_name ~ '^[a-z_][a-z0-9_]*[.][a-z_][a-z0-9_]*$'", [], 'view_definitions_view_name_format_chk');
    t.check("checksum ~ '^[0-9a-f]{64}$'", [], 'view_definitions_checksum_format_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').dropTable('view_definitions');
}
