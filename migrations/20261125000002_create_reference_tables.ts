import type { Knex } from 'knex';

// Reference data the other tables point at: fixture status codes (SPEC §8, seeded) and countries.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('fixture_statuses', (t) => {
    t.comment('Fixture status codes of API-Football (SPEC §8), seeded by seeds/01_fixture_statuses.ts.');
    t.text('status_short').notNullable().comment('Short code as the API sends it in fixture.status.short, e.g. FT, PEN, PST.');
    t.text('status_long').notNullable().comment('Long name, e.g. "Match Finished".');
    t.text('category').notNullable().comment('scheduled | in_play | finished | postponed | cancelled | abandoned | awarded.');
    t.text('description').notNullable().comment('What the status means for a match.');
    t.primary(['status_short'], { constraintName: 'fixture_statuses_pkey' });
    t.check("status_short ~ '^[A-Z0-9]{1,4}$'", [], 'fixture_statuses_short_format_chk');
    t.check("category in ('scheduled','in_play','finished','postponed','cancelled','abandoned','awarded')", [], 'fixture_statuses_category_chk');
  });

  await knex.schema.withSchema('golden').createTable('countries', (t) => {
    t.comment('Countries of /countries; the API has no country id, the name is the key ("World" for international competitions).');
    t.text('country_name').notNullable().comment('Country name as the API spells it, e.g. "England", "World".');
    t.text('code').nullable().comment('Country code (2-6 chars, e.g. GB-ENG); null for "World".');
    t.text('flag_url').nullable().comment('Flag image URL; null for "World".');
    t.primary(['country_name'], { constraintName: 'countries_pkey' });
    t.check("length(country_name) > 0", [], 'countries_name_not_empty_chk');
    t.check("code is null or code ~ '^[A-Z]{2}(-[A-Z]{2,3}){0,1}$'", [], 'countries_code_format_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('countries');
  await knex.schema.withSchema('golden').dropTable('fixture_statuses');
}
