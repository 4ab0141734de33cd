import type { Knex } from 'knex';

// Transfers (/transfers): every move of a player the API knows, with its type as the API words it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('transfers', (t) => {
    t.comment('Player moves of /transfers: date, from which club, to which, and the type (Free, Loan, a fee such as "€ 250K", N/A).');
    t.integer('player_id').notNullable().comment('The player.');
    t.date('transfer_date').notNullable().comment('Date of the move.');
    t.integer('team_out_id').notNullable().comment('The club he left.');
    t.integer('team_in_id').notNullable().comment('The club he joined.');
    t.text('type').nullable().comment('The type as the API words it: Free, Loan, Transfer, N/A, or a fee ("€ 250K"); null when not given.');
    t.primary(['player_id', 'transfer_date', 'team_out_id', 'team_in_id'], { constraintName: 'transfers_pkey' });
    t.foreign(['player_id'], 'transfers_player_fk').references(['player_id']).inTable('golden.players');
    t.foreign(['team_out_id'], 'transfers_team_out_fk').references(['team_id']).inTable('golden.teams');
    t.foreign(['team_in_id'], 'transfers_team_in_fk').references(['team_id']).inTable('golden.teams');
    t.check("transfer_date between date '1900-01-01' and date '2100-01-01'", [], 'transfers_date_range_chk');
    t.index(['team_in_id', 'transfer_date'], 'transfers_team_in_idx');
    t.index(['team_out_id', 'transfer_date'], 'transfers_team_out_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('transfers');
}
