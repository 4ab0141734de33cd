import type { Knex } from 'knex';

// What the loaded details of each fixture are (a hash of the rows written): a fixture whose details
// would load the same rows is not rewritten at all, and a changed one is replaced whole (old
// children deleted, the new ones copied in). It goes with its fixture.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').createTable('fixture_details', (t) => {
    t.comment('Per fixture: the sha256 of the rows its events, line-ups and statistics were loaded as; details that would load the same rows are skipped, changed ones replaced whole.');
    t.integer('fixture_id').notNullable().comment('The fixture.');
    t.text('sha256').notNullable().comment('sha256 of the child rows as written (COPY text of every child table): a change of the API item or of the transform shows.');
    t.timestamp('loaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When these details were written.');
    t.primary(['fixture_id'], { constraintName: 'fixture_details_pkey' });
    t.foreign(['fixture_id'], 'fixture_details_fixture_fk').references(['fixture_id']).inTable('golden.fixtures').onDelete('CASCADE');
    t.check("sha256 ~ '^[0-9a-f]{64}$'", [], 'fixture_details_sha256_format_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').dropTable('fixture_details');
}
