import type { Knex } from 'knex';

// fixture.referee is free text in varying formats ("S. Marciniak", "Anthony Taylor, England"): the
// raw text stays in `referee`, and its parsed parts go beside it for marts to group by.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').alterTable('fixtures', (t) => {
    t.text('referee_name').nullable().comment('The referee\'s name parsed from referee ("Anthony Taylor" of "Anthony Taylor, England"); null without a referee.');
    t.text('referee_country').nullable().comment('The referee\'s country when referee names one after a comma ("England"); null otherwise.');
    t.index(['referee_name'], 'fixtures_referee_name_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').alterTable('fixtures', (t) => {
    t.dropIndex(['referee_name'], 'fixtures_referee_name_idx');
    t.dropColumn('referee_country');
    t.dropColumn('referee_name');
  });
}
