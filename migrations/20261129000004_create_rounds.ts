import type { Knex } from 'knex';

// The rounds of a league-season in the order the API gives them (/fixtures/rounds): what
// "after round 12" means, and the order of rounds whose names do not sort (qualifiers, finals).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('rounds', (t) => {
    t.comment('Rounds of a league-season (/fixtures/rounds), in the order of the season.');
    t.integer('league_id').notNullable().comment('The competition.');
    t.integer('season').notNullable().comment('The season start year.');
    t.text('round').notNullable().comment('Round name as fixtures carry it in round, e.g. "Regular Season - 1", "Apertura - 3", "Final".');
    t.smallint('round_index').notNullable().comment('Position of the round in the season, from 1 (the order the API lists them in).');
    t.primary(['league_id', 'season', 'round'], { constraintName: 'rounds_pkey' });
    // Checked at commit: a reordered list is rewritten row by row within one transaction.
    t.unique(['league_id', 'season', 'round_index'], { indexName: 'rounds_order_key', useConstraint: true, deferrable: 'deferred' });
    t.foreign(['league_id', 'season'], 'rounds_season_fk').references(['league_id', 'season']).inTable('golden.seasons').onDelete('CASCADE');
    t.check('round_index >= 1', [], 'rounds_index_positive_chk');
    t.check("length(round) between 1 and 200", [], 'rounds_name_length_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('rounds');
}
